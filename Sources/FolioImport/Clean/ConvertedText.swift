import FolioCore
import Foundation

/// What kind of converter wrote a raw source, read from the text itself.
public enum SourceFlavour: String, Sendable, Equatable {
    /// Markdown-like text with one paragraph per line (the corpus's OCR and layout tool, or
    /// hand-written Markdown): imported as it is.
    case paragraphLines = "paragraph lines"
    /// Markdown from a layout converter (pymupdf4llm, docling and the like): hard-wrapped lines,
    /// `#` headings or bold lines, page furniture, `<!-- image -->`, HTML entities, `\_`.
    case convertedMarkdown = "converted Markdown"
    /// Plain text from `pdftotext` (with or without `-layout`) and similar tools: form feeds,
    /// page-number lines, running heads, hard-wrapped and hyphenated lines, no heading marks.
    case plainText = "plain text"

    /// A hard-wrapped text has most of its non-blank lines followed by another text line; the
    /// corpus's paragraph-per-line sources stay well below this share (under 0.25).
    static let wrappedShare = 0.4
    /// With fewer ATX headings than this, a wrapped text's headings must be recognised from
    /// their shape, as in plain text.
    static let minimumMarkdownHeadings = 3

    /// Detects the flavour of `text`.
    public static func detect(_ text: String) -> SourceFlavour {
        if text.utf8.contains(12) { return .plainText }
        var nonBlank = 0
        var followed = 0
        var headings = 0
        var secondLevel = 0
        var previousText = false
        var previousStructural = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            let isText = !trimmed.isEmpty
            if isText && previousText && !previousStructural { followed += 1 }
            if isText {
                nonBlank += 1
                if trimmed.hasPrefix("#") && trimmed.drop(while: { $0 == "#" }).first == " " {
                    headings += 1
                    if trimmed.hasPrefix("## ") { secondLevel += 1 }
                }
            }
            previousText = isText
            previousStructural = trimmed.hasPrefix("#") || trimmed.hasPrefix("|") || trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ")
        }
        // Layout converters that keep paragraphs on one line still give themselves away: image
        // placeholders, or every heading at `##` whatever its rank.
        if TextSearch.range(of: "<!-- image -->", in: text) != nil || (headings >= minimumMarkdownHeadings && headings == secondLevel) { return .convertedMarkdown }
        guard nonBlank > 0, Double(followed) / Double(nonBlank) >= wrappedShare else { return .paragraphLines }
        return headings >= minimumMarkdownHeadings ? .convertedMarkdown : .plainText
    }
}

/// Turns the text of a PDF converter into the paragraph-per-line Markdown the rest of the
/// import reads: drops page furniture (page numbers, running heads and feet, form feeds,
/// image placeholders), rewrites the table of contents one entry per line, marks headings
/// recognised by their shape, and rejoins wrapped and hyphenated lines into paragraphs. Every
/// output line keeps the source number of its first input line.
struct ConvertedTextNormalizer: Sendable {
    var flavour: SourceFlavour

    /// A running head or foot repeats at the edge of at least this many pages.
    static let runningHeadPages = 3
    /// Headings are short: at most this many characters and words.
    static let maximumHeadingLength = 90
    static let maximumHeadingWords = 12
    /// Unnumbered titles that stand alone as headings in reports and papers.
    static let knownTitles: Set<String> = [
        "abstract", "introduction", "conclusion", "conclusions", "summary", "executivesummary", "references", "bibliography", "workscited", "literature",
        "literaturecited", "sources", "notes", "acknowledgements", "acknowledgments", "acknowledgement", "preface", "foreword", "glossary", "index", "appendix",
        "appendices", "contents", "tableofcontents", "discussion", "results", "methods", "background", "keywords", "abbreviations", "endnotes", "furtherreading",
        "aboutthisreport", "abouttheauthors", "abouttheauthor", "disclaimer", "imprint", "name", "synopsis", "description", "options", "seealso", "author", "authors",
    ]

