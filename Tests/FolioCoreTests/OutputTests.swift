import FolioCore
import Foundation
import Testing

@Suite struct OutputTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("folio-output-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func commitSwapsTheStagedTreeIn() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("Site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: site.appendingPathComponent("stale.html"))
        let output = try StagedDirectoryOutput(destination: site)
        try output.write("new", to: "a/index.html")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("stale.html").path))
        try output.commit()
        #expect(try String(contentsOf: site.appendingPathComponent("a/index.html"), encoding: .utf8) == "new")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("stale.html").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    /// An unchanged file is linked to the previous output's (same inode, nothing written); a
    /// changed one is written anew; a second write to a linked path never writes through into
    /// the live tree; after the swap every file holds exactly what this build wrote.
    @Test func unchangedFilesAreLinkedNotWrittenAndTheLiveTreeIsNeverWrittenThrough() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("Site")
        let first = try StagedDirectoryOutput(destination: site)
        try first.write("same", to: "a/index.html")
        try first.write("before", to: "b/index.html")
        try first.write("kept", to: "c.txt")
        try first.commit()
        func inode(_ path: String) throws -> UInt64 {
            try (FileManager.default.attributesOfItem(atPath: site.appendingPathComponent(path).path)[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        }
        let (sameBefore, changedBefore, keptBefore) = (try inode("a/index.html"), try inode("b/index.html"), try inode("c.txt"))

        let second = try StagedDirectoryOutput(destination: site)
        try second.write("same", to: "a/index.html")
        try second.write("after", to: "b/index.html")
        try second.write("kept", to: "c.txt")
        // Linked first, then written again with other bytes: the live file must not change.
        try second.write("kept, then changed", to: "c.txt")
        #expect(try String(contentsOf: site.appendingPathComponent("c.txt"), encoding: .utf8) == "kept")
        try second.commit()
        #expect(try inode("a/index.html") == sameBefore, "an unchanged file is the same file")
        #expect(try inode("b/index.html") != changedBefore)
        #expect(try inode("c.txt") != keptBefore)
        #expect(try String(contentsOf: site.appendingPathComponent("a/index.html"), encoding: .utf8) == "same")
        #expect(try String(contentsOf: site.appendingPathComponent("b/index.html"), encoding: .utf8) == "after")
        #expect(try String(contentsOf: site.appendingPathComponent("c.txt"), encoding: .utf8) == "kept, then changed")
        let links = try (FileManager.default.attributesOfItem(atPath: site.appendingPathComponent("a/index.html").path)[.referenceCount] as? NSNumber)?.intValue
        #expect(links == 1, "the old tree is gone, so nothing else shares the file")
    }

    @Test func discardLeavesTheOldTreeByteForByte() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("Site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        let original = Data("<html>old</html>".utf8)
        try original.write(to: site.appendingPathComponent("index.html"))
        let output = try StagedDirectoryOutput(destination: site)
        try output.write("<html>new</html>", to: "index.html")
        output.discard()
        #expect(try Data(contentsOf: site.appendingPathComponent("index.html")) == original)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["Site"])
    }

    @Test func refusesDangerousOutputDirectories() throws {
        let project = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: project) }
        let content = project.appendingPathComponent("Content")
        let home = FileManager.default.homeDirectoryForCurrentUser
        for (output, reason) in [
            (URL(fileURLWithPath: "/"), "it is the filesystem root"),
            (home, "it is the home directory"),
            (project, "it is the project root"),
            (project.deletingLastPathComponent(), "it contains the project"),
            (content, "it is inside the content directory"),
            (content.appendingPathComponent("articles/Site"), "it is inside the content directory"),
        ] {
            #expect(throws: FolioError.refusedOutput(path: output.standardizedFileURL.resolvingSymlinksInPath().path, reason: reason)) {
                try OutputGuard.check(output: output, projectRoot: project, contentDirectory: content)
            }
        }
        try OutputGuard.check(output: project.appendingPathComponent("Site"), projectRoot: project, contentDirectory: content)
    }

    /// A produced file is made in the staging folder itself, where it is published on commit and
    /// never written through into the live tree (even where the previous build linked that path);
    /// the memory sink gets the same bytes.
    @Test func producedFilesAreWrittenInPlaceAndReachEverySink() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("Site")
        let first = try StagedDirectoryOutput(destination: site)
        try first.write("old rows", to: "data/mentions.csv")
        try first.commit()
        let live = site.appendingPathComponent("data/mentions.csv")
        let output = try StagedDirectoryOutput(destination: site)
        try output.write("old rows", to: "data/mentions.csv")  // linked to the live file
        var producedAt: URL?
        try output.writeFile(to: "data/mentions.csv") { url in
            producedAt = url
            try Data("id,text\r\n1,hydrogen\r\n".utf8).write(to: url)
        }
        #expect(producedAt?.path.hasPrefix(output.staging.path) == true)
        #expect(try String(contentsOf: live, encoding: .utf8) == "old rows")
        try output.commit()
        #expect(try String(contentsOf: live, encoding: .utf8) == "id,text\r\n1,hydrogen\r\n")

        let memory = MemoryOutput()
        try memory.writeFile(to: "data/x.csv") { url in try Data("a,b\r\n".utf8).write(to: url) }
        #expect(memory.text(at: "data/x.csv") == "a,b\r\n")
        // A producer that fails leaves no file behind in the sink.
        #expect(throws: (any Error).self) { try memory.writeFile(to: "data/y.csv") { _ in throw CocoaError(.fileWriteUnknown) } }
        #expect(memory.text(at: "data/y.csv") == nil)
    }

    @Test func memoryOutputKeepsWrites() throws {
        let memory = MemoryOutput()
        try memory.write("x", to: "a.html")
        #expect(memory.text(at: "a.html") == "x")
    }
}

@Suite struct PreservingCommitTests {
    @Test func carriesFoldersOtherCommandsWrote() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-preserve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("Site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("downloads"), withIntermediateDirectories: true)
        try Data("zip".utf8).write(to: site.appendingPathComponent("downloads/site.zip"))
        try Data("old".utf8).write(to: site.appendingPathComponent("index.html"))
        let output = try StagedDirectoryOutput(destination: site)
        try output.write("new", to: "index.html")
        try output.commit(preserving: ["downloads", "absent"])
        #expect(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8) == "new")
        #expect(try String(contentsOf: site.appendingPathComponent("downloads/site.zip"), encoding: .utf8) == "zip")
    }
}
