import FolioCore

/// Where in an article a mention sits.
public enum MentionRegion: String, Sendable, Equatable, Codable {
    /// Running text, lists and tables.
    case body
    /// A heading (counted with the body, never linked).
    case heading
    /// A footnote definition (`[^n]: …`), counted separately and never linked.
    case footnote
}

/// A stretch of one line that may contain mentions.
struct TextSegment: Sendable {
    var start: Int
    var end: Int
    var region: MentionRegion
    /// Whether a first mention here may become a link (not in headings, link text or footnotes).
    var linkable: Bool
    /// 1-based line in the Markdown.
    var line: Int
    /// The line is written in capitals (a shouted heading or table of contents line).
    var shouting: Bool
}

/// Cuts article Markdown into the segments the matcher reads, leaving out front matter,
/// code, raw HTML, link destinations, URLs, images and footnote references.
struct MarkdownSegments: Sendable {
    var segments: [TextSegment] = []
    /// Each line's first byte and its end (the offset of its line feed, or the text's end),
    /// by 1-based line number minus one.
    var lineBounds: [(start: Int, end: Int)] = []
    /// The line of the first level-1 heading: the article's title.
    var titleLine: Int?

    init(_ text: [UInt8]) {
        var lineStart = 0
        var lineNumber = 0
        var inFence: UInt8? = nil
        var fenceLength = 0
        var inFrontMatter = text.starts(with: Array("---\n".utf8)) || text.starts(with: Array("---\r\n".utf8))
        var inFootnote = false
        var previousBlank = true
        // Inside a raw HTML block that a block-level tag opens (`<p class="table-caption">…`) up
        // to the next blank line: its words count, but Markdown links there would show as text.
        var inHTMLBlock = false
        while lineStart < text.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < text.count, text[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            lineBounds.append((lineStart, lineEnd))
            var contentEnd = lineEnd
            if contentEnd > lineStart, text[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let line = text[lineStart..<contentEnd]
            if inFrontMatter {
                if lineNumber > 1, line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) { inFrontMatter = false }
                continue
            }
            var indent = 0
            while lineStart + indent < contentEnd, text[lineStart + indent] == 0x20 { indent += 1 }
            let first = lineStart + indent
            let blank = first >= contentEnd
            // Fenced code.
            if let fence = inFence {
                var n = 0
                while first + n < contentEnd, text[first + n] == fence { n += 1 }
                if n >= fenceLength { inFence = nil }
                continue
            }
            if !blank, indent < 4, text[first] == 0x60 || text[first] == 0x7E {
                var n = 0
                while first + n < contentEnd, text[first + n] == text[first] { n += 1 }
                if n >= 3 {
                    inFence = text[first]
                    fenceLength = n
                    previousBlank = false
                    continue
                }
            }
            if blank {
                previousBlank = true
                inHTMLBlock = false
                continue
            }
            // Raw HTML block lines.
            if indent < 4, text[first] == 0x3C, first + 1 < contentEnd,
               ByteClass.isWordByte(text[first + 1]) || text[first + 1] == 0x21 || text[first + 1] == 0x2F {
                var close = first
                while close < contentEnd, text[close] != 0x3E { close += 1 }
                // A line that is only tags (or opens an HTML block) is skipped whole.
                if close >= contentEnd - 1 || Self.isBlockTag(text, first) { previousBlank = false; continue }
                if Self.opensHTMLBlock(text, first) { inHTMLBlock = true }
            }
            // Heading.
            var hashes = 0
            while first + hashes < contentEnd, text[first + hashes] == 0x23 { hashes += 1 }
            if indent < 4, hashes >= 1, hashes <= 6, first + hashes == contentEnd || text[first + hashes] == 0x20 {
                var start = first + hashes
                while start < contentEnd, text[start] == 0x20 { start += 1 }
                var end = contentEnd
                while end > start, text[end - 1] == 0x23 || text[end - 1] == 0x20 { end -= 1 }
                inFootnote = false
                previousBlank = true
                if hashes == 1, titleLine == nil { titleLine = lineNumber }
                appendInline(text, start, end, region: .heading, linkable: false, line: lineNumber)
                continue
            }
            // Footnote definition: `[^label]:`.
            var bodyStart = first
            if indent < 4, text[first] == 0x5B, first + 1 < contentEnd, text[first + 1] == 0x5E {
                var close = first + 2
                while close < contentEnd, text[close] != 0x5D { close += 1 }
                if close + 1 < contentEnd, text[close + 1] == 0x3A {
                    inFootnote = true
                    bodyStart = close + 2
                    appendInline(text, bodyStart, contentEnd, region: .footnote, linkable: false, line: lineNumber)
                    previousBlank = false
                    continue
                }
            }
            if inFootnote, !previousBlank || indent >= 2 {
                appendInline(text, first, contentEnd, region: .footnote, linkable: false, line: lineNumber)
                previousBlank = false
                continue
            }
            inFootnote = false
            // Table delimiter rows carry no text.
            if Self.isTableDelimiter(text[first..<contentEnd]) { previousBlank = false; continue }
            previousBlank = false
            appendInline(text, bodyStart, contentEnd, region: .body, linkable: !inHTMLBlock, line: lineNumber)
        }
    }

