import FolioContent
import Foundation

/// Finds footnote definitions and references in article lines.
enum NoteScanner {
    // MARK: Definitions

    /// A definition marker at the start of a line: `<sup>7</sup> Text`, `- <sup>[7]</sup> Text`,
    /// `$<sup>^{7}</sup>$ Text` or `[7] Text` / `- [7] Text`.
    static func explicitStart(_ line: String) -> (payload: MarkerPayload, body: String, style: DefinitionStyle)? {
        guard let lead = line.utf8.first(where: { $0 != 0x20 }), lead == 0x3C || lead == 0x2D || lead == 0x2A || lead == 0x24 || lead == 0x5B || lead == 0x5C
        else { return nil }
        var s = Substring(line).drop(while: { $0 == " " })
        if s.hasPrefix("- ") || s.hasPrefix("* ") { s = s.dropFirst(2).drop(while: { $0 == " " }) }
        var dollar = false
        if s.hasPrefix("$") {
            s = s.dropFirst().drop(while: { $0 == " " })
            dollar = true
        }
        if s.hasPrefix("<sup>") {
            guard let close = s.range(of: "</sup>") else { return nil }
            let inner = String(s[s.index(s.startIndex, offsetBy: 5)..<close.lowerBound])
            guard var payload = MarkerPayload.parse(inner), payload.labels.count == 1, payload.leadingLetters.isEmpty else { return nil }
            var rest = s[close.upperBound...]
            if rest.hasPrefix("$") { rest = rest.dropFirst() }
            if dollar { payload.garbled = true }
            let body = rest.trimmingCharacters(in: .whitespaces)
            return (payload, body, payload.bracketed ? .bracket : .superscript)
        }
        if dollar { return nil }
        if s.hasPrefix("\\[") { s = s.dropFirst() }
        if s.hasPrefix("[") {
            guard let close = s.firstIndex(of: "]") else { return nil }
            let inner = s[s.index(after: s.startIndex)..<close]
            guard !inner.isEmpty, inner.count <= 3, inner.allSatisfy(\.isASCIIDigit), let n = Int(inner), n > 0 else { return nil }
            var rest = s[s.index(after: close)...]
            if rest.hasPrefix("\\") { rest = rest.dropFirst() }
            guard rest.hasPrefix(" ") else { return nil }
            let body = rest.trimmingCharacters(in: .whitespaces)
            guard !body.isEmpty, !isConsoleOutput(body) else { return nil }
            return (MarkerPayload(labels: [n], bracketed: true, leadingLetters: "", garbled: false), body, .bracket)
        }
        return nil
    }

    /// Whether the text after a `[n]` is the printed value of a statistics console (R prints
    /// `[1] 4`, `[1] "zooreg" "zoo"`, `[6] 0.74 -0.29 NA`): only numbers, quoted strings and
    /// constants, never words of a citation.
    static func isConsoleOutput(_ body: String) -> Bool {
        var tokens: [Substring] = []
        var rest = Substring(body)
        while let first = rest.first {
            if first == " " { rest = rest.dropFirst(); continue }
            if first == "\"" {
                guard let close = rest.dropFirst().firstIndex(of: "\"") else { return false }
                tokens.append(rest[...close])
                rest = rest[rest.index(after: close)...]
                continue
            }
            let token = rest.prefix { $0 != " " }
            tokens.append(token)
            rest = rest.dropFirst(token.count)
        }
        let constants: Set<Substring> = ["NA", "TRUE", "FALSE", "NULL", "NaN", "Inf", "-Inf", "<NA>"]
        return !tokens.isEmpty && tokens.allSatisfy { token in
            token.hasPrefix("\"") || constants.contains(token) || Double(token) != nil
        }
    }

    /// `7 Text`: a plain-number line that may be a footnote definition (decided by context).
    static func plainStart(_ line: String) -> (label: Int, body: String)? {
        guard let lead = line.utf8.first, lead >= 0x30, lead <= 0x39 else { return nil }
        let digits = line.prefix(while: \.isASCIIDigit)
        guard digits.count <= 3, let n = Int(digits), n > 0 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard rest.hasPrefix(" ") else { return nil }
        let body = rest.trimmingCharacters(in: .whitespaces)
        guard let lead = body.first, !lead.isLowercase, lead != "%", lead != "." else { return nil }
        return (n, body)
    }

    /// `7. Text`: an ordered-list item that may be an endnote.
    static func endnoteStart(_ line: String) -> (label: Int, body: String)? {
        guard let lead = line.utf8.first(where: { $0 != 0x20 }), lead >= 0x30, lead <= 0x39 else { return nil }
        let trimmed = line.drop(while: { $0 == " " })
        guard line.count - trimmed.count <= 3 else { return nil }
        let digits = trimmed.prefix(while: \.isASCIIDigit)
        guard !digits.isEmpty, digits.count <= 3, let n = Int(digits), n > 0 else { return nil }
        let rest = trimmed.dropFirst(digits.count)
        guard rest.hasPrefix(". ") else { return nil }
        let body = rest.dropFirst(2).trimmingCharacters(in: .whitespaces)
        return body.isEmpty ? nil : (n, body)
    }

