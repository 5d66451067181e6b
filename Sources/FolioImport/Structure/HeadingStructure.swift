import FolioCore
import Foundation

/// Rebuilds one article's heading outline from its structure rather than the converter's
/// random `#` counts: the title is the only H1; numbered sections nest by their numbering
/// scheme; known labels and bold-only lines are promoted; captions, sentences and salutations
/// are demoted; emphasis is removed from headings; internal tables of contents and repeated
/// titles are dropped.
struct HeadingStructure: Sendable {
    /// Section labels (comparison keys) promoted to headings wherever they stand alone.
    var labels: Set<String>
    /// Comparison key of the document title, to drop repeated title pages.
    var documentTitleKey: String

    static let defaultLabels: [String] = [
        "Abstract", "Summary", "Executive Summary", "Introduction", "Background", "Conclusion", "Conclusions",
        "Results", "References", "Acknowledgements", "Outlook", "Recommendations", "Description of the technology",
        "Detailed description of the technology", "Overview", "Preface", "Foreword", "Appendix", "Concluding Remarks",
        "Conclusion and recommendations", "Conclusions and recommendations",
    ]

    /// Labels that always sit directly under the title, whatever numbering came before.
    static let topLabels: Set<String> = Set(
        [
            "Abstract", "Summary", "Executive Summary", "References", "Acknowledgements", "Conclusion", "Conclusions",
            "Concluding Remarks", "Preface", "Foreword", "Appendix", "Bibliography", "Notes", "References:",
        ].map(TextNormalizer.key))

    /// Whether a bold-only line promoted to a heading reads more like a sentence than a title,
    /// so a person should look: longer than 14 words, starting in lower case, or opening with an
    /// enumerating adverb and a comma ("Second, actively promote …").
    static func isDoubtfulHeading(_ text: String) -> Bool {
        let words = text.split(whereSeparator: \.isWhitespace)
        if words.count > 14 { return true }
        // The first word after a section number or bullet.
        let first = words.first { word in word.contains { $0.isLetter } && !(word.count <= 4 && word.last.map { ")。.、".contains($0) } == true) }
        if let letter = first?.first(where: \.isLetter), letter.isLowercase { return true }
        if let first, first.hasSuffix(","), words.count > 4 { return true }
        return false
    }

