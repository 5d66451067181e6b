import FolioCore
import Foundation
import Testing

@Suite struct SpilledTextTests {
    /// The corpus's source texts, cut into paragraphs: short and long, ASCII and not.
    static let paragraphs: [String] = {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Content/sources")
        let files = (try? FileManager.default.contentsOfDirectory(at: sources, includingPropertiesForKeys: nil)) ?? []
        return files.sorted { $0.path < $1.path }.flatMap { file in
            ((try? String(contentsOf: file, encoding: .utf8)) ?? "").components(separatedBy: "\n\n")
        }
    }()

    @Test func textsStoredFromSeveralThreadsReadBackAsWritten() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let texts = Self.paragraphs + ["", "重庆 — Chongqing’s “smart” factories"]
        #expect(texts.count > 1_000)
        #expect(texts.contains { $0.utf8.count > 2_000 })
        let store = try #require(SpilledText(in: directory))
        let handles = ConcurrentMap.map(texts) { store.store($0) }
        // The file is gone from its folder from the start; the texts live in the open file only.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        let read = try ConcurrentMap.tryMap(Array(zip(texts.indices, handles)).reversed()) { index, handle in
            (index, try store.read(try #require(handle)))
        }
        for (index, text) in read { #expect(text == texts[index]) }
    }

    @Test func aFolderThatCannotHoldTheFileGivesNoStore() {
        #expect(SpilledText(in: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)")) == nil)
    }
}
