import Foundation

/// A file of the written index: a path under `search/` and its JavaScript text.
public struct SearchIndexFile: Sendable, Equatable {
    public var path: String
    public var text: String
}

extension SearchIndex {
    /// Format version written into `meta.js`; `search.js` refuses other versions.
    public static let formatVersion = 1

    /// Encodes postings as `delta[:weight]` items joined by commas, numbers in base 36, weight
    /// omitted when 1.
    static func encode(_ postings: [Posting]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(postings.count * 4)
        var previous = 0
        for (i, p) in postings.enumerated() {
            if i > 0 { out.append(0x2C) }
            appendBase36(p.section - previous, to: &out)
            if p.weight != 1 {
                out.append(0x3A)
                appendBase36(min(p.weight, 1295), to: &out)
            }
            previous = p.section
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `number` in lower-case base 36, as `String(number, radix: 36)` writes it.
    static func appendBase36(_ number: Int, to out: inout [UInt8]) {
        if number < 0 { out.append(0x2D) }
        var value = number.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                let digit = UInt8(value % 36)
                buffer[count] = digit < 10 ? 0x30 + digit : 0x57 + digit
                count += 1
                value /= 36
            } while value > 0
            for k in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[k]) }
        }
    }

    /// Orders terms as JavaScript compares strings (UTF-16 code units), so the browser's binary
    /// search over shard boundaries agrees with the order written here.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }

    /// The index as files under `search/index/`: `meta.js`, `s/<n>.js` and `f/<n>.js`.
    public func files() -> [SearchIndexFile] {
        // Shards hold runs of sorted terms of about `shardTargetBytes`; `meta.js` lists the first
        // term of each, so a term (or a prefix) is found by binary search.
        let terms = postings.keys.map { (Array($0.utf16), $0) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
        var shards: [[(term: String, entry: String)]] = []
        var size = 0
        // The previous term in the shard: its bytes when it is ASCII, else its characters.
        var previous: [Character]? = nil
        var previousBytes: [UInt8] = []
        var previousIsASCII = true
        for term in terms {
            // Front-coded: one base-36 digit (characters shared with the previous term in the
            // shard), the rest of the term, `=`, the postings; entries joined by `;`.
            if shards.isEmpty || size >= Self.shardTargetBytes {
                shards.append([])
                size = 0
                previous = nil
                previousBytes = []
                previousIsASCII = true
            }
            let entry: String
            if term.utf8.allSatisfy({ $0 < 0x80 }) && previousIsASCII {
                // ASCII: one byte per character.
                let bytes = Array(term.utf8)
                var shared = 0
                while shared < min(35, bytes.count, previousBytes.count) && bytes[shared] == previousBytes[shared] { shared += 1 }
                entry = String(shared, radix: 36) + String(decoding: bytes[shared...], as: UTF8.self) + "=" + Self.encode(postings[term] ?? [])
                previousBytes = bytes
                previous = nil
            } else {
                let chars = Array(term)
                let before = previous ?? previousBytes.map { Character(Unicode.Scalar($0)) }
                var shared = 0
                while shared < min(35, chars.count, before.count) && chars[shared] == before[shared] { shared += 1 }
                entry = String(shared, radix: 36) + String(chars[shared...]) + "=" + Self.encode(postings[term] ?? [])
                previous = chars
                previousIsASCII = term.utf8.allSatisfy { $0 < 0x80 }
                previousBytes = previousIsASCII ? Array(term.utf8) : []
            }
            shards[shards.count - 1].append((term, entry))
            size += entry.utf8.count + 1
        }
        var files: [SearchIndexFile] = []
        for (n, shard) in shards.enumerated() {
            let body = shard.map(\.entry).joined(separator: ";")
            files.append(SearchIndexFile(path: "index/s/\(n).js", text: "folioSearch.register(\(n),\(Self.json(body)));\n"))
        }
        let shardStarts = "[" + shards.map { Self.json($0.first?.term ?? "") }.joined(separator: ",") + "]"

        // Fragments: a table of the pages they mention ([url, title, group]), then one entry per
        // section: [page, anchor, heading, excerpt].
        var fragment = 0
        var start = 0
        while start < sections.count {
            let end = min(start + Self.fragmentSize, sections.count)
            var pageSlots: [Int: Int] = [:]
            var pages: [String] = []
            var items: [String] = []
            for i in start..<end {
                let s = sections[i]
                let (file, anchor) = Self.splitURL(s.url)
                if pageSlots[s.page] == nil {
                    pageSlots[s.page] = pages.count
                    pages.append("[" + [file, s.title, s.group].map(Self.json).joined(separator: ",") + "]")
                }
                items.append("[\(pageSlots[s.page] ?? 0)," + [anchor, s.heading ?? "", excerpts[i]].map(Self.json).joined(separator: ",") + "]")
            }
            files.append(SearchIndexFile(path: "index/f/\(fragment).js", text: "folioSearch.fragment(\(fragment),[\n\(pages.joined(separator: ",\n"))\n],[\n\(items.joined(separator: ",\n"))\n]);\n"))
            fragment += 1
            start = end
        }

        var pageStarts: [Int] = []
        var lastPage = -1
        for (i, s) in sections.enumerated() where s.page != lastPage {
            pageStarts.append(i)
            lastPage = s.page
        }
        let meta = """
            folioSearch.meta({"version":\(Self.formatVersion),"sections":\(sections.count),"fragmentSize":\(Self.fragmentSize),\
            "shards":\(shardStarts),\
            "pages":\(Self.json(pageStarts.map { String($0, radix: 36) }.joined(separator: ","))),\
            "lengths":\(Self.json(lengths.map { String(min($0, 1295), radix: 36) }.joined(separator: ","))),\
            "stopWords":\(Self.json(SearchTokenizer.stopWords.sorted().joined(separator: " ")))});

            """
        files.append(SearchIndexFile(path: "index/meta.js", text: meta))
        return files
    }

    /// `page/index.html#anchor` → (`page/index.html`, `anchor`).
    static func splitURL(_ url: String) -> (String, String) {
        guard let hash = url.firstIndex(of: "#") else { return (url, "") }
        return (String(url[..<hash]), String(url[url.index(after: hash)...]))
    }

    /// A JSON string literal, safe inside a `<script>` file.
    static func json(_ string: String) -> String {
        // Most strings need no escape: no quote, backslash, `<`, control character or U+2028/9
        // (whose UTF-8 starts with 0xE2).
        if !string.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0xE2 }) {
            return "\"" + string + "\""
        }
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