    /// CommonMark's block-level tag names (HTML block start condition 6): a line that opens
    /// with one of them starts raw HTML, where Markdown is not read.
    private static let htmlBlockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
        "main", "nav", "ol", "p", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ]

    private static func opensHTMLBlock(_ text: [UInt8], _ at: Int) -> Bool {
        let (name, end) = tagName(text, at)
        guard end < text.count, [0x20, 0x3E, 0x2F, 0x09].contains(text[end]) else { return false }
        return htmlBlockTags.contains(name)
    }

    /// Whether the tag at `at` opens or closes a container whose line is skipped whole.
    private static func isBlockTag(_ text: [UInt8], _ at: Int) -> Bool {
        ["div", "table", "figure", "section", "details", "pre", "aside", "!--"].contains(tagName(text, at).name)
    }

    /// The lower-cased name of the tag that opens or closes at `at` (`<p …>`, `</div>`, `<!--`),
    /// and the offset after it.
    private static func tagName(_ text: [UInt8], _ at: Int) -> (name: String, end: Int) {
        var i = at + 1
        if i < text.count, text[i] == 0x2F { i += 1 }
        var name: [UInt8] = []
        while i < text.count, ByteClass.isWordByte(text[i]) || text[i] == 0x21 || text[i] == 0x2D { name.append(text[i] | 0x20); i += 1 }
        return (String(decoding: name, as: UTF8.self), i)
    }

    /// Whether the line is a table's delimiter row (`| --- | :---: |`).
    static func isTableDelimiter(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.contains(0x2D) else { return false }
        return line.allSatisfy { $0 == 0x7C || $0 == 0x2D || $0 == 0x3A || $0 == 0x20 }
    }

    /// Splits one line's inline content into segments, skipping code spans, link destinations,
    /// images, footnote references, raw HTML tags and bare URLs.
    private mutating func appendInline(_ text: [UInt8], _ start: Int, _ end: Int, region: MentionRegion, linkable: Bool, line: Int) {
        let shouting = Self.isShouting(text, start, end)
        var segStart = start
        var i = start
        // Each scan below runs ahead to a closing byte; what was once found missing stays missing
        // for every later start, and brackets are matched once, so a line of 10^5 unclosed marks
        // costs a pass, not a pass per mark.
        let brackets = BracketMatches(text, start, end)
        var noGreaterFrom = Int.max, noBracketFrom = Int.max
        var noBacktickRunFrom: [Int: Int] = [:]
        func flush(_ upTo: Int, linkable: Bool) {
            if upTo > segStart {
                segments.append(TextSegment(start: segStart, end: upTo, region: region, linkable: linkable, line: line, shouting: shouting))
            }
        }
        while i < end {
            let b = text[i]
            switch b {
            case 0x60: // code span
                var n = 0
                while i + n < end, text[i + n] == 0x60 { n += 1 }
                var j = i + n
                var closed = -1
                while j < end, j < noBacktickRunFrom[n, default: Int.max] {
                    if text[j] == 0x60 {
                        var m = 0
                        while j + m < end, text[j + m] == 0x60 { m += 1 }
                        if m == n { closed = j + m; break }
                        j += m
                    } else { j += 1 }
                }
                if closed < 0 { noBacktickRunFrom[n] = i + n }
                if closed >= 0 {
                    flush(i, linkable: linkable)
                    i = closed
                    segStart = i
                } else { i += n }
            case 0x21 where i + 1 < end && text[i + 1] == 0x5B: // image
                if let (_, after) = brackets.linkExtent(i + 1) {
                    flush(i, linkable: linkable)
                    i = after
                    segStart = i
                } else { i += 1 }
            case 0x5B: // link or footnote reference
                if i + 1 < end, text[i + 1] == 0x5E {
                    var j = i + 2
                    while j < end, j < noBracketFrom, text[j] != 0x5D { j += 1 }
                    if j >= noBracketFrom { j = end }
                    if j == end { noBracketFrom = min(noBracketFrom, i + 2) }
                    flush(i, linkable: linkable)
                    i = min(j + 1, end)
                    segStart = i
                } else if let (closeBracket, after) = brackets.linkExtent(i) {
                    flush(i, linkable: linkable)
                    // Link text is read but never linked again.
                    segments.append(TextSegment(start: i + 1, end: closeBracket, region: region, linkable: false, line: line, shouting: shouting))
                    i = after
                    segStart = i
                } else { i += 1 }
            case 0x3C: // autolink or raw HTML tag
                if i + 1 < end, ByteClass.isWordByte(text[i + 1]) || text[i + 1] == 0x2F || text[i + 1] == 0x21 {
                    var j = i + 1
                    while j < end, j < noGreaterFrom, text[j] != 0x3E { j += 1 }
                    if j >= noGreaterFrom { j = end }
                    if j == end { noGreaterFrom = min(noGreaterFrom, i + 1) }
                    if j < end {
                        flush(i, linkable: linkable)
                        i = j + 1
                        segStart = i
                    } else { i += 1 }
                } else { i += 1 }
            case 0x68, 0x77: // http(s):// and www.
                if (i == start || !ByteClass.isWordByte(text[i - 1])),
                   Self.hasPrefix(text, i, end, "http://") || Self.hasPrefix(text, i, end, "https://") || Self.hasPrefix(text, i, end, "www.") {
                    var j = i
                    while j < end, !ByteClass.isSpace(text[j]), text[j] != 0x29, text[j] != 0x3E { j += 1 }
                    flush(i, linkable: linkable)
                    i = j
                    segStart = i
                } else { i += 1 }
            default:
                i += 1
            }
        }
        flush(end, linkable: linkable)
    }

    private static func hasPrefix(_ text: [UInt8], _ i: Int, _ end: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard i + count <= end else { return false }
        let p = prefix.utf8Start
        for k in 0..<count where text[i + k] | (text[i + k] >= 0x41 && text[i + k] <= 0x5A ? 0x20 : 0) != p[k] { return false }
        return true
    }

    /// A line with at least twelve letters of which more than 70 % are capitals.
    private static func isShouting(_ text: [UInt8], _ start: Int, _ end: Int) -> Bool {
        var upper = 0, lower = 0
        var i = start
        while i < end {
            let b = text[i]
            if b >= 0x41 && b <= 0x5A { upper += 1 } else if b >= 0x61 && b <= 0x7A { lower += 1 }
            i += 1
            // Stop once even all remaining bytes in capitals could not make 70 %.
            if i & 63 == 0, (upper + end - i) * 3 <= lower * 7 { return false }
        }
        return upper + lower >= 12 && upper * 10 > (upper + lower) * 7
    }
}