    /// Lines after `index` that continue a definition whose text so far is `text`.
    static func continuation(of text: String, after index: Int, in lines: [SourceLine], claimed: Set<Int>) -> [Int] {
        var result: [Int] = []
        var current = text
        var j = index + 1
        var sawBlank = false
        var blanks = 0
        while j < lines.count, !claimed.contains(j) {
            let line = lines[j].text
            if LineShape.isBlank(line) {
                sawBlank = true
                blanks += 1
                if blanks > 2 { break }
                j += 1
                continue
            }
            if isStructural(line) { break }
            if sawBlank && !expectsContinuation(current) { break }
            if startsBodyText(line, after: current, sawBlank: sawBlank) { break }
            result.append(j)
            current = joinFragments(current, line)
            sawBlank = false
            blanks = 0
            j += 1
        }
        return result
    }

    /// A line that cannot continue the definition `current` because it is running text of the
    /// page: prose after a short, finished note (`Source: Deloitte (link)` followed by a whole
    /// paragraph), or words after a blank line where the note's URL ended (`…icdp-ta.com/` and
    /// then `also one of a challenges as …`). Pages printed their notes just before such text,
    /// and the conversion put them on adjacent lines.
    static func startsBodyText(_ line: String, after current: String, sawBlank: Bool) -> Bool {
        let words = line.split(separator: " ")
        let noteWords = current.split(separator: " ").count
        let trimmedNote = current.trimmingCharacters(in: .whitespaces)
        if noteWords <= 8, let last = trimmedNote.last, ".)".contains(last), words.count >= 15,
           line.first?.isUppercase == true, let end = line.trimmingCharacters(in: .whitespaces).last, ".!?".contains(end) {
            return true
        }
        if sawBlank, let lastToken = trimmedNote.split(separator: " ").last, lastToken.contains("://") || lastToken.hasPrefix("www."),
           words.count >= 6, let first = words.first, first.allSatisfy(\.isLetter), first.first?.isLowercase == true {
            return true
        }
        return false
    }

    static func isStructural(_ line: String) -> Bool {
        LineShape.isHeading(line) || LineShape.isThematicBreak(line) || LineShape.isListItem(line)
            || TextSearch.contains(line, byte: 0x09) || explicitStart(line) != nil || plainStart(line) != nil || citesNote(line)
    }

    /// Running text that cites a note (`…(TC260).<sup>77</sup>`) is body text, never part of a definition.
    static func citesNote(_ line: String) -> Bool {
        guard TextSearch.contains(line, "<sup>") else { return false }
        return NoteMarkup.spans(of: "sup", in: line).contains { span in
            span.range.lowerBound > line.startIndex && MarkerPayload.parse(span.payload)?.leadingLetters.isEmpty == true
                && !line[line.startIndex..<span.range.lowerBound].allSatisfy { $0 == " " || $0 == "$" || $0 == "-" }
        }
    }

    /// The definition text stops mid-URL or mid-bracket, so the next block continues it.
    static func expectsContinuation(_ text: String) -> Bool {
        var t = Substring(text.trimmingCharacters(in: .whitespaces))
        while t.hasSuffix("</u>") { t = t.dropLast(4) }
        guard let last = t.last else { return false }
        if "-=&/_:([".contains(last) { return true }
        // An opening bracket left unclosed near the end: `… [工业互联网平`.
        var depth = 0
        var distance = 0
        for ch in t.reversed() {
            if distance > 12 { break }
            if ")]）》」】".contains(ch) { depth += 1 }
            if "([（《「【".contains(ch) {
                if depth == 0 { return true }
                depth -= 1
            }
            distance += 1
        }
        return false
    }

    /// Joins two fragments of one definition: without a space inside a URL or CJK text.
    static func joinFragments(_ left: String, _ right: String) -> String {
        let l = left.trimmingCharacters(in: .whitespaces)
        let r = right.trimmingCharacters(in: .whitespaces)
        if l.isEmpty { return r }
        if r.isEmpty { return l }
        var probe = Substring(l)
        while probe.hasSuffix("</u>") { probe = probe.dropLast(4) }
        let lastToken = probe.split(separator: " ").last.map(String.init) ?? ""
        let urlish = lastToken.contains("://") || lastToken.contains("www.") || lastToken.hasPrefix("<u>") || lastToken.contains("/")
        if let last = probe.last, "-=&/_".contains(last), urlish || last == "=" || last == "&" { return l + r }
        if let last = l.last, let first = r.first, isCJK(last), isCJK(first) { return l + r }
        return l + " " + r
    }

