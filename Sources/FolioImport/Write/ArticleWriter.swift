import FolioContent
import FolioCore
import FolioEntities
import Foundation

/// One generated Markdown file and, for each of its lines, the raw source line it came from.
public struct GeneratedFile: Sendable, Equatable {
    /// Path relative to the project root, e.g. `Content/articles/cmia-2021/07-schneider-electric.md`.
    public var path: String
    /// The whole file: front matter and Markdown body.
    public var text: String
    /// Source line per file line (index 0 = file line 1); 0 where a line has no source.
    public var sourceLineOfFileLine: [Int]
    /// Organisations the tagger found by their shape and accepted in this article.
    public var organisations: [FoundOrganisation] = []
    /// Names it found but did not accept (for the review file).
    public var candidates: [FoundOrganisation] = []
    /// Technologies the tagger found by their shape and accepted in this article.
    public var technologies: [FoundTechnology] = []
    /// Technologies it found but did not accept (for the review file).
    public var technologyCandidates: [FoundTechnology] = []

    /// The file line a finding about `markers` at `sourceLine` belongs on: the line from that
    /// source line that holds the first marker found, else any line that holds it, else
    /// ``fileLine(forSource:)``.
    public func fileLine(forSource sourceLine: Int, holding markers: [String]) -> Int? {
        guard !markers.isEmpty else { return fileLine(forSource: sourceLine) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for marker in markers {
            // A line that came from this source line and holds the marker, else any line that holds it.
            let fromSource = lines.indices.first { $0 < sourceLineOfFileLine.count && sourceLineOfFileLine[$0] == sourceLine && lines[$0].contains(marker) }
            if let found = fromSource ?? lines.indices.first(where: { lines[$0].contains(marker) }) { return found + 1 }
        }
        return fileLine(forSource: sourceLine)
    }

    /// The first file line carrying `sourceLine` exactly; else the line of the block the source
    /// line falls in, the one starting nearest before it (a rejoined paragraph carries the source
    /// line of its first line only); else the first carrying a later one.
    public func fileLine(forSource sourceLine: Int) -> Int? {
        var before: (line: Int, number: Int)?
        var later: Int?
        for (index, number) in sourceLineOfFileLine.enumerated() where number > 0 {
            if number == sourceLine { return index + 1 }
            if (number < sourceLine) && (number > (before?.number ?? 0)) { before = (index + 1, number) }
            if number > sourceLine && later == nil { later = index + 1 }
        }
        return before?.line ?? later
    }
}

/// Turns drafts into Markdown files with YAML front matter (DESIGN.md contract), a content
/// hash and one H1, deterministically.
struct ArticleWriter: Sendable {
    var contentDirectory: String
    var tagger: EntityTagger

    func articlePath(_ document: String, _ article: ArticleDraft) -> String {
        let order = article.order < 10 ? "0\(article.order)" : "\(article.order)"
        return "\(contentDirectory)/articles/\(document)/\(order)-\(article.slug).md"
    }