/// The brackets and parentheses of one line matched once, with backslash escapes skipped, for
/// finding where a link `[text](destination)` or `[text][ref]` ends.
struct BracketMatches {
    private let start: Int
    private let end: Int
    private let text: [UInt8]
    /// By offset from `start`: the index of the matching `]` (for a `[`) or `)` (for a `(`); -1 for none.
    private var match: [Int32] = []

    init(_ text: [UInt8], _ start: Int, _ end: Int) {
        self.text = text
        self.start = start
        self.end = end
        var hasBracket = false
        for i in start..<end where text[i] == 0x5B { hasBracket = true; break }
        guard hasBracket else { return }
        match = [Int32](repeating: -1, count: end - start)
        var squares: [Int] = [], rounds: [Int] = []
        var i = start
        while i < end {
            switch text[i] {
            case 0x5C: i += 2; continue
            case 0x5B: squares.append(i)
            case 0x5D: if let open = squares.popLast() { match[open - start] = Int32(i) }
            case 0x28: rounds.append(i)
            case 0x29: if let open = rounds.popLast() { match[open - start] = Int32(i) }
            default: break
            }
            i += 1
        }
    }

    /// For the `[` at `open`: the index of its `]` and the index after the whole link, when a
    /// destination `(…)` or a reference `[…]` follows and is closed; `nil` otherwise.
    func linkExtent(_ open: Int) -> (Int, Int)? {
        guard !match.isEmpty, open >= start, open < end else { return nil }
        let close = Int(match[open - start])
        guard close >= 0, close + 1 < end, text[close + 1] == 0x28 || text[close + 1] == 0x5B else { return nil }
        let after = Int(match[close + 1 - start])
        return after >= 0 ? (close, after + 1) : nil
    }
}
