import FolioCore
import FolioContent
import Foundation

/// Repairs inline markup left by the PDF conversion, line by line: superscripts and subscripts
/// that are not footnotes become Unicode text (16th, m², 10⁶⁰, CO₂, ™), `<b>`/`<i>` become
/// Markdown emphasis (plain text inside headings and raw HTML), `<u>` around a URL becomes an
/// autolink, `\\_`-style escapes inside links and URLs are fixed, and URLs split into fragments
/// are rejoined. Repairs are `INL` findings of severity `info`.
public struct InlineRepairer: DocumentStep {
    public let name = "inline"

    /// Creates the step; it has no configuration.
    public init() {}

    public func apply(to document: inout DocumentDraft, findings: inout [ImportFinding]) {
        for a in document.articles.indices {
            for keyPath in [\ArticleDraft.title] where document.articles[a][keyPath: keyPath].contains("<") {
                var repair = InlineRepair(text: "# " + document.articles[a][keyPath: keyPath])
                repair.run()
                document.articles[a][keyPath: keyPath] = String(repair.text.dropFirst(2))
            }
            for i in document.articles[a].lines.indices {
                let line = document.articles[a].lines[i]
                var repair = InlineRepair(text: line.text)
                repair.run()
                guard repair.text != line.text else { continue }
                document.articles[a].lines[i].text = repair.text
                for (code, message) in repair.notes {
                    findings.append(ImportFinding(code: code, severity: .info, message: message, hint: nil, sourceLine: line.number, articleIndex: a))
                }
            }
        }
    }
}

/// The repairs of one line.
struct InlineRepair {
    var text: String
    /// (code, message) per kind of repair made.
    var notes: [(String, String)] = []

    private var isHeading: Bool { LineShape.isHeading(text) }
    private var isHTMLBlock: Bool { text.hasPrefix("<figure") || text.hasPrefix("<p ") || text.hasPrefix("<div") }

    mutating func run() {
        if TextSearch.contains(text, "&lt;"), let fixed = NoteMarkup.repairMangled(text) {
            text = fixed
            notes.append(("INL006", "Repaired entity-mangled markup."))
        }
        if TextSearch.contains(text, byte: 0x3C) {
            renderScripts()
            renderEmphasisTags()
            renderUnderline()
            renderURLAnchors()
            escapePlaceholderTags()
        }
        if TextSearch.contains(text, byte: 0x5C) { fixLinkEscapes() }
        if TextSearch.contains(text, "://") { rejoinBrokenURLs() }
    }

    // MARK: Superscript and subscript

    private mutating func renderScripts() {
        var changedSup = false
        var changedSub = false
        for span in NoteMarkup.spans(of: "sup", in: text).reversed() {
            let before = text[text.startIndex..<span.range.lowerBound]
            var range = span.range
            // `220 km <sup>2</sup> ;`: the space before a unit's power goes.
            let payload = span.payload.trimmingCharacters(in: .whitespaces)
            if payload == "2" || payload == "3", before.hasSuffix(" "), let unit = before.dropLast().split(separator: " ").last,
                ExponentBases.words.contains(String(unit.split(separator: "/").last ?? unit))
            {
                range = text.index(before: range.lowerBound)..<range.upperBound
            }
            text.replaceSubrange(range, with: Self.superscriptText(span.payload, after: before))
            changedSup = true
        }
        for span in NoteMarkup.spans(of: "sub", in: text).reversed() {
            let payload = span.payload.trimmingCharacters(in: .whitespaces)
            var range = span.range
            // `CO <sub>2</sub>`: the space belongs to no one.
            let before = text[text.startIndex..<range.lowerBound]
            if before.hasSuffix(" "), before.dropLast().last?.isUppercase ?? false, ScriptText.subscript(payload) != nil {
                range = text.index(before: range.lowerBound)..<range.upperBound
            }
            text.replaceSubrange(range, with: ScriptText.subscript(payload) ?? payload)
            changedSub = true
        }
        // Tags left unpaired.
        for tag in ["<sup>", "</sup>", "<sub>", "</sub>"] where TextSearch.contains(text, tag) {
            text = text.replacingOccurrences(of: tag, with: "")
            changedSup = true
        }
        if changedSup { notes.append(("INL001", "Rendered superscript markup that is not a footnote as text (ordinal, unit, power or trademark).")) }
        if changedSub { notes.append(("INL002", "Rendered subscript markup as text (e.g. CO₂).")) }
    }