    func apply(to article: inout ArticleDraft, articleIndex: Int, findings: inout [ImportFinding]) {
        let titleKey = TextNormalizer.key(article.title)
        var out: [SourceLine] = []
        out.reserveCapacity(article.lines.count + 2)
        var stack: [(scheme: String, level: Int, source: Int)] = []
        var skippingTOC = false
        let lines = removeRepeatedTitleBlocks(
            removeOutlines(article.lines, articleIndex: articleIndex, findings: &findings), titleKey: titleKey, articleIndex: articleIndex, findings: &findings)
        for (i, line) in lines.enumerated() {
            let text = line.text
            let blankBefore = i == 0 || lines[i - 1].text.isEmpty
            let blankAfter = i + 1 >= lines.count || lines[i + 1].text.isEmpty
            var headingText: String?
            let sourceLevel = TextNormalizer.headingLevel(text) ?? 7
            if TextNormalizer.headingLevel(text) != nil {
                headingText = TextNormalizer.stripMarkup(text)
            } else if blankBefore && blankAfter && !text.utf8.contains(9) {
                if TextNormalizer.isBoldOnly(text) {
                    let inner = TextNormalizer.stripMarkup(text)
                    if inner.utf8.count <= 160 && !TextNormalizer.endsSentence(inner) && !Self.isCaption(inner) {
                        headingText = inner
                        let doubtful = Self.isDoubtfulHeading(inner)
                        findings.append(
                            ImportFinding(
                                code: doubtful ? "IMP011" : "IMP022", severity: .info,
                                message: doubtful
                                    ? "promoted the bold-only line `\(inner)` to a heading, though it reads like a sentence"
                                    : "promoted the bold-only line `\(inner)` to a heading",
                                sourceLine: line.number, articleIndex: articleIndex
                            ))
                    }
                } else if text.utf8.count <= 80, labels.contains(TextNormalizer.key(text)) {
                    headingText = TextNormalizer.stripMarkup(text)
                    findings.append(
                        ImportFinding(
                            code: "IMP022", severity: .info, message: "promoted the label `\(headingText ?? "")` to a heading", sourceLine: line.number, articleIndex: articleIndex)
                    )
                }
            }
            guard var heading = headingText else {
                if skippingTOC {
                    if text.isEmpty || Self.looksLikeTOCLine(text) { continue }
                    skippingTOC = false
                }
                out.append(line)
                continue
            }
            skippingTOC = false
            while heading.hasPrefix("•") || heading.hasPrefix("·") { heading = String(heading.dropFirst()).trimmingCharacters(in: .whitespaces) }
            if let latin = Self.droppingCJKFragment(heading) {
                findings.append(
                    ImportFinding(
                        code: "IMP023", severity: .info, message: "removed the stray CJK fragment before the heading `\(latin)`",
                        sourceLine: line.number, articleIndex: articleIndex))
                heading = latin
            }
            heading = Self.normaliseNumbering(heading)
            let key = TextNormalizer.key(heading)
            if key.isEmpty { continue }
            if key == titleKey || (key.count >= 10 && documentTitleKey.hasPrefix(key)) {
                findings.append(
                    ImportFinding(code: "IMP012", severity: .info, message: "removed a repeated title `\(heading)`", sourceLine: line.number, articleIndex: articleIndex))
                continue
            }
            if ["contents", "tableofcontents", "index"].contains(key) {
                findings.append(
                    ImportFinding(
                        code: "IMP015", severity: .info, message: "removed an internal table of contents; the site generates one from the headings", sourceLine: line.number,
                        articleIndex: articleIndex))
                skippingTOC = true
                continue
            }
            if let reason = demotionReason(heading) {
                findings.append(
                    ImportFinding(
                        code: "IMP013", severity: .info, message: "demoted a \(reason) written as a heading to a paragraph", sourceLine: line.number, articleIndex: articleIndex))
                out.append(SourceLine(reason == "caption" ? heading : "**\(heading)**", number: line.number))
                continue
            }
            heading = Self.dropSentenceStop(heading)
            var scheme = Self.scheme(of: heading)
            if scheme == "none" && labels.contains(key) { scheme = "label" }
            var level: Int
            if Self.topLabels.contains(key) {
                stack = [(scheme, 2, sourceLevel)]
                level = 2
            } else if let existing = stack.lastIndex(where: { $0.scheme == scheme }) {
                level = stack[existing].level
                stack.removeSubrange((existing + 1)...)
            } else if scheme == "none" {
                level = min((stack.last?.level ?? 1) + 1, 6)
                if stack.isEmpty || stack.allSatisfy({ $0.scheme == "none" }) {
                    level = 2
                    stack = []
                }
                stack.append((scheme, level, sourceLevel))
            } else {
                // A new numbering scheme nests under the nearest numbered section, or sits
                // directly under the title when there is none.
                // Unnumbered sections and labels give way to it unless the source set it deeper.
                while let last = stack.last, last.scheme == "none" || (last.scheme == "label" && last.source >= sourceLevel) { stack.removeLast() }
                level = min((stack.last?.level ?? 1) + 1, 6)
                stack.append((scheme, level, sourceLevel))
            }
            out.append(SourceLine(String(repeating: "#", count: level) + " " + heading, number: line.number))
        }
        // Headings left with no content at the end of an article introduce the next articles
        // (a category over several use cases); the regenerated contents replace them.
        while let last = out.lastIndex(where: { !$0.text.isEmpty }), TextNormalizer.headingLevel(out[last].text) != nil {
            findings.append(
                ImportFinding(
                    code: "IMP016", severity: .info, message: "removed the heading `\(TextNormalizer.stripMarkup(out[last].text))` that has no content in this article",
                    sourceLine: out[last].number, articleIndex: articleIndex))
            out.removeSubrange(last...)
        }
        article.lines = out
    }

    /// Removes outlines that repeat the article's own headings (an internal table of contents
    /// written as headings and lists, or as lines with leader dots and page numbers).
    /// `省 Policy Overview` → `Policy Overview`: one to three CJK characters left before a Latin
    /// heading by the converter (a fragment of the Chinese original beside it); nil otherwise.
    static func droppingCJKFragment(_ heading: String) -> String? {
        let scalars = Array(heading.unicodeScalars)
        var cjk = 0
        while cjk < scalars.count, TextNormalizer.isCJK(scalars[cjk]) { cjk += 1 }
        guard (1...3).contains(cjk), cjk < scalars.count, scalars[cjk] == " " else { return nil }
        let rest = String(String.UnicodeScalarView(scalars[(cjk + 1)...])).trimmingCharacters(in: .whitespaces)
        let latinLetters = rest.unicodeScalars.filter { $0.properties.isAlphabetic && $0.value < 0x250 }.count
        guard latinLetters >= 4, !rest.unicodeScalars.contains(where: TextNormalizer.isCJK) else { return nil }
        return rest
    }

