@testable import FolioImport
import Foundation
import Testing

@Suite struct TextNormalizerTests {
    /// `stripMarkup` works on bytes; it must give what working on Unicode scalars gives, on every
    /// line of the five reports and on no-break spaces, marks beside other scripts and combining
    /// characters.
    @Test func stripMarkupGivesWhatAScalarByScalarReadingGives() throws {
        func byScalar(_ text: String) -> String {
            var s = text
            if s.utf8.contains(60) { s = TextNormalizer.removeTags(s) }
            var out = String.UnicodeScalarView()
            var lastSpace = true
            for scalar in s.unicodeScalars {
                switch scalar {
                case "*", "\\":
                    continue
                case "_":
                    if lastSpace { continue }
                    out.append(scalar)
                    lastSpace = false
                case " ", "\t", "\u{00A0}":
                    if !lastSpace { out.append(" ") }
                    lastSpace = true
                default:
                    out.append(scalar)
                    lastSpace = false
                }
            }
            var trimmed = Substring(String(out))
            while trimmed.last == " " || trimmed.last == "_" { trimmed = trimmed.dropLast() }
            while trimmed.first == "#" { trimmed = trimmed.dropFirst() }
            while trimmed.first == " " { trimmed = trimmed.dropFirst() }
            return String(trimmed)
        }
        var lines = try CorpusExcerpt.all.flatMap { try CorpusExcerpt.lines($0).map(\.text) }
        lines += [
            "## **Bold**\u{00A0}\u{00A0}and _under_ score \\* Chongqing\u{00A0}重庆 __",
            "#\u{301} e\u{301}*x*\u{00A0}\t_ ¢ Â\u{00A0} <b>tag</b> <span>kept</span>  _",
            "\u{00A0}", "", "_", "***", "# # x",
        ]
        for line in lines {
            #expect(TextNormalizer.stripMarkup(line) == byScalar(line), "\(line)")
        }
        #expect(TextNormalizer.stripMarkup("## **Chongqing**\u{00A0}\u{00A0}Municipal  _Government_") == "Chongqing Municipal Government")
    }
}
