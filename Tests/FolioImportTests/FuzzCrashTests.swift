import FolioContent
import FolioImport
import Foundation
import Testing

/// Inputs the importer's fuzz target once crashed on (`Fuzz/Crashes/import/`), imported in memory:
/// each must give articles with front matter, never a crash.
@Suite struct FuzzCrashTests {
    @Test func everySavedImporterCrashImports() throws {
        let folder = Fixtures.root.appendingPathComponent("Fuzz/Crashes/import")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(!names.isEmpty)
        let meta = CorpusDocument(slug: "fuzz", title: "A Fuzzed Report", publisher: "Folio", date: "2024", language: "en", source: "Content/sources/fuzz.txt")
        for name in names {
            let input = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
            var hints = ImportHints.Document()
            var source = input
            if let range = input.range(of: "\n=== source ===\n") {
                source = String(input[range.upperBound...])
                hints = (try? ImportHints.parse(String(input[..<range.lowerBound]), file: "Content/corpus.yml"))?.documents.values.first ?? hints
            }
            let (files, _) = Importer().importSource(source, as: meta, hints: hints)
            #expect(files.allSatisfy { $0.text.hasPrefix("---\n") }, "\(name)")
        }
    }
}
