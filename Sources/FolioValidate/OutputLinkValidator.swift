import FolioCore
import FolioMarkdown
import FolioModel
import Foundation

/// Checks that every internal link and `#fragment` in the built site resolves to an existing
/// file and id, and that no link is root-relative or `file://` (the site must work from disk
/// and under any sub-path).
public struct OutputLinkValidator: Sendable {
    public init() {}

    /// Validates the links of `files` against each other.
    /// - Parameter existingPaths: every site-relative path written (HTML and assets).
    /// - Parameter reportedLinks: links ``ContentValidator`` already reported at their Markdown
    ///   line (`Content/path#fragment`, `Content/path url`); not reported again here.
    public func validate(_ files: [OutputFileFacts], existingPaths: Set<String>, reportedLinks: Set<String> = []) -> [Diagnostic] {
        var idsByPath: [String: Set<String>] = [:]
        for file in files { idsByPath[file.path] = file.facts.ids }
        let ids = idsByPath
        // Files are independent: check them on all cores, keeping their order.
        return ConcurrentMap.map(files) { file in
            Self.check(file, idsByPath: ids, existingPaths: existingPaths, reportedLinks: reportedLinks)
        }.flatMap { $0 }
    }

    /// The link problems of one output file.
    static func check(_ file: OutputFileFacts, idsByPath: [String: Set<String>], existingPaths: Set<String>, reportedLinks: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        do {
            let location = { (line: Int) in SourceLocation(file: "\(Self.siteDirectoryName)/\(file.path)", line: line) }
            // The directory of the file, split once for all of its links.
            let directory = SiteLink.directoryParts(of: file.path)
            for ref in file.facts.references {
                let url = ref.url
                if url.hasPrefix("/") && !url.hasPrefix("//") {
                    diagnostics.append(Diagnostic(code: "LNK003", severity: .error, message: "root-relative link `\(url)` breaks the site when opened from disk or a sub-path", location: location(ref.line), source: file.contentPath.map { SourceLocation(file: $0, line: 1) }, hint: "use a relative link"))
                    continue
                }
                if let first = url.utf8.first, first | 0x20 == 0x66, String(url.prefix(5)).lowercased() == "file:" {
                    diagnostics.append(Diagnostic(code: "LNK004", severity: .error, message: "`file:` link `\(url)`", location: location(ref.line), hint: "use a relative link"))
                    continue
                }
                guard SiteLink.isInternal(url) else { continue }
                let (pathPart, fragment) = SiteLink.split(url)
                // A `.md` link left in a content page is reported against the Markdown file (LNK005).
                if file.contentPath != nil && pathPart.hasSuffix(".md") { continue }
                let target: String
                if pathPart.isEmpty {
                    target = file.path
                } else {
                    guard let resolved = SiteLink.resolve(pathPart, inDirectory: directory) else {
                        diagnostics.append(Diagnostic(code: "LNK001", severity: .error, message: "link `\(url)` leaves the site", location: location(ref.line), hint: "fix the number of `../`"))
                        continue
                    }
                    if existingPaths.contains(resolved) {
                        target = resolved
                    } else if existingPaths.contains(resolved + (resolved.isEmpty || resolved.hasSuffix("/") ? "" : "/") + "index.html") {
                        target = resolved + (resolved.isEmpty || resolved.hasSuffix("/") ? "" : "/") + "index.html"
                    } else {
                        if let content = file.contentPath, reportedLinks.contains("\(content) \(url)") { continue }
                        diagnostics.append(Diagnostic(code: "LNK001", severity: .error, message: "link `\(url)` points to a page that does not exist", location: location(ref.line), hint: "check the link target"))
                        continue
                    }
                }
                if let fragment, !fragment.isEmpty, target.hasSuffix(".html") {
                    if let content = file.contentPath, reportedLinks.contains("\(content)#\(fragment)") { continue }
                    let decoded = fragment.utf8.contains(0x25) ? (fragment.removingPercentEncoding ?? fragment) : fragment
                    if let ids = idsByPath[target], !ids.contains(decoded) {
                        diagnostics.append(Diagnostic(code: "LNK002", severity: .error, message: "link `\(url)` points to a missing anchor `#\(decoded)` in \(target)", location: location(ref.line), hint: "link to an existing heading, figure or footnote id"))
                    }
                }
            }
        }
        return diagnostics
    }

    /// The directory name shown in locations of output files.
    public static let siteDirectoryName = "Site"
}
