import Foundation

/// Footnote markers that a plain-text converter glued to the words they follow: `leaks.1`,
/// `at 35%.3`, `customers2`, where the PDF printed a superscript. A marker counts only where a
/// note with its number stands below it on the same page (`1 World Bank, 2021.` after a blank
/// line or another note), and is rewritten as `<sup>1</sup>`, the form the note resolver reads.
///
/// Numbers in the text are left alone: a marker follows punctuation that itself follows a
/// letter, bracket, quote or per cent sign (never `2021.1` or `v2.1`), or a lower-case word of
/// four or more letters (never `CO2`, `km2`, `H2` or `ipv6`).
enum PlainNoteMarkers {
    /// Rewrites the markers of each page in place; returns how many were rewritten.
    /// - Parameter pageOf: the page of each line (form feeds start pages).
    static func mark(_ lines: inout [SourceLine], pageOf: [Int]) -> Int {
        var marked = 0
        var start = 0
        while start < lines.count {
            var end = start
            while end < lines.count, pageOf[end] == pageOf[start] { end += 1 }
            marked += markPage(&lines, start..<end)
            start = end
        }
        return marked
    }

    /// The notes of one page, by number: lines `N Text` after a blank line or another note
    /// (the last such line of each number).
    static func notes(_ lines: [SourceLine], _ page: Range<Int>) -> [Int: Int] {
        var found: [Int: Int] = [:]
        var previousBlank = true
        var previousNote = false
        for i in page {
            let text = TextNormalizer.trim(lines[i].text)
            if text.isEmpty {
                previousBlank = true
                continue
            }
            if previousBlank || previousNote, let number = ConvertedTextNormalizer.leadingItemNumber(text), !text.hasPrefix("\(number)."),
               let first = text.dropFirst(String(number).count + 1).first, first.isUppercase || first == "\"" || first == "“" {
                // The last: a numbered heading at the page's top has the number of a note below.
                found[number] = i
                previousNote = true
            } else {
                previousNote = false
            }
            previousBlank = false
        }
        return found
    }

    private static func markPage(_ lines: inout [SourceLine], _ page: Range<Int>) -> Int {
        let notes = notes(lines, page)
        guard !notes.isEmpty else { return 0 }
        var marked = 0
        for i in page {
            let text = lines[i].text
            guard text.contains(where: \.isNumber) else { continue }
            var rewritten = ""
            var changed = false
            let characters = Array(text)
            var k = 0
            while k < characters.count {
                let c = characters[k]
                if c.isASCII, c.isNumber, k > 0, !characters[k - 1].isNumber, let (number, length) = digits(characters, k),
                   let noteLine = notes[number], noteLine > i, isMarkerBefore(characters, k), endsWord(characters, k + length) {
                    rewritten += "<sup>\(number)</sup>"
                    k += length
                    changed = true
                    marked += 1
                    continue
                }
                rewritten.append(c)
                k += 1
            }
            if changed { lines[i].text = rewritten }
        }
        return marked
    }

    /// One or two digits at `k`, not followed by another digit.
    private static func digits(_ characters: [Character], _ k: Int) -> (Int, Int)? {
        var length = 0
        while k + length < characters.count, characters[k + length].isASCII, characters[k + length].isNumber { length += 1 }
        guard length <= 2, let number = Int(String(characters[k..<(k + length)])), number > 0 else { return nil }
        return (number, length)
    }

    /// Whether what comes before position `k` is where a glued superscript stands.
    private static func isMarkerBefore(_ characters: [Character], _ k: Int) -> Bool {
        let previous = characters[k - 1]
        if ".,;:)”\"’%".contains(previous) {
            guard k >= 2 else { return false }
            let before = characters[k - 2]
            return before.isLetter || ")]”\"’%".contains(before)
        }
        // A lower-case word of four letters or more (not `ipv6`, `utf8`).
        var letters = 0
        var m = k - 1
        while m >= 0, characters[m].isLetter {
            guard characters[m].isLowercase else { return false }
            letters += 1
            m -= 1
        }
        return letters >= 4
    }

    /// Whether the marker ends where a word would: at a space, the line's end or punctuation.
    private static func endsWord(_ characters: [Character], _ k: Int) -> Bool {
        k >= characters.count || characters[k] == " " || ".,;:)".contains(characters[k])
    }
}
