import FolioContent
import FolioCore
import FolioMarkdown
import FolioModel
import Foundation

/// Links in Markdown: `#fragment`s that exist in their target page, well-formed external URLs,
/// no backslash escapes in link text, no URL split by a space.
enum LinkCheck {
    /// - Returns: findings and the `path#fragment` keys reported as missing anchors.
    static func page(_ source: PageSource, context: CheckContext) -> ([Diagnostic], Set<String>) {
        var found: [Diagnostic] = []
        var fragments = Set<String>()
        for link in source.rendered.links where link.kind != .image {
            let url = link.destination
            let (line, inDefinition) = source.fileLine(of: link)
            let at = source.location(fileLine: line, column: line == link.line ? link.column : nil)
            if SiteLink.isInternal(url) {
                guard let (path, fragment, decoded, target) = fragmentTarget(url, of: source.published, context: context) else { continue }
                guard let target, !target.rendered.anchorIDs.contains(decoded) else { continue }
                fragments.insert("\(source.page.path)#\(fragment)")
                if path.isEmpty, let (kind, number) = captionAnchor(decoded) {
                    found.append(CheckCatalog.make("FIG001", "link to \(kind.capitalized) \(number) (`#\(decoded)`), but this article has no such \(kind)", at: at, hint: "add or renumber the caption, or correct the reference"))
                } else {
                    let place = path.isEmpty ? "this page" : target.page.path
                    found.append(CheckCatalog.make("LNK006", "link `\(url)` points to a missing anchor `#\(decoded)` in \(place)", at: at, hint: "link to an existing heading, figure or footnote id"))
                }
                continue
            }
            let lower = url.lowercased()
            if lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("htp") || lower.hasPrefix("www.") {
                // Definitions are checked as text (FN008), with their URLs as written.
                if !inDefinition, let problem = URLText.malformed(url) {
                    found.append(CheckCatalog.make("URL001", problem.message, at: at, hint: problem.hint))
                }
            }
            if (link.kind == .link || link.kind == .autolink), link.text.has("\\") {
                found.append(CheckCatalog.make("URL002", "link text “\(link.text.prefix(60))” shows a backslash escape", at: at, hint: "remove the backslash from the link text (write `_`, not `\\\\_`)"))
            }
        }
        // URL003 and unlinked malformed URLs in paragraphs (definitions are checked as notes).
        for block in source.rendered.textBlocks {
            if source.isInDefinition(block) { continue }
            let linksHere = source.rendered.links.filter { $0.line == block.line }
            let linked = Set(linksHere.map(\.destination))
            for (url, next) in URLText.tokens(in: block.text) {
                if let problem = URLText.malformed(url) {
                    if !linked.contains(url) && !linked.contains(where: { $0.hasSuffix(url) }) && !linksHere.contains(where: { $0.text.has(url) }) {
                        found.append(CheckCatalog.make("URL001", problem.message, at: source.location(fileLine: block.line), hint: problem.hint))
                    }
                    continue
                }
                guard let next, URLText.looksLikeContinuation(url: url, next: next) else { continue }
                found.append(CheckCatalog.make("URL003", "URL `\(url)` is broken by a space before `\(URLText.trimTrailing(next))`", at: source.location(fileLine: block.line), hint: "join the two parts into one URL"))
            }
        }
        return (found, fragments)
    }

    /// An internal link's path and `#fragment` (as written and decoded) and the page the fragment
    /// is looked up in: the page itself for `#id`, the linked Markdown page for `page.md#id`, nil
    /// for other targets. Nil for links without a fragment.
    static func fragmentTarget(_ url: String, of source: PublishedPage, context: CheckContext) -> (path: String, fragment: String, decoded: String, target: PublishedPage?)? {
        guard let hash = url.firstIndex(of: "#") else { return nil }
        let path = String(url[..<hash])
        let fragment = String(url[url.index(after: hash)...])
        guard !fragment.isEmpty else { return nil }
        let decoded = fragment.removingPercentEncoding ?? fragment
        if path.isEmpty { return (path, fragment, decoded, source) }
        guard path.hasSuffix(".md"), let resolved = SiteLink.resolve(path, from: source.page.path) else { return (path, fragment, decoded, nil) }
        return (path, fragment, decoded, context.pagesByPath[resolved])
    }

    /// `figure-3` → (`figure`, 3); `table-1` → (`table`, 1).
    static func captionAnchor(_ id: String) -> (String, Int)? {
        guard let dash = id.lastIndex(of: "-"), let number = Int(id[id.index(after: dash)...]) else { return nil }
        let word = String(id[..<dash]).split(separator: "-").last.map(String.init) ?? ""
        guard let kind = CaptionKind.from(word: word)?.numbering else { return nil }
        return (kind, number)
    }
}
