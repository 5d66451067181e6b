import Foundation
import Testing

/// `folio init` makes a project that imports and builds at once, with no `Templates/`.
@Suite struct InitCommandTests {
    @Test func initThenBuildPublishesTheExampleWithTheBuiltinTheme() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("folio-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let demo = parent.appendingPathComponent("demo")
        let created = try FolioProcess.run(["init", demo.path])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("Content/corpus.yml"))
        for path in ["folio.yml", ".gitignore", "Content/corpus.yml", "Content/sources/example.txt", "Content/pages/about.md", "Content/articles/example/index.md",
            "Content/articles/example/01-getting-started.md", "Content/articles/example/02-notes-and-references.md"]
        {
            #expect(FileManager.default.fileExists(atPath: demo.appendingPathComponent(path).path), "missing \(path)")
        }
        #expect(!FileManager.default.fileExists(atPath: demo.appendingPathComponent("Templates").path))
        let built = try FolioProcess.run(["build", "--root", demo.path])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr.contains("0 errors, 0 warnings"))
        let article = try String(contentsOf: demo.appendingPathComponent("Site/example/getting-started/index.html"), encoding: .utf8)
        #expect(article.contains("What to do next"))
        #expect(FileManager.default.fileExists(atPath: demo.appendingPathComponent("Site/assets/folio.css").path))
        let check = try FolioProcess.run(["import", "--check", "--root", demo.path])
        #expect(check.status == 0, "\(check.stderr)")
    }

    /// A new project carries Folio's field vocabularies, so the indexes find what the first
    /// report names: here a place in a statistics paper that no one listed for it.
    @Test func aNewProjectIndexesItsFirstReport() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try FolioProcess.run(["init", "--quiet", root.path]).status == 0)
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for file in ["technologies.yml", "organisations.yml", "cities.yml", "sdgs.yml", "basemap.json"] {
            let written = try Data(contentsOf: root.appendingPathComponent("Content/data/\(file)"))
            #expect(written == (try Data(contentsOf: repository.appendingPathComponent("Content/data/\(file)"))), "\(file) differs from Folio's vocabulary")
        }
        let report = repository.appendingPathComponent("Tests/ForeignReports/sandwich-paper.txt")
        let added = try FolioProcess.run(["add", "--quiet", "--root", root.path, report.path])
        #expect(added.status == 0, "\(added.stderr)")
        let built = try FolioProcess.run(["build", "--root", root.path])
        #expect(built.status == 0, "\(built.stderr)")
        for index in ["companies", "cities", "sdgs", "technologies"] {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Site/\(index)/index.html").path), "no \(index) index")
        }
        let place = try String(contentsOf: root.appendingPathComponent("Site/cities/alaska/index.html"), encoding: .utf8)
        #expect(place.contains("sandwich-paper/"), "the place page lists no article of the new report")
    }

    @Test func initRefusesAnExistingProject() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("folio-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "title: Mine\n".write(to: dir.appendingPathComponent("folio.yml"), atomically: true, encoding: .utf8)
        let result = try FolioProcess.run(["init", dir.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("a Folio project already exists here (found `folio.yml`)"))
        #expect(try String(contentsOf: dir.appendingPathComponent("folio.yml"), encoding: .utf8) == "title: Mine\n")
    }
}
