import Foundation
import Testing

/// A rebuild leaves the previous output's unchanged files as they are and still produces exactly
/// the site a clean build produces: after an article is edited, the rebuilt site and a clean build of the
/// same content are identical file for file, byte for byte.
@Suite struct RebuildTests {
    /// Every file under `root`, by relative path.
    static func files(_ root: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = root.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return out }
        for case let path as String in walker {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[path] = try Data(contentsOf: URL(fileURLWithPath: base + "/" + path))
            }
        }
        return out
    }

    @Test func aRebuildAfterAnEditEqualsACleanBuild() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-rebuild-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for item in ["Content", "Templates", "folio.yml", ".folio-baseline.json"] {
            try FileManager.default.copyItem(at: FolioProcess.repository.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        let site = root.appendingPathComponent("Site")
        let first = try FolioProcess.run(["build", "--quiet", "--root", root.path, "--output", site.path])
        #expect(first.status == 0, "\(first.stderr)")
        // A page the edit below does not touch.
        let untouched = site.appendingPathComponent("cmia-2021/index.html").path
        func inode() throws -> UInt64 {
            try (FileManager.default.attributesOfItem(atPath: untouched)[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        }
        let firstInode = try inode()

        // Edit one article's text, as an editor would.
        let article = root.appendingPathComponent("Content/articles/leiden-2023/01-introduction.md")
        let text = try String(contentsOf: article, encoding: .utf8)
        #expect(text.contains("Expansion of the"))
        try text.replacingOccurrences(of: "Expansion of the", with: "The expansion of the").write(to: article, atomically: true, encoding: .utf8)

        let rebuilt = try FolioProcess.run(["build", "--quiet", "--root", root.path, "--output", site.path])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(try inode() == firstInode, "an unchanged page is reused, not written again")
        let clean = root.appendingPathComponent("Clean")
        let cleanRun = try FolioProcess.run(["build", "--quiet", "--root", root.path, "--output", clean.path])
        #expect(cleanRun.status == 0, "\(cleanRun.stderr)")

        let incremental = try Self.files(site), fresh = try Self.files(clean)
        #expect(incremental.count > 1000)
        #expect(Set(incremental.keys) == Set(fresh.keys), "\(Set(incremental.keys).symmetricDifference(fresh.keys).sorted().prefix(5))")
        let different = incremental.keys.filter { incremental[$0] != fresh[$0] }.sorted()
        #expect(different.isEmpty, "files that differ from a clean build: \(different.prefix(5))")
        let page = try #require(incremental["leiden-2023/introduction/index.html"].map { String(decoding: $0, as: UTF8.self) })
        #expect(page.contains("The expansion of the"), "the edited article is rebuilt")

        // `--clean` computes every file anew without the cache; the output is the same, and a
        // file whose bytes did not change is still not written again.
        let cleaned = try FolioProcess.run(["build", "--quiet", "--clean", "--root", root.path, "--output", site.path])
        #expect(cleaned.status == 0, "\(cleaned.stderr)")
        #expect(try inode() == firstInode)
        #expect(try Self.files(site) == fresh)
    }
}