    func write(article: ArticleDraft, document: DocumentDraft) -> GeneratedFile {
        // The H1 carries the title's source line unless the body starts on that very line
        // (a unit without a title heading), so diagnostics land on the text.
        let titleSource = article.lines.first?.number == article.sourceLines.lowerBound ? 0 : article.sourceLines.lowerBound
        var body: [SourceLine] = [SourceLine("# " + article.title, number: titleSource), SourceLine("", number: 0)]
        var previousBlank = true
        for line in article.lines {
            let blank = line.text.isEmpty
            if blank && previousBlank { continue }
            body.append(line)
            previousBlank = blank
        }
        while body.last?.text.isEmpty == true { body.removeLast() }
        let markdown = body.map(\.text).joined(separator: "\n") + "\n"
        // The tags go into the front matter; the text stays as written: the build links first
        // mentions to the index pages, so no site URL is baked into the Markdown.
        let tagged = tagger.analyze(markdown: markdown, linking: false)
        let bodyText = markdown
        var fm = FrontMatter(title: article.title)
        fm.subtitle = article.subtitle
        fm.document = document.metadata.slug
        fm.order = article.order
        fm.company = article.company
        fm.authors = article.authors
        // Body line 1 is the blank line after the closing `---`; body[i] is body line i + 2.
        let exact = body.enumerated().compactMap { index, line in
            line.number > 0 && !line.text.allSatisfy(\.isWhitespace) ? "\(index + 2):\(line.number)" : nil
        }
        fm.source = SourceRange(
            file: document.metadata.source, lines: [article.sourceLines.lowerBound, article.sourceLines.upperBound], map: exact.isEmpty ? nil : exact.joined(separator: " "), page: article.printedPage)
        var companies = tagged.tags.companies
        if let company = article.company, !companies.contains(company) { companies.insert(company, at: 0) }
        fm.companies = companies
        fm.cities = tagged.tags.cities
        fm.sdgs = tagged.tags.sdgs
        fm.technologies = tagged.tags.technologies
        fm.summary = Self.summary(of: article.lines)
        fm.generated = true
        let (text, fmCount) = compose(fm, body: bodyText)
        var map = [Int](repeating: 0, count: fmCount + 1)
        // A blank line holds no text, so no finding may point at it: it maps to no source line.
        map += body.map { $0.text.allSatisfy(\.isWhitespace) ? 0 : $0.number }
        var file = GeneratedFile(path: articlePath(document.metadata.slug, article), text: text, sourceLineOfFileLine: map)
        file.organisations = tagged.organisations
        file.candidates = tagged.candidates
        file.technologies = tagged.technologies
        file.technologyCandidates = tagged.technologyCandidates
        return file
    }

    /// The document's `index.md`: metadata, contributors, imprint and a generated table of contents.
    /// - Parameter repairs: routine repairs made in the document, counted by code.
    func writeIndex(document: DocumentDraft, imprint: [SourceLine], lineCount: Int, repairs: [String: Int] = [:]) -> GeneratedFile {
        let meta = document.metadata
        var fm = FrontMatter(title: meta.title)
        fm.repairs = repairs.isEmpty ? nil : repairs
        fm.subtitle = meta.subtitle
        fm.document = meta.slug
        fm.order = 0
        fm.authors = (meta.authors ?? []).map { Author(name: $0) }
        fm.source = SourceRange(file: meta.source, lines: [1, lineCount])
        fm.summary = meta.description
        fm.generated = true
        var lines: [String] = ["# " + meta.title, ""]
        if let subtitle = meta.subtitle { lines += ["*\(Self.escape(subtitle))*", ""] }
        if let description = meta.description { lines += [description, ""] }
        lines.append("- Publisher: \(Self.escape(meta.publisher))")
        lines.append("- Date: \(meta.date)")
        lines.append("- Language: \(meta.language)")
        if let authors = meta.authors, !authors.isEmpty { lines.append("- Authors: \(authors.joined(separator: ", "))") }
        lines.append("- Source: `\(meta.source)`")
        if let provenance = meta.provenance { lines.append("- Provenance: \(Self.escape(provenance))") }
        lines += ["", "## Contents", ""]
        for article in document.articles {
            let file = String(articlePath(meta.slug, article).split(separator: "/").last ?? "")
            var entry = "\(article.order). [\(Self.escape(article.title))](\(file))"
            if let company = article.company { entry += " — \(Self.escape(company))" }
            lines.append(entry)
        }
        var seenContributors = Set<String>()
        let contributors = document.articles.flatMap { a in a.authors.map { (a, $0) } }.filter { seenContributors.insert("\($0.1.name)|\($0.1.role ?? "")").inserted }
        if !contributors.isEmpty {
            lines += ["", "## Contributors", ""]
            for (article, author) in contributors {
                var entry = "- \(Self.escape(author.name))"
                if let role = author.role { entry += ", \(Self.escape(role))" }
                if let company = article.company, !(author.role ?? "").contains(company) { entry += " (\(Self.escape(company)))" }
                lines.append(entry)
            }
        }
        if !imprint.isEmpty {
            lines += ["", "## About this publication", ""]
            for line in imprint {
                if line.text.hasPrefix("### ") {
                    lines += ["", line.text, ""]
                } else {
                    lines.append(TextNormalizer.trim(line.text))
                    // Lines that ended in a hard break belong to one paragraph; others stand alone.
                    if !line.text.hasSuffix("  ") { lines.append("") }
                }
            }
        }
        var collapsed: [String] = []
        for line in lines where !(line.isEmpty && (collapsed.last?.isEmpty ?? true)) { collapsed.append(line) }
        while collapsed.last?.isEmpty == true { collapsed.removeLast() }
        let (text, _) = compose(fm, body: collapsed.joined(separator: "\n") + "\n")
        return GeneratedFile(path: "\(contentDirectory)/articles/\(meta.slug)/index.md", text: text, sourceLineOfFileLine: [])
    }

