import Foundation

/// One `<sup>…</sup>` (or `<sub>…</sub>`) span in a line.
struct ScriptSpan: Equatable {
    /// The whole span, tags included.
    var range: Range<String.Index>
    /// The text between the tags, untrimmed.
    var payload: String
}

/// Scanning and repair of superscript markup damaged by the PDF conversion.
enum NoteMarkup {
    /// Repairs mangled entity-escaped markup, returning nil when the line needs nothing.
    ///
    /// The converter wrapped the `&` of escaped tags in a superscript of its own:
    /// `<sup>&</sup>lt;sup>1</sup>` is `<sup>1</sup>`, `<sup>&</sup>lt;u>` is `<u>` and
    /// `<sup>23&</sup>amp;id` is `23&id`; plain `&lt;sup>` is `<sup>`.
    static func repairMangled(_ line: String) -> String? {
        guard TextSearch.contains(line, byte: 0x26) else { return nil }
        var text = line
        var changed = false
        // `<sup>X&</sup>name;` → `X` + decoded entity.
        while let close = TextSearch.range(of: "&</sup>", in: text) {
            guard let open = TextSearch.lastRange(of: "<sup>", in: text, before: close.lowerBound) else { break }
            let payload = text[open.upperBound..<close.lowerBound]
            if payload.contains("<") { break }
            let after = text[close.upperBound...]
            var decoded: String?
            var entityLength = 0
            for (name, value) in entities where after.hasPrefix(name) {
                decoded = value
                entityLength = name.count
                break
            }
            guard let value = decoded else {
                // A lone `&` in a superscript: keep the ampersand as text.
                text.replaceSubrange(open.lowerBound..<close.upperBound, with: payload + "&")
                changed = true
                continue
            }
            let end = text.index(close.upperBound, offsetBy: entityLength)
            text.replaceSubrange(open.lowerBound..<end, with: payload + value)
            changed = true
        }
        for (mangled, fixed) in escapedTags where TextSearch.contains(text, mangled) {
            text = text.replacingOccurrences(of: mangled, with: fixed)
            changed = true
        }
        return changed ? text : nil
    }

    private static let entities: [(String, String)] = [("lt;", "<"), ("gt;", ">"), ("amp;", "&"), ("quot;", "\"")]
    private static let escapedTags: [(String, String)] = [
        ("&lt;sup&gt;", "<sup>"), ("&lt;/sup&gt;", "</sup>"), ("&lt;sub&gt;", "<sub>"), ("&lt;/sub&gt;", "</sub>"),
        ("&lt;sup>", "<sup>"), ("&lt;/sup>", "</sup>"), ("&lt;sub>", "<sub>"), ("&lt;/sub>", "</sub>"),
    ]

    /// All `<tag>…</tag>` spans of one tag name (`sup` or `sub`) in `line`, left to right.
    static func spans(of tag: String, in line: String) -> [ScriptSpan] {
        let openTag = "<" + tag + ">"
        let closeTag = "</" + tag + ">"
        guard TextSearch.contains(line, openTag) else { return [] }
        var result: [ScriptSpan] = []
        var cursor = line.startIndex
        while let open = TextSearch.range(of: openTag, in: line, from: cursor) {
            guard let close = TextSearch.range(of: closeTag, in: line, from: open.upperBound) else { break }
            result.append(ScriptSpan(range: open.lowerBound..<close.upperBound, payload: String(line[open.upperBound..<close.lowerBound])))
            cursor = close.upperBound
        }
        return result
    }
}

/// What a superscript payload says, read as a footnote marker.
struct MarkerPayload: Equatable {
    /// Note labels in the marker (`[5][6]` has two).
    var labels: [Int]
    /// Written in brackets, `[4]`.
    var bracketed: Bool
    /// Letters glued in front of the number (`t27` → `t`), to give back to the next word.
    var leadingLetters: String
    /// The marker was damaged (`33 33`, `^{2}`, `t27`) and had to be read generously.
    var garbled: Bool

    /// Reads a superscript payload as footnote label(s), or nil when it is not one.
    static func parse(_ raw: String) -> MarkerPayload? {
        var text = raw.trimmingCharacters(in: .whitespaces)
        var garbled = false
        if text.hasPrefix("^{") && text.hasSuffix("}") {
            text = String(text.dropFirst(2).dropLast())
            garbled = true
        } else if text.hasPrefix("^") {
            text = String(text.dropFirst())
            garbled = true
        }
        if text.isEmpty { return nil }
        // Bracketed, possibly several: [5][6]
        if text.hasPrefix("[") {
            var labels: [Int] = []
            var rest = Substring(text)
            while rest.hasPrefix("[") {
                guard let close = rest.firstIndex(of: "]") else { return nil }
                let inner = rest[rest.index(after: rest.startIndex)..<close].trimmingCharacters(in: .whitespaces)
                guard let n = Int(inner), n > 0, n < 1000 else { return nil }
                labels.append(n)
                rest = rest[rest.index(after: close)...].drop(while: { $0 == " " || $0 == "," })
            }
            guard rest.isEmpty, !labels.isEmpty else { return nil }
            return MarkerPayload(labels: labels, bracketed: true, leadingLetters: "", garbled: garbled)
        }
        // Letters swallowed from the next word: t27
        let letters = String(text.prefix(while: { $0.isLetter && $0.isASCII }))
        if !letters.isEmpty {
            if letters.count > 2 { return nil }
            text = String(text.dropFirst(letters.count))
            garbled = true
        }
        // Plain numbers, possibly repeated or listed: 12 / 33 33 / 5,6
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard !parts.isEmpty else { return nil }
        var labels: [Int] = []
        for part in parts {
            guard part.allSatisfy(\.isASCIIDigit), part.count <= 4, let n = Int(part), n > 0 else { return nil }
            labels.append(n)
        }
        if labels.count > 1 && Set(labels).count == 1 {
            labels = [labels[0]]
            garbled = true
        }
        return MarkerPayload(labels: labels, bracketed: false, leadingLetters: letters, garbled: garbled)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
