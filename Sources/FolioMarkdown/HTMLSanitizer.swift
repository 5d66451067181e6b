import FolioCore
import Foundation

/// Rewrites raw HTML from content so that only allow-listed tags and attributes reach the site:
/// no `<script>`, no `on…=` handlers, no `javascript:` URLs, no `style`. Every tag in the output
/// is one the sanitizer wrote itself; any other `<` is escaped.
public struct HTMLSanitizer: Sendable {
    /// What was removed, for diagnostics.
    public struct Removal: Sendable, Equatable {
        public var what: String
    }

    /// Tags that may appear, each with its allowed attributes.
    public static let allowedTags: [String: Set<String>] = {
        let common: Set<String> = ["id", "class", "lang", "title", "dir", "role", "aria-label", "aria-hidden"]
        var tags: [String: Set<String>] = [:]
        for tag in ["p", "div", "span", "section", "aside", "figure", "figcaption", "blockquote", "em", "strong", "b", "i", "u",
                    "s", "del", "ins", "mark", "small", "sub", "sup", "code", "kbd", "pre", "abbr", "cite", "q", "dfn",
                    "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tfoot", "tr", "br", "hr",
                    "details", "summary", "time", "wbr", "ruby", "rt", "rp", "bdi", "bdo", "nav", "header", "footer"] {
            tags[tag] = common
        }
        tags["a"] = common.union(["href", "rel", "hreflang"])
        tags["img"] = common.union(["src", "alt", "width", "height", "loading"])
        tags["th"] = common.union(["colspan", "rowspan", "scope", "align"])
        tags["td"] = common.union(["colspan", "rowspan", "align"])
        tags["ol"] = common.union(["start", "reversed", "type"])
        tags["time"] = common.union(["datetime"])
        return tags
    }()

    /// Tags whose whole content is dropped along with them.
    static let droppedWithContent: Set<String> = ["script", "style", "iframe", "object", "embed", "noscript", "template", "textarea", "xmp", "noembed", "noframes", "plaintext", "svg", "math"]

    public init() {}

    /// Sanitizes one fragment of raw HTML.
    public func sanitize(_ html: String) -> (html: String, removed: [Removal]) {
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var removed: [Removal] = []
        var index = html.startIndex
        var skipUntilClose: String?
        while index < html.endIndex {
            let ch = html[index]
            guard ch == "<" else {
                if skipUntilClose == nil {
                    if ch == ">" { out += "&gt;" } else { out.append(ch) }
                }
                index = html.index(after: index)
                continue
            }
            // Comments are dropped whole.
            if html[index...].hasPrefix("<!--") {
                if let end = html.range(of: "-->", range: index..<html.endIndex) {
                    index = end.upperBound
                } else {
                    index = html.endIndex
                }
                continue
            }
            guard let tag = Self.parseTag(html, at: index) else {
                if skipUntilClose == nil { out += "&lt;" }
                index = html.index(after: index)
                continue
            }
            index = tag.end
            if let skipping = skipUntilClose {
                if tag.closing && tag.name == skipping { skipUntilClose = nil }
                continue
            }
            if Self.droppedWithContent.contains(tag.name) {
                removed.append(Removal(what: "<\(tag.name)> element"))
                if !tag.closing && !tag.selfClosing { skipUntilClose = tag.name }
                continue
            }
            guard let allowed = Self.allowedTags[tag.name] else {
                removed.append(Removal(what: "<\(tag.name)> tag"))
                continue
            }
            if tag.closing {
                out += "</\(tag.name)>"
                continue
            }
            out += "<\(tag.name)"
            for (name, value) in tag.attributes {
                if name.hasPrefix("on") {
                    removed.append(Removal(what: "`\(name)` event handler"))
                    continue
                }
                guard allowed.contains(name) else {
                    removed.append(Removal(what: "`\(name)` attribute on <\(tag.name)>"))
                    continue
                }
                if name == "href" || name == "src" {
                    guard URLSafety.isSafe(value, allowDataImages: name == "src") else {
                        removed.append(Removal(what: "unsafe URL in `\(name)`"))
                        continue
                    }
                }
                out += " \(name)=\"\(Self.escapeAttribute(value))\""
            }
            out += tag.selfClosing ? " />" : ">"
        }
        return (out, removed)
    }

