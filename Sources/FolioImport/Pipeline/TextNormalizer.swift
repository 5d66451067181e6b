import Foundation

/// Small, allocation-light text helpers shared by the import stages: comparison keys for titles,
/// emphasis stripping and line classification.
enum TextNormalizer {
    /// A comparison key: lower-cased letters and digits only, so `System -On` and `System - On`
    /// or `Co.,Ltd.` and `Co., Ltd.` compare equal. Inline tags such as `<sup>` are skipped.
    static func key(_ text: String) -> String {
        if text.utf8.contains(60) {
            let (plain, _) = splitSuperscripts(text)
            if plain != text { return key(plain) }
        }
        var out = String.UnicodeScalarView()
        var inTag = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if inTag {
                if v == 62 { inTag = false }
                continue
            }
            if v < 128 {
                if v >= 97 && v <= 122 || v >= 48 && v <= 57 {
                    out.append(scalar)
                } else if v >= 65 && v <= 90 {
                    out.append(Unicode.Scalar(v + 32)!)
                } else if v == 60 {
                    inTag = true
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { out.append(lower) }
            }
        }
        return String(out)
    }

    /// Separates `<sup>…</sup>` spans from text: ordinal and letter superscripts (`16<sup>th</sup>`)
    /// stay as plain text, numeric ones (footnote markers) are returned as `<sup>n</sup>` markers.
    static func splitSuperscripts(_ text: String) -> (text: String, markers: [String]) {
        var out = ""
        var markers: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "<sup>") {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let close = after.range(of: "</sup>") else {
                out += rest[open.lowerBound...]
                rest = ""
                break
            }
            let inner = after[..<close.lowerBound]
            if !inner.isEmpty && inner.allSatisfy({ $0.isNumber || $0 == "," || $0 == "[" || $0 == "]" || $0 == "-" }) {
                markers.append("<sup>\(inner)</sup>")
                while out.hasSuffix(" ") { out.removeLast() }
            } else {
                out += inner
            }
            rest = after[close.upperBound...]
        }
        out += rest
        return (out, markers)
    }

    /// Byte-wise substring test, much faster than Foundation's on Linux.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard let first = n.first else { return true }
        let h = Array(haystack.utf8)
        guard h.count >= n.count else { return false }
        var i = 0
        let last = h.count - n.count
        while i <= last {
            if h[i] == first {
                var j = 1
                while j < n.count && h[i + j] == n[j] { j += 1 }
                if j == n.count { return true }
            }
            i += 1
        }
        return false
    }

    /// Trims spaces and tabs at both ends without Foundation.
    static func trim(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { $0 != 32 && $0 != 9 }) else { return "" }
        let last = utf8.lastIndex(where: { $0 != 32 && $0 != 9 })!
        return String(text[first...last])
    }

    /// Removes Markdown emphasis markers, heading hashes and inline HTML tags, and collapses spaces.
    static func stripMarkup(_ text: String) -> String {
        var s = text
        if s.utf8.contains(60) { s = removeTags(s) }
        // Byte by byte: every mark handled here is ASCII but the no-break space (C2 A0), and the
        // bytes of other characters are copied as they are.
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var lastSpace = true
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case 0x2A, 0x5C: // `*` and the backslash
                break
            case 0x5F: // `_`
                if !lastSpace { out.append(byte) }
            case 0x20, 0x09:
                if !lastSpace { out.append(0x20) }
                lastSpace = true
            case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0xA0: // a no-break space
                if !lastSpace { out.append(0x20) }
                lastSpace = true
                i += 1
            default:
                out.append(byte)
                lastSpace = false
            }
            i += 1
        }
        var trimmed = Substring(String(decoding: out, as: UTF8.self))
        while trimmed.last == " " || trimmed.last == "_" { trimmed = trimmed.dropLast() }
        while trimmed.first == "#" { trimmed = trimmed.dropFirst() }
        while trimmed.first == " " { trimmed = trimmed.dropFirst() }
        return String(trimmed)
    }

    /// Removes `<tag>` and `</tag>` for the presentational tags the converter leaves behind
    /// (`b`, `u`, `i`, `strong`, `em`), keeping their text. Other tags are kept.
    static func removeTags(_ text: String, tags: Set<String> = ["b", "u", "i", "strong", "em"]) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(60) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 60 {
                var j = i + 1
                if j < bytes.count && bytes[j] == 47 { j += 1 }
                let nameStart = j
                while j < bytes.count && j - nameStart < 8 && (bytes[j] >= 97 && bytes[j] <= 122 || bytes[j] >= 65 && bytes[j] <= 90) { j += 1 }
                if j < bytes.count && bytes[j] == 62 && j > nameStart,
                    let name = String(bytes: bytes[nameStart..<j], encoding: .ascii), tags.contains(name.lowercased())
                {
                    i = j + 1
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The ATX heading level of a line (`## x` → 2), or nil.
    static func headingLevel(_ line: String) -> Int? {
        var level = 0
        for ch in line {
            if ch == "#" {
                level += 1
                continue
            }
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
        guard line.utf8.first == 42 || line.utf8.first == 32 else { return false }
        let t = trim(line)
        guard t.hasPrefix("**"), t.hasSuffix("**"), t.utf8.count > 4 else { return false }
        let inner = t.dropFirst(2).dropLast(2)
        return !inner.contains("**") && !inner.trimmingCharacters(in: CharacterSet(charactersIn: "* ")).isEmpty
    }

    /// True for lines containing CJK (Chinese, Japanese, Korean) characters.
    static func containsCJK(_ text: String) -> Bool {
        text.unicodeScalars.contains { isCJK($0) }
    }

    /// True when at least half of the letters of `text` are CJK.
    static func isMostlyCJK(_ text: String) -> Bool {
        var cjk = 0
        var latin = 0
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
        if abs(a.utf8.count - b.utf8.count) > limit * 4 { return nil }
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
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

    /// True when a line ends a sentence (ignoring trailing spaces, emphasis, quotes and brackets).
    static func endsSentence(_ text: String) -> Bool {
        var i = text.endIndex
        while i > text.startIndex {
            let j = text.index(before: i)
            let ch = text[j]
            if ch == " " || ch == "\t" || ch == "*" || ch == "\"" || ch == "\u{201D}" || ch == ")" || ch == "_" {
                i = j
                continue
            }
            return ".!?:;。！？：".contains(ch)
        }
        return true
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