    func normalize(_ lines: [SourceLine], findings: inout [ImportFinding]) -> [SourceLine] {
        guard flavour != .paragraphLines else { return lines }
        var lines = lines
        var removed = 0
        var notes: [String] = []
        // Pages, read before the furniture step removes the form feeds that start them.
        var page = 0
        let pageOf = lines.map { line in
            if line.text.contains("\u{0C}") { page += 1 }
            return page
        }
        stripPageFurniture(&lines, removed: &removed)
        if flavour == .plainText {
            let markers = PlainNoteMarkers.mark(&lines, pageOf: pageOf)
            if markers > 0 { notes.append("\(markers) footnote markers glued to their words set as superscripts") }
        }
        if removed > 0 { notes.append("\(removed) page-number, running-head and image-placeholder lines removed") }
        let entities = decodeMarkup(&lines)
        if entities > 0 { notes.append("\(entities) HTML entities, escaped underscores and split emphasis repaired") }
        var out: [SourceLine] = []
        var headings = 0
        var joined = 0
        var i = 0
        var tocDone = false
        var internalContents = 0
        // The current chapter number: numbered headings go forward, one chapter at a time.
        var chapter = 0
        var inReferences = false
        // Keys of the contents entries (number and title): a body line that is one of them is a
        // heading whatever its shape (`3.6. zlib compatibility functions`).
        var contents: Set<String> = []
        // The document title: the first short lines of the first page.
        while i < lines.count, TextNormalizer.trim(lines[i].text).isEmpty { i += 1 }
        if i < lines.count, TextNormalizer.headingLevel(lines[i].text) == nil {
            var first = TextNormalizer.stripMarkup(Self.collapseSpaces(TextNormalizer.trim(lines[i].text)))
            if !first.isEmpty, first.utf8.count <= 160, !Self.isPageNumber(first) {
                let number = lines[i].number
                i += 1
                // A title wrapped over lines: a hyphen at the end, or a short lower-case tail.
                while i < lines.count {
                    let next = TextNormalizer.stripMarkup(Self.collapseSpaces(TextNormalizer.trim(lines[i].text)))
                    guard !next.isEmpty, first.hasSuffix("-") || (next.first?.isLowercase == true && next.split(separator: " ").count <= 6) else { break }
                    first = Self.joinWrapped(first, next)
                    i += 1
                }
                out.append(SourceLine("# " + first, number: number))
                out.append(SourceLine("", number: number))
                if let major = SectionNumbering.leadingNumber(first).flatMap({ Int($0.split(separator: ".").first ?? "") }) { chapter = major }
            }
        }
        // Tables laid out with spaces: their rows stay lines, their cells tab-separated.
        let tableRows = flavour == .plainText ? LayoutTable.rows(in: lines) : [:]
        if !tableRows.isEmpty { notes.append("\(tableRows.count) rows of tables laid out with spaces kept as table rows") }
        while i < lines.count {
            if let cells = tableRows[i] {
                out.append(SourceLine(cells.joined(separator: "\t"), number: lines[i].number))
                i += 1
                continue
            }
            let text = TextNormalizer.trim(lines[i].text)
            if text.isEmpty {
                if out.last?.text.isEmpty == false { out.append(SourceLine("", number: lines[i].number)) }
                i += 1
                continue
            }
            if AutoHints.contentsTitles.contains(TextNormalizer.key(text)), text.utf8.count <= 60,
                let (entries, end) = contentsEntries(lines, after: i), entries.count >= AutoHints.minimumEntries
            {
                if tocDone {
                    // A chapter's own contents list repeats the main one: dropped.
                    internalContents += 1
                    i = end
                    continue
                }
                tocDone = true
                contents = Set(entries.map { Self.contentsKey($0.text) }.filter { $0.count >= 4 })
                if out.last?.text.isEmpty == false { out.append(SourceLine("", number: lines[i].number)) }
                out.append(SourceLine("## " + TextNormalizer.stripMarkup(text), number: lines[i].number))
                out.append(SourceLine("", number: lines[i].number))
                out += entries
                out.append(SourceLine("", number: lines[end - 1].number))
                out.append(SourceLine("", number: lines[end - 1].number))
                i = end
                continue
            }
            if let (heading, consumed) = heading(lines, at: i, chapter: chapter, contents: contents) {
                inReferences = ReferenceListParser.titles.contains(TextNormalizer.key(heading))
                if let number = SectionNumbering.leadingNumber(TextNormalizer.stripMarkup(heading)), let major = number.split(separator: ".").first.flatMap({ Int($0) }) {
                    chapter = major
                }
                if out.last?.text.isEmpty == false { out.append(SourceLine("", number: lines[i].number)) }
                out.append(SourceLine(heading, number: lines[i].number))
                out.append(SourceLine("", number: lines[i].number))
                headings += 1
                i += consumed
                continue
            }
            if isStructural(text) {
                out.append(SourceLine(flavour == .plainText ? Self.collapseSpaces(text) : lines[i].text, number: lines[i].number))
                i += 1
                continue
            }
            // A paragraph: this line and the wrapped lines that continue it.
            var paragraph = Self.collapseSpaces(text)
            let number = lines[i].number
            var indent = TableOfContents.indentation(lines[i].text)
            var j = i + 1
            while j < lines.count {
                let next = lines[j].text
                let nextText = TextNormalizer.trim(next)
                if nextText.isEmpty || tableRows[j] != nil || isStructural(nextText) || heading(lines, at: j, chapter: chapter, contents: contents) != nil || startsBlock(nextText) { break }
                if nextText.utf8.count <= 60 && AutoHints.contentsTitles.contains(TextNormalizer.key(nextText)) { break }
                if Self.isCaption(nextText) { break }
                // Numbered notes at a page's foot (`1 World Bank, 2021.` / `2 ADB project …`):
                // each number after the one that opened the paragraph starts a note of its own.
                if let opened = Self.leadingItemNumber(paragraph), Self.leadingItemNumber(nextText) == opened + 1 { break }
                let nextIndent = TableOfContents.indentation(next)
                // A first-line indent opens a new paragraph in laid-out text (but a reference
                // entry `[Bla93]  Richard …` continues under a hanging indent).
                if flavour == .plainText && nextIndent >= indent + 3 && nextIndent - indent < 20 && !startsBlock(paragraph) { break }
                // In a reference list every entry starts a paragraph of its own.
                if inReferences, TextNormalizer.endsSentence(paragraph) || paragraph.hasSuffix(")"),
                    ReferenceListParser.authorYearStart.firstMatch(in: nextText, range: NSRange(nextText.startIndex..., in: nextText)) != nil
                {
                    break
                }
                Self.appendWrapped(&paragraph, Self.collapseSpaces(nextText))
                joined += 1
                indent = nextIndent
                j += 1
            }
            out.append(SourceLine(paragraph, number: number))
            out.append(SourceLine("", number: lines[j - 1].number))
            i = j
        }
        while out.last?.text.isEmpty == true { out.removeLast() }
        if internalContents > 0 { notes.append("\(internalContents) chapter contents lists removed") }
        if headings > 0 { notes.append("\(headings) headings recognised by their shape") }
        if joined > 0 { notes.append("\(joined) wrapped lines rejoined into paragraphs") }
        findings.append(
            ImportFinding(
                code: "IMP060", severity: .info,
                message: "read as \(flavour.rawValue) from a PDF converter\(notes.isEmpty ? "" : ": " + notes.joined(separator: "; "))", sourceLine: 1))
        return out
    }

