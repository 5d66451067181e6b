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
    /// - Parameter cache: with a cache, a file whose links are those of an earlier build, in a
    ///   site whose files, ids and reported links are those of that build, is not checked again:
    ///   its findings are that build's.
    public func validate(_ files: [OutputFileFacts], existingPaths: Set<String>, reportedLinks: Set<String> = [], cache: BuildCache? = nil) -> [Diagnostic] {
        var idsByPath: [String: Set<String>] = [:]
        for file in files { idsByPath[file.path] = file.facts.ids }
        let ids = idsByPath
        @Sendable func check(_ file: OutputFileFacts) -> [Diagnostic] {
            Self.check(file, idsByPath: ids, existingPaths: existingPaths, reportedLinks: reportedLinks)
        }
        // Files are independent: check them on all cores, keeping their order.
        guard let cache else { return ConcurrentMap.map(files, check).flatMap { $0 } }
        let key = Self.targetsKey(files, existingPaths: existingPaths, reportedLinks: reportedLinks)
        let digests = ConcurrentMap.map(files) { Self.digest(of: $0) }
        let known = cache.value(Self.cacheNamespace, key).flatMap(CheckedFiles.unarchived)?.findings ?? [:]
        let findings = ConcurrentMap.map(Array(files.indices)) { index in known[digests[index]] ?? check(files[index]) }
        let current = Dictionary(zip(digests, findings), uniquingKeysWith: { a, _ in a })
        if current.count != known.count || current.keys.contains(where: { known[$0] == nil }) {
            cache.store(Self.cacheNamespace, key, CheckedFiles(findings: current).archived)
        }
        return findings.flatMap { $0 }
    }

    /// The build cache's namespace of checked files' findings.
    static let cacheNamespace = "output-links"

    /// The digest of everything a link is checked against: every path written, the ids of every
    /// HTML file and the links already reported.
    static func targetsKey(_ files: [OutputFileFacts], existingPaths: Set<String>, reportedLinks: Set<String>) -> BuildCache.Key {
        var key = CacheKeyBuilder(cacheNamespace)
        key.add(existingPaths.count)
        for path in existingPaths.sorted() { key.add(path) }
        key.add(reportedLinks.count)
        for link in reportedLinks.sorted() { key.add(link) }
        let sorted = files.sorted { $0.path < $1.path }
        key.add(sorted.count)
        for digest in ConcurrentMap.map(sorted, { file -> Data in
            var ids = CacheKeyBuilder("ids")
            ids.add(file.path)
            ids.add(file.facts.ids.count)
            for id in file.facts.ids.sorted() { ids.add(id) }
            return ids.key().bytes
        }) { key.add(digest) }
        return key.key()
    }

    /// The digest of what is checked of one file: its path, its `Content/` file and its links.
    static func digest(of file: OutputFileFacts) -> Data {
        var key = CacheKeyBuilder("links")
        key.add(file.path)
        key.add(file.contentPath ?? "")
        key.add(file.contentPath == nil ? 0 : 1)
        key.add(file.facts.references.count)
        for reference in file.facts.references {
            key.add(reference.url)
            key.add(reference.line)
        }
        return key.key().bytes
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

/// The findings of checked output files by the digest of what was checked of each, as the build
/// cache keeps them.
struct CheckedFiles: BinaryArchivable {
    var findings: [Data: [Diagnostic]]

    init(findings: [Data: [Diagnostic]]) {
        self.findings = findings
    }

    func archive(into archive: inout ArchiveWriter) {
        let sorted = findings.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        archive.write(sorted.count)
        for (digest, list) in sorted {
            archive.write(digest)
            archive.write(list)
        }
    }

    init(from archive: inout ArchiveReader) throws {
        findings = [:]
        for _ in 0..<(try archive.readCount()) {
            let digest = try archive.readData()
            findings[digest] = try archive.readArray()
        }
    }
}
