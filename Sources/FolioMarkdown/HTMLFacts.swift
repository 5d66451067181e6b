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
        var html = html
        // The string's own bytes, read in place (a page is scanned once, where it is written).
        return html.withUTF8 { scan(bytes: $0) }
    }

    private static func scan(bytes utf8: UnsafeBufferPointer<UInt8>) -> HTMLFacts {
        var ids = Set<String>()
        var refs: [Reference] = []
        var line = 1
        let n = utf8.count
        /// The byte at `k`, or 0 past the end (no attribute name holds one).
        func at(_ k: Int) -> UInt8 { k < n ? utf8[k] : 0 }
        func value(from start: Int) -> (String, Int) {
            var j = start
            while j < n, utf8[j] != 0x22 { j += 1 }
            let bytes = UnsafeBufferPointer(rebasing: utf8[start..<max(start, j)])
            var text = String(decoding: bytes, as: UTF8.self)
            if bytes.contains(0x26), text.contains("&amp;") { text = text.replacingAmpersands() }
            return (text, j)
        }
        var i = 0
        while i < n {
            let b = utf8[i]
            if b == 0x0A { line += 1 }
            if b == 0x20 || b == 0x0A || b == 0x09 {
                // ` id="`, ` href="`, ` src="`
                if at(i + 1) == 0x69, at(i + 2) == 0x64, at(i + 3) == 0x3D, at(i + 4) == 0x22 {
                    let (v, end) = value(from: i + 5)
                    ids.insert(v)
                    i = end
                } else if at(i + 1) == 0x68, at(i + 2) == 0x72, at(i + 3) == 0x65, at(i + 4) == 0x66, at(i + 5) == 0x3D, at(i + 6) == 0x22 {
                    let (v, end) = value(from: i + 7)
                    refs.append(Reference(url: v, line: line))
                    i = end
                } else if at(i + 1) == 0x73, at(i + 2) == 0x72, at(i + 3) == 0x63, at(i + 4) == 0x3D, at(i + 5) == 0x22 {
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