    // MARK: Page furniture

    /// Removes form feeds, page-number lines, running heads and feet, and image placeholders.
    func stripPageFurniture(_ lines: inout [SourceLine], removed: inout Int) {
        // Pages: split at form feeds, else at runs of three or more blank lines (Markdown converters).
        var pageOf = [Int](repeating: 0, count: lines.count)
        var page = 0
        var blanks = 0
        for i in lines.indices {
            if lines[i].text.contains("\u{0C}") {
                page += 1
                lines[i].text = lines[i].text.replacingOccurrences(of: "\u{0C}", with: "")
                blanks = 0
            } else if flavour == .convertedMarkdown {
                if TextNormalizer.trim(lines[i].text).isEmpty {
                    blanks += 1
                } else {
                    if blanks >= 2 { page += 1 }
                    blanks = 0
                }
            }
            pageOf[i] = page
        }
        // The first and last two non-blank lines of each page are where furniture stands.
        var edges: [Int] = []
        var start = 0
        while start < lines.count {
            var end = start
            while end < lines.count && pageOf[end] == pageOf[start] { end += 1 }
            let nonBlank = (start..<end).filter { !TextNormalizer.trim(lines[$0].text).isEmpty }
            edges += nonBlank.prefix(2) + nonBlank.suffix(2)
            start = end
        }
        var counts: [String: Int] = [:]
        var keys: [Int: String] = [:]
        // Occurrences that start with a section number: a chapter heading shares its words with
        // the chapter's running head, but only the heading carries the number.
        var numbered: [String: Int] = [:]
        var sideKeys: [Int: String] = [:]
        var sideCounts: [String: Int] = [:]
        for i in Set(edges) {
            let key = Self.furnitureKey(lines[i].text)
            guard key.count >= 4, lines[i].text.utf8.count <= 140, !Self.isContentsLine(lines[i].text) else { continue }
            // A laid-out head has columns (`Widget Manual      Chapter 2`): its left column repeats
            // even where the right one changes.
            let columns = TextNormalizer.trim(lines[i].text).components(separatedBy: "   ").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            if columns.count >= 2 {
                let side = Self.furnitureKey(columns[0])
                if side.count >= 4 {
                    sideKeys[i] = side
                    sideCounts[side, default: 0] += 1
                }
            }
            keys[i] = key
            counts[key, default: 0] += 1
            if Self.level(for: TextNormalizer.stripMarkup(TextNormalizer.trim(lines[i].text))) != nil { numbered[key, default: 0] += 1 }
        }
        // Titles the contents list: a part or chapter title that is also the running head of
        // its pages keeps its first stand-alone occurrence, where the part begins.
        var contentsKeys = Set<String>()
        for line in lines where line.text.contains(". .") || line.text.contains("...") {
            let text = TextNormalizer.trim(line.text)
            let range = NSRange(text.startIndex..., in: text)
            if let m = Self.entryPattern.firstMatch(in: text, range: range) ?? Self.leaderOnlyPattern.firstMatch(in: text, range: range), let r = Range(m.range(at: 1), in: text) {
                contentsKeys.insert(Self.furnitureKey(String(text[r])))
            }
        }
        var keptTitles = Set<String>()
        var drop = Set<Int>()
        for i in Set(edges).sorted() {
            let text = TextNormalizer.trim(lines[i].text)
            if Self.isPageNumber(text) { drop.insert(i) }
            // The title page is where the running head's text first stands as the title.
            if let side = sideKeys[i], sideCounts[side, default: 0] >= Self.runningHeadPages, pageOf[i] > 0 {
                drop.insert(i)
                continue
            }
            if let key = keys[i], counts[key, default: 0] >= Self.runningHeadPages, pageOf[i] > 0 {
                let isHeading = numbered[key] == 1 && Self.level(for: TextNormalizer.stripMarkup(text)) != nil
                let opensPart = contentsKeys.contains(key) && sideKeys[i] == nil && !keptTitles.contains(key)
                if opensPart { keptTitles.insert(key) }
                if !isHeading && !opensPart { drop.insert(i) }
            }
        }
        for i in lines.indices where TextNormalizer.trim(lines[i].text) == "<!-- image -->" { drop.insert(i) }
        removed += drop.count
        for i in drop { lines[i].text = "" }
    }

