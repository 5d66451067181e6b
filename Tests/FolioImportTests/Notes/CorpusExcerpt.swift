import FolioContent
import FolioCore
import FolioImport
import Foundation

/// Excerpts of the raw sources in `Content/sources/`, cut by line range, as import drafts.
enum CorpusExcerpt {
    static let giz = "giz-ccid-2022-digital-business-models.txt"
    static let leiden = "leiden-2023-china-industrial-iot.txt"
    static let cst = "cst-2024-inspiring-practices.txt"
    static let cmia2024 = "cmia-2024-penetrating-insights.txt"
    static let cmia2021 = "cmia-2021-penetrating-insights.txt"
    static let all = [giz, leiden, cst, cmia2024, cmia2021]

    static var sourcesDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Content/sources")
    }

    /// All lines of one source, numbered from 1.
    static func lines(_ file: String) throws -> [SourceLine] {
        let text = try String(contentsOf: sourcesDirectory.appendingPathComponent(file), encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { SourceLine(String($0.element), number: $0.offset + 1) }
    }

    /// Lines `range` (1-based, inclusive) of one source.
    static func lines(_ file: String, _ range: ClosedRange<Int>) throws -> [SourceLine] {
        let all = try lines(file)
        return Array(all[(range.lowerBound - 1)...(min(range.upperBound, all.count) - 1)])
    }

    /// A document whose articles are the given line lists.
    static func document(_ articles: [[SourceLine]], slug: String = "excerpt") -> DocumentDraft {
        let meta = CorpusDocument(slug: slug, title: slug, publisher: "Test", date: "2024", language: "en", source: "Content/sources/\(slug).txt")
        let drafts = articles.enumerated().map { index, lines in
            ArticleDraft(
                title: "Article \(index + 1)", slug: "article-\(index + 1)", order: index + 1, lines: lines,
                sourceLines: (lines.first?.number ?? 1)...(lines.last?.number ?? 1))
        }
        return DocumentDraft(metadata: meta, articles: drafts)
    }

    /// Runs `steps` over `document`, returning the rewritten document and the findings.
    static func run(_ document: DocumentDraft, _ steps: [any DocumentStep]) -> (DocumentDraft, [ImportFinding]) {
        var doc = document
        var findings: [ImportFinding] = []
        for step in steps { step.apply(to: &doc, findings: &findings) }
        return (doc, findings)
    }

    static let allSteps: [any DocumentStep] = [NoteResolver(), FigureAnchorer(), InlineRepairer()]
}

extension ArticleDraft {
    /// The article body as one string.
    var body: String { lines.map(\.text).joined(separator: "\n") }
}

/// GFM footnote labels referenced and defined in a Markdown body.
struct FootnoteCensus {
    var references: [String] = []
    var definitions: [String] = []

    init(_ body: String) {
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = Substring(line)
            if rest.hasPrefix("[^"), let close = rest.firstIndex(of: "]"), rest[rest.index(after: close)...].hasPrefix(":") {
                definitions.append(String(rest[rest.index(rest.startIndex, offsetBy: 2)..<close]))
                rest = rest[rest.index(after: close)...]
            }
            while let open = rest.range(of: "[^") {
                guard let close = rest[open.upperBound...].firstIndex(of: "]") else { break }
                references.append(String(rest[open.upperBound..<close]))
                rest = rest[rest.index(after: close)...]
            }
        }
    }

    var dangling: Set<String> { Set(references).subtracting(definitions) }
}
