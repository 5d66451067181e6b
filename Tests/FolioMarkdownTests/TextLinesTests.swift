import FolioMarkdown
import Foundation
import Testing

@Suite struct TextLinesTests {
    // Excerpt of Content/articles/leiden-2023/02-global-growth-of-the-iot-and-the-iiot.md, lines 1-4,
    // with the line endings varied.
    static let excerpt = "---\ntitle: \"1. Global growth of the IoT and the IIoT\"\r\ndocument: \"leiden-2023\"\r\n\norder: 2\n\n"

    @Test(arguments: [excerpt, "", "\n", "\r\n", "a\r\nb\nc", "Zürich — 北京\n\n", "\r\r\n\n\r"])
    func sameLinesAsCharacterSplit(_ text: String) {
        #expect(TextLines.split(text) == text.split(separator: "\n", omittingEmptySubsequences: false))
    }

    @Test func aCarriageReturnLineFeedPairDoesNotEndALine() {
        #expect(TextLines.split(Self.excerpt).count == 5)
    }

    @Test(arguments: [excerpt, "", "\n", "\r\n", "\r", "a\r\nb\nc", "Zürich — 北京\r\n\r\n", "\r\r\n\n\r", "\n\r\n", "x\r"])
    func sameLinesAsASplitAtBothLineEnds(_ text: String) {
        #expect(TextLines.splitAtLineEnds(text) == text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" })
    }

    /// Every file of the corpus, split both ways.
    @Test func corpusFilesSplitAtBothLineEndsAsCharactersDo() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var files = 0
        for folder in ["Content/articles", "Content/sources"] {
            let enumerator = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                guard ["md", "txt"].contains(url.pathExtension) else { continue }
                let text = try String(contentsOf: url, encoding: .utf8)
                #expect(TextLines.splitAtLineEnds(text) == text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }, "\(url.lastPathComponent)")
                files += 1
            }
        }
        #expect(files > 100)
    }
}
