import FolioCore
import Foundation

/// Rejoins paragraphs broken at page ends: a paragraph that stops mid-sentence and resumes,
/// after blank lines and possibly a block of footnote definitions, with a lower-case word.
/// Words hyphenated across the break are joined without a space. Footnote blocks that
/// interrupted the paragraph move after it, so later steps still find them.
struct ParagraphJoiner: Sendable {
    func apply(to article: inout ArticleDraft, articleIndex: Int, findings: inout [ImportFinding]) {
        var lines = article.lines
        var i = 0
        while i < lines.count {
            guard Self.isParagraph(lines[i].text), !TextNormalizer.endsSentence(lines[i].text) else {
                i += 1
                continue
            }
            // Find the continuation, skipping blanks and interrupting footnote blocks.
            var j = i + 1
            var interrupting: [Int] = []
            var crossedBlank = false
            while j < lines.count {
                let t = lines[j].text
                if t.isEmpty {
                    crossedBlank = true
                    j += 1
                    continue
                }
                if Self.isInterruption(t) {
                    interrupting.append(j)
                    j += 1
                    continue
                }
                break
            }
            guard crossedBlank, j < lines.count, j - i <= 40 else {
                i += 1
                continue
            }
            let next = lines[j].text
            let current = lines[i].text
            let hyphen = current.hasSuffix("-") && current.dropLast().last?.isLetter == true && next.first?.isLetter == true
            guard Self.isParagraph(next), hyphen || TextNormalizer.startsLowercase(next) || Self.startsWithNumberThenLowercase(next) else {
                i += 1
                continue
            }
            var trimmedCurrent = current
            while trimmedCurrent.hasSuffix(" ") { trimmedCurrent.removeLast() }
            lines[i].text = hyphen ? trimmedCurrent + next : trimmedCurrent + " " + next
            findings.append(
                ImportFinding(
                    code: hyphen ? "IMP021" : "IMP020", severity: .info,
                    message: hyphen ? "rejoined a word hyphenated across a page break" : "rejoined a paragraph broken across a page break",
                    sourceLine: lines[j].number, articleIndex: articleIndex
                ))
            let moved = interrupting.map { lines[$0] }
            lines.removeSubrange((i + 1)...j)
            if !moved.isEmpty {
                var insert: [SourceLine] = []
                for m in moved {
                    insert.append(SourceLine("", number: m.number))
                    insert.append(m)
                }
                lines.insert(contentsOf: insert, at: i + 1)
            } else {
                lines.insert(SourceLine("", number: lines[i].number), at: i + 1)
            }
            // Stay on the same line: it may continue again.
        }
        article.lines = lines
    }

    /// Running text: not a heading, list, table, quote, HTML block or footnote definition.
    static func isParagraph(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        if text.utf8.contains(9) || "#->|<[!".contains(first) || text.hasPrefix("* ") { return false }
        if first == "+" || text.hasPrefix("---") { return false }
        if first.isNumber {
            let digits = text.prefix { $0.isNumber }
            let rest = text[digits.endIndex...]
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") { return false }
        }
        if TextNormalizer.isBoldOnly(text) || text.utf8.count < 3 { return false }
        return true
    }

    /// `10 of the regional …`: a sentence resuming with a number.
    static func startsWithNumberThenLowercase(_ text: String) -> Bool {
        let digits = text.prefix { $0.isNumber || $0 == "," || $0 == "." }
        guard !digits.isEmpty, digits.first?.isNumber == true else { return false }
        let rest = text[digits.endIndex...]
        guard rest.first == " " else { return false }
        return rest.dropFirst().first?.isLowercase == true
    }

    /// Lines that sit inside a broken paragraph without belonging to it: footnote definitions and their separators.
    static func isInterruption(_ text: String) -> Bool {
        text == "---" || text.hasPrefix("<sup>") || text.hasPrefix("[^") || text.hasPrefix("- <sup>")
    }
}

/// Marks whole paragraphs written in Chinese or Japanese with their language.
struct CJKBlockMarker: Sendable {
    func apply(to article: inout ArticleDraft) {
        for i in article.lines.indices {
            let text = article.lines[i].text
            guard !text.isEmpty, TextNormalizer.containsCJK(text), TextNormalizer.isMostlyCJK(text) else { continue }
            let blankBefore = i == 0 || article.lines[i - 1].text.isEmpty
            let blankAfter = i + 1 >= article.lines.count || article.lines[i + 1].text.isEmpty
            guard blankBefore && blankAfter, let first = text.first, !"#|<-*[".contains(first), !text.utf8.contains(9), !text.contains("[^"), !text.contains("](") else { continue }
            let japanese = text.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) }
            let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            article.lines[i].text = "<p lang=\"\(japanese ? "ja" : "zh")\">\(escaped)</p>"
        }
    }
}
