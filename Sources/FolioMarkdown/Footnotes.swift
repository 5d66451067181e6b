/// A footnote definition as written: `[^label]: text` and its continuation lines.
public struct FootnoteDefinition: Sendable, Equatable {
    public var label: String
    /// The note's text, its lines joined by single spaces.
    public var text: String
    /// The Markdown file lines it covers, first to last.
    public var lines: ClosedRange<Int>

    public init(label: String, text: String, lines: ClosedRange<Int>) {
        self.label = label
        self.text = text
        self.lines = lines
    }
}

/// A `[^label]` reference as written, whether or not the page defines its label.
public struct FootnoteReference: Sendable, Equatable {
    public var label: String
    /// Markdown file line.
    public var line: Int
    /// 1-based UTF-8 column.
    public var column: Int
    /// Whether a definition with this label (in any case) exists in the page; cmark-gfm renders
    /// the others as text.
    public var defined: Bool

    public init(label: String, line: Int, column: Int, defined: Bool) {
        self.label = label
        self.line = line
        self.column = column
        self.defined = defined
    }
}

/// Reads the footnotes of a page from its Markdown lines, outside fenced code: the one rule for
/// what a definition and a reference are. The text is read because cmark-gfm drops definitions
/// that nothing references and replaces a reference's label by its number.
public enum Footnotes {
    /// Definitions and references of `lines`, with file lines counted from `firstLine`.
    public static func scan(_ lines: [Substring], fenced: [Bool], firstLine: Int) -> (definitions: [FootnoteDefinition], references: [FootnoteReference]) {
        let definitions = self.definitions(lines, fenced: fenced, firstLine: firstLine)
        let labels = Set(definitions.map { $0.label.lowercased() })
        return (definitions, references(lines, fenced: fenced, firstLine: firstLine, defined: labels))
    }

    /// `[^label]: text` at the start of a line, with its continuation: indented lines, or lazy
    /// lines up to a blank line or the next definition.
    static func definitions(_ lines: [Substring], fenced: [Bool], firstLine: Int) -> [FootnoteDefinition] {
        var result: [FootnoteDefinition] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard !fenced[index], line.hasPrefix("[^"), let close = line.firstIndex(of: "]") else {
                index += 1
                continue
            }
            let after = line.index(after: close)
            guard after < line.endIndex, line[after] == ":" else {
                index += 1
                continue
            }
            let label = String(line[line.index(line.startIndex, offsetBy: 2)..<close])
            var text = trimmingSpaces(line[line.index(after: after)...])
            let first = index + 1
            var last = first
            index += 1
            while index < lines.count, !fenced[index] {
                let next = lines[index]
                if next.allSatisfy({ $0 == " " || $0 == "\t" }) || next.hasPrefix("[^") { break }
                text += " " + trimmingSpaces(next)
                index += 1
                last = index
            }
            if !label.isEmpty {
                result.append(FootnoteDefinition(label: label, text: text, lines: (first + firstLine - 1)...(last + firstLine - 1)))
            }
        }
        return result
    }

    /// `[^label]` tokens outside code spans, except a definition's own label at the start of its line.
    static func references(_ lines: [Substring], fenced: [Bool], firstLine: Int, defined: Set<String>) -> [FootnoteReference] {
        var result: [FootnoteReference] = []
        for (offset, line) in lines.enumerated() where !fenced[offset] && line.utf8.contains(0x5E) {
            let bytes = Array(line.utf8)
            guard bytes.count > 2 else { continue }
            var i = 0
            var backticks = 0
            while i + 2 < bytes.count {
                if bytes[i] == 0x60 { backticks += 1 }
                if bytes[i] == 0x5B, bytes[i + 1] == 0x5E, backticks % 2 == 0, i == 0 || bytes[i - 1] != 0x5C {
                    var j = i + 2
                    while j < bytes.count, bytes[j] != 0x5D, bytes[j] != 0x20, bytes[j] != 0x5B { j += 1 }
                    if j < bytes.count, bytes[j] == 0x5D, j > i + 2 {
                        let isDefinition = i == 0 && j + 1 < bytes.count && bytes[j + 1] == 0x3A
                        if !isDefinition {
                            let label = String(decoding: bytes[(i + 2)..<j], as: UTF8.self)
                            result.append(FootnoteReference(label: label, line: offset + firstLine, column: i + 1, defined: defined.contains(label.lowercased())))
                        }
                        i = j
                    }
                }
                i += 1
            }
        }
        return result
    }

    /// The text without leading and trailing spaces and tabs.
    static func trimmingSpaces(_ text: Substring) -> String {
        var s = text
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}

extension TextLines {
    /// Whether each line is inside a fenced code block (its fences included).
    public static func fenced(_ lines: [Substring]) -> [Bool] {
        var fenced: [Bool] = []
        fenced.reserveCapacity(lines.count)
        var inFence = false
        for line in lines {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inFence.toggle()
                fenced.append(true)
            } else {
                fenced.append(inFence)
            }
        }
        return fenced
    }
}
