import FolioCore
import FolioMarkdown
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
            let directory = Self.directoryParts(of: file.path)
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
                guard Self.isInternal(url) else { continue }
                let (pathPart, fragment) = Self.split(url)
                // A `.md` link left in a content page is reported against the Markdown file (LNK005).
                if file.contentPath != nil && pathPart.hasSuffix(".md") { continue }
                let target: String
                if pathPart.isEmpty {
                    target = file.path
                } else {
                    guard let resolved = Self.resolve(pathPart, inDirectory: directory) else {
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

    /// Whether a URL points inside the site (no scheme, not protocol-relative).
    public static func isInternal(_ url: String) -> Bool {
        if url.hasPrefix("//") { return false }
        if let colon = url.firstIndex(of: ":") {
            let scheme = url[..<colon]
            if !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }),
               !(url.firstIndex(of: "/").map { $0 < colon } ?? false) {
                return false
            }
        }
        return true
    }

    /// Splits `path#fragment` (dropping any `?query`).
    static func split(_ url: String) -> (String, String?) {
        var path = url
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let q = path.firstIndex(of: "?") { path = String(path[..<q]) }
        return (path, fragment)
    }

    /// Resolves a relative path against the directory of `from`; `nil` if it climbs above the root.
    public static func resolve(_ relative: String, from: String) -> String? {
        resolve(relative, inDirectory: directoryParts(of: from))
    }

    /// The path components of the directory of `path` (`a/b/c.html` → `a`, `b`).
    static func directoryParts(of path: String) -> [String] {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast()
        return parts
    }

    /// Resolves a relative path against the directory given by its components.
    static func resolve(_ relative: String, inDirectory directory: [String]) -> String? {
        var parts = directory
        for component in relative.split(separator: "/", omittingEmptySubsequences: false) {
            switch component {
            case ".", "": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default:
                parts.append(component.utf8.contains(0x25) ? (String(component).removingPercentEncoding ?? String(component)) : String(component))
            }
        }
        var result = parts.joined(separator: "/")
        if relative.hasSuffix("/") && !result.isEmpty { result += "/" }
        return result
    }
}
