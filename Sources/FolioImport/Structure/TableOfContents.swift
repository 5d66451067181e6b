import Foundation

/// One entry of a document's printed table of contents.
public struct TOCEntry: Sendable, Equatable {
    /// Leading enumeration such as `1.`, when the entry has one separated by a tab.
    public var number: String?
    /// The entry title, without enumeration, page number or company.
    public var title: String
    /// Text after the title that is neither leader dots nor the page: the company in CMIA volumes.
    public var company: String?
    /// Printed page, as given (`12`, `iv`).
    public var page: String?
    /// The raw source line the entry starts on.
    public var sourceLine: Int
    /// Nesting level, 1 for chapters: from the numbering depth (`3.1` is 2), else from the
    /// indentation relative to the least indented entry.
    public var level: Int = 1

    /// The entry as a whole, number included, for matching hints against.
    public var fullText: String { [number, title].compactMap { $0 }.joined(separator: " ") }
}

/// A parsed table of contents and the line range it occupied.
struct TableOfContents: Sendable, Equatable {
    var entries: [TOCEntry]
    /// Indices into the document's line array, inclusive.
    var range: ClosedRange<Int>

    /// Finds the table of contents opened by a heading or line reading `heading` and parses it.
    /// It ends at the next heading or at two consecutive blank lines after an entry.
    static func parse(_ lines: [SourceLine], heading: String) -> TableOfContents? {
        let wanted = TextNormalizer.key(heading)
        guard let start = lines.firstIndex(where: { TextNormalizer.key($0.text) == wanted && !$0.text.utf8.contains(9) }) else { return nil }
        var rawEntries: [(text: String, line: Int, indent: Int)] = []
        var end = start
        var blanks = 0
        var continues = false
        var i = start + 1
        while i < lines.count {
            let text = lines[i].text
            if TextNormalizer.trim(text).isEmpty {
                blanks += 1
                if blanks >= 2 && !rawEntries.isEmpty { break }
                i += 1
                continue
            }
            if TextNormalizer.headingLevel(text) != nil { break }
            blanks = 0
            let hardBreak = text.hasSuffix("  ")
            let trimmed = TextNormalizer.trim(text)
            if continues, !trimmed.hasPrefix("- "), var last = rawEntries.popLast() {
                last.text += " " + trimmed
                rawEntries.append(last)
            } else {
                rawEntries.append((trimmed, lines[i].number, indentation(text)))
            }
            continues = hardBreak
            end = i
            i += 1
        }
        guard !rawEntries.isEmpty else { return nil }
        let baseIndent = rawEntries.map(\.indent).min() ?? 0
        let entries = rawEntries.map { raw in
            var e = entry(raw.text, line: raw.line)
            e.level = level(of: e, indent: raw.indent - baseIndent)
            return e
        }
        return TableOfContents(entries: entries, range: start...end)
    }

    /// Leading blanks of a line, a tab counting as four.
    static func indentation(_ text: String) -> Int {
        var n = 0
        for ch in text.utf8 {
            if ch == 32 { n += 1 } else if ch == 9 { n += 4 } else { break }
        }
        return n
    }

    /// An entry's level: the depth of its numbering (`4.11.1` is 3), else two columns of
    /// indentation per level (the usual step of printed and converted contents).
    static func level(of entry: TOCEntry, indent: Int) -> Int {
        let number = entry.number ?? SectionNumbering.leadingNumber(entry.title).map(String.init)
        if let number, number.first?.isNumber == true {
            return number.split(separator: ".").filter { !$0.isEmpty }.count
        }
        return 1 + indent / 2
    }

    /// Parses one entry line: `Title .....\tCOMPANY (12)`, `1.\tTitle\t4`, `- 6 Chapter 1: Title`.
    static func entry(_ raw: String, line: Int) -> TOCEntry {
        var text = TextNormalizer.removeTags(raw)
        if text.hasPrefix("- ") { text.removeFirst(2) }
        text = text.trimmingCharacters(in: .whitespaces)
        var number: String?
        // `1.\tTitle`: enumeration separated by a tab.
        if let tab = text.firstIndex(of: "\t") {
            let head = text[..<tab]
            if !head.isEmpty, head.count <= 4, head.allSatisfy({ $0.isNumber || $0 == "." }) {
                number = String(head)
                text = String(text[text.index(after: tab)...])
            }
        }
        // Trailing page: `(12)`, `\t12`, `\tiv`.
        var page: String?
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
            if !inside.isEmpty, inside.allSatisfy(\.isNumber) {
                page = String(inside)
                text = String(text[..<open])
            }
        }
        if page == nil, let tab = text.lastIndex(of: "\t") {
            let tail = text[text.index(after: tab)...].trimmingCharacters(in: .whitespaces)
            if !tail.isEmpty, tail.count <= 5, tail.allSatisfy({ $0.isNumber || "ivxlc".contains($0) }) {
                page = tail
                text = String(text[..<tab])
            }
        }
        // `6 Chapter 1: …`: page first.
        if page == nil, number == nil, let space = text.firstIndex(of: " "), text[..<space].allSatisfy(\.isNumber), !text[..<space].isEmpty {
            let rest = text[text.index(after: space)...]
            if rest.first?.isLetter == true {
                page = String(text[..<space])
                text = String(rest)
            }
        }
        // Leader dots (`.....`, `······`) separate the title from what follows it.
        var company: String?
        if let leader = leaderRange(in: text) {
            let after = text[leader.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
            if !after.isEmpty { company = after }
            text = String(text[..<leader.lowerBound])
        }
        let title = text.replacingOccurrences(of: "\t", with: " ").split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        return TOCEntry(number: number, title: title, company: company, page: page, sourceLine: line)
    }

    /// The first run of three or more leader characters (`.` or `·`).
    static func leaderRange(in text: String) -> Range<String.Index>? {
        var runStart: String.Index?
        var count = 0
        var i = text.startIndex
        while i < text.endIndex {
            let ch = text[i]
            if ch == "." || ch == "·" || ch == "…" {
                if runStart == nil { runStart = i }
                count += 1
            } else {
                if let s = runStart, count >= 3 { return s..<i }
                runStart = nil
                count = 0
            }
            i = text.index(after: i)
        }
        if let s = runStart, count >= 3 { return s..<text.endIndex }
        return nil
    }
}