    /// `th` after a number stays `th`; digits become superscript digits; trademarks their sign.
    static func superscriptText(_ raw: String, after before: Substring) -> String {
        var payload = raw.trimmingCharacters(in: .whitespaces)
        if payload.hasPrefix("^{"), payload.hasSuffix("}") { payload = String(payload.dropFirst(2).dropLast()) }
        if payload.hasPrefix("^") { payload = String(payload.dropFirst()) }
        switch payload.uppercased() {
        case "TM", "™": return "™"
        case "®",
            "R" where !(before.last?.isASCIIDigit ?? false):
            return "®"
        case "©": return "©"
        case "SM": return "℠"
        default: break
        }
        if ["ST", "ND", "RD", "TH"].contains(payload.uppercased()) { return payload }
        if let sup = ScriptText.superscript(payload) { return sup }
        return payload
    }

    // MARK: HTML emphasis

    private mutating func renderEmphasisTags() {
        let plain = isHeading || isHTMLBlock
        var changed = false
        for (tags, marker) in [(("<b>", "</b>"), "**"), (("<strong>", "</strong>"), "**"), (("<i>", "</i>"), "*"), (("<em>", "</em>"), "*")] {
            guard TextSearch.contains(text, tags.0) || TextSearch.contains(text, tags.1) else { continue }
            var cursor = text.startIndex
            while let open = text.range(of: tags.0, range: cursor..<text.endIndex) {
                guard let close = text.range(of: tags.1, range: open.upperBound..<text.endIndex) else { break }
                let inner = String(text[open.upperBound..<close.lowerBound])
                let core = inner.trimmingCharacters(in: .whitespaces)
                var replacement: String
                if core.isEmpty || plain || core.contains(marker) {
                    replacement = inner
                } else {
                    let lead = inner.prefix(while: { $0 == " " })
                    let trail = String(inner.reversed().prefix(while: { $0 == " " }))
                    replacement = lead + marker + core + marker + trail
                }
                let start = open.lowerBound
                text.replaceSubrange(open.lowerBound..<close.upperBound, with: replacement)
                cursor = text.index(start, offsetBy: replacement.count)
                changed = true
            }
            for tag in [tags.0, tags.1] where TextSearch.contains(text, tag) {
                text = text.replacingOccurrences(of: tag, with: "")
                changed = true
            }
        }
        if changed {
            notes.append(
                (
                    "INL003",
                    plain ? "Removed HTML emphasis tags (no emphasis inside headings or raw HTML)." : "Turned HTML emphasis tags into Markdown emphasis."
                ))
        }
    }

    /// `<u>https://…-</u><u>more</u>` → `<https://…-more>`; other underlines become plain text.
    private mutating func renderUnderline() {
        guard TextSearch.contains(text, "<u>") || TextSearch.contains(text, "</u>") else { return }
        text = text.replacingOccurrences(of: "</u><u>", with: "")
        var cursor = text.startIndex
        while let open = text.range(of: "<u>", range: cursor..<text.endIndex) {
            let close = text.range(of: "</u>", range: open.upperBound..<text.endIndex)
            let end = close?.lowerBound ?? text.endIndex
            let inner = String(text[open.upperBound..<end]).trimmingCharacters(in: .whitespaces)
            var replacement = inner
            if inner.hasPrefix("http://") || inner.hasPrefix("https://"), !inner.contains(" "), !inner.contains("<"), !inner.contains(">") {
                replacement = "<" + Self.unescapeURL(inner) + ">"
            }
            let start = open.lowerBound
            text.replaceSubrange(open.lowerBound..<(close?.upperBound ?? text.endIndex), with: replacement)
            cursor = text.index(start, offsetBy: replacement.count)
        }
        text = text.replacingOccurrences(of: "</u>", with: "")
        notes.append(("INL003", "Removed underline tags; underlined URLs became autolinks."))
    }

