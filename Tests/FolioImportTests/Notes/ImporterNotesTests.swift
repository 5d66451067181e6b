import FolioContent
import FolioCore
import FolioImport
import Foundation
import Testing

/// The real import pipeline (split into articles) with the notes, figures and inline steps.
@Suite("Import pipeline with notes, figures and inline") struct ImporterNotesTests {
    @Test("every article: no <sup>/<sub>/&lt;sup markup, no footnote reference without a definition in the same article")
    func articleInvariants() throws {
        let root = CorpusExcerpt.sourcesDirectory.deletingLastPathComponent().deletingLastPathComponent()
        let importer = Importer(steps: [NoteResolver(), FigureAnchorer(), InlineRepairer()])
        let result = try importer.run(ImportOptions(projectRoot: root, check: true))
        #expect(result.documents.count == 5)
        var definitions = 0
        for document in result.documents {
            for article in document.articles {
                let body = article.body
                #expect(!body.contains("<sup>") && !body.contains("<sub>") && !body.contains("&lt;sup"), "\(document.metadata.slug)/\(article.slug)")
                #expect(!article.title.contains("<sup>"))
                let census = FootnoteCensus(body)
                #expect(census.dangling.isEmpty, "\(document.metadata.slug)/\(article.slug): \(census.dangling.sorted())")
                definitions += census.definitions.count
            }
        }
        #expect(definitions > 300)
        // Findings of these steps point at source lines of their document.
        let codes = result.diagnostics.filter { $0.code.hasPrefix("FN") || $0.code.hasPrefix("FIG") || $0.code.hasPrefix("INL") }
        #expect(!codes.isEmpty)
        #expect(codes.allSatisfy { ($0.source?.line ?? 0) >= 1 })
    }
}
