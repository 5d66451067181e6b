import FolioMarkdown
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
}
