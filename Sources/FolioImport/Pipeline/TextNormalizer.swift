import Foundation

/// Small, allocation-light text helpers shared by the import stages: comparison keys for titles,
/// emphasis stripping and line classification.
enum TextNormalizer {
    /// A comparison key: lower-cased letters and digits only, so `System -On` and `System - On`
    /// or `Co.,Ltd.` and `Co., Ltd.` compare equal.
    static func key(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in stripMarkup(text).lowercased().unicodeScalars where CharacterSet.alphanumerics.contains(scalar) {
            out.append(scalar)
        }
        return String(out)
    }

    /// Removes Markdown emphasis markers, heading hashes and inline HTML tags, and collapses spaces.
    static func stripMarkup(_ text: String) -> String {
        var s = text
        if s.contains("<") { s = removeTags(s) }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var lastSpace = true
        for ch in s {
            if ch == "*" || ch == "\\" { continue }
            if ch == "_" && (out.isEmpty || lastSpace) { continue }
            if ch == " " || ch == "\t" || ch == "\u{00A0}" {
                if !lastSpace { out.append(" ") }
                lastSpace = true
                continue
            }
            out.append(ch)
            lastSpace = false
        }
        var trimmed = out.trimmingCharacters(in: .whitespaces)
        while trimmed.hasPrefix("#") { trimmed.removeFirst() }
        while trimmed.hasSuffix("_") { trimmed.removeLast() }
        return trimmed.trimmingCharacters(in: .whitespaces)
    }

    /// Removes `<tag>` and `</tag>` for the presentational tags the converter leaves behind
    /// (`b`, `u`, `i`, `strong`, `em`), keeping their text. Other tags are kept.
    static func removeTags(_ text: String, tags: Set<String> = ["b", "u", "i", "strong", "em"]) -> String {
        guard text.contains("<") else { return text }
        var out = ""
        var i = text.startIndex
        while i < text.endIndex {
            let ch = text[i]
            if ch == "<", let close = text[i...].firstIndex(of: ">") {
                var name = text[text.index(after: i)..<close]
                if name.hasPrefix("/") { name = name.dropFirst() }
                if tags.contains(name.lowercased()) {
                    i = text.index(after: close)
                    continue
                }
            }
            out.append(ch)
            i = text.index(after: i)
        }
        return out
    }

    /// The ATX heading level of a line (`## x` → 2), or nil.
    static func headingLevel(_ line: String) -> Int? {
        var level = 0
        for ch in line {
            if ch == "#" { level += 1; continue }
            if ch == " " && level > 0 && level <= 6 { return level }
            return nil
        }
        return nil
    }

    /// The text of a heading line without hashes and emphasis.
    static func headingText(_ line: String) -> String {
        stripMarkup(line)
    }

    /// True when the whole line is wrapped in bold (`**…**` or `***…***`) and has text inside.
    static func isBoldOnly(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard t.hasPrefix("**"), t.hasSuffix("**"), t.count > 4 else { return false }
        let inner = t.dropFirst(2).dropLast(2)
        return !inner.contains("**") && !inner.trimmingCharacters(in: CharacterSet(charactersIn: "* ")).isEmpty
    }

    /// True for lines containing CJK (Chinese, Japanese, Korean) characters.
    static func containsCJK(_ text: String) -> Bool {
        text.unicodeScalars.contains { isCJK($0) }
    }

    /// True when at least half of the letters of `text` are CJK.
    static func isMostlyCJK(_ text: String) -> Bool {
        var cjk = 0, latin = 0
        for s in text.unicodeScalars {
            if isCJK(s) { cjk += 1 } else if CharacterSet.letters.contains(s) { latin += 1 }
        }
        return cjk > 0 && cjk >= latin
    }

    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3040...0x30FF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0xAC00...0xD7AF).contains(v) || (0x3000...0x303F).contains(v) || (0xFF00...0xFFEF).contains(v)
    }

    /// Levenshtein distance, bounded: returns nil as soon as the distance must exceed `limit`.
    static func distance(_ a: String, _ b: String, limit: Int) -> Int? {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > limit { return nil }
        if x.isEmpty { return y.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMin = i
            for j in 1...max(y.count, 1) where j <= y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return nil }
            swap(&previous, &current)
        }
        return previous[y.count] <= limit ? previous[y.count] : nil
    }

    /// True when a line ends a sentence.
    static func endsSentence(_ text: String) -> Bool {
        var t = text.trimmingCharacters(in: .whitespaces)
        while let last = t.last, last == "*" || last == "\"" || last == "\u{201D}" || last == ")" || last == "_" { t.removeLast() }
        guard let last = t.last else { return true }
        return ".!?:;。！？：".contains(last)
    }

    /// True when the first letter of the text is lower-case.
    static func startsLowercase(_ text: String) -> Bool {
        for ch in text {
            if ch.isLetter { return ch.isLowercase }
            if ch.isNumber { return false }
        }
        return false
    }
}