    /// A heading's key for finding it again after an outline: `Chapter 4.Recommendation` and
    /// `4. Recommendations` are one heading (a leading Chapter/Section/Part and a plural dropped).
    static func outlineKey(_ text: String) -> String {
        var key = Substring(TextNormalizer.key(text))
        for word in ["chapter", "section", "part"] where key.hasPrefix(word) && key.dropFirst(word.count).first?.isNumber == true {
            key = key.dropFirst(word.count)
        }
        if key.hasSuffix("s") { key = key.dropLast() }
        return String(key)
    }

    func removeOutlines(_ lines: [SourceLine], articleIndex: Int, findings: inout [ImportFinding]) -> [SourceLine] {
        var drop = [Bool](repeating: false, count: lines.count)
        // Lines with leader dots and a page number, three or more in a row.
        var run: [Int] = []
        func flushRun() {
            if run.count >= 3 {
                for i in run { drop[i] = true }
                findings.append(
                    ImportFinding(
                        code: "IMP015", severity: .info, message: "removed an internal table of contents; the site generates one from the headings",
                        sourceLine: lines[run[0]].number, articleIndex: articleIndex))
            }
            run = []
        }
        for (i, line) in lines.enumerated() {
            if line.text.isEmpty { continue }
            if Self.isLeaderLine(line.text) { run.append(i) } else { flushRun() }
        }
        flushRun()
        // Headings repeated later whose first occurrence holds only a list or short lines.
        var headingKeys: [(index: Int, key: String)] = []
        for (i, line) in lines.enumerated() where !drop[i] && (TextNormalizer.headingLevel(line.text) != nil || TextNormalizer.isBoldOnly(line.text)) {
            headingKeys.append((i, Self.outlineKey(line.text)))
        }
        var lastIndexOfKey: [String: Int] = [:]
        for (n, h) in headingKeys.enumerated() { lastIndexOfKey[h.key] = n }
        var outlineStart: Int?
        for (n, h) in headingKeys.enumerated() where !h.key.isEmpty {
            guard let last = lastIndexOfKey[h.key], last > n else { continue }
            let end = n + 1 < headingKeys.count ? headingKeys[n + 1].index : lines.count
            let content = (h.index + 1..<end).filter { !lines[$0].text.isEmpty }
            let outline = content.allSatisfy { i in
                let t = lines[i].text
                return t.utf8.count < 240 && !TextNormalizer.endsSentence(t) || t.hasPrefix("- ") || t.hasPrefix("* ")
            }
            guard outline else { continue }
            drop[h.index] = true
            for i in content { drop[i] = true }
            if outlineStart == nil { outlineStart = h.index }
        }
        if let start = outlineStart {
            findings.append(
                ImportFinding(
                    code: "IMP018", severity: .info, message: "removed an outline that repeats the article's own headings", sourceLine: lines[start].number,
                    articleIndex: articleIndex))
        }
        var kept = zip(lines, drop).filter { !$0.1 }.map(\.0)
        rejoinSplitHeadings(&kept, articleIndex: articleIndex, findings: &findings)
        return kept
    }

    /// A numbered heading cut by a page-bottom footnote block continues in the next, unnumbered
    /// heading (`1.1 … Construction of Integrated` / footnotes / `Development Mechanism`).
    func rejoinSplitHeadings(_ lines: inout [SourceLine], articleIndex: Int, findings: inout [ImportFinding]) {
        var i = 0
        while i < lines.count {
            let text = lines[i].text
            guard TextNormalizer.headingLevel(text) != nil else {
                i += 1
                continue
            }
            let plain = TextNormalizer.stripMarkup(text)
            guard SectionNumbering.leadingNumber(plain) != nil, !TextNormalizer.endsSentence(plain) else {
                i += 1
                continue
            }
            var j = i + 1
            var interrupted = false
            while j < lines.count, lines[j].text.isEmpty || ParagraphJoiner.isInterruption(lines[j].text) {
                if !lines[j].text.isEmpty { interrupted = true }
                j += 1
            }
            guard interrupted, j < lines.count, TextNormalizer.headingLevel(lines[j].text) != nil else {
                i += 1
                continue
            }
            let next = TextNormalizer.stripMarkup(lines[j].text)
            guard SectionNumbering.leadingNumber(next) == nil, Self.scheme(of: next) == "none", next.utf8.count < 80 else {
                i += 1
                continue
            }
            let level = TextNormalizer.headingLevel(text) ?? 2
            lines[i].text = String(repeating: "#", count: level) + " " + plain + " " + next
            findings.append(
                ImportFinding(
                    code: "IMP019", severity: .info, message: "rejoined a heading split by a footnote block: `\(plain) \(next)`", sourceLine: lines[j].number,
                    articleIndex: articleIndex))
            let moved = Array(lines[(i + 1)..<j])
            lines.remove(at: j)
            lines.removeSubrange((i + 1)..<j)
            lines.insert(contentsOf: [SourceLine("", number: lines[i].number)] + moved, at: i + 1)
            i += 1
        }
    }

