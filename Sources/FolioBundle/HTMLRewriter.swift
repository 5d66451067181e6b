import Foundation

/// Re-serialises an HTML fragment (cmark-gfm output with sanitized raw HTML) as well-formed
/// XHTML, rewriting ids, links and footnotes on the way.
///
/// The output is valid both as XML and as HTML: void elements are self-closed, every attribute is
/// quoted and has a value, named entities become numeric references, unclosed elements are closed
/// and stray end tags dropped. One linear scan over the UTF-8 bytes.
struct HTMLRewriter: Sendable {
    /// What happens to a link's `href`.
    enum LinkDecision: Sendable, Equatable {
        /// Keep the link, pointing at this URL.
        case keep(String)
        /// Drop the link element and keep its text (the target is not part of the bundle).
        case unlink
    }

    /// Rewrites an element id (and the fragment of every same-page link) — e.g. adds a per-article prefix.
    var mapID: @Sendable (String) -> String = { $0 }
    /// Decides what an `href` becomes. Fragment-only links are passed after ``mapID`` was applied.
    var mapLink: @Sendable (String) -> LinkDecision = { .keep($0) }
    /// The bundle's own URL for an image's `src`, or nil when the bundle does not carry it.
    var mapImage: @Sendable (String) -> String? = { _ in nil }
    /// Turn cmark-gfm footnotes into EPUB footnotes (`<aside epub:type="footnote">`, `epub:type="noteref"`).
    var epubFootnotes = false

