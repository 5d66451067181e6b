import FolioMarkdown
import Testing
@Test func FolioMarkdownLoads() { #expect(Bool(true)) }