    /// Front matter + body, with the hash of everything else recorded in the front matter.
    func compose(_ frontMatter: FrontMatter, body: String) -> (String, Int) {
        var fm = frontMatter
        fm.hash = nil
        let withoutHash = "---\n" + FrontMatterWriter.lines(fm).joined(separator: "\n") + "\n---\n\n" + body
        fm.hash = ContentHash.of(ContentHash.hashedText(of: withoutHash))
        let fmLines = FrontMatterWriter.lines(fm)
        return ("---\n" + fmLines.joined(separator: "\n") + "\n---\n\n" + body, fmLines.count + 2)
    }

    /// A plain-text summary for lists and search: the first sentences of the first paragraph,
    /// at most about 240 characters, without links, emphasis or note markers.
    static func summary(of lines: [SourceLine]) -> String? {
        let index = lines.indices.first { i in
            let text = lines[i].text
            return ParagraphJoiner.isParagraph(text) && !text.hasPrefix("*") && text.utf8.count > 80
                && !TextNormalizer.startsLowercase(text) && (i == 0 || lines[i - 1].text.isEmpty)
        }
        guard let index else { return nil }
        let first = lines[index]
        var plain = ""
        var text = Substring(first.text)
        while let ch = text.first {
            if text.hasPrefix("[^") {
                text = text.drop(while: { $0 != "]" }).dropFirst()
                continue
            }
            if ch == "[", let close = text.firstIndex(of: "]"), text[close...].hasPrefix("](") {
                plain += text[text.index(after: text.startIndex)..<close]
                var rest = text[close...].dropFirst(2)
                // A link title (`[2005](#ref-x "Lee (2005) …")`) may hold parentheses of its own.
                if let quote = rest.range(of: " \""), !rest[..<quote.lowerBound].contains(")") {
                    rest = rest[quote.upperBound...].drop(while: { $0 != "\"" }).dropFirst()
                }
                text = rest.drop(while: { $0 != ")" }).dropFirst()
                continue
            }
            if ch == "<", let close = text.firstIndex(of: ">") {
                let tag = text[text.startIndex...close]
                if tag == "<sup>", let end = text.range(of: "</sup>") {
                    let inner = text[close..<end.lowerBound].dropFirst()
                    if !inner.allSatisfy(\.isNumber) { plain += inner }
                    text = text[end.upperBound...]
                } else {
                    text = text[text.index(after: close)...]
                }
                continue
            }
            if ch != "*" && ch != "\\" { plain.append(ch) }
            text = text.dropFirst()
        }
        plain = TextNormalizer.trim(plain)
        guard plain.count > 240 else { return plain }
        let head = plain.prefix(240)
        if let stop = head.range(of: ". ", options: .backwards), head.distance(from: head.startIndex, to: stop.lowerBound) > 80 {
            return String(head[..<stop.lowerBound]) + "."
        }
        let cut = head.lastIndex(of: " ") ?? head.endIndex
        return String(head[..<cut]) + "…"
    }

    /// Escapes Markdown link-text specials in generated list entries.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            if "[]*_`<>\\".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