    /// A paragraph repeating the article title (a second title page), with the italic byline
    /// lines that follow it.
    func removeRepeatedTitleBlocks(_ lines: [SourceLine], titleKey: String, articleIndex: Int, findings: inout [ImportFinding]) -> [SourceLine] {
        guard titleKey.utf8.count >= 12 else { return lines }
        var drop = [Bool](repeating: false, count: lines.count)
        var i = 0
        while i < lines.count {
            guard !lines[i].text.isEmpty, TextNormalizer.headingLevel(lines[i].text) == nil else {
                i += 1
                continue
            }
            var j = i
            var bytes = 0
            while j < lines.count, !lines[j].text.isEmpty {
                bytes += lines[j].text.utf8.count
                j += 1
            }
            // Only paragraphs about as long as the title can repeat it.
            guard bytes >= titleKey.utf8.count, bytes <= titleKey.utf8.count * 3 + 40 else {
                i = j
                continue
            }
            let text = lines[i..<j].map(\.text).joined(separator: " ")
            guard TextNormalizer.key(text) == titleKey else {
                i = j
                continue
            }
            for k in i..<j { drop[k] = true }
            // Following italic-only short lines: the repeated byline.
            var k = j
            while k < lines.count {
                let t = TextNormalizer.trim(lines[k].text)
                if t.isEmpty {
                    k += 1
                    continue
                }
                guard t.hasPrefix("*"), t.hasSuffix("*"), !t.hasPrefix("**"), t.utf8.count <= 120 else { break }
                drop[k] = true
                k += 1
            }
            findings.append(
                ImportFinding(code: "IMP012", severity: .info, message: "removed a repeated title and byline block", sourceLine: lines[i].number, articleIndex: articleIndex))
            i = k
        }
        return zip(lines, drop).filter { !$0.1 }.map(\.0)
    }

    /// `Summary.....\t208`: an entry of an internal table of contents.
    static func isLeaderLine(_ text: String) -> Bool {
        guard let last = text.last, last.isNumber, TableOfContents.leaderRange(in: text) != nil else { return false }
        return text.utf8.count < 300
    }

    /// Why a heading is not a heading: a figure/table caption, a sentence, a salutation.
    func demotionReason(_ heading: String) -> String? {
        if Self.isCaption(heading) { return "caption" }
        if heading.hasSuffix("!") { return "salutation" }
        let numbered = Self.scheme(of: heading) != "none"
        let length = heading.count
        // A numbered section title may be a full sentence; several sentences are a paragraph.
        let severalSentences = Self.containsSentenceBreak(heading)
        if numbered {
            return length > 220 || severalSentences ? "long sentence" : nil
        }
        if length > 160 { return "long sentence" }
        if heading.hasSuffix(".") && !heading.hasSuffix("etc.") && (length > 90 || heading.contains(", ")) { return "sentence" }
        return nil
    }

    /// `… technologies. This will …`: a full stop after a lower-case word, then a capital.
    static func containsSentenceBreak(_ text: String) -> Bool {
        let chars = Array(text)
        guard chars.count > 5 else { return false }
        for i in 3..<(chars.count - 2) where chars[i] == "." && chars[i + 1] == " " && chars[i + 2].isUppercase {
            if chars[i - 1].isLowercase && chars[i - 2].isLowercase && chars[i - 3].isLowercase { return true }
        }
        return false
    }

    /// A numbered section title that ends like a sentence loses its final full stop.
    static func dropSentenceStop(_ heading: String) -> String {
        guard heading.hasSuffix("."), !heading.hasSuffix(".."),
            let before = heading.dropLast().last, before.isLetter,
            scheme(of: heading) != "none"
        else { return heading }
        let lastWord = heading.dropLast().split(separator: " ").last.map { $0.lowercased() } ?? ""
        if ["etc", "ltd", "inc", "co", "corp", "st", "no", "vs", "al"].contains(lastWord) || lastWord.contains(".") { return heading }
        return String(heading.dropLast())
    }

