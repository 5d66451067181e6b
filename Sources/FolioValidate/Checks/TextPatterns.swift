import FolioMarkdown
import FolioCore
import FolioContent
import Foundation

/// A problem found in a piece of text, with an optional 1-based column.
struct TextProblem: Sendable, Equatable {
    var message: String
    var hint: String
    var column: Int?
}

/// Scanners for placeholders, garbled footnote markers and deictic figure references.
enum TextPatterns {
    /// Lower-cased letters and digits only, to compare note texts.
    static func normalisedText(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            // ASCII (after lower-casing) is decided by its ranges; `CharacterSet` only for the rest.
            if scalar.isASCII {
                if (0x30...0x39).contains(scalar.value) || (0x61...0x7A).contains(scalar.value) { kept.append(scalar) }
            } else if CharacterSet.alphanumerics.contains(scalar) {
                kept.append(scalar)
            }
        }
        return String(kept)
    }

    /// Whether two citations name the same work and differ only in what citing it again
    /// normally changes: the page (`p. 35`, `pp. 19–20`), an access date, `ibid.`/`op. cit.`.
    /// Compares the words of three letters or more outside URLs: equal, one containing the
    /// other, or sharing at least `sameWorkOverlap` of the smaller set.
    static func citeSameWork(_ a: String, _ b: String) -> Bool {
        let left = citationWords(a), right = citationWords(b)
        guard !left.isEmpty, !right.isEmpty else { return true }
        let shared = left.intersection(right).count
        return Double(shared) >= sameWorkOverlap * Double(min(left.count, right.count))
    }

    /// Share of the shorter citation's words the longer one must hold to be the same work. Two
    /// thirds: a page range or an access date changes a few words, another title changes most.
    static let sameWorkOverlap = 2.0 / 3.0

    private static let locatorWords: Set<String> = ["page", "pages", "ibid", "cit", "accessed", "retrieved", "viewed", "available", "online", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

    private static func citationWords(_ text: String) -> Set<String> {
        var words: Set<String> = []
        for token in text.split(whereSeparator: { $0.isWhitespace }) {
            if token.contains("://") || token.hasPrefix("www.") { continue }
            let word = token.lowercased().filter { $0.isLetter }
            if word.count >= 3 && !locatorWords.contains(word) { words.insert(word) }
        }
        return words
    }

    static let placeholderRegex = try! NSRegularExpression(
        pattern: #"[(\[]\s*(?:link|url|hyperlink|website|web link|source link)\s*[)\]]|\b(?:available at|retrieved from|accessed at|url)\s*:?\s*$"#,
        options: [.caseInsensitive])

    /// The first placeholder like `(link)` in `text`, if any.
    static func placeholder(in text: String) -> String? {
        let ns = text as NSString
        guard mayHavePlaceholder(text),
              let match = placeholderRegex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return ns.substring(with: match.range).trimmingCharacters(in: .whitespaces)
    }

    /// Whether ``placeholderRegex`` can match `text`: a bracket opens its first form, and its
    /// second ends the text (`… available at:`). Decided on bytes; a byte outside ASCII at the
    /// end (perhaps a Unicode space) lets the expression decide.
    static func mayHavePlaceholder(_ text: String) -> Bool {
        if text.utf8.contains(where: { $0 == 0x28 || $0 == 0x5B }) { return true }
        var tail = Array(text.utf8.suffix(48))
        func dropSpaces() { while let last = tail.last, last == 0x20 || (last >= 0x09 && last <= 0x0D) { tail.removeLast() } }
        dropSpaces()
        if tail.last == 0x3A { tail.removeLast() }
        dropSpaces()
        if let last = tail.last, last >= 0x80 { return true }
        let lower = tail.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        return ["available at", "retrieved from", "accessed at", "url"].contains { lower.suffix($0.utf8.count).elementsEqual($0.utf8) }
    }

    /// Superscript texts that are not notes: ordinals, trademarks.
    static let nonNoteSuperscripts: Set<String> = ["st", "nd", "rd", "th", "er", "e", "re", "tm", "®", "©", "™", "sm", "o", "a"]

    /// Footnote markers that were not converted or came out mangled: raw `<sup>` holding a
    /// number after a word, escaped `&lt;sup`, `[^` without a closing bracket, a letter glued
    /// to the end of a reference, superscript digits after a word. Ordinals (16<sup>th</sup>),
    /// units (m<sup>2</sup>, Nm³), powers (10<sup>60</sup>), trademarks and chemical formulas
    /// (CO<sub>2</sub>, CO₂) are not reported.
    static func garbledMarkers(in line: Substring) -> [TextProblem] {
        var problems: [TextProblem] = []
        let (hasMarkup, mayHaveSuperscript) = markerHints(line)
        let hasSuperscript = mayHaveSuperscript && line.unicodeScalars.contains { superscriptDigits.contains($0) }
        guard hasMarkup || hasSuperscript else { return problems }
        let utf8 = Array(line.utf8)
        let text = String(line)
        func column(_ index: String.Index) -> Int { text.utf8.distance(from: text.startIndex, to: index) + 1 }
        // Escaped markup: &lt;sup or literal `<sup>&</sup>`.
        if let r = text.utf8Range(of: "&lt;sup") ?? text.utf8Range(of: "&LT;SUP") ?? text.utf8Range(of: "<sup>&</sup>") {
            problems.append(TextProblem(message: "garbled footnote marker `\(text[r.lowerBound...].prefix(24))`", hint: "replace it with a `[^n]` reference", column: column(r.lowerBound)))
        }
        // Raw <sup>…</sup>.
        var search = text.startIndex
        while let open = text.utf8Range(of: "<sup>", from: search) {
            guard let close = text.utf8Range(of: "</sup>", from: open.upperBound) else { break }
            let inner = String(text[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespaces)
            search = close.upperBound
            let before = text[..<open.lowerBound]
            let trimmedBefore = before.reversed().drop { $0 == " " }
            let previousChar = trimmedBefore.first
            let word = String(trimmedBefore.prefix { $0.isLetter }.reversed())
            if inner.isEmpty || inner == "&" { continue }
            if nonNoteSuperscripts.contains(inner.lowercased()) { continue }
            if inner.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "−" || $0 == "." }) {
                // Powers and units: after a digit (10^60) or a unit. After a year (2020<sup>1</sup>)
                // it is a note: no report raises a year to a power.
                if let p = previousChar, p.isNumber {
                    let digits = String(trimmedBefore.prefix { $0.isNumber }.reversed())
                    let isYear = digits.count == 4 && (digits.hasPrefix("19") || digits.hasPrefix("20"))
                    if !isYear || inner.count > 2 { continue }
                }
                if ExponentBases.words.contains(word) { continue }
                problems.append(TextProblem(message: "footnote marker `<sup>\(inner)</sup>` was not converted to a reference", hint: "write it as `[^\(inner)]` with a matching definition", column: column(open.lowerBound)))
            } else if inner.contains(where: { $0.isNumber }) {
                problems.append(TextProblem(message: "garbled footnote marker `<sup>\(inner)</sup>`", hint: "separate the note number from the text, e.g. `[^27] to` for `<sup>t27</sup>o`", column: column(open.lowerBound)))
            }
        }
        // `[^` without a closing bracket, or a reference glued to a following letter.
        var i = 0
        while i + 1 < utf8.count {
            if utf8[i] == 0x5B, utf8[i + 1] == 0x5E {
                if i > 0, utf8[i - 1] == 0x5C {
                    problems.append(TextProblem(message: "escaped footnote marker `\\[^`", hint: "remove the backslash so the reference links to its note", column: i))
                    i += 2
                    continue
                }
                var j = i + 2
                while j < utf8.count, utf8[j] != 0x5D, utf8[j] != 0x20, utf8[j] != 0x5B { j += 1 }
                if j >= utf8.count || utf8[j] != 0x5D {
                    problems.append(TextProblem(message: "malformed footnote marker: `[^` is not closed", hint: "write the reference as `[^label]`", column: i + 1))
                } else if j + 1 < utf8.count, j + 1 < utf8.count, utf8[j + 1] >= 0x61, utf8[j + 1] <= 0x7A, !(i == 0 && j + 1 < utf8.count && utf8[j + 1] == 0x3A) {
                    problems.append(TextProblem(message: "footnote reference is glued to the following word", hint: "a letter of the next word was probably swallowed into the marker; separate them", column: i + 1))
                }
                i = j
            }
            i += 1
        }
        // Superscript digits after a word that is not a unit: a note number left as text.
        if hasSuperscript {
            var previous: [Character] = []
            for (index, ch) in zip(text.indices, text) {
                if let scalar = ch.unicodeScalars.first, superscriptDigits.contains(scalar) {
                    let word = String(previous.reversed().prefix { $0.isLetter }.reversed())
                    let before = previous.last
                    let afterPunctuation = before.map { ".,;:”\")".contains($0) } ?? false
                    if (word.count >= 3 && !ExponentBases.words.contains(word) && !(before?.isUppercase ?? false)) || afterPunctuation {
                        problems.append(TextProblem(message: "superscript digit after “\(word.isEmpty ? String(before ?? " ") : word)” looks like a footnote marker left as text", hint: "write it as a `[^n]` reference", column: column(index)))
                        break
                    }
                }
                previous.append(ch)
            }
        }
        return problems
    }

    /// What ``garbledMarkers(in:)`` looks for first, in one pass over the line's bytes: markup
    /// (`<`, `&`, `[^`, `\[`), and a byte that can start a superscript digit (¹ ² ³ are C2 B9/B2/B3
    /// in UTF-8; ⁰ ⁴–⁹ are E2 81 B0/B4–B9).
    static func markerHints(_ line: Substring) -> (markup: Bool, superscriptLead: Bool) {
        func scan(_ bytes: some Sequence<UInt8>) -> (Bool, Bool) {
            var markup = false, lead = false
            var previous: UInt8 = 0
            for byte in bytes {
                switch byte {
                case 0x3C, 0x26: markup = true // `<`, `&`
                case 0x5E where previous == 0x5B: markup = true // `[^`
                case 0x5B where previous == 0x5C: markup = true // `\[`
                case 0xC2, 0xE2: lead = true
                default: break
                }
                if markup && lead { break }
                previous = byte
            }
            return (markup, lead)
        }
        return line.utf8.withContiguousStorageIfAvailable { scan($0) } ?? scan(line.utf8)
    }

    static let superscriptDigits: Set<Unicode.Scalar> = ["¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "⁰"]

    private static let deicticRegex = try! NSRegularExpression(
        pattern: #"\b(?:(?:the|this|that)\s+(graph|figure|chart|diagram|table|picture|image|illustration|map|infographic)s?\s+(?:shown\s+|presented\s+)?(above|below)|(?:the\s+)?(above|below|following|preceding)\s+(graph|figure|chart|diagram|table|picture|image|illustration|map|infographic)s?)\b"#,
        options: [.caseInsensitive])

    /// Deictic references such as “the graph above”: the kind word (`table` or `figure`), the
    /// direction (`above` or `below`) and the matched text.
    static func deicticReferences(in text: String) -> [(kind: String, above: Bool, text: String)] {
        guard text.has("bove") || text.has("elow") || text.has("ollowing") || text.has("receding") || text.has("BOVE") || text.has("ELOW") else { return [] }
        let ns = text as NSString
        return deicticRegex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
            func group(_ i: Int) -> String? { m.range(at: i).location == NSNotFound ? nil : ns.substring(with: m.range(at: i)).lowercased() }
            let kindWord = group(1) ?? group(4) ?? "figure"
            let direction = group(2) ?? group(3) ?? "above"
            return (kindWord == "table" ? "table" : "figure", direction == "above" || direction == "preceding", ns.substring(with: m.range))
        }
    }

    static let mentionRegex = try! NSRegularExpression(
        pattern: #"\b((?:his|her|their|its)\s+)?(Figures?|figures?|Fig\.?|fig\.|Tables?|tables?|Graphs?|Charts?|Exhibits?|Displays?)\s?(\d{1,3})\b(\s+of\b|(?:\.\d+)?\s+in\s+(?=[A-Z\[]))?"#)

    /// In-text mentions like “Figure 3”, “see Table 1”, “Fig. 2”; not those that name another
    /// publication's figure: “Figure 8 of the plan”, “Table 14.1 in Greene (1993)”, “his Table 15.1”.
    /// A plural mention names every number of its list: “tables 7 and 6”, “Figures 2, 3 and 5”,
    /// “Figures 1–3”.
    static func captionMentions(in text: String) -> [(kind: String, number: Int)] {
        guard mayMentionCaption(text) else { return [] }
        let ns = text as NSString
        return mentionRegex.matches(in: text, range: NSRange(location: 0, length: ns.length)).flatMap { m -> [(kind: String, number: Int)] in
            guard m.range(at: 1).location == NSNotFound, m.range(at: 4).location == NSNotFound else { return [] }
            let word = ns.substring(with: m.range(at: 2)).trimmingCharacters(in: CharacterSet(charactersIn: "."))
            guard let kind = CaptionKind.from(word: word)?.numbering, let number = Int(ns.substring(with: m.range(at: 3))) else { return [] }
            var numbers = [number]
            if word.hasSuffix("s") {
                var previous = number
                let rest = ns.substring(from: m.range(at: 3).location + m.range(at: 3).length)
                var tail = Substring(rest)
                while let item = tail.firstMatch(of: /^\s*(,\s*and|,|and|&|–|-|to)\s*(\d{1,3})\b/), let next = Int(item.output.2) {
                    let range = item.output.1 == "–" || item.output.1 == "-" || item.output.1 == "to"
                    numbers += range && next > previous && next - previous <= 20 ? Array((previous + 1)...next) : [next]
                    previous = next
                    tail = tail[item.range.upperBound...]
                }
            }
            return numbers.map { (kind, $0) }
        }
    }

    /// The words ``mentionRegex`` starts with, as bytes.
    private static let mentionStems: [[UInt8]] = ["Fig", "fig", "Table", "table", "Graph", "Chart", "Exhibit", "Display"].map { Array($0.utf8) }

    /// Whether `text` may hold a caption mention: a caption word at the start of a word, then a
    /// digit within a few bytes. Every text ``mentionRegex`` matches passes (a byte outside ASCII
    /// counts as a possible word boundary or space), and the scan is bytes only, so the
    /// expression runs on the few paragraphs that need it.
    static func mayMentionCaption(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            func isWordByte(_ byte: UInt8) -> Bool {
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
            }
            var i = 0
            while i < bytes.count {
                let first = bytes[i]
                if first == 0x46 || first == 0x66 || first == 0x54 || first == 0x74 || first == 0x47 || first == 0x43 || first == 0x45 || first == 0x44,
                   i == 0 || !isWordByte(bytes[i - 1]) {
                    for stem in mentionStems where stem[0] == first && i + stem.count <= bytes.count
                        && (1..<stem.count).allSatisfy({ bytes[i + $0] == stem[$0] }) {
                        // The rest of the word (`ure`, `ures`, `s`, `.`), one space, then a digit.
                        var j = i + stem.count
                        var letters = 0
                        while j < bytes.count, letters < 4, (bytes[j] >= 0x61 && bytes[j] <= 0x7A) || bytes[j] == 0x2E {
                            j += 1
                            letters += 1
                        }
                        var spaces = 0
                        while j < bytes.count, spaces < 3, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0A || bytes[j] == 0x0D || bytes[j] >= 0x80 {
                            j += 1
                            spaces += 1
                        }
                        if j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39 { return true }
                    }
                }
                i += 1
            }
            return false
        }
    }

    private static let plainCaptionRegex = try! NSRegularExpression(
        pattern: #"^[*\[]*\s*(Figure|Fig\.?|Table|Graph|Chart|Exhibit|Display)\s?(\d{1,3})(?:\s*[:.：–—\]-]|\s+(?=[A-Z“"(]))"#)

    /// A paragraph that is itself a caption (`Figure 3: …`, or a short `Figure 1 Strategic
    /// structure (diagram)` without a final full stop), when content has no caption markup.
    static func plainCaption(_ text: String) -> (kind: String, number: Int)? {
        guard let first = text.first(where: { $0 != "*" && $0 != " " && $0 != "[" }), "FTGCED".contains(first) else { return nil }
        let ns = text as NSString
        guard let m = plainCaptionRegex.firstMatch(in: text, range: NSRange(location: 0, length: min(ns.length, 40))) else { return nil }
        // A bare label ("Figure 1.") names a figure, it does not caption one.
        guard ns.substring(from: m.range.location + m.range.length).contains(where: \.isLetter) else { return nil }
        let delimited = ns.substring(with: m.range).trimmingCharacters(in: .whitespaces).last.map { ":.：–—-]".contains($0) } ?? false
        if !delimited && (ns.length > 200 || text.hasSuffix(".")) { return nil }
        let word = ns.substring(with: m.range(at: 1)).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        guard let kind = CaptionKind.from(word: word)?.numbering, let number = Int(ns.substring(with: m.range(at: 2))) else { return nil }
        return (kind, number)
    }
}