    /// Start tags that end an open `<p>` (HTML's parsing rules).
    static let closesParagraph: Set<String> = [
        "address", "article", "aside", "blockquote", "details", "dialog", "div", "dl", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p",
        "pre", "section", "summary", "table", "ul",
    ]
    /// Elements that may sit inside a paragraph.
    static let phrasing: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "rp",
        "rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "label",
    ]
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]

    private struct Open {
        /// Element name in the input.
        var name: String
        /// Element name written, or `nil` when the element was dropped (its content is kept).
        var output: String?
        var isFootnoteSection = false
    }

    /// Rewrites `html`.
    func rewrite(_ html: String) -> String {
        let bytes = Array(html.utf8)
        let n = bytes.count
        var out = ""
        out.reserveCapacity(n + n / 8)
        var stack: [Open] = []
        var footnoteDepth = 0
        var pendingLabel: String?
        var i = 0
        var textStart = 0

        func flushText(_ end: Int) {
            if end > textStart { out += Self.escapeText(bytes[textStart..<end]) }
        }

        while i < n {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            // Comments and doctypes are dropped.
            if i + 3 < n, bytes[i + 1] == UInt8(ascii: "!") {
                flushText(i)
                if bytes[i + 2] == UInt8(ascii: "-"), bytes[i + 3] == UInt8(ascii: "-") {
                    var j = i + 4
                    while j + 2 < n, !(bytes[j] == UInt8(ascii: "-") && bytes[j + 1] == UInt8(ascii: "-") && bytes[j + 2] == UInt8(ascii: ">")) { j += 1 }
                    i = min(n, j + 3)
                } else {
                    var j = i
                    while j < n, bytes[j] != UInt8(ascii: ">") { j += 1 }
                    i = min(n, j + 1)
                }
                textStart = i
                continue
            }
            guard let tag = Self.parseTag(bytes, at: i) else { i += 1; continue }
            flushText(i)
            i = tag.end
            textStart = i
            if tag.isEnd {
                guard let index = stack.lastIndex(where: { $0.name == tag.name }) else { continue }
                while stack.count > index {
                    let open = stack.removeLast()
                    if open.isFootnoteSection { footnoteDepth -= 1 }
                    if let name = open.output { out += "</\(name)>" }
                }
                continue
            }
            // As an HTML parser does, a block element closes an open paragraph (raw HTML lists
            // written inside a paragraph would otherwise nest a `<ul>` in a `<p>`).
            if Self.closesParagraph.contains(tag.name) {
                var index = stack.count - 1
                while index >= 0, stack[index].name != "p", Self.phrasing.contains(stack[index].name) { index -= 1 }
                if index >= 0, stack[index].name == "p" {
                    while stack.count > index {
                        let open = stack.removeLast()
                        if let name = open.output { out += "</\(name)>" }
                    }
                }
            }
            var name = tag.name
            var attributes = tag.attributes
            var extra: [(String, String)] = []
            var keep = true
            var isFootnoteSection = false
            let classes = attributes.first { $0.0 == "class" }?.1.split(separator: " ").map(String.init) ?? []

            if epubFootnotes {
                if name == "section" && classes.contains("footnotes") {
                    isFootnoteSection = true
                } else if footnoteDepth > 0 && name == "ol" && stack.last?.isFootnoteSection == true {
                    keep = false
                } else if footnoteDepth > 0 && name == "li" && stack.last?.name == "ol" && stack.last?.output == nil {
                    name = "aside"
                    if let id = attributes.first(where: { $0.0 == "id" })?.1, id.hasPrefix("fn-") { pendingLabel = String(id.dropFirst(3)) }
                    extra.append(("epub:type", "footnote"))
                    extra.append(("role", "doc-footnote"))
                } else if name == "a" && attributes.contains(where: { $0.0 == "data-footnote-ref" }) {
                    extra.append(("epub:type", "noteref"))
                    extra.append(("role", "doc-noteref"))
                } else if name == "a" && classes.contains("footnote-backref") {
                    extra.append(("role", "doc-backlink"))
                }
            }
            attributes.removeAll { $0.0.hasPrefix("data-footnote") || $0.0.hasPrefix("on") || !Self.isXMLName($0.0) }

            // Links.
            if name == "a", let index = attributes.firstIndex(where: { $0.0 == "href" }) {
                let href = attributes[index].1
                let decision: LinkDecision = href.hasPrefix("#") ? .keep("#" + mapID(String(href.dropFirst()))) : mapLink(href)
                switch decision {
                case let .keep(url): attributes[index].1 = url
                case .unlink:
                    name = "span"
                    attributes.removeAll { ["href", "rel", "hreflang", "aria-label"].contains($0.0) }
                    extra.removeAll()
                }
            }
            // A link inside a link (an autolink in the text of a raw HTML `<a>`) is not allowed: keep the outer one.
            if name == "a" && stack.contains(where: { $0.output == "a" }) { keep = false }
            // An image the bundle carries points at its copy; any other is never fetched from
            // outside the bundle and becomes its alt text.
            if name == "img" {
                let alt = attributes.first { $0.0 == "alt" }?.1 ?? ""
                guard let source = mapImage(attributes.first { $0.0 == "src" }?.1 ?? "") else {
                    out += "<span class=\"image-missing\">\(Self.escapeAttribute(alt))</span>"
                    continue
                }
                attributes = [("src", source), ("alt", alt)] + attributes.filter { ["width", "height", "class"].contains($0.0) }
            }
            // `align` is obsolete in HTML5 (and invalid in EPUB): use a style.
            if let index = attributes.firstIndex(where: { $0.0 == "align" }) {
                let value = attributes[index].1
                attributes.remove(at: index)
                if ["left", "right", "center", "justify"].contains(value) { attributes.append(("style", "text-align: \(value)")) }
            }
            for index in attributes.indices where attributes[index].0 == "id" {
                attributes[index].1 = mapID(attributes[index].1)
            }
            let isVoid = Self.voidElements.contains(name)
            if keep {
                out += "<" + name
                for (key, value) in attributes + extra { out += " \(key)=\"\(Self.escapeAttribute(value))\"" }
                out += isVoid ? "/>" : ">"
            }
            // The note's number opens its first paragraph, for reading systems that show notes inline.
            if let label = pendingLabel, name != "aside" {
                if name == "p" { out += "<span class=\"footnote-label\">\(Self.escapeAttribute(label)).</span> " }
                pendingLabel = nil
            }
            if !isVoid && !tag.selfClosing {
                stack.append(Open(name: tag.name, output: keep ? name : nil, isFootnoteSection: isFootnoteSection))
                if isFootnoteSection { footnoteDepth += 1 }
            } else if !isVoid && keep {
                out += "</\(name)>"
            }
        }
        flushText(n)
        while let open = stack.popLast() {
            if let name = open.output { out += "</\(name)>" }
        }
        return out
    }

    /// `html` without a leading `<h1>…</h1>` (a document's `index.md` repeats the title the bundle already shows).
    static func droppingLeadingTitle(_ html: String) -> String {
        guard html.hasPrefix("<h1"), let end = html.range(of: "</h1>") else { return html }
        return String(html[end.upperBound...].drop { $0 == "\n" })
    }

    // MARK: - Tags

    struct Tag {
        var name: String
        var isEnd: Bool
        var attributes: [(String, String)]
        var selfClosing: Bool
        /// Index after the closing `>`.
        var end: Int
    }

    /// Parses a tag starting at `start` (`<`), or `nil` when the `<` is text.
    static func parseTag(_ b: [UInt8], at start: Int) -> Tag? {
        let n = b.count
        var i = start + 1
        var isEnd = false
        if i < n, b[i] == UInt8(ascii: "/") { isEnd = true; i += 1 }
        guard i < n, isLetter(b[i]) else { return nil }
        let nameStart = i
        while i < n, isNameByte(b[i]) { i += 1 }
        let name = String(decoding: b[nameStart..<i], as: UTF8.self).lowercased()
        var attributes: [(String, String)] = []
        var selfClosing = false
        while i < n {
            while i < n, isSpace(b[i]) { i += 1 }
            guard i < n else { return nil }
            if b[i] == UInt8(ascii: ">") { return Tag(name: name, isEnd: isEnd, attributes: attributes, selfClosing: selfClosing, end: i + 1) }
            if b[i] == UInt8(ascii: "/") { selfClosing = true; i += 1; continue }
            let attrStart = i
            while i < n, !isSpace(b[i]), b[i] != UInt8(ascii: "="), b[i] != UInt8(ascii: ">"), b[i] != UInt8(ascii: "/") { i += 1 }
            let key = String(decoding: b[attrStart..<i], as: UTF8.self).lowercased()
            guard !key.isEmpty else { i += 1; continue }
            selfClosing = false
            while i < n, isSpace(b[i]) { i += 1 }
            var value = ""
            if i < n, b[i] == UInt8(ascii: "=") {
                i += 1
                while i < n, isSpace(b[i]) { i += 1 }
                if i < n, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") {
                    let quote = b[i]
                    let valueStart = i + 1
                    i += 1
                    while i < n, b[i] != quote { i += 1 }
                    value = decodeEntities(b[valueStart..<min(i, n)])
                    i += 1
                } else {
                    let valueStart = i
                    while i < n, !isSpace(b[i]), b[i] != UInt8(ascii: ">") { i += 1 }
                    value = decodeEntities(b[valueStart..<i])
                }
            }
            if !attributes.contains(where: { $0.0 == key }) { attributes.append((key, value)) }
        }
        return nil
    }

    static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
    static func isNameByte(_ c: UInt8) -> Bool { isLetter(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "-") }
    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C }

    /// Whether `name` is a safe XML attribute name (ASCII letters, digits, `-`, `_`, `.`, one `:` prefix).
    static func isXMLName(_ name: String) -> Bool {
        guard let first = name.utf8.first, isLetter(first) || first == UInt8(ascii: "_") else { return false }
        return name.utf8.allSatisfy { isNameByte($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") }
    }

    // MARK: - Text

    /// Escapes text for XML, turning named entities into characters and bare `&` into `&amp;`.
    static func escapeText(_ bytes: ArraySlice<UInt8>) -> String {
        escapeXML(decodeEntities(bytes), quotes: false)
    }

    static func escapeAttribute(_ value: String) -> String { escapeXML(value, quotes: true) }

    /// Escapes `&`, `<`, `>` (and `"` when `quotes`) and drops characters XML forbids.
    static func escapeXML(_ text: String, quotes: Bool) -> String {
        var needs = false
        for scalar in text.unicodeScalars where scalar == "&" || scalar == "<" || scalar == ">" || (quotes && scalar == "\"") || !isXMLChar(scalar) {
            needs = true
            break
        }
        guard needs else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            default: if isXMLChar(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    static func isXMLChar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
    }

    /// Decodes character references (`&amp;`, `&#8212;`, `&mdash;` …) into characters; unknown
    /// names stay as literal text.
    static func decodeEntities(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var out = ""
        var i = bytes.startIndex
        var runStart = i
        while i < bytes.endIndex {
            guard bytes[i] == UInt8(ascii: "&") else { i += 1; continue }
            var j = i + 1
            while j < bytes.endIndex, j - i < 12, bytes[j] != UInt8(ascii: ";"), bytes[j] != UInt8(ascii: "&"), !isSpace(bytes[j]) { j += 1 }
            guard j < bytes.endIndex, bytes[j] == UInt8(ascii: ";") else { i += 1; continue }
            let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
            var scalar: Unicode.Scalar?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if name.hasPrefix("#") {
                scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
            } else {
                scalar = namedEntities[name].flatMap(Unicode.Scalar.init)
            }
            guard let scalar, isXMLChar(scalar) else { i += 1; continue }
            out += String(decoding: bytes[runStart..<i], as: UTF8.self)
            out.unicodeScalars.append(scalar)
            i = j + 1
            runStart = i
        }
        out += String(decoding: bytes[runStart..<bytes.endIndex], as: UTF8.self)
        return out
    }

    /// The named character references seen in converted documents.
    static let namedEntities: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0, "ensp": 0x2002, "emsp": 0x2003,
        "thinsp": 0x2009, "ndash": 0x2013, "mdash": 0x2014, "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A,
        "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E, "hellip": 0x2026, "bull": 0x2022, "middot": 0xB7,
        "copy": 0xA9, "reg": 0xAE, "trade": 0x2122, "deg": 0xB0, "plusmn": 0xB1, "times": 0xD7, "divide": 0xF7,
        "euro": 0x20AC, "pound": 0xA3, "yen": 0xA5, "cent": 0xA2, "sect": 0xA7, "para": 0xB6, "shy": 0xAD,
        "laquo": 0xAB, "raquo": 0xBB, "lsaquo": 0x2039, "rsaquo": 0x203A, "dagger": 0x2020, "Dagger": 0x2021,
        "permil": 0x2030, "prime": 0x2032, "Prime": 0x2033, "larr": 0x2190, "rarr": 0x2192, "uarr": 0x2191,
        "darr": 0x2193, "harr": 0x2194, "le": 0x2264, "ge": 0x2265, "ne": 0x2260, "asymp": 0x2248, "minus": 0x2212,
        "frac12": 0xBD, "frac14": 0xBC, "frac34": 0xBE, "sup1": 0xB9, "sup2": 0xB2, "sup3": 0xB3, "micro": 0xB5,
        "zwj": 0x200D, "zwnj": 0x200C, "iexcl": 0xA1, "iquest": 0xBF, "eacute": 0xE9, "egrave": 0xE8, "auml": 0xE4,
        "ouml": 0xF6, "uuml": 0xFC, "Auml": 0xC4, "Ouml": 0xD6, "Uuml": 0xDC, "szlig": 0xDF, "ccedil": 0xE7,
        "aacute": 0xE1, "oacute": 0xF3, "iacute": 0xED, "uacute": 0xFA, "ntilde": 0xF1, "agrave": 0xE0, "acirc": 0xE2,
        "ecirc": 0xEA, "ocirc": 0xF4, "check": 0x2713, "hearts": 0x2665, "larrow": 0x2190,
    ]
}

/// Ids valid in XML (and so in EPUB): an XML name without colons. Slugs that start with a digit
/// (`1-introduction`) get an `h` prefix; other characters outside names become `-`.
enum XMLID {
    static func make(_ id: String) -> String {
        var out = ""
        for scalar in id.unicodeScalars {
            let v = scalar.value
            let ok = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x2D || v == 0x2E || v == 0x5F || v >= 0xC0
            out.unicodeScalars.append(ok ? scalar : "-")
        }
        guard let first = out.unicodeScalars.first else { return "id" }
        let v = first.value
        let startsWell = (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F || v >= 0xC0
        return startsWell ? out : "h" + out
    }
}
