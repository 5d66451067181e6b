import Foundation

/// The ids an HTML document defines and the URLs it points to, found in one linear byte scan.
/// Used on the final pages of `Site/` (layout included), where links come from templates too.
public struct HTMLFacts: Sendable, Equatable {
    /// Every `id="…"` value.
    public var ids: Set<String>
    /// Every `href="…"` and `src="…"` value, with the 1-based line it is on, in order.
    public var references: [Reference]

    /// One `href` or `src` value.
    public struct Reference: Sendable, Equatable {
        public var url: String
        public var line: Int

        public init(url: String, line: Int) {
            self.url = url
            self.line = line
        }
    }

    public init(ids: Set<String>, references: [Reference]) {
        self.ids = ids
        self.references = references
    }

    /// Scans `html`. Attribute values are taken verbatim, with `&amp;` decoded.
    public static func scan(_ html: String) -> HTMLFacts {
        var ids = Set<String>()
        var refs: [Reference] = []
        var line = 1
        var utf8 = Array(html.utf8)
        utf8.append(0)
        let n = utf8.count - 1
        var i = 0
        func value(from start: Int) -> (String, Int) {
            var j = start
            while j < n, utf8[j] != 0x22 { j += 1 }
            var text = String(decoding: utf8[start..<j], as: UTF8.self)
            if utf8[start..<j].contains(0x26), text.contains("&amp;") { text = text.replacingAmpersands() }
            return (text, j)
        }
        while i < n {
            let b = utf8[i]
            if b == 0x0A { line += 1 }
            if b == 0x20 || b == 0x0A || b == 0x09 {
                // ` id="`, ` href="`, ` src="`
                if utf8[i + 1] == 0x69, utf8[i + 2] == 0x64, utf8[i + 3] == 0x3D, utf8[i + 4] == 0x22 {
                    let (v, end) = value(from: i + 5)
                    ids.insert(v)
                    i = end
                } else if utf8[i + 1] == 0x68, utf8[i + 2] == 0x72, utf8[i + 3] == 0x65, utf8[i + 4] == 0x66, utf8[i + 5] == 0x3D, utf8[i + 6] == 0x22 {
                    let (v, end) = value(from: i + 7)
                    refs.append(Reference(url: v, line: line))
                    i = end
                } else if utf8[i + 1] == 0x73, utf8[i + 2] == 0x72, utf8[i + 3] == 0x63, utf8[i + 4] == 0x3D, utf8[i + 5] == 0x22 {
                    let (v, end) = value(from: i + 6)
                    refs.append(Reference(url: v, line: line))
                    i = end
                }
            }
            i += 1
        }
        return HTMLFacts(ids: ids, references: refs)
    }
}

extension String {
    fileprivate func replacingAmpersands() -> String {
        var out = ""
        var rest = self[...]
        while let r = rest.range(of: "&amp;") {
            out += rest[..<r.lowerBound]
            out += "&"
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}