    static func isCJK(_ ch: Character) -> Bool {
        guard let scalar = ch.unicodeScalars.first else { return false }
        let v = scalar.value
        return (0x4E00...0x9FFF).contains(v) || (0x3040...0x30FF).contains(v) || (0x3000...0x303F).contains(v) || (0xFF00...0xFFEF).contains(v)
    }

    // MARK: References

    /// A superscript holding digits that is neither a note label, an ordinal nor a power: `121/31`.
    static func isUnreadableMarker(_ payload: String) -> Bool {
        guard payload.contains(where: \.isASCIIDigit), MarkerPayload.parse(payload) == nil else { return false }
        let lower = payload.lowercased().trimmingCharacters(in: .whitespaces)
        if ["st", "nd", "rd", "th"].contains(where: { lower.hasSuffix($0) }) { return false }
        return !payload.hasPrefix("^") && !payload.contains("&")
    }

    /// Superscript markers in one line that read as footnote references, skipping ordinals,
    /// trademarks, units (`km<sup>2</sup>`) and powers of ten (`10<sup>60</sup>`, unless a
    /// definition with that label exists).
    static func references(in line: String, skipLeadingMarker: Bool, definedLabels: Set<Int>) -> [(
        range: Range<String.Index>, payload: MarkerPayload, droppedRemnant: Bool, raw: String
    )] {
        var result: [(Range<String.Index>, MarkerPayload, Bool, String)] = []
        let spans = NoteMarkup.spans(of: "sup", in: line)
        for (n, span) in spans.enumerated() {
            if n == 0 && skipLeadingMarker { continue }
            guard let payload = MarkerPayload.parse(span.payload) else { continue }
            let before = line[line.startIndex..<span.range.lowerBound]
            if !payload.bracketed, payload.labels.count == 1, payload.leadingLetters.isEmpty {
                let label = payload.labels[0]
                if label == 2 || label == 3, isUnit(before) { continue }
                if isPowerOfTen(before), !definedLabels.contains(label) { continue }
            }
            // Widen over spaces and a `[\*]` remnant before the marker.
            var start = span.range.lowerBound
            var dropped = false
            var probe = before
            while probe.last == " " { probe = probe.dropLast() }
            for remnant in ["[\\*]", "[*]"] where probe.hasSuffix(remnant) {
                probe = probe.dropLast(remnant.count)
                dropped = true
                while probe.last == " " { probe = probe.dropLast() }
            }
            if probe.endIndex < start, !(probe.isEmpty) { start = probe.endIndex }
            if probe.isEmpty && dropped { start = line.startIndex }
            result.append((start..<span.range.upperBound, payload, dropped, String(line[span.range])))
        }
        return result
    }

    private static func isUnit(_ before: Substring) -> Bool {
        var s = before
        while s.last == " " { s = s.dropLast() }
        let token = s.reversed().prefix(while: { $0.isLetter || $0 == "/" || $0 == "µ" })
        let word = String(token.reversed())
        let unit = word.split(separator: "/").last.map(String.init) ?? word
        guard ExponentBases.words.contains(unit) else { return false }
        let head = s.dropLast(word.count)
        guard let prev = head.last else { return true }
        return prev == " " || prev.isASCIIDigit || prev == "/" || prev == "("
    }

    private static func isPowerOfTen(_ before: Substring) -> Bool {
        guard before.hasSuffix("10") else { return false }
        let head = before.dropLast(2)
        guard let prev = head.last else { return true }
        return !(prev.isASCIIDigit || prev == "." || prev == ",")
    }

    /// Plain `[7]` citations in running text, for labels a bracket reference list defines.
    static func bracketCitations(in line: String, labels: Set<Int>) -> [(range: Range<String.Index>, label: Int)] {
        guard !labels.isEmpty, TextSearch.contains(line, byte: 0x5B) else { return [] }
        var result: [(Range<String.Index>, Int)] = []
        var index = line.startIndex
        while let open = line[index...].firstIndex(of: "[") {
            guard let close = line[open...].firstIndex(of: "]") else { break }
            let inner = line[line.index(after: open)..<close]
            let after = line.index(after: close)
            let isLink = after < line.endIndex && (line[after] == "(" || line[after] == ":")
            let escaped = open > line.startIndex && line[line.index(before: open)] == "\\"
            if !isLink, !escaped, !inner.isEmpty, inner.count <= 3, inner.allSatisfy(\.isASCIIDigit), let n = Int(inner), labels.contains(n) {
                var start = open
                var probe = line[line.startIndex..<open]
                while probe.last == " " { probe = probe.dropLast() }
                if !probe.isEmpty, probe.endIndex < start { start = probe.endIndex }
                result.append((start..<after, n))
            }
            index = after
        }
        return result
    }
}