    struct ParsedTag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var attributes: [(String, String)]
        var end: String.Index
    }

    /// Parses `<name attr="v" …>` or `</name>` starting at `start`; `nil` if it is not a tag.
    static func parseTag(_ s: String, at start: String.Index) -> ParsedTag? {
        let u = s.unicodeScalars
        var i = u.index(after: start)
        var closing = false
        if i < u.endIndex && u[i] == "/" {
            closing = true
            i = u.index(after: i)
        }
        var name = ""
        while i < u.endIndex, CharacterSetASCII.isLetterOrDigit(u[i]) || u[i] == "-" {
            name.unicodeScalars.append(u[i])
            i = u.index(after: i)
        }
        guard let first = name.unicodeScalars.first, CharacterSetASCII.isLetter(first) else { return nil }
        var attributes: [(String, String)] = []
        var selfClosing = false
        while i < u.endIndex {
            let c = u[i]
            if c == ">" {
                return ParsedTag(name: name.lowercased(), closing: closing, selfClosing: selfClosing, attributes: attributes, end: u.index(after: i))
            }
            if c == "/" {
                selfClosing = true
                i = u.index(after: i)
                continue
            }
            if c == " " || c == "\n" || c == "\t" || c == "\r" {
                i = u.index(after: i)
                continue
            }
            if c == "<" { return nil }
            selfClosing = false
            var attrName = ""
            while i < u.endIndex, !" \n\t\r=>/".unicodeScalars.contains(u[i]) {
                attrName.unicodeScalars.append(u[i])
                i = u.index(after: i)
            }
            while i < u.endIndex, u[i] == " " { i = u.index(after: i) }
            var value = ""
            if i < u.endIndex, u[i] == "=" {
                i = u.index(after: i)
                while i < u.endIndex, u[i] == " " { i = u.index(after: i) }
                if i < u.endIndex, u[i] == "\"" || u[i] == "'" {
                    let quote = u[i]
                    i = u.index(after: i)
                    while i < u.endIndex, u[i] != quote {
                        value.unicodeScalars.append(u[i])
                        i = u.index(after: i)
                    }
                    guard i < u.endIndex else { return nil }
                    i = u.index(after: i)
                } else {
                    while i < u.endIndex, !" \n\t\r>".unicodeScalars.contains(u[i]) {
                        value.unicodeScalars.append(u[i])
                        i = u.index(after: i)
                    }
                }
            }
            if attrName.isEmpty {
                i = u.index(after: i)
                continue
            }
            attributes.append((attrName.lowercased(), decodeEntities(value)))
        }
        return nil
    }

    static func escapeAttribute(_ value: String) -> String { HTMLEscaping.escape(value) }

    /// Decodes the few entities that matter for URL safety checks (`&#106;avascript:` tricks).
    static func decodeEntities(_ value: String) -> String {
        guard value.contains("&") else { return value }
        var out = ""
        var i = value.startIndex
        while i < value.endIndex {
            if value[i] == "&", let semi = value[i...].firstIndex(of: ";"), value.distance(from: i, to: semi) < 10 {
                let entity = value[value.index(after: i)..<semi]
                var decoded: String?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let n = UInt32(entity.dropFirst(2), radix: 16), let sc = Unicode.Scalar(n) {
                    decoded = String(Character(sc))
                } else if entity.hasPrefix("#"), let n = UInt32(entity.dropFirst()), let sc = Unicode.Scalar(n) {
                    decoded = String(Character(sc))
                } else {
                    decoded = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "Tab": "\t", "NewLine": "\n"][String(entity)]
                }
                if let decoded {
                    out += decoded
                    i = value.index(after: semi)
                    continue
                }
            }
            out.append(value[i])
            i = value.index(after: i)
        }
        return out
    }
}

/// Decides whether a URL may appear in the site.
public enum URLSafety {
    /// `false` for `javascript:`, `vbscript:`, `file:` and `data:` URLs (except `data:image/` when allowed).
    /// Control characters and whitespace inside the scheme are ignored, as browsers do.
    public static func isSafe(_ url: String, allowDataImages: Bool = false) -> Bool {
        let compact = String(url.unicodeScalars.filter { $0.value > 0x20 }).lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where compact.hasPrefix(scheme) { return false }
        if compact.hasPrefix("data:") { return allowDataImages && compact.hasPrefix("data:image/") && !compact.hasPrefix("data:image/svg") }
        return true
    }
}

enum CharacterSetASCII {
    static func isLetter(_ c: Unicode.Scalar) -> Bool { (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
    static func isLetterOrDigit(_ c: Unicode.Scalar) -> Bool { isLetter(c) || (c >= "0" && c <= "9") }
}