    // MARK: Links and URLs

    /// `<a href="https://x">https://x</a>` typed into the text: Markdown's autolinking would link
    /// the URL inside the anchor a second time (an `<a>` inside an `<a>`), so it becomes `<https://x>`.
    private mutating func renderURLAnchors() {
        guard TextSearch.contains(text, "<a href=\"http") else { return }
        let pattern = #"<a href="(https?://[^"\s<>]+)">\s*(https?://[^\s<>]+)\s*</a>"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return }
        let ns = text as NSString
        var changed = false
        for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).reversed() {
            let href = ns.substring(with: match.range(at: 1)), label = ns.substring(with: match.range(at: 2))
            guard href == label || href.replacingOccurrences(of: "&amp;", with: "&") == label.replacingOccurrences(of: "&amp;", with: "&") else { continue }
            text = (text as NSString).replacingCharacters(in: match.range, with: "<" + href.replacingOccurrences(of: "&amp;", with: "&") + ">")
            changed = true
        }
        if changed { notes.append(("INL007", "An HTML link whose text is its URL became an autolink.")) }
    }

    /// Backslash escapes mean nothing inside URLs: `[…\\_…](…_…)` shows a backslash, and
    /// `<https://…\_…>` or a bare `https://…\_…` keeps it. Link texts equal to their URL become autolinks.
    private mutating func fixLinkEscapes() {
        var changed = false
        // Inline links [text](target).
        var search = text.startIndex
        while let mid = TextSearch.range(of: "](", in: text, from: search) {
            guard let open = text[text.startIndex..<mid.lowerBound].lastIndex(of: "["),
                let close = text[mid.upperBound...].firstIndex(of: ")")
            else {
                search = mid.upperBound
                continue
            }
            let label = String(text[text.index(after: open)..<mid.lowerBound])
            let target = String(text[mid.upperBound..<close])
            if label.hasPrefix("^") {
                search = mid.upperBound
                continue
            }
            let cleanLabel = Self.unescapeURL(label)
            let cleanTarget = Self.unescapeURL(target)
            var replacement: String?
            if cleanLabel == cleanTarget, cleanTarget.contains("://"), !cleanTarget.contains(" "), !cleanTarget.contains(">") {
                replacement = "<" + cleanTarget + ">"
            } else if label.contains("\\\\") || target.contains("\\") {
                replacement = "[" + label.replacingOccurrences(of: "\\\\", with: "\\") + "](" + cleanTarget + ")"
            }
            if let replacement {
                let start = open
                text.replaceSubrange(open...close, with: replacement)
                search = text.index(start, offsetBy: replacement.count)
                changed = true
            } else {
                search = text.index(after: close)
            }
        }
        // Autolinks and bare URLs.
        if TextSearch.contains(text, "://"), TextSearch.contains(text, byte: 0x5C) {
            var result = ""
            var index = text.startIndex
            while let scheme = TextSearch.range(of: "http", in: text, from: index) {
                result += text[index..<scheme.lowerBound]
                let end =
                    text[scheme.lowerBound...].firstIndex(where: { $0 == " " || $0 == ">" || $0 == ")" || $0 == "]" || $0 == "<" || $0 == "\"" })
                    ?? text.endIndex
                var url = String(text[scheme.lowerBound..<end])
                let insideAngle = scheme.lowerBound > text.startIndex && text[text.index(before: scheme.lowerBound)] == "<"
                if url.contains("://"), url.contains("\\") {
                    url = Self.unescapeURL(url)
                    var trailing = ""
                    while let last = url.last, ".,;:".contains(last) {
                        trailing = String(last) + trailing
                        url.removeLast()
                    }
                    result += insideAngle ? url + trailing : "<" + url + ">" + trailing
                    changed = true
                } else {
                    result += url
                }
                index = end
            }
            result += text[index...]
            text = result
        }
        if changed { notes.append(("INL004", "Removed backslash escapes from links and URLs.")) }
    }

    static func unescapeURL(_ url: String) -> String {
        guard url.contains("\\") else { return url }
        return url.replacingOccurrences(of: "\\\\", with: "").replacingOccurrences(of: "\\", with: "")
    }

    /// `https://example.org/some- path` (a URL cut at a line end and rejoined with a space).
    // MARK: Placeholders in angle brackets

    /// Element names a converter may leave in text as real HTML; any other `<name>` is a
    /// placeholder of the document (`cachegrind.out.<pid>`, `<file>`) that must stay text.
    static let htmlElements: Set<String> = [
        "a", "abbr", "b", "big", "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup", "dd", "del",
        "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
        "i", "img", "ins", "kbd", "li", "mark", "nobr", "ol", "p", "pre", "q", "s", "samp", "section", "small", "span",
        "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "tt",
        "u", "ul", "var", "wbr",
    ]

    /// Escapes `<name>` where `name` is no HTML element, outside code spans and HTML blocks, so
    /// the renderer shows it instead of removing it as unknown markup.
    private mutating func escapePlaceholderTags() {
        guard !isHTMLBlock else { return }
        var out = ""
        var changed = false
        var inCode = false
        var rest = Substring(text)
        while let ch = rest.first {
            if ch == "`" { inCode.toggle() }
            if ch == "<", !inCode, !out.hasSuffix("\\") {
                let afterBracket = rest.dropFirst()
                let slash = afterBracket.first == "/"
                let nameStart = slash ? afterBracket.dropFirst() : afterBracket
                let name = nameStart.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
                // `<pid>`, `</file>`, or words without attributes (`<line size>`).
                let tail = nameStart.dropFirst(name.count).prefix { $0 != ">" && $0 != "<" && $0 != "\n" }
                let closes = nameStart.dropFirst(name.count + tail.count).first == ">"
                let plainWords = tail.allSatisfy { $0 == " " || ($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_")) } && tail.count <= 40
                if let first = name.first, first.isLetter, closes, plainWords, !Self.htmlElements.contains(name.lowercased()) {
                    out += "\\<"
                    rest = afterBracket
                    changed = true
                    continue
                }
            }
            out.append(ch)
            rest = rest.dropFirst()
        }
        if changed {
            text = out
            notes.append(("INL008", "Escaped a placeholder in angle brackets that is not HTML (e.g. <pid>), so it shows as text."))
        }
    }

    private mutating func rejoinBrokenURLs() {
        var changed = false
        var attempts = 0
        while attempts < 8, let space = Self.brokenURLSpace(in: text) {
            text.remove(at: space)
            changed = true
            attempts += 1
        }
        if changed { notes.append(("INL005", "Rejoined a URL broken by a space.")) }
    }

    private static func brokenURLSpace(in text: String) -> String.Index? {
        var search = text.startIndex
        while let scheme = TextSearch.range(of: "://", in: text, from: search) {
            guard let space = text[scheme.upperBound...].firstIndex(where: { $0 == " " || $0 == ">" || $0 == ")" }) else { return nil }
            search = text.index(after: space)
            guard text[space] == " " else { continue }
            guard let last = text[text.startIndex..<space].last else { continue }
            let token = text[text.index(after: space)...].prefix(while: { !$0.isWhitespace && $0 != ">" && $0 != ")" })
            // A host broken after a dot ("www.cl.cam.ac. uk/research/…"): the next token starts
            // with a top-level domain and a path.
            let domainTail = token.prefix { $0 != "/" }
            let brokenHost = last == "." && token.contains("/") && (2...6).contains(domainTail.count) && domainTail.allSatisfy { $0.isASCII && $0.isLowercase }
            guard "-/_=".contains(last) || brokenHost else { continue }
            guard token.count >= 3, let first = token.first, first.isLowercase || first.isASCIIDigit,
                token.contains("/") || token.contains(".htm") || token.contains(".pdf") || token.filter({ $0 == "-" }).count >= 2
            else { continue }
            return space
        }
        return nil
    }
}
