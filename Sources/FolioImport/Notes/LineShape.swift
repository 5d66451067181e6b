/// Cheap structural tests on one Markdown line, shared by the note, figure and inline steps.
enum LineShape {
    static func isBlank(_ line: String) -> Bool {
        for byte in line.utf8 where byte != 0x20 && byte != 0x09 {
            if byte < 0x80 { return false }
            return line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" || $0 == "\u{3000}" }
        }
        return true
    }

    /// `#`…`######` followed by a space.
    static func headingLevel(_ line: String) -> Int? {
        var level = 0
        var index = line.startIndex
        while index < line.endIndex, line[index] == "#" {
            level += 1
            index = line.index(after: index)
        }
        guard level >= 1, level <= 6, index < line.endIndex, line[index] == " " else { return nil }
        return level
    }

    static func isHeading(_ line: String) -> Bool { headingLevel(line) != nil }

    /// `---`, `***` or `___` (three or more, spaces allowed).
    static func isThematicBreak(_ line: String) -> Bool {
        guard let lead = line.utf8.first(where: { $0 != 0x20 }), lead == 0x2D || lead == 0x2A || lead == 0x5F, line.utf8.count < 80 else { return false }
        let chars = line.filter { $0 != " " && $0 != "\t" }
        guard chars.count >= 3, let first = chars.first, first == "-" || first == "*" || first == "_" else { return false }
        return chars.allSatisfy { $0 == first }
    }

    /// A bullet or ordered list item.
    static func isListItem(_ line: String) -> Bool {
        let trimmed = line.drop(while: { $0 == " " })
        if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed.hasPrefix("+ ") || trimmed.hasPrefix("• ") { return true }
        let digits = trimmed.prefix(while: \.isASCIIDigit)
        guard !digits.isEmpty, digits.count <= 3 else { return false }
        let rest = trimmed.dropFirst(digits.count)
        return rest.hasPrefix(". ") || rest.hasPrefix(") ")
    }

    /// Ends a sentence or a clause that may stand before a block: `.`, `!`, `?`, `:`, `;` or a closing quote/bracket.
    static func endsClause(_ line: String) -> Bool {
        var text = Substring(line)
        while let last = text.last, last == " " || last == "*" || last == "_" { text = text.dropLast() }
        guard let last = text.last else { return true }
        return ".!?:;\"”’)]>|。！？：".contains(last)
    }

    /// Starts like the continuation of a broken sentence: a lower-case letter, a digit or `(`.
    static func startsContinuation(_ line: String) -> Bool {
        guard let first = line.drop(while: { $0 == " " }).first else { return false }
        return first.isLowercase || first.isASCIIDigit || first == "("
    }
}
