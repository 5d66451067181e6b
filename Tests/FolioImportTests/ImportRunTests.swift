import FolioContent
import FolioCore
import Foundation
import Testing
@testable import FolioImport

/// Writing, `--check`, hand-edit refusal and `--force`, on a small project in a temporary directory.
@Suite struct ImportRunTests {
    /// A project holding the first 400 lines of the Leiden study (introduction and chapters 1–2).
    func makeProject() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-import-\(UUID().uuidString)")
        let sources = root.appendingPathComponent("Content/sources")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        let full = try String(contentsOf: Fixtures.root.appendingPathComponent("Content/sources/leiden-2023-china-industrial-iot.txt"), encoding: .utf8)
        let excerpt = full.split(separator: "\n", omittingEmptySubsequences: false).prefix(127).joined(separator: "\n") + "\n"
        try excerpt.write(to: sources.appendingPathComponent("leiden.txt"), atomically: true, encoding: .utf8)
        let corpus = """
        documents:
          - slug: leiden
            title: "China and the Industrial Internet of Things"
            publisher: "LeidenAsiaCentre"
            date: "2023-06"
            language: en
            source: Content/sources/leiden.txt
            import:
              toc: "Contents"
              articles: '^(Introduction|Inti|[12]\\. )'
        """
        try corpus.write(to: root.appendingPathComponent("Content/corpus.yml"), atomically: true, encoding: .utf8)
        try "corrections:\n  - document: leiden\n    find: \"not in the excerpt\"\n    replace: \"x\"\n    reason: \"test\"\n"
            .write(to: root.appendingPathComponent("Content/corrections.yml"), atomically: true, encoding: .utf8)
        return root
    }

    @Test func writeThenCheckThenRefuseHandEditThenForce() throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let importer = Importer()

        let first = try importer.run(ImportOptions(projectRoot: root))
        #expect(first.written == ["Content/articles/leiden/01-introduction.md", "Content/articles/leiden/02-global-growth-of-the-iot-and-the-iiot.md", "Content/articles/leiden/03-the-iiot-and-chinas-strategic-technology.md", "Content/articles/leiden/index.md"])
        #expect(first.diagnostics.contains { $0.code == "COR001" && $0.severity == .warning })

        let check = try importer.run(ImportOptions(projectRoot: root, check: true))
        #expect(check.stale.isEmpty)
        #expect(!check.diagnostics.contains { $0.code == "IMP090" })

        // A hand edit: --check reports it stale, a plain import refuses to overwrite it and names it.
        let edited = root.appendingPathComponent("Content/articles/leiden/02-global-growth-of-the-iot-and-the-iiot.md")
        try (try String(contentsOf: edited, encoding: .utf8) + "\nAn editor's note.\n").write(to: edited, atomically: true, encoding: .utf8)
        let stale = try importer.run(ImportOptions(projectRoot: root, check: true))
        #expect(stale.stale == ["Content/articles/leiden/02-global-growth-of-the-iot-and-the-iiot.md"])
        #expect(stale.diagnostics.contains { $0.code == "IMP090" && $0.severity == .error && $0.location?.file == "Content/articles/leiden/02-global-growth-of-the-iot-and-the-iiot.md" })

        let refused = try importer.run(ImportOptions(projectRoot: root))
        #expect(refused.refused == ["Content/articles/leiden/02-global-growth-of-the-iot-and-the-iiot.md"])
        #expect(refused.written.isEmpty)
        #expect(refused.diagnostics.contains { $0.code == "IMP091" && $0.location?.file == "Content/articles/leiden/02-global-growth-of-the-iot-and-the-iiot.md" })
        #expect(try String(contentsOf: edited, encoding: .utf8).contains("An editor's note."))

        let forced = try importer.run(ImportOptions(projectRoot: root, force: true))
        #expect(forced.written == ["Content/articles/leiden/02-global-growth-of-the-iot-and-the-iiot.md"])
        #expect(!(try String(contentsOf: edited, encoding: .utf8)).contains("An editor's note."))
        #expect(try importer.run(ImportOptions(projectRoot: root, check: true)).stale.isEmpty)
    }

    /// An import keeps what it generated in the build cache; a check of the same inputs then
    /// compares the committed files with that instead of importing again, with the same result,
    /// stale files included. Any changed input is another key, and the import runs.
    @Test func aCheckOfTheSameInputsIsAnsweredFromTheCache() throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = BuildCache(directory: nil)
        let importer = Importer()
        _ = try importer.run(ImportOptions(projectRoot: root, cache: cache))
        let key = try #require(ImportMemo.key(ImportOptions(projectRoot: root)))
        #expect(cache.value(ImportMemo.namespace, key) != nil)

        func compare() throws {
            let full = try importer.run(ImportOptions(projectRoot: root, check: true))
            let kept = try importer.run(ImportOptions(projectRoot: root, check: true, cache: cache))
            #expect(kept.files.isEmpty, "answered from the cache")
            #expect(!full.files.isEmpty)
            #expect(kept.fileCount == full.fileCount)
            #expect(kept.stale == full.stale)
            #expect(kept.diagnostics == full.diagnostics)
        }
        try compare()
        // A hand edit, a file import no longer writes, and a missing one: the same findings.
        let edited = root.appendingPathComponent("Content/articles/leiden/02-global-growth-of-the-iot-and-the-iiot.md")
        try (try String(contentsOf: edited, encoding: .utf8) + "\nAn editor's note.\n").write(to: edited, atomically: true, encoding: .utf8)
        try "left over\n".write(to: root.appendingPathComponent("Content/articles/leiden/09-old.md"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: root.appendingPathComponent("Content/articles/leiden/index.md"))
        try compare()
        #expect(try importer.run(ImportOptions(projectRoot: root, check: true, cache: cache)).stale.count == 3)

        // A changed source is another key: the check imports again.
        let source = root.appendingPathComponent("Content/sources/leiden.txt")
        try (try String(contentsOf: source, encoding: .utf8) + "\nOne more line.\n").write(to: source, atomically: true, encoding: .utf8)
        #expect(ImportMemo.key(ImportOptions(projectRoot: root)) != key)
        #expect(!(try importer.run(ImportOptions(projectRoot: root, check: true, cache: cache))).files.isEmpty)

        // A read-only cache is only read.
        let folder = root.appendingPathComponent(".cache")
        _ = try importer.run(ImportOptions(projectRoot: root, cache: BuildCache(directory: folder, readOnly: true)))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(ImportMemo.namespace).path))
    }

    @Test func unchangedGeneratedFileIsOverwrittenWithoutForce() throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Importer().run(ImportOptions(projectRoot: root))
        // A stale generated file that nobody edited (its hash still matches) is replaced quietly.
        let leftover = root.appendingPathComponent("Content/articles/leiden/09-old.md")
        let text = try String(contentsOf: root.appendingPathComponent("Content/articles/leiden/index.md"), encoding: .utf8)
        try text.write(to: leftover, atomically: true, encoding: .utf8)
        let result = try Importer().run(ImportOptions(projectRoot: root))
        #expect(result.stale == ["Content/articles/leiden/09-old.md"])
        #expect(result.refused.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
    }

    @Test func missingSourceIsAnIOError() throws {
        let root = try makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(at: root.appendingPathComponent("Content/sources/leiden.txt"))
        #expect(throws: ImportError.io(path: "Content/sources/leiden.txt", message: "cannot read the file: it does not exist")) {
            try Importer().run(ImportOptions(projectRoot: root))
        }
    }
}
