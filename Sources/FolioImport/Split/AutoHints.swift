import FolioCore
import Foundation

/// Detects the splitting hints a document's `import:` block leaves out, so an entry with only
/// bibliographic keys imports well; every key the block gives overrides what is detected.
///
/// - Contents: the first short line titled like a table of contents (`Contents`, `Table of
///   Contents`, `CONTENTS`…) followed by entries.
/// - Articles: the top-level entries of those contents (chapters, appendices, indexes).
/// - Without contents: a long document splits at its top-level numbered, `Chapter N`,
///   `Appendix`/`Annex` or all-caps headings; a short one (a paper) is one article whose
///   headings become its sections.
struct AutoHints: Sendable {
    /// Comparison keys of the usual titles of a table of contents.
    static let contentsTitles: Set<String> = ["contents", "tableofcontents", "toc", "content", "tableofcontent", "contentsofthisreport", "inhalt", "inhaltsverzeichnis", "sommaire", "tabledesmatieres", "indice", "目录"]
    /// Below this many words a document without contents is one article (a paper, a brief):
    /// about twenty printed pages.
    static let shortDocumentWords = 12_000
    /// Contents need at least this many entries to be believed.
    static let minimumEntries = 2

    /// Fills in the keys `hints` does not give, reading the cleaned lines.
    /// - Returns: one info finding per detected choice, so `folio add` and `--verbose` can show them.
    static func complete(_ hints: inout ImportHints.Document, lines: [SourceLine], documentTitle: String) -> [ImportFinding] {
        var findings: [ImportFinding] = []
        if !hints.given.contains("toc"), let (index, title) = contentsHeading(lines) {
            hints.toc = title
            findings.append(ImportFinding(code: "IMP050", severity: .info, message: "detected the table of contents `\(title)`", sourceLine: lines[index].number))
        }
        let toc = hints.toc.flatMap { TableOfContents.parse(lines, heading: $0) }
        if let toc, !hints.given.contains("articles") {
            hints.topLevelEntries = true
            let top = toc.entries.filter { $0.level == 1 }.count
            findings.append(
                ImportFinding(
                    code: "IMP051", severity: .info, message: "articles start at the \(top) top-level entries of the \(toc.entries.count) in the table of contents",
                    sourceLine: toc.entries.first?.sourceLine ?? 1))
        }
        guard toc == nil, !hints.given.contains("anchors"), !hints.given.contains("cases"), !hints.given.contains("articles") else { return findings }
        let headings = lines.indices.filter { TextNormalizer.headingLevel(lines[$0].text) != nil }
        let words = lines.reduce(0) { $0 + $1.text.split(separator: " ").count }
        let chapters = headings.filter { isChapterHeading(TextNormalizer.stripMarkup(lines[$0].text)) }
        if words >= shortDocumentWords, chapters.count >= 2 {
            hints.anchors = chapters.map { ImportHints.Anchor(match: "^" + NSRegularExpression.escapedPattern(for: TextNormalizer.stripMarkup(lines[$0].text)) + "$") }
            findings.append(
                ImportFinding(code: "IMP052", severity: .info, message: "no table of contents: articles start at the \(chapters.count) chapter headings", sourceLine: lines[chapters[0]].number))
        } else if let first = headings.first ?? lines.firstIndex(where: { !$0.text.isEmpty }) {
            let title = TextNormalizer.stripMarkup(lines[first].text)
            hints.anchors = [ImportHints.Anchor(match: "^" + NSRegularExpression.escapedPattern(for: title) + "$", title: documentTitle)]
            findings.append(
                ImportFinding(code: "IMP052", severity: .info, message: "no table of contents: the document is one article with its headings as sections", sourceLine: lines[first].number))
        }
        return findings
    }

    /// The first line titled like a table of contents and followed by entries.
    static func contentsHeading(_ lines: [SourceLine]) -> (Int, String)? {
        for i in lines.indices {
            let text = lines[i].text
            guard !text.isEmpty, text.utf8.count <= 60, contentsTitles.contains(TextNormalizer.key(text)) else { continue }
            let title = TextNormalizer.stripMarkup(text)
            if let toc = TableOfContents.parse(lines, heading: title), toc.entries.count >= minimumEntries { return (i, title) }
        }
        return nil
    }

    /// A chapter-level heading: `3 Title`, `3. Title`, `Chapter 3`, `Appendix A`, `Annex`,
    /// `Part II`, or a title in capitals.
    static func isChapterHeading(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard let first = words.first else { return false }
        let number = first.hasSuffix(".") ? first.dropLast() : first
        if !number.isEmpty, number.allSatisfy(\.isNumber), words.count > 1 { return true }
        let lower = first.lowercased()
        if ["chapter", "appendix", "annex", "part"].contains(lower), words.count > 1 { return true }
        if ["appendix", "appendices", "annex", "annexes", "references", "bibliography"].contains(lower.trimmingCharacters(in: .punctuationCharacters)) { return true }
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 4 && letters.allSatisfy { $0.properties.isUppercase } && words.count <= 10
    }
}
