@testable import FolioContent
import FolioCore
import Foundation
import Testing

/// Line endings and invisible controls are cleaned; ordinary typography passes untouched.
@Suite struct TextHygieneTests {
    @Test func dashesAndQuotationMarksNeedNoCleaning() throws {
        // The corpus's own typography: en and em dashes, curly quotes, an ellipsis (all E2 80 xx).
        let articles = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Content/articles/leiden-2023/01-introduction.md").standardizedFileURL
        let text = try String(contentsOf: articles, encoding: .utf8)
        #expect(text.contains("’") || text.contains("–") || text.contains("“"))
        #expect(!TextHygiene.needsCleaning(text))
        let (cleaned, findings) = TextHygiene.clean(text, file: "a.md")
        #expect(cleaned == text)
        #expect(findings.isEmpty)
        #expect(!TextHygiene.needsCleaning("A – B — C “D” ‘E’ … • ™"))
    }

    @Test func everyBidirectionalControlIsFoundAndRemovedAtItsLine() {
        for value in Array(0x202A...0x202E) + Array(0x2066...0x2069) {
            let control = String(UnicodeScalar(value)!)
            let text = "one – two\nthree\nfo\(control)ur"
            #expect(TextHygiene.needsCleaning(text), "U+\(String(value, radix: 16))")
            let (cleaned, findings) = TextHygiene.clean(text, file: "a.md")
            #expect(cleaned == "one – two\nthree\nfour")
            #expect(findings.map(\.code) == ["CNT002"])
            #expect(findings.first?.location?.line == 3)
        }
        // Neighbours of the controls are ordinary characters.
        for value in [0x2029, 0x202F, 0x2065, 0x206A] {
            #expect(!TextHygiene.needsCleaning("a\(String(UnicodeScalar(value)!))b"), "U+\(String(value, radix: 16))")
        }
    }

    @Test func carriageReturnsAndNULsAreCleaned() {
        #expect(TextHygiene.needsCleaning("a\r\nb"))
        #expect(TextHygiene.clean("a\r\nb\rc", file: "a.md").0 == "a\nb\nc")
        let (cleaned, findings) = TextHygiene.clean("a\nb\u{0}c", file: "a.md")
        #expect(cleaned == "a\nbc")
        #expect(findings.first?.location?.line == 2)
    }
}
