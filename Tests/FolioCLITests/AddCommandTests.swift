import Foundation
import Testing

/// `folio add`: the entry it writes, its summary and its exit codes.
@Suite struct AddCommandTests {
    func project() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-add-\(UUID().uuidString)")
        let created = try FolioProcess.run(["init", "--quiet", root.path])
        #expect(created.status == 0, "\(created.stderr)")
        return root
    }

    @Test func addWritesAReviewableEntryAndSummarises() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let source = FolioProcess.repository.appendingPathComponent("Tests/ForeignReports/crc-paper.txt")
        let added = try FolioProcess.run(["add", "--root", root.path, "--slug", "crc", "--publisher", "Google Inc.", source.path])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("Added Content/sources/crc.txt as `crc` (plain text)."))
        #expect(added.stdout.contains("Articles: 5\n  1. 1 Definition of CRC\n"))
        #expect(added.stdout.contains("Contents entries: 28 (28 matched, 0 unmatched)"))
        #expect(added.stdout.contains("references: 11"))
        #expect(added.stdout.contains("Next: review the entry in Content/corpus.yml, then run `folio build`."))
        let corpus = try String(contentsOf: root.appendingPathComponent("Content/corpus.yml"), encoding: .utf8)
        // Detected values are marked; given ones are not.
        #expect(corpus.contains("    title: \"Everything we know about CRC but afraid to forget\"   # detected: review\n"))
        #expect(corpus.contains("    publisher: \"Google Inc.\"\n"))
        #expect(corpus.contains("    authors: [\"Andrew Kadatch\", \"Bob Jenkins\"]   # detected: review\n"))
        #expect(corpus.contains("    source: Content/sources/crc.txt\n"))
        #expect(try Data(contentsOf: root.appendingPathComponent("Content/sources/crc.txt")) == Data(contentsOf: source))
        // The example stays the first document; the site builds.
        #expect(corpus.range(of: "slug: example")!.lowerBound < corpus.range(of: "slug: crc")!.lowerBound)
        let built = try FolioProcess.run(["build", "--root", root.path])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr.contains(" 0 errors"))
    }

    @Test func usageProblemsExitTwoAndChangeNothing() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try String(contentsOf: root.appendingPathComponent("Content/corpus.yml"), encoding: .utf8)
        let missing = try FolioProcess.run(["add", "--root", root.path, root.appendingPathComponent("nope.txt").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read"))
        let taken = try FolioProcess.run(["add", "--root", root.path, "--slug", "example", root.appendingPathComponent("Content/sources/example.txt").path])
        #expect(taken.status == 2)
        #expect(taken.stderr.contains("the slug `example` is already used by `An Example Report`"))
        let binary = root.appendingPathComponent("binary.txt")
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: binary)
        let notText = try FolioProcess.run(["add", "--root", root.path, binary.path])
        #expect(notText.status == 2)
        #expect(notText.stderr.contains("is not UTF-8 text"))
        #expect(try String(contentsOf: root.appendingPathComponent("Content/corpus.yml"), encoding: .utf8) == before)
    }
}
