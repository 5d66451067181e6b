@testable import FolioEntities
import Testing

/// Where keyword-in-context snippets start: after the block marks of their line, never at them.
struct SnippetTests {
    func start(_ line: String, mention: String) -> String {
        let bytes = Array(line.utf8)
        let at = Array(line.utf8).firstRange(of: Array(mention.utf8))!.lowerBound
        let from = Snippets.contentStart(of: bytes, line: 0, before: at)
        return String(decoding: bytes[from...], as: UTF8.self)
    }

    @Test(arguments: [
        // (line as in Content/articles, mention, text the snippet starts with)
        ("- Chongqing's plan for 2025", "Chongqing", "Chongqing's plan for 2025"),
        ("  * a plant in Chongqing", "Chongqing", "a plant in Chongqing"),
        ("12. Smart factories in Wuxi", "Wuxi", "Smart factories in Wuxi"),
        ("3) Digital twins", "Digital", "Digital twins"),
        ("> - quoted list in Shanghai", "Shanghai", "quoted list in Shanghai"),
        ("## 5G in Chongqing", "5G", "5G in Chongqing"),
        ("[^12]: Lowy Institute, 2023.", "Lowy", "Lowy Institute, 2023."),
        ("  - \\* 12 high-growth industry clusters: power semiconductors", "power", "12 high-growth industry clusters: power semiconductors"),
    ])
    func skipsBlockMarks(line: String, mention: String, expected: String) {
        #expect(start(line, mention: mention) == expected)
    }

    @Test func keepsTextThatOnlyLooksLikeAMark() {
        // A year or a figure at the start of a sentence is text, and so is a dash inside it.
        #expect(start("2025 targets for Chongqing", mention: "Chongqing") == "2025 targets for Chongqing")
        #expect(start("-5% emissions in Wuxi", mention: "Wuxi") == "-5% emissions in Wuxi")
        #expect(start("- Siemens", mention: "Siemens") == "Siemens")
    }
}
