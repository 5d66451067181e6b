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

    /// Over a previous output, an unchanged file is not written at all (same inode, same
    /// modification time); a changed one replaces its old version on commit and never before; a
    /// file the build did not write is removed, and so are the folders left empty.
    @Test func aPreviousOutputIsUpdatedInPlaceAndNeverWrittenThroughBeforeTheCommit() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("Site")
        let first = try StagedDirectoryOutput(destination: site)
        #expect(!first.updatesInPlace, "with no previous output the staged tree is moved in whole")
        try first.write("same", to: "a/index.html")
        try first.write("before", to: "b/index.html")
        try first.write("kept", to: "c.txt")
        try first.write("stale", to: "old/deep/index.html")
        try first.commit()
        func attributes(_ path: String) throws -> (inode: UInt64, modified: Date) {
            let a = try FileManager.default.attributesOfItem(atPath: site.appendingPathComponent(path).path)
            return ((a[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0, a[.modificationDate] as? Date ?? .distantPast)
        }
        let (same, changed, kept) = (try attributes("a/index.html"), try attributes("b/index.html"), try attributes("c.txt"))
        Thread.sleep(forTimeInterval: 0.02)

        let second = try StagedDirectoryOutput(destination: site)
        #expect(second.updatesInPlace)
        try second.write("same", to: "a/index.html")
        try second.write("after", to: "b/index.html")
        try second.write("kept", to: "c.txt")
        // Unchanged first, then written again with other bytes: the live file must not change yet.
        try second.write("kept, then changed", to: "c.txt")
        try second.write("new", to: "d/index.html")
        // Written with other bytes, then with the old ones again: left as it is.
        try second.write("changed, then back", to: "a/index.html")
        try second.write("same", to: "a/index.html")
        #expect(try String(contentsOf: site.appendingPathComponent("c.txt"), encoding: .utf8) == "kept")
        #expect(try String(contentsOf: site.appendingPathComponent("b/index.html"), encoding: .utf8) == "before")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("d").path))
        // Nothing is staged for unchanged files: no folder, no file.
        #expect(!FileManager.default.fileExists(atPath: second.staging.appendingPathComponent("a/index.html").path))
        try second.commit()
        #expect(try attributes("a/index.html").inode == same.inode, "an unchanged file is the same file")
        #expect(try attributes("a/index.html").modified == same.modified, "and it was not written")
        #expect(try attributes("b/index.html").inode != changed.inode)
        #expect(try attributes("c.txt").inode != kept.inode)
        #expect(try String(contentsOf: site.appendingPathComponent("a/index.html"), encoding: .utf8) == "same")
        #expect(try String(contentsOf: site.appendingPathComponent("b/index.html"), encoding: .utf8) == "after")
        #expect(try String(contentsOf: site.appendingPathComponent("c.txt"), encoding: .utf8) == "kept, then changed")
        #expect(try String(contentsOf: site.appendingPathComponent("d/index.html"), encoding: .utf8) == "new")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("old").path), "stale files and their empty folders are removed")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0 != "Site" }
        #expect(leftovers.isEmpty, "no staging folder is left")
    }

    /// What stands in the way of the new output — a folder where a file goes, a file where a
    /// folder goes, a symbolic link — is replaced; a link is never taken for an unchanged file.
    @Test func anUpdateReplacesWhatStandsInTheWay() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("Site")
        let fm = FileManager.default
        try fm.createDirectory(at: site.appendingPathComponent("page.html/inner"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: site.appendingPathComponent("page.html/inner/file.txt"))
        try Data("a file".utf8).write(to: site.appendingPathComponent("folder"))
        let outside = root.appendingPathComponent("secret.txt")
        try Data("linked".utf8).write(to: outside)
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("link.txt").path, withDestinationPath: outside.path)

        let output = try StagedDirectoryOutput(destination: site)
        try output.write("page", to: "page.html")
        try output.write("inside", to: "folder/index.html")
        try output.write("linked", to: "link.txt")
        try output.commit()
        #expect(try String(contentsOf: site.appendingPathComponent("page.html"), encoding: .utf8) == "page")
        #expect(try String(contentsOf: site.appendingPathComponent("folder/index.html"), encoding: .utf8) == "inside")
        let link = try fm.attributesOfItem(atPath: site.appendingPathComponent("link.txt").path)
        #expect(link[.type] as? FileAttributeType == .typeRegular, "the link is replaced by a file")
        #expect(try String(contentsOf: outside, encoding: .utf8) == "linked", "and what it pointed to is untouched")
        #expect(try Set(fm.contentsOfDirectory(atPath: site.path)) == ["page.html", "folder", "link.txt"])
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
    /// never written through into the live tree (even after the same path was found unchanged);
    /// one equal to the previous file is not published again; the memory sink gets the same bytes.
    @Test func producedFilesAreWrittenInPlaceAndReachEverySink() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("Site")
        let first = try StagedDirectoryOutput(destination: site)
        try first.write("old rows", to: "data/mentions.csv")
        try first.commit()
        let live = site.appendingPathComponent("data/mentions.csv")
        let output = try StagedDirectoryOutput(destination: site)
        try output.write("old rows", to: "data/mentions.csv")  // unchanged so far
        var producedAt: URL?
        try output.writeFile(to: "data/mentions.csv") { url in
            producedAt = url
            try Data("id,text\r\n1,hydrogen\r\n".utf8).write(to: url)
        }
        #expect(producedAt?.path.hasPrefix(output.staging.path) == true)
        #expect(try String(contentsOf: live, encoding: .utf8) == "old rows")
        try output.commit()
        #expect(try String(contentsOf: live, encoding: .utf8) == "id,text\r\n1,hydrogen\r\n")
        let published = try FileManager.default.attributesOfItem(atPath: live.path)[.systemFileNumber] as? NSNumber
        let again = try StagedDirectoryOutput(destination: site)
        try again.writeFile(to: "data/mentions.csv") { url in try Data("id,text\r\n1,hydrogen\r\n".utf8).write(to: url) }
        #expect(!FileManager.default.fileExists(atPath: again.staging.appendingPathComponent("data/mentions.csv").path))
        try again.commit()
        #expect(try FileManager.default.attributesOfItem(atPath: live.path)[.systemFileNumber] as? NSNumber == published)

        let memory = MemoryOutput()
        try memory.writeFile(to: "data/x.csv") { url in try Data("a,b\r\n".utf8).write(to: url) }
        #expect(memory.text(at: "data/x.csv") == "a,b\r\n")
        // A producer that fails leaves no file behind in the sink.
        #expect(throws: (any Error).self) { try memory.writeFile(to: "data/y.csv") { _ in throw CocoaError(.fileWriteUnknown) } }
        #expect(memory.text(at: "data/y.csv") == nil)
    }

    /// A previous file is kept only when its bytes still hash to the digest the caller knows:
    /// not one edited since, not one of another build, not without a previous output, not in
    /// memory. A file whose stamp is the one given is kept without being read; another stamp
    /// means reading it.
    @Test func aPreviousFileIsKeptOnlyWhenItsBytesAreTheOnesExpected() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("Site")
        let rows = Data("id,name\r\n1,Chongqing\r\n".utf8)
        let copy = root.appendingPathComponent("rows.csv")
        try rows.write(to: copy)
        let digest = try #require(FileDigest.sha256(atPath: copy.path))
        let first = try StagedDirectoryOutput(destination: site)
        #expect(first.keepPrevious("data/places.csv", sha256: digest, stamp: nil) == nil, "nothing to keep without a previous output")
        try first.write(rows, to: "data/places.csv")
        try first.write("gone", to: "data/old.csv")
        try first.commit()
        let live = site.appendingPathComponent("data/places.csv")
        let inode = try FileManager.default.attributesOfItem(atPath: live.path)[.systemFileNumber] as? NSNumber

        let second = try StagedDirectoryOutput(destination: site)
        let stamp = try #require(second.keepPrevious("data/places.csv", sha256: digest, stamp: nil))
        #expect(stamp == FileStamp(path: live.path))
        #expect(second.keepPrevious("data/old.csv", sha256: digest, stamp: nil) == nil, "another file's bytes")
        #expect(second.keepPrevious("data/missing.csv", sha256: digest, stamp: nil) == nil)
        try second.commit()
        #expect(try FileManager.default.attributesOfItem(atPath: live.path)[.systemFileNumber] as? NSNumber == inode, "a kept file is the same file")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("data/old.csv").path), "a file neither written nor kept is stale")

        // With its stamp, the file is not read: even a wrong digest keeps it.
        let third = try StagedDirectoryOutput(destination: site)
        #expect(third.keepPrevious("data/places.csv", sha256: Data(count: 32), stamp: stamp) == stamp)
        third.discard()
        // Written again (same size, another modification time): the stamp differs and the bytes decide.
        Thread.sleep(forTimeInterval: 0.02)
        try Data("id,name\r\n1,Chengdu!!\r\n".utf8).write(to: live)
        let fourth = try StagedDirectoryOutput(destination: site)
        #expect(FileStamp(path: live.path)?.size == stamp.size)
        #expect(fourth.keepPrevious("data/places.csv", sha256: digest, stamp: stamp) == nil, "a file changed since is not kept")
        fourth.discard()
        #expect(MemoryOutput().keepPrevious("data/places.csv", sha256: digest, stamp: nil) == nil)
    }

    /// The digest of a file is the SHA-256 of its bytes, read in pieces: empty, small and larger
    /// than one piece.
    @Test func fileDigestsAreTheHashOfTheWholeFile() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for size in [0, 5, 3 << 20 | 17] {
            let bytes = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) })
            let url = root.appendingPathComponent("file-\(size)")
            try bytes.write(to: url)
            #expect(FileDigest.sha256(atPath: url.path).map(Self.hex) == (try Self.sha256sum(url)))
        }
        #expect(FileDigest.sha256(atPath: root.appendingPathComponent("none").path) == nil)
    }

    static func hex(_ data: Data) -> String { data.map { String(format: "%02x", $0) }.joined() }

    /// The digest `sha256sum` prints for the file.
    static func sha256sum(_ url: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }

    /// A cache key hashes its inputs in pieces: every byte counts, wherever it falls against the
    /// pieces' bounds, and the same inputs always give the same key.
    @Test func cacheKeysDependOnEveryByteAcrossPieces() {
        func key(_ bytes: [UInt8], small: Int) -> BuildCache.Key {
            var builder = CacheKeyBuilder("test")
            for _ in 0..<small { builder.add(7) }
            builder.add(Data(bytes))
            builder.add("tail")
            return builder.key()
        }
        for size in [1, 8_000, 8_191, 8_192, 8_193, 20_000] {
            for small in [0, 1, 1_000] {
                let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0) }
                let reference = key(bytes, small: small)
                #expect(key(bytes, small: small) == reference)
                for position in Set([0, size / 2, max(0, 8_192 - small * 8 - 60), size - 1]) where position < size {
                    var changed = bytes
                    changed[position] ^= 1
                    #expect(key(changed, small: small) != reference, "byte \(position) of \(size) after \(small) numbers")
                }
            }
        }
    }

    @Test func memoryOutputKeepsWrites() throws {
        let memory = MemoryOutput()
        try memory.write("x", to: "a.html")
        #expect(memory.text(at: "a.html") == "x")
    }

    /// An output in memory made with the previous one keeps that one's files as a folder on disk
    /// does: only with the digest of their bytes, and a set all or none.
    @Test func memoryOutputKeepsThePreviousOutputsFilesByTheirDigest() throws {
        let first = MemoryOutput()
        try first.write("<p>a</p>", to: "a.html")
        try first.write("<p>b</p>", to: "b.html")
        let digestA = FileDigest.sha256(Data("<p>a</p>".utf8)), digestB = FileDigest.sha256(Data("<p>b</p>".utf8))
        #expect(!MemoryOutput().hasPreviousOutput)

        let second = MemoryOutput(previous: first)
        #expect(second.hasPreviousOutput)
        #expect(second.keepPrevious("a.html", sha256: digestB, stamp: nil) == nil, "other bytes")
        #expect(second.keepPrevious("c.html", sha256: digestA, stamp: nil) == nil, "no such file")
        #expect(second.keepPrevious("a.html", sha256: digestA, stamp: nil) != nil)
        #expect(second.text(at: "a.html") == "<p>a</p>")
        #expect(second.keepAllPrevious([PreviousFile(path: "b.html", digest: digestB, stamp: nil), PreviousFile(path: "c.html", digest: digestB, stamp: nil)]) == nil)
        #expect(second.text(at: "b.html") == nil, "none of a set is kept when one differs")
        #expect(second.keepAllPrevious([PreviousFile(path: "b.html", digest: digestB, stamp: nil)])?.count == 1)
        #expect(second.keptPaths == ["a.html", "b.html"])

        // A file written again is this build's, not a kept one; the next output keeps from this one.
        try second.write("<p>new</p>", to: "a.html")
        #expect(second.keptPaths == ["b.html"])
        let third = MemoryOutput(previous: second)
        #expect(third.keepPrevious("a.html", sha256: digestA, stamp: nil) == nil)
        #expect(third.keepPrevious("a.html", sha256: FileDigest.sha256(Data("<p>new</p>".utf8)), stamp: nil) != nil)
        #expect(third.keepPrevious("b.html", sha256: digestB, stamp: nil) != nil)
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

        // A build that writes in the folder owns it: what it did not write there goes.
        let next = try StagedDirectoryOutput(destination: site)
        try next.write("new", to: "index.html")
        try next.write("epub", to: "downloads/book.epub")
        try next.commit(preserving: ["downloads"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("downloads").path) == ["book.epub"])
    }
}