    /// A contents title or entry, which repeats on the pages of a long contents list but is no
    /// running head.
    static func isContentsLine(_ text: String) -> Bool {
        let trimmed = TextNormalizer.trim(text)
        if AutoHints.contentsTitles.contains(TextNormalizer.key(trimmed)) { return true }
        let range = NSRange(trimmed.startIndex..., in: trimmed)
        return leaderOnlyPattern.firstMatch(in: trimmed, range: range) != nil || trimmed.range(of: #"(\.\s?){3,}\s*\d+\s*$"#, options: .regularExpression) != nil
    }

    /// A running head's identity: its letters, without page numbers and markup.
    static func furnitureKey(_ text: String) -> String {
        String(TextNormalizer.key(text).unicodeScalars.filter { !($0.properties.numericType != nil) }.map(Character.init))
    }

    /// `12`, `- 12 -`, `Page 12`, `xiv`, `12 of 40`.
    static func isPageNumber(_ text: String) -> Bool {
        var t = text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " -–—|*_"))
        if t.hasPrefix("page ") { t = String(t.dropFirst(5)) }
        if let of = t.range(of: " of ") { t = String(t[..<of.lowerBound]) }
        guard !t.isEmpty, t.count <= 5 else { return false }
        return t.allSatisfy(\.isNumber) || (t.count <= 6 && t.allSatisfy { "ivxlc".contains($0) })
    }

    /// Decodes HTML entities and `\_` escapes; returns how many were decoded.
    func decodeMarkup(_ lines: inout [SourceLine]) -> Int {
        var count = 0
        let entities = ["&amp;": "&", "&quot;": "\"", "&#39;": "'", "&apos;": "'", "&nbsp;": " ", "&rsquo;": "’", "&lsquo;": "‘", "&ldquo;": "“", "&rdquo;": "”", "&ndash;": "–", "&mdash;": "—", "&hellip;": "…"]
        for i in lines.indices {
            var text = lines[i].text
            if text.contains("&") {
                for (entity, value) in entities where text.contains(entity) {
                    count += text.components(separatedBy: entity).count - 1
                    text = text.replacingOccurrences(of: entity, with: value)
                }
            }
            // Emphasis a converter closed and reopened at every word (`_of_ _Statistical_`)
            // becomes one span (`_of Statistical_`).
            if flavour == .convertedMarkdown, text.contains("_ _") {
                count += text.components(separatedBy: "_ _").count - 1
                text = text.replacingOccurrences(of: "_ _", with: " ")
            }
            // An underscore the PDF drew as a line comes out struck through: `glp ~~g~~ raph`.
            if flavour == .convertedMarkdown, text.contains("~~") {
                let repaired = text.replacingOccurrences(of: #"(\w)\*{0,2} ~~\*{0,2}(\w{1,3})\*{0,2}~~ \*{0,2}(\w)"#, with: "$1_$2$3", options: .regularExpression)
                if repaired != text {
                    count += 1
                    text = repaired
                }
            }
            if text.contains("\\_") {
                count += text.components(separatedBy: "\\_").count - 1
                text = text.replacingOccurrences(of: "\\_", with: "_")
            }
            lines[i].text = text
        }
        return count
    }

    // MARK: Contents

    /// A contents entry: title (number included), then leader dots or a wide gap, then a page.
    static let entryPattern = try! NSRegularExpression(pattern: #"^(.*?\S)\s*(?:(?:\.\s?){2,}\.?|\s{2,}|\t|\s\|\s)\s*(\d{1,4}|[ivxlcdm]{1,7})\s*\|?\s*$"#, options: [.caseInsensitive])
    /// A numbered entry whose page follows after a single space (`1 Basic Graph API Routines 5`,
    /// leaders dropped by a Markdown converter).
    static let numberedEntryPattern = try! NSRegularExpression(pattern: #"^(\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+\S.*?\S)\s+(\d{1,4})$"#)
    /// An entry with leader dots and no page (a converter that cut the page off).
    static let leaderOnlyPattern = try! NSRegularExpression(pattern: #"^(.*?\S)\s*(?:\.\s?){3,}\.?\s*\|?\s*$"#)

    /// The contents entries after the title at `index`, one canonical line each
    /// (`  3.1 Title\t4`, two spaces per level), and the index after the last one.
    func contentsEntries(_ lines: [SourceLine], after index: Int) -> ([SourceLine], Int)? {
        var raw: [(title: String, page: String?, indent: Int, number: Int)] = []
        var pending: (text: String, indent: Int, number: Int)?
        var i = index + 1
        var blanks = 0
        var end = index + 1
        while i < lines.count {
            var text = TextNormalizer.trim(lines[i].text)
            if text.isEmpty {
                blanks += 1
                if blanks > 3 && !raw.isEmpty { break }
                i += 1
                continue
            }
            // Markdown table rows: `| 1.1 Title . . . | 2 |`; the separator row is skipped.
            if text.hasPrefix("|") {
                let cells = text.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                if cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) {
                    i += 1
                    continue
                }
                text = cells.joined(separator: "  ")
            }
            blanks = 0
            let indent = TableOfContents.indentation(lines[i].text)
            if text.contains("**") || text.contains("~~") {
                text = TextNormalizer.stripMarkup(text.replacingOccurrences(of: "~~", with: ""))
            }
            let range = NSRange(text.startIndex..., in: text)
            if let m = Self.entryPattern.firstMatch(in: text, range: range) ?? Self.leaderOnlyPattern.firstMatch(in: text, range: range)
                ?? Self.numberedEntryPattern.firstMatch(in: text, range: range)
            {
                var title = String(text[Range(m.range(at: 1), in: text)!])
                let page = m.numberOfRanges > 2 && m.range(at: 2).location != NSNotFound ? String(text[Range(m.range(at: 2), in: text)!]) : nil
                var first = lines[i].number
                var entryIndent = indent
                if let p = pending {
                    title = Self.joinWrapped(p.text, title)
                    first = p.number
                    entryIndent = p.indent
                    pending = nil
                }
                raw.append((Self.collapseSpaces(title.trimmingCharacters(in: CharacterSet(charactersIn: " .·"))), page, entryIndent, first))
                end = i + 1
                i += 1
                continue
            }
            // The first half of an entry split over two lines; a third plain line ends the contents.
            if pending == nil, text.utf8.count <= Self.maximumHeadingLength {
                pending = (text, indent, lines[i].number)
                i += 1
                continue
            }
            break
        }
        guard raw.count >= AutoHints.minimumEntries else { return nil }
        let base = raw.map(\.indent).min() ?? 0
        let entries = raw.map { e -> SourceLine in
            let number = SectionNumbering.leadingNumber(e.title).map { $0.split(separator: ".").count }
            let level = number ?? (1 + min(2, (e.indent - base) / 2))
            let prefix = String(repeating: "  ", count: max(0, level - 1))
            return SourceLine(prefix + e.title + (e.page.map { "\t" + $0 } ?? ""), number: e.number)
        }
        return (entries, end)
    }

    // MARK: Headings and paragraphs

    /// The heading starting at `index` (Markdown line) and how many lines it takes.
    func heading(_ lines: [SourceLine], at index: Int, chapter: Int, contents: Set<String> = []) -> (String, Int)? {
        let raw = lines[index].text
        let text = TextNormalizer.trim(raw)
        guard !text.isEmpty, text.utf8.count <= Self.maximumHeadingLength + 10 else { return nil }
        // A numbered line the contents lists, whole or wrapped onto the next line.
        if !contents.isEmpty, SectionNumbering.leadingNumber(TextNormalizer.stripMarkup(text)) != nil, !TextNormalizer.endsSentence(text) {
            let plain = Self.collapseSpaces(TextNormalizer.stripMarkup(text))
            let level = Self.level(for: plain) ?? 2
            if contents.contains(Self.contentsKey(plain)) { return (String(repeating: "#", count: level) + " " + plain, 1) }
            if index + 1 < lines.count {
                let next = Self.collapseSpaces(TextNormalizer.stripMarkup(TextNormalizer.trim(lines[index + 1].text)))
                if !next.isEmpty, next.utf8.count <= 60, contents.contains(Self.contentsKey(plain + " " + next)) {
                    return (String(repeating: "#", count: level) + " " + plain + " " + next, 2)
                }
            }
        }
        // A line that starts in lower case continues a sentence: the common case, decided first.
        if let first = text.unicodeScalars.first, first.value >= 97 && first.value <= 122 { return nil }
        let blankBefore = index == 0 || TextNormalizer.trim(lines[index - 1].text).isEmpty
        let next = index + 1 < lines.count ? TextNormalizer.trim(lines[index + 1].text) : ""
        // Already a Markdown heading: its level from its numbering.
        if let level = TextNormalizer.headingLevel(text) {
            let plain = TextNormalizer.stripMarkup(text)
            guard !plain.isEmpty else { return nil }
            if Self.level(for: plain) != nil && !Self.followsNumbering(plain, chapter: chapter) { return nil }
            return (String(repeating: "#", count: Self.level(for: plain) ?? max(2, level)) + " " + plain, 1)
        }
        let bold = TextNormalizer.isBoldOnly(text)
        let plain = TextNormalizer.stripMarkup(text)
        guard !plain.isEmpty, plain.split(separator: " ").count <= Self.maximumHeadingWords, plain.utf8.count <= Self.maximumHeadingLength else { return nil }
        // `1` or `2.1` alone, then the title after a blank (pdftotext without -layout). Under a
        // section number the title may start in lower case: a routine's name (`glp_read_cnfsat`).
        let loneNumber = plain.allSatisfy(\.isNumber) && plain.count <= 2
        let loneSection = !loneNumber && plain.firstMatch(of: /^\d{1,2}(\.\d{1,2}){1,3}\.?$/) != nil
        if loneNumber || loneSection, blankBefore {
            var j = index + 1
            while j < lines.count && j <= index + 2 && TextNormalizer.trim(lines[j].text).isEmpty { j += 1 }
            if j < lines.count {
                let title = Self.collapseSpaces(TextNormalizer.stripMarkup(TextNormalizer.trim(lines[j].text)))
                let number = plain.hasSuffix(".") ? String(plain.dropLast()) : plain
                let shaped = isTitleShaped(title)
                    || (loneSection && title.first?.isLowercase == true && isTitleShaped(title.prefix(1).uppercased() + title.dropFirst()))
                if shaped, let first = title.first, first.isUppercase || loneSection, Self.followsNumbering(number + " " + title, chapter: chapter) {
                    let level = loneSection ? (Self.level(for: number + " " + title) ?? 3) : 2
                    return (String(repeating: "#", count: level) + " " + number + " " + title, j - index + 1)
                }
            }
            return nil
        }
        let standsAlone = blankBefore || next.isEmpty || bold
        if let level = Self.level(for: plain), Self.followsNumbering(plain, chapter: chapter), isTitleShaped(SectionNumbering.leadingNumber(plain).map { String(plain.dropFirst($0.count).drop { $0 == "." || $0 == " " }) } ?? plain) {
            // A numbered heading starts its block: after a blank, a page edge or a finished sentence.
            let previous = index > 0 ? TextNormalizer.trim(lines[index - 1].text) : ""
            let previousIsHeading = Self.level(for: TextNormalizer.stripMarkup(previous)) != nil && previous.utf8.count <= Self.maximumHeadingLength
            if standsAlone || previous.isEmpty || TextNormalizer.endsSentence(previous) || previous.hasSuffix(":") || previousIsHeading {
                return (String(repeating: "#", count: level) + " " + plain, 1)
            }
            return nil
        }
        let key = TextNormalizer.key(plain)
        if Self.knownTitles.contains(key) && (standsAlone || next.first?.isUppercase == true) && !plain.hasSuffix(".") {
            return ("## " + plain, 1)
        }
        let words = plain.split(separator: " ")
        if let first = words.first?.lowercased(), ["chapter", "appendix", "annex", "part"].contains(first), words.count <= 10, standsAlone {
            return ("## " + plain, 1)
        }
        if bold && standsAlone && isTitleShaped(plain) && plain.filter(\.isLetter).count >= 3 {
            return ("### " + plain, 1)
        }
        guard words.count <= 8, blankBefore && next.isEmpty, plain.first?.isLetter == true else { return nil }
        let letters = plain.unicodeScalars.filter { $0.properties.isAlphabetic }
        if letters.count >= 4, letters.allSatisfy({ $0.properties.isUppercase }),
            words.contains(where: { $0.count >= 4 }), isTitleShaped(plain)
        {
            return ("## " + plain, 1)
        }
        return nil
    }

    /// A contents entry or a heading line reduced to compare them: its letters and digits,
    /// without the page number a contents entry ends with (`2.6. RECOVERING … FILES\t6`).
    static func contentsKey(_ text: String) -> String {
        var title = text.trimmingCharacters(in: .whitespaces)
        if let tab = title.lastIndex(of: "\t") { title = String(title[..<tab]) }
        return TextNormalizer.key(title)
    }

    /// The heading level of a numbered title (`3` → 2, `3.1` → 3), or nil when unnumbered.
    static func level(for title: String) -> Int? {
        guard let number = SectionNumbering.leadingNumber(title) else { return nil }
        let parts = number.split(separator: ".")
        guard let first = parts.first, let value = Int(first), value > 0, value < 100, parts.count <= 4, parts.allSatisfy({ $0.count <= 2 }) else { return nil }
        return min(6, parts.count + 1)
    }

    /// A numbered heading stays in the current chapter or opens the next one: `1 Crc …` in a
    /// code listing of chapter 4, or a list item `2. …`, is no heading.
    static func followsNumbering(_ title: String, chapter: Int) -> Bool {
        guard let number = SectionNumbering.leadingNumber(title), let major = number.split(separator: ".").first.flatMap({ Int($0) }) else { return true }
        let depth = number.split(separator: ".").count
        if chapter == 0 { return true }
        return depth == 1 ? major == chapter + 1 || (major == chapter && chapter == 0) : major == chapter || major == chapter + 1
    }

    /// Starts with a capital (or a digit), has letters, does not end like a sentence or a clause,
    /// and holds none of the characters of code or formulas.
    func isTitleShaped(_ text: String) -> Bool {
        guard let first = text.first, first.isUppercase || first.isNumber else { return false }
        if text.contains(where: { "{}=;[]¦<>\\%$".contains($0) }) || text.contains(". . .") { return false }
        guard text.contains(where: \.isLetter), text.utf8.count <= Self.maximumHeadingLength else { return false }
        if let last = text.last, ".,;:".contains(last), !text.hasSuffix("...") { return false }
        if text.contains("  ") && flavour == .plainText { return false }
        return text.split(separator: " ").count <= Self.maximumHeadingWords
    }

    /// Lines kept as they are: Markdown tables, lists, quotes, code fences, raw HTML.
    func isStructural(_ text: String) -> Bool {
        if text.hasPrefix("|") || text.hasPrefix("```") || text.hasPrefix(">") || text.hasPrefix("<") { return true }
        if text.hasPrefix("- ") || text.hasPrefix("* ") || text.hasPrefix("• ") || text.hasPrefix("· ") { return true }
        return false
    }

    /// A line that opens a new block inside wrapped text: a reference entry `[Bla93] …` or `[12] …`.
    func startsBlock(_ text: String) -> Bool {
        if text.hasPrefix("["), let close = text.firstIndex(of: "]"), text.distance(from: text.startIndex, to: close) <= 12,
            text.index(after: close) < text.endIndex, text[text.index(after: close)] == " "
        {
            return true
        }
        return false
    }

    /// `Table 1: …`, `Figure 3.`, `Fig. 2`, `Listing 1:`: a caption opens a paragraph of its own.
    static func isCaption(_ text: String) -> Bool {
        text.range(of: #"^(Table|Figure|Fig\.|Listing|Chart|Exhibit|Box) [0-9IVX]+[.:]?[0-9]*(\s|$)"#, options: .regularExpression) != nil
    }

    /// Joins a wrapped line to its paragraph, rejoining a word hyphenated across the break.
    static func joinWrapped(_ paragraph: String, _ next: String) -> String {
        if paragraph.hasSuffix("-"), paragraph.dropLast().last?.isLetter == true, next.first?.isLowercase == true {
            return String(paragraph.dropLast()) + next
        }
        return paragraph + " " + next
    }

    /// ``joinWrapped(_:_:)`` in place, so a long paragraph costs time linear in its length.
    static func appendWrapped(_ paragraph: inout String, _ next: String) {
        if paragraph.hasSuffix("-"), paragraph.dropLast().last?.isLetter == true, next.first?.isLowercase == true {
            paragraph.removeLast()
        } else {
            paragraph += " "
        }
        paragraph += next
    }

    /// The number that opens a numbered note or item (`3 KWSC, Annual Report`, `12. Text`):
    /// one to three digits, an optional dot, a space and a word or a quotation.
    static func leadingItemNumber(_ text: String) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count), let number = Int(digits) else { return nil }
        var rest = text.dropFirst(digits.count)
        if rest.first == "." { rest = rest.dropFirst() }
        guard rest.first == " ", let word = rest.dropFirst().first, word.isLetter || "\"“‘'".contains(word) else { return nil }
        return number
    }

    /// Collapses runs of spaces and tabs into one space.
    static func collapseSpaces(_ text: String) -> String {
        guard text.contains("  ") || text.contains("\t") else { return text }
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}
