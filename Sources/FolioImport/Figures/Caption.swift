import FolioContent
import Foundation

/// A caption line read from the source: `Figure 1: Text`, `**Table 2 Text**`, `[Figure 5: Text]`,
/// `#### Display 1: Text`, `Fig.2 Text`, `(Figure) Text`, `图3 Text`.
struct Caption: Equatable {
    var kind: CaptionKind
    var number: Int?
    /// The label as readers see it: `Figure 3`, `图3`.
    var label: String
    /// Caption text without label, wrappers or Markdown emphasis.
    var text: String
    /// Written with a CJK label (`图3`, `表1`).
    var chinese: Bool

    private static let words: [(String, Bool)] = [
        ("Attached Table", false), ("FIGURE", false), ("Figure", false), ("Fig.", false), ("Fig", false),
        ("TABLE", false), ("Table", false), ("Chart", false), ("Graph", false), ("Display", false),
        ("Exhibit", false), ("Diagram", false), ("图", true), ("表", true),
    ]

    /// Reads `line` as a caption, or returns nil when it is ordinary text.
    static func parse(_ line: String) -> Caption? {
        // Cheap rejection: captions start with a label, `#`, `*`, `_`, `[` or `(`.
        guard let lead = line.utf8.first(where: { $0 != 0x20 }), "#*_[(FTCGDEA".utf8.contains(lead) || lead >= 0x80 else { return nil }
        var s = Substring(line).drop(while: { $0 == " " || $0 == "\t" })
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        guard !s.isEmpty, s.utf8.count < 1200 else { return nil }
        if LineShape.isHeading(String(s)) { s = s.drop(while: { $0 == "#" }).drop(while: { $0 == " " }) }
        s = stripWrappers(s)
        var bracketed = false
        if s.hasPrefix("[") {
            bracketed = true
            s = s.dropFirst().drop(while: { $0 == " " })
        }
        if s.hasPrefix("(Figure)") || s.hasPrefix("(Table)") {
            let kind: CaptionKind = s.hasPrefix("(Figure)") ? .figure : .table
            let rest = clean(String(s.dropFirst(kind == .figure ? 8 : 7)))
            guard !rest.isEmpty else { return nil }
            return Caption(kind: kind, number: nil, label: kind.word, text: rest, chinese: false)
        }
        guard let (word, chinese) = words.first(where: { s.hasPrefix($0.0) }), let kind = CaptionKind.from(word: word) else { return nil }
        var rest = s.dropFirst(word.count)
        if !chinese, let next = rest.first, next.isLetter { return nil }  // "Tables", "Figures", "Chartered"
        rest = rest.drop(while: { $0 == " " || $0 == "\u{00A0}" })
        let digits = rest.prefix(while: \.isASCIIDigit)
        guard !digits.isEmpty, digits.count <= 3, let number = Int(digits) else { return nil }
        rest = rest.dropFirst(digits.count)
        if let next = rest.first, next.isASCIIDigit || next == "." && rest.dropFirst().first?.isASCIIDigit == true { return nil }
        if bracketed, rest.hasPrefix("]") { rest = rest.dropFirst() }
        let separated = rest.drop(while: { $0 == " " }).first.map { ":：.–—]".contains($0) } ?? false
        rest = rest.drop(while: { " \t:：.-–—]".contains($0) })
        var text = clean(String(rest))
        if bracketed, text.hasSuffix("]") { text.removeLast() }
        text = text.trimmingCharacters(in: .whitespaces)
        // "Figure 1 shows …" or "Table 2 lists …" is a sentence, not a caption.
        if let first = text.first, first.isLowercase, !chinese, !separated { return nil }
        if text.count > 220, text.hasSuffix(".") { return nil }
        let label = chinese ? word + String(number) : kind.word + " " + String(number)
        return Caption(kind: kind, number: number, label: label, text: text, chinese: chinese)
    }

    private static func stripWrappers(_ text: Substring) -> Substring {
        var s = text
        while let first = s.first, first == "*" || first == "_" { s = s.dropFirst() }
        while let last = s.last, last == "*" || last == "_" || last == " " { s = s.dropLast() }
        return s.drop(while: { $0 == " " })
    }

    /// Removes emphasis markers, stray brackets and tabs; collapses spaces.
    static func clean(_ text: String) -> String {
        var out = ""
        var lastSpace = false
        var previous: Character?
        for ch in text {
            var c = ch
            if c == "\t" || c == "\u{00A0}" { c = " " }
            if c == "*" { continue }
            if c == "_" && (previous == nil || previous == " ") { continue }
            if c == " " {
                if lastSpace { continue }
                lastSpace = true
            } else {
                lastSpace = false
            }
            out.append(c)
            previous = c
        }
        return out.replacingOccurrences(of: "[]", with: "").replacingOccurrences(of: "  ", with: " ").trimmingCharacters(in: .whitespaces)
    }
}
