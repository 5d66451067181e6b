import Foundation

/// A file of the written index: a path under `search/` and its JavaScript text.
public struct SearchIndexFile: Sendable, Equatable {
    public var path: String
    public var text: String
}

extension SearchIndex {
    /// Format version written into `meta.js`; `search.js` refuses other versions.
    public static let formatVersion = 1

    /// The shard key of `term`: its first two characters, or three when that two-character shard
    /// is split.
    static func shardKey(_ term: String, split: Set<String>) -> String {
        let two = String(term.prefix(2))
        if split.contains(two), term.count > 2 { return String(term.prefix(3)) }
        return two
    }

    /// The file name of a shard: the key itself when it is plain ASCII, else `_` and its UTF-8 in hex.
    /// `search.js` computes the same name.
    public static func shardFileName(_ key: String) -> String {
        if key.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) }) { return key }
        return "_" + key.utf8.map { String(format: "%02x", $0) }.joined()
    }

    /// Encodes postings as `delta[:weight]` items joined by commas, numbers in base 36, weight
    /// omitted when 1.
    static func encode(_ postings: [Posting]) -> String {
        var out = ""
        var previous = 0
        for (i, p) in postings.enumerated() {
            if i > 0 { out += "," }
            out += String(p.section - previous, radix: 36)
            if p.weight != 1 { out += ":" + String(min(p.weight, 1295), radix: 36) }
            previous = p.section
        }
        return out
    }

    /// The index as files under `search/index/`: `meta.js`, `s/<shard>.js` and `f/<n>.js`.
    public func files() -> [SearchIndexFile] {
        // Group terms by two-character key, then split the large groups.
        var byKey: [String: [String]] = [:]
        var encoded: [String: String] = [:]
        for (term, list) in postings {
            encoded[term] = Self.encode(list)
            byKey[String(term.prefix(2)), default: []].append(term)
        }
        var split: Set<String> = []
        for (key, terms) in byKey {
            let size = terms.reduce(0) { $0 + $1.utf8.count + (encoded[$1]?.utf8.count ?? 0) + 6 }
            if size > Self.shardSplitBytes { split.insert(key) }
        }
        var shards: [String: [String]] = [:]
        for term in postings.keys { shards[Self.shardKey(term, split: split), default: []].append(term) }

        var files: [SearchIndexFile] = []
        for (key, terms) in shards.sorted(by: { $0.key < $1.key }) {
            // Front-coded: each entry is one base-36 digit (characters shared with the previous
            // term), the rest of the term, `=`, the postings; entries joined by `;`.
            var body = ""
            var previous: [Character] = []
            for term in terms.sorted() {
                let chars = Array(term)
                var shared = 0
                while shared < min(35, chars.count, previous.count) && chars[shared] == previous[shared] { shared += 1 }
                if !body.isEmpty { body += ";" }
                body += String(shared, radix: 36) + String(chars[shared...]) + "=" + (encoded[term] ?? "")
                previous = chars
            }
            files.append(SearchIndexFile(path: "index/s/\(Self.shardFileName(key)).js", text: "folioSearch.register(\(Self.json(key)),\(Self.json(body)));\n"))
        }

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
            "shards":\(Self.json(shards.keys.sorted().joined(separator: " "))),\
            "split":\(Self.json(split.sorted().joined(separator: " "))),\
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
