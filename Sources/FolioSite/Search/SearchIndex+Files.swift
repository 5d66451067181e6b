import FolioCore
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
        String(decoding: encodeBytes(postings), as: UTF8.self)
    }

    /// ``encode(_:)`` as UTF-8 bytes.
    static func encodeBytes(_ postings: [Posting]) -> [UInt8] {
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
        return out
    }

    /// Appends `number` in lower-case base 36, as `String(number, radix: 36)` writes it.
    static func appendBase36(_ number: Int, to out: inout [UInt8]) {
        NumberText.append(number, radix: 36, to: &out)
    }

    /// Orders terms as JavaScript compares strings (UTF-16 code units), so the browser's binary
    /// search over shard boundaries agrees with the order written here.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }

    /// `terms` in the order of ``precedes(_:_:)``. UTF-8 bytes compare as UTF-16 code units do
    /// unless a character from U+E000 on is involved (surrogates sort below it in UTF-16), so
    /// the terms are compared as bytes, in one buffer, and as UTF-16 only when one of the two
    /// has such a character.
    static func sortedAsJavaScript(_ terms: [String]) -> [String] {
        var bytes: [UInt8] = []
        var starts: [Int] = [0]
        var plain: [Bool] = []
        starts.reserveCapacity(terms.count + 1)
        plain.reserveCapacity(terms.count)
        for term in terms {
            var isPlain = true
            for byte in term.utf8 {
                bytes.append(byte)
                if byte >= 0xEE { isPlain = false }
            }
            starts.append(bytes.count)
            plain.append(isPlain)
        }
        var order = Array(terms.indices)
        bytes.withUnsafeBufferPointer { buffer in
            order.sort { a, b in
                guard plain[a], plain[b] else { return precedes(terms[a], terms[b]) }
                let lengthA = starts[a + 1] - starts[a], lengthB = starts[b + 1] - starts[b]
                let common = min(lengthA, lengthB)
                if common > 0 {
                    let compared = memcmp(buffer.baseAddress! + starts[a], buffer.baseAddress! + starts[b], common)
                    if compared != 0 { return compared < 0 }
                }
                return lengthA < lengthB
            }
        }
        return order.map { terms[$0] }
    }

    /// The index as files under `search/index/`: `s/<n>.js`, `f/<n>.js` and `meta.js`.
    public func files() -> [SearchIndexFile] {
        var files: [SearchIndexFile] = []
        writeFiles { files.append($0) }
        return files
    }

    /// Terms (or sections) encoded on all cores at a time: the files are made and handed on a
    /// batch at a time, so the index is never held whole as text.
    static let fileBatchSize = 16_384

    /// Hands each file of ``files()`` to `write` as soon as it is made, in the same order, so a
    /// site's index (a hundred megabytes of text at 10,000 articles) is never held whole.
    public func writeFiles(_ write: (SearchIndexFile) throws -> Void) rethrows {
        try writeFileBatches { batch in
            for file in batch { try write(file) }
        }
    }

    /// Hands the files of ``files()`` to `write` a batch at a time, in the same order, so the
    /// caller can write a batch's files side by side and the index is never held whole. The
    /// postings and the fragments are encoded on all cores, a batch at a time; only the front
    /// coding of the sorted terms, which decides where shards end, runs in order.
    public func writeFileBatches(_ write: ([SearchIndexFile]) throws -> Void) rethrows {
        // Shards hold runs of sorted terms of about `shardTargetBytes`; `meta.js` lists the first
        // term of each, so a term (or a prefix) is found by binary search.
        let terms = Self.sortedAsJavaScript(Array(postings.keys))
        let chunkCount = max(1, ProcessInfo.processInfo.activeProcessorCount * 4)
        var shardStarts: [String] = []
        var body: [UInt8] = []
        // The previous term in the shard: its bytes when it is ASCII, else its characters.
        var previous: [Character]? = nil
        var previousBytes: [UInt8] = []
        var previousIsASCII = true
        // The shards closed in the current batch of terms.
        var closed: [SearchIndexFile] = []
        for batchStart in stride(from: 0, to: terms.count, by: Self.fileBatchSize) {
            if !closed.isEmpty { try write(closed) }
            closed.removeAll()
            let batch = batchStart..<min(batchStart + Self.fileBatchSize, terms.count)
            let chunks = (0..<chunkCount).map { c in (batch.lowerBound + c * batch.count / chunkCount)..<(batch.lowerBound + (c + 1) * batch.count / chunkCount) }
            let encoded = ConcurrentMap.map(chunks) { range in range.map { Self.encodeBytes(postings[terms[$0]] ?? []) } }.flatMap { $0 }
            for (term, postingBytes) in zip(terms[batch], encoded) {
                // Front-coded: one base-36 digit (characters shared with the previous term in the
                // shard), the rest of the term, `=`, the postings; entries joined by `;`.
                if shardStarts.isEmpty || body.count + 1 >= Self.shardTargetBytes {
                    if !shardStarts.isEmpty { closed.append(Self.shardFile(shardStarts.count - 1, body: body)) }
                    shardStarts.append(term)
                    body.removeAll(keepingCapacity: true)
                    previous = nil
                    previousBytes = []
                    previousIsASCII = true
                } else {
                    body.append(0x3B)
                }
                let isASCII = term.utf8.allSatisfy { $0 < 0x80 }
                if isASCII && previousIsASCII {
                    // ASCII: one byte per character.
                    let bytes = Array(term.utf8)
                    var shared = 0
                    while shared < min(35, bytes.count, previousBytes.count) && bytes[shared] == previousBytes[shared] { shared += 1 }
                    Self.appendBase36(shared, to: &body)
                    Self.appendEscaped(bytes[shared...], to: &body)
                    previousBytes = bytes
                    previous = nil
                } else {
                    let chars = Array(term)
                    let before = previous ?? previousBytes.map { Character(Unicode.Scalar($0)) }
                    var shared = 0
                    while shared < min(35, chars.count, before.count) && chars[shared] == before[shared] { shared += 1 }
                    Self.appendBase36(shared, to: &body)
                    Self.appendEscaped(String(chars[shared...]).utf8, to: &body)
                    previous = chars
                    previousIsASCII = isASCII
                    previousBytes = isASCII ? Array(term.utf8) : []
                }
                body.append(0x3D)
                body += postingBytes
            }
        }
        if !shardStarts.isEmpty { closed.append(Self.shardFile(shardStarts.count - 1, body: body)) }
        if !closed.isEmpty { try write(closed) }

        // Fragments: a table of the pages they mention ([url, title, group]), then one entry per
        // section: [page, anchor, heading, excerpt].
        let fragments = Array(stride(from: 0, to: sections.count, by: Self.fragmentSize).enumerated())
        let fragmentBatch = Self.fileBatchSize / Self.fragmentSize
        for batchStart in stride(from: 0, to: fragments.count, by: fragmentBatch) {
            let batch = Array(fragments[batchStart..<min(batchStart + fragmentBatch, fragments.count)])
            try write(ConcurrentMap.map(batch) { fragment, start in self.fragmentFile(fragment, start: start) })
        }

        var pageStarts: [Int] = []
        var lastPage = -1
        for (i, s) in sections.enumerated() where s.page != lastPage {
            pageStarts.append(i)
            lastPage = s.page
        }
        let meta = """
            folioSearch.meta({"version":\(Self.formatVersion),"sections":\(sections.count),"fragmentSize":\(Self.fragmentSize),\
            "shards":\("[" + shardStarts.map(Self.json).joined(separator: ",") + "]"),\
            "pages":\(Self.json(pageStarts.map { String($0, radix: 36) }.joined(separator: ","))),\
            "lengths":\(Self.json(lengths.map { String(min($0, 1295), radix: 36) }.joined(separator: ","))),\
            "stopWords":\(Self.json(SearchTokenizer.stopWords.sorted().joined(separator: " ")))});

            """
        try write([SearchIndexFile(path: "index/meta.js", text: meta)])
    }

    /// Shard number `n`, whose body holds its terms escaped already and otherwise digits and `;=,:`.
    private static func shardFile(_ n: Int, body: [UInt8]) -> SearchIndexFile {
        var text = Array("folioSearch.register(\(n),\"".utf8)
        text.reserveCapacity(body.count + 64)
        text += body
        text += "\");\n".utf8
        return SearchIndexFile(path: "index/s/\(n).js", text: String(decoding: text, as: UTF8.self))
    }

    /// Fragment number `fragment`, of the sections from `start`.
    private func fragmentFile(_ fragment: Int, start: Int) -> SearchIndexFile {
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
        return SearchIndexFile(path: "index/f/\(fragment).js", text: "folioSearch.fragment(\(fragment),[\n\(pages.joined(separator: ",\n"))\n],[\n\(items.joined(separator: ",\n"))\n]);\n")
    }

    /// `page/index.html#anchor` → (`page/index.html`, `anchor`).
    static func splitURL(_ url: String) -> (String, String) {
        guard let hash = url.firstIndex(of: "#") else { return (url, "") }
        return (String(url[..<hash]), String(url[url.index(after: hash)...]))
    }

    /// A JSON string literal, safe inside a `<script>` file.
    static func json(_ string: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(string.utf8.count + 2)
        appendJSON(string.utf8, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 text `bytes` as a JSON string literal that is safe inside a `<script>`
    /// file: quotes, backslashes and control characters escaped, `<` as `\u003c` (no `</script>`),
    /// and U+2028 and U+2029, which end a line in older JavaScript, as `\u2028` and `\u2029`.
    /// Works on bytes: no escaped character is part of a longer UTF-8 sequence.
    static func appendJSON(_ bytes: some Collection<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        appendEscaped(bytes, to: &out)
        out.append(0x22)
    }

    /// Appends the UTF-8 text `bytes` escaped as in ``appendJSON(_:to:)``, without the quotes.
    static func appendEscaped(_ bytes: some Collection<UInt8>, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        var iterator = bytes.makeIterator()
        var pending: [UInt8] = []
        while let byte = pending.isEmpty ? iterator.next() : pending.removeFirst() {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x3C: out += Array("\\u003c".utf8)
            case 0..<0x20: out += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                guard let second = iterator.next() else { out.append(byte); continue }
                guard second == 0x80, let third = iterator.next() else { out.append(byte); pending = [second]; continue }
                if third == 0xA8 || third == 0xA9 {
                    out += Array("\\u202".utf8)
                    out.append(third == 0xA8 ? 0x38 : 0x39)
                } else {
                    out += [byte, second]
                    pending = [third]
                }
            default: out.append(byte)
            }
        }
    }
}
