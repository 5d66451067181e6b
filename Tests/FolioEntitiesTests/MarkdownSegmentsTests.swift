@testable import FolioEntities
import Foundation
import Testing

/// The segmenter matches brackets once per line and remembers closers it found missing; on any
/// line it must cut exactly where a scan from each mark to its closer would, and a line of 10^5
/// unclosed marks must still be cut.
@Suite struct MarkdownSegmentsTests {
    /// The reference: a scan from the `[` at `open` to its `]` and on to the closer of the
    /// destination or reference; an escaped `[` starts no link.
    static func referenceLinkExtent(_ text: [UInt8], _ open: Int, _ start: Int, _ end: Int) -> (Int, Int)? {
        var backslashes = 0
        var k = open - 1
        while k >= start, text[k] == 0x5C { backslashes += 1; k -= 1 }
        if backslashes % 2 == 1 { return nil }
        var depth = 0, j = open, close = -1
        while j < end {
            if text[j] == 0x5C { j += 2; continue }
            if text[j] == 0x5B { depth += 1 } else if text[j] == 0x5D {
                depth -= 1
                if depth == 0 { close = j; break }
            }
            j += 1
        }
        guard close >= 0, close + 1 < end, text[close + 1] == 0x28 || text[close + 1] == 0x5B else { return nil }
        let opener = text[close + 1], closer: UInt8 = opener == 0x28 ? 0x29 : 0x5D
        var nest = 1
        j = close + 2
        while j < end {
            if text[j] == 0x5C { j += 2; continue }
            if text[j] == opener { nest += 1 } else if text[j] == closer {
                nest -= 1
                if nest == 0 { return (close, j + 1) }
            }
            j += 1
        }
        return nil
    }

    @Test func bracketMatchesAgreeWithAScanFromEachBracket() {
        var state: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let alphabet = Array("[]()\\ax^".utf8)
        for _ in 0..<3000 {
            let line = (0..<next(40)).map { _ in alphabet[next(alphabet.count)] }
            let matches = BracketMatches(line, 0, line.count)
            for open in line.indices where line[open] == 0x5B {
                let expected = Self.referenceLinkExtent(line, open, 0, line.count)
                let found = matches.linkExtent(open)
                #expect(found?.0 == expected?.0 && found?.1 == expected?.1, "\(String(decoding: line, as: UTF8.self)) at \(open)")
            }
        }
    }

    @Test func linksCodeAndTagsAreCutAsBefore() {
        let text = Array("See [Chongqing](../x/) and `code [a](b)` <span>tag</span> [^1] after.\n".utf8)
        let segments = MarkdownSegments(text).segments.map { String(decoding: text[$0.start..<$0.end], as: UTF8.self) }
        #expect(segments == ["See ", "Chongqing", " and ", " ", "tag", " ", " after."])
    }

    /// 10^5 unclosed marks of each kind on one line, then a name: every later mark reuses what the
    /// first scan found missing, and the name after them is still a segment of its own. (An
    /// unclosed footnote reference runs to the end of its line, so nothing after it is text.)
    @Test func linesOfUnclosedMarksAreCutToTheEnd() {
        for mark in ["[", "[a](", "<a ", "[^x ", "` ``", "!["] {
            let text = Array(("Text " + String(repeating: mark, count: 100_000) + " Chongqing\n").utf8)
            let segments = MarkdownSegments(text).segments.map { String(decoding: text[$0.start..<$0.end], as: UTF8.self) }
            if mark == "[^x " {
                #expect(segments == ["Text "])
            } else {
                #expect(segments.last?.hasSuffix("Chongqing") == true, "after \(mark): \(segments.last?.suffix(20) ?? "nothing")")
            }
        }
    }
}
