import FolioCore
import FolioImport
import Testing

/// Invariants over every whole source, each run as one draft article through notes → figures → inline.
@Suite("Whole corpus through notes, figures and inline") struct CorpusNotesTests {
    @Test("no leftover <sup>/<sub>/&lt;sup and no dangling footnote reference", arguments: CorpusExcerpt.all)
    func invariants(file: String) throws {
        let lines = try CorpusExcerpt.lines(file)
        let (doc, findings) = CorpusExcerpt.run(CorpusExcerpt.document([lines], slug: file), CorpusExcerpt.allSteps)
        for article in doc.articles {
            let body = article.body
            #expect(!body.contains("<sup>"))
            #expect(!body.contains("</sup>"))
            #expect(!body.contains("<sub>"))
            #expect(!body.contains("&lt;sup"))
            #expect(!body.contains("<b>") && !body.contains("<u>"))
            let census = FootnoteCensus(body)
            #expect(census.dangling.isEmpty, "dangling: \(census.dangling.sorted())")
            #expect(Set(census.definitions).count == census.definitions.count)
            // Every definition is cited (unused ones stay as plain notes).
            #expect(Set(census.definitions).isSubset(of: Set(census.references)))
            // Figure and table ids are unique within the article.
            let ids = article.lines.compactMap { line -> String? in
                guard line.text.hasPrefix("<figure id=\"") || line.text.hasPrefix("<p id=\"") else { return nil }
                return line.text.split(separator: "\"").dropFirst().first.map(String.init)
            }
            #expect(Set(ids).count == ids.count)
        }
        // Lines keep raw source numbers.
        #expect(doc.articles[0].lines.allSatisfy { (1...lines.count).contains($0.number) })
        #expect(findings.allSatisfy { (1...lines.count).contains($0.sourceLine) })
    }

    @Test(
        "footnotes resolved per source",
        arguments: [
            (CorpusExcerpt.giz, 30), (CorpusExcerpt.cst, 12), (CorpusExcerpt.leiden, 97), (CorpusExcerpt.cmia2021, 106),
        ])
    func resolvedCounts(file: String, expected: Int) throws {
        let lines = try CorpusExcerpt.lines(file)
        let (doc, _) = CorpusExcerpt.run(CorpusExcerpt.document([lines], slug: file), [NoteResolver()])
        #expect(FootnoteCensus(doc.articles[0].body).definitions.count == expected)
    }

    @Test("deterministic: two runs give identical lines and findings")
    func deterministic() throws {
        let lines = try CorpusExcerpt.lines(CorpusExcerpt.giz)
        let halves = [Array(lines[0..<300]), Array(lines[300...])]
        let first = CorpusExcerpt.run(CorpusExcerpt.document(halves), CorpusExcerpt.allSteps)
        let second = CorpusExcerpt.run(CorpusExcerpt.document(halves), CorpusExcerpt.allSteps)
        #expect(first.0 == second.0)
        #expect(first.1 == second.1)
    }
}
