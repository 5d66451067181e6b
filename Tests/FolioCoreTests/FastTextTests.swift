import FolioCore
import FolioTestSupport
import Foundation
import Testing

/// The byte-level text helpers give what Foundation's slower calls give.
@Suite struct FastTextTests {
    @Test func trimmingSpacesMatchesFoundationOnEdgesOfEveryKind() {
        // Every kind of character that can sit at an edge: ASCII and Unicode spaces, tabs (trimmed),
        // line ends, no-break joiners and letters (kept).
        let pieces = [" ", "\t", "\u{A0}", "\u{2003}", "\u{202F}", "\u{3000}", "\n", "\u{200B}", "\u{FEFF}", "a", "é", "e\u{301}", "中", "–", "."]
        var seeded = SeededGenerator(seed: 7)
        for _ in 0..<3000 {
            let length = Int(seeded.next() % 7)
            let text = (0..<length).map { _ in pieces[Int(seeded.next() % UInt64(pieces.count))] }.joined()
            #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
            let slice = Substring(text)
            #expect(slice.trimmingSpaces() == slice.trimmingCharacters(in: .whitespaces))
        }
        #expect("  Chongqing’s plant\u{A0} ".trimmingSpaces() == "Chongqing’s plant")
        #expect(" \t ".trimmingSpaces() == "")
    }
}
