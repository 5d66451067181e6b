import FolioContent
import FolioCore
import FolioMarkdown
import FolioModel
import Foundation

/// Page structure: skipped heading levels, duplicate ids, several H1s, notes in headings,
/// repeated headings, and a document's table of contents against its articles.
enum StructureCheck {
    static func page(_ source: PageSource) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let headings = source.rendered.headings
        // STR001
        var previousLevel: Int?
        for heading in headings {
            if let previous = previousLevel, heading.level > previous + 1 {
                found.append(CheckCatalog.make("STR001", "heading level jumps from H\(previous) to H\(heading.level) at “\(heading.text.prefix(60))”", at: source.location(fileLine: heading.line), hint: "use H\(previous + 1) here, or add the missing intermediate heading"))
            }
            previousLevel = heading.level
        }
        // STR003
        if source.page.kind == .article {
            let h1s = headings.filter { $0.level == 1 }
            for extra in h1s.dropFirst() {
                found.append(CheckCatalog.make("STR003", "second level-1 heading “\(extra.text.prefix(60))” (the article title is at line \(h1s[0].line))", at: source.location(fileLine: extra.line), hint: "an article has one H1, its title; make this H2"))
            }
        }
        // STR004
        let headingLines = Set(headings.map(\.line))
        for mark in source.references where headingLines.contains(mark.line) {
            found.append(CheckCatalog.make("STR004", "heading contains footnote reference [^\(mark.label)]", at: source.location(fileLine: mark.line, column: mark.column), hint: "move the reference to the first sentence of the section, so it stays out of the table of contents and the heading id"))
        }
        // STR007: a heading that repeats an earlier one under the same parent heading (its link
        // target is ambiguous there). "Synopsis" under each function of a manual, or
        // "Conclusion" closing each of two sections, is the document's structure, not a finding.
        var parentOf: [Int: String] = [:]
        var open: [(level: Int, id: String)] = []
        for (index, heading) in headings.enumerated() {
            while let last = open.last, last.level >= heading.level { open.removeLast() }
            parentOf[index] = open.last?.id ?? ""
            open.append((heading.level, heading.id))
        }
        var seenUnder: Set<String> = []
        for (index, heading) in headings.enumerated() {
            let base = Slug.make(heading.text)
            let key = "\(parentOf[index] ?? "")\u{1F}\(base)"
            guard seenUnder.insert(key).inserted == false else { continue }
            if heading.id != base, heading.id.hasPrefix(base + "-"), Int(heading.id.dropFirst(base.count + 1)) != nil {
                found.append(CheckCatalog.make("STR007", "heading “\(heading.text.prefix(60))” repeats an earlier heading; its id is `\(heading.id)`", at: source.location(fileLine: heading.line), hint: "make the heading more specific so its link target is stable"))
            }
        }
        // STR002: ids written in raw HTML that repeat each other or a heading id.
        var ids: [String: Int] = [:]
        for heading in headings { ids[heading.id] = source.bodyLine(heading.line) }
        for (id, line) in source.rawIDs {
            if let first = ids[id] {
                found.append(CheckCatalog.make("STR002", "id `\(id)` is used twice in this page (first at line \(source.fileLine(first)))", at: source.location(bodyLine: line), hint: "give each anchor a unique id"))
            } else {
                ids[id] = line
            }
        }
        return found
    }

    /// STR005/STR006: when the document index is a table of contents (it links to two or more
    /// articles), every article is linked from it, with its title.
    static func tableOfContents(_ index: PageSource, articles: [PageSource]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let byPath = Dictionary(articles.map { ($0.page.path, $0) }, uniquingKeysWith: { a, _ in a })
        var entries: [(link: RenderedLink, article: PageSource)] = []
        for link in index.rendered.links where link.kind == .link {
            let path = link.destination.split(separator: "#").first.map(String.init) ?? link.destination
            guard path.hasSuffix(".md"), let target = SiteLink.resolve(path, from: index.page.path), let article = byPath[target] else { continue }
            entries.append((link, article))
        }
        let linked = Set(entries.map(\.article.page.path))
        guard linked.count >= 2 else { return found }
        for (link, article) in entries {
            let text = TextPatterns.normalisedText(link.text)
            let title = TextPatterns.normalisedText(article.page.frontMatter.title)
            if !text.isEmpty, !title.isEmpty, !text.has(title), !title.has(text) {
                found.append(CheckCatalog.make("STR006", "table of contents entry “\(link.text.prefix(60))” differs from the article title “\(article.page.frontMatter.title.prefix(60))”", at: index.location(fileLine: link.line, column: link.column), hint: "regenerate the table of contents or correct the title"))
            }
        }
        for article in articles where !linked.contains(article.page.path) && article.page.frontMatter.draft != true {
            found.append(CheckCatalog.make("STR005", "article “\(article.page.frontMatter.title.prefix(60))” is not linked from the table of contents in \(index.page.path)", at: SourceLocation(file: article.page.path, line: 1), hint: "add it to the document's table of contents"))
        }
        return found
    }
}