    /// `Figure 3 …`, `Fig.2 …`, `Table 1 …`, `[Figure 5] …`, `Display 1: …`, `(Source: …)`.
    static func isCaption(_ text: String) -> Bool {
        var t = Substring(text)
        if t.hasPrefix("[") || t.hasPrefix("(") { t = t.dropFirst() }
        let lower = t.lowercased()
        for word in ["figure", "fig.", "fig ", "table", "chart", "graph", "display", "exhibit", "图", "表"] where lower.hasPrefix(word) {
            let rest = lower.dropFirst(word.count).drop(while: { $0 == " " || $0 == "." })
            if rest.first?.isNumber == true { return true }
        }
        return lower.hasPrefix("source:") || lower.hasPrefix("data source")
    }

    /// A line of an internal table of contents: an entry with a page number or a list of section titles.
    static func looksLikeTOCLine(_ text: String) -> Bool {
        let t = TextNormalizer.trim(text)
        if t.utf8.contains(9) { return true }
        if t.hasPrefix("- ") || t.first?.isNumber == true { return t.utf8.count < 300 }
        return false
    }

    /// `1 . Focus` → `1. Focus`; `1.To` → `1. To`; `2.2.` → `2.2`.
    static func normaliseNumbering(_ text: String) -> String {
        let number = text.prefix { $0.isNumber || $0 == "." }
        guard number.first?.isNumber == true else { return text }
        var rest = text[number.endIndex...]
        var num = String(number)
        if num.allSatisfy(\.isNumber), rest.hasPrefix(" . ") {
            rest = rest.dropFirst(3)
            return num + ". " + rest
        }
        if num.hasSuffix("."), let next = rest.first, next.isLetter {
            return num + " " + rest
        }
        if num.allSatisfy(\.isNumber), rest.hasPrefix(")"), let next = rest.dropFirst().first, next.isLetter {
            return num + ") " + rest.dropFirst()
        }
        if num.hasSuffix("."), num.dropLast().contains("."), rest.hasPrefix(" ") {
            num.removeLast()
            return num + rest
        }
        return text
    }

    /// The numbering scheme of a heading: `dec1`, `dec2` (`1.1`), `roman`, `paren` (`(1)`),
    /// `rparen` (`1)`), `circled`, `letter`, `part`, `chapter`, `case`, or `none`.
    static func scheme(of heading: String) -> String {
        let lower = heading.lowercased()
        for word in ["chapter", "part", "section", "case study", "case", "suggestion", "topic", "phase", "step"] where lower.hasPrefix(word + " ") || lower.hasPrefix(word + ":") {
            return word
        }
        if let first = heading.unicodeScalars.first, (0x2460...0x2473).contains(first.value) { return "circled" }
        if let number = SectionNumbering.leadingNumber(heading) {
            return "dec\(number.split(separator: ".").count)"
        }
        let chars = Array(heading.prefix(12))
        let digits = chars.prefix { $0.isNumber }.count
        if digits > 0 {
            let after = digits < chars.count ? chars[digits] : " "
            if after == "." || after == ":" || after == " " {
                let n = heading.prefix { $0.isNumber || $0 == "." }.split(separator: ".").count
                return "dec\(n)"
            }
            if after == ")" { return "rparen" }
            if after == "-", digits + 1 < chars.count, chars[digits + 1].isNumber { return "dash2" }
        }
        if chars.first == "(" {
            let inner = chars.dropFirst().prefix { $0 != ")" }
            if !inner.isEmpty, inner.allSatisfy(\.isNumber) { return "paren" }
            if !inner.isEmpty, inner.allSatisfy({ "IVX".contains($0) }) { return "proman" }
        }
        let romans = chars.prefix { "IVX".contains($0) }.count
        if romans > 0, romans < chars.count, ".: ".contains(chars[romans]) { return "roman" }
        if chars.count > 2, chars[0].isLetter, ".)".contains(chars[1]), chars[2] == " " {
            return chars[0].isLowercase ? "letter" : "uletter"
        }
        let firstWord = heading.prefix { $0.isLetter }
        if ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Finally", "Firstly", "Secondly", "Thirdly", "Lastly"].contains(String(firstWord)) { return "ordinal" }
        return "none"
    }
}
