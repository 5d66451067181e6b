/// Technologies named in a coordination that shares its words: "solar and wind power" names
/// solar power, "lithium-ion and sodium-ion batteries" names lithium-ion batteries, and in
/// "solar, wind and hydropower" the bare "solar" and "wind" are energy sources like the
/// hydropower they are listed with.
///
/// Only spellings the vocabulary holds are taken: an item is a technology when the item followed
/// by the matched term's last words is one of its aliases, or, for a bare item in a list with an
/// energy technology, when "item power" or "item energy" is an alias of an energy technology.
struct Coordinations: Sendable {
    /// Pattern index of each case-insensitive technology alias, by its folded bytes.
    private let aliases: [FoldedKey: Int]
    /// The words that make a bare list item an energy source: "solar" → "solar power".
    static let energyHeads: [[UInt8]] = [Array("power".utf8), Array("energy".utf8)]
    /// The vocabulary domain whose lists name sources bare ("solar, wind and hydropower").
    static let energyDomain = "Energy"
    /// Most items read on either side of a matched term.
    static let itemLimit = 6

    init(patterns: [Pattern], kinds: [EntityKind]) {
        var aliases: [FoldedKey: Int] = [:]
        aliases.reserveCapacity(patterns.count)
        for index in patterns.indices where kinds[patterns[index].term] == .technology && !patterns[index].caseSensitive {
            let key = FoldedKey(patterns[index].folded)
            if aliases[key] == nil { aliases[key] = index }
        }
        self.aliases = aliases
    }

    /// Folded bytes as a dictionary key, hashed in one pass over the bytes (an array of bytes
    /// hashes byte by byte).
    struct FoldedKey: Hashable {
        let bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    /// One item of a coordination: a word (letters, digits, inner hyphens) and its byte range.
    struct Item {
        var start: Int
        var end: Int
        var folded: [UInt8]
    }

    /// The hits the coordinations around `hits` add, each at its item's word, and the positions
    /// in `hits` of the ones they replace: an item matched on its own as a broader technology
    /// ("lithium-ion", a battery) names the coordinated term instead ("lithium-ion and
    /// sodium-ion batteries": lithium-ion batteries), as "lithium-ion batteries" would.
    /// - Parameters:
    ///   - domains: the vocabulary domain of each term, by term index (nil for other kinds).
    ///   - segmentBounds: the start and end of each segment, by segment index.
    func hits(around hits: [EntityTagger.Hit], in text: [UInt8], patterns: [Pattern], domains: [String?], segmentBounds: (Int) -> (Int, Int)) -> (added: [EntityTagger.Hit], replaced: Set<Int>) {
        let covered = CoveredBytes(hits.map { $0.start..<$0.end })
        // Technology hits that are exactly one word, by their start: an item such a hit covers
        // may still take the coordinated term.
        var wordHits: [Int: Int] = [:]
        for (index, hit) in hits.enumerated() where hit.pattern >= 0 && !hit.nested && domains[hit.term] != nil {
            wordHits[hit.start] = index
        }
        // Items already given to a term by an earlier coordination.
        var taken: Set<Int> = []
        var added: [EntityTagger.Hit] = []
        var replaced: Set<Int> = []
        for hit in hits where hit.pattern >= 0 && !hit.nested {
            guard let domain = domains[hit.term] else { continue }
            let (low, high) = segmentBounds(hit.segment)
            let before = Self.itemsBefore(hit.start, hit.end, in: text, from: low, to: high)
            let after = Self.itemsAfter(hit.end, in: text, to: high)
            guard !before.isEmpty || !after.isEmpty else { continue }
            let words = Self.words(of: Array(text[hit.start..<hit.end]))
            for item in before + after where !taken.contains(item.start) {
                let own = wordHits[item.start].flatMap { hits[$0].end == item.end ? $0 : nil }
                guard own != nil || !covered.contains(item.start) else { continue }
                var found: Int?
                // "solar and wind power": the item takes the term's last words, longest first.
                if words.count >= 2 {
                    for k in 1..<words.count where found == nil && !after.contains(where: { $0.start == item.start }) {
                        found = aliases[FoldedKey(item.folded + [0x20] + words[k...].joined(separator: [0x20]))]
                    }
                }
                // "solar, wind and hydropower": a bare energy source listed with another.
                if found == nil, own == nil, domain == Self.energyDomain {
                    for head in Self.energyHeads where found == nil {
                        if let p = aliases[FoldedKey(item.folded + [0x20] + head)], domains[patterns[p].term] == domain { found = p }
                    }
                }
                // "intelligent and interconnected lighting" is one mention of the term, not two.
                guard let p = found, patterns[p].term != hit.term else { continue }
                if let own {
                    // The item already names this term: nothing to add.
                    guard hits[own].term != patterns[p].term else { continue }
                    replaced.insert(own)
                }
                taken.insert(item.start)
                added.append(EntityTagger.Hit(term: patterns[p].term, pattern: p, start: item.start, end: item.end, segment: hit.segment, nested: false))
            }
        }
        return (added, replaced)
    }

    /// Bare energy sources listed with each other and nothing else: "wind and solar", "(solar,
    /// wind)", "hydro, wind or solar". Each item is a source when "item power" or "item energy" is
    /// an alias of an energy technology, as in a list with a named one; two such items make the
    /// list one of sources. Adjectives of quality ("green", "clean") are no source.
    func bareSources(in text: [UInt8], segments: Range<Int>, covering hits: [EntityTagger.Hit], patterns: [Pattern], domains: [String?], segmentBounds: (Int) -> (Int, Int)) -> [EntityTagger.Hit] {
        let covered = CoveredBytes(hits.map { $0.start..<$0.end })
        func source(_ item: Item) -> Int? {
            guard !ModifierUse.qualityAdjectiveStarts.contains(String(decoding: item.folded, as: UTF8.self)) else { return nil }
            for head in Self.energyHeads {
                if let p = aliases[FoldedKey(item.folded + [0x20] + head)], domains[patterns[p].term] == Self.energyDomain { return p }
            }
            return nil
        }
        var added: [EntityTagger.Hit] = []
        var taken: Set<Int> = []
        for segment in segments {
            let (low, high) = segmentBounds(segment)
            var i = low
            while i < high {
                guard ByteClass.isWordByte(text[i]), i == low || !ByteClass.isWordByte(text[i - 1]) else { i += 1; continue }
                // Only a word that a separator follows can open such a list (cheap test first).
                guard let wordEnd = Self.wordStarting(at: i, in: text, to: high) else { i += 1; continue }
                guard Self.listGoesOn(after: wordEnd, in: text, to: high), let item = Self.itemStarting(at: i, in: text, to: high) else {
                    i = wordEnd
                    continue
                }
                defer { i = max(item.end, i + 1) }
                guard !taken.contains(item.start), !covered.contains(item.start), let first = source(item) else { continue }
                // The item before must not qualify it (`offshore wind` is covered already).
                var after = Self.itemsAfter(item.end, in: text, to: high)
                if after.isEmpty, let pair = Self.pairEndingBeforePreposition(item.end, in: text, to: high) { after = [pair] }
                let listed = [(item, first)] + after.compactMap { next in
                    covered.contains(next.start) ? nil : source(next).map { (next, $0) }
                }
                guard listed.count >= 2, after.count == listed.count - 1 else { continue }
                for (entry, p) in listed where !taken.contains(entry.start) {
                    taken.insert(entry.start)
                    added.append(EntityTagger.Hit(term: patterns[p].term, pattern: p, start: entry.start, end: entry.end, segment: segment, nested: false))
                }
            }
        }
        return added
    }

    /// The second of two items joined by `and` or `or` after `end` when a preposition or other
    /// word that ends a noun phrase follows it (`wind and solar in China`); nil otherwise.
    static func pairEndingBeforePreposition(_ end: Int, in text: [UInt8], to high: Int) -> Item? {
        var j = end
        while j < high, text[j] == 0x20 { j += 1 }
        guard let word = wordStarting(at: j, in: text, to: high), isConjunction(text[j..<word]) else { return nil }
        j = word
        while j < high, text[j] == 0x20 { j += 1 }
        guard let item = itemStarting(at: j, in: text, to: high), item.end < high, text[item.end] == 0x20 else { return nil }
        var k = item.end
        while k < high, text[k] == 0x20 { k += 1 }
        guard let next = wordStarting(at: k, in: text, to: high) else { return nil }
        return ModifierUse.phraseEnders.contains(String(decoding: text[k..<next], as: UTF8.self).lowercased()) ? item : nil
    }

    /// Which bytes lie inside one of a set of ranges, answered by binary search: the ranges
    /// sorted by start, with the furthest end reached so far.
    struct CoveredBytes {
        private let starts: [Int]
        private let furthestEnds: [Int]

        init(_ ranges: [Range<Int>]) {
            let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
            starts = sorted.map(\.lowerBound)
            var furthest = Int.min
            furthestEnds = sorted.map { range in
                furthest = max(furthest, range.upperBound)
                return furthest
            }
        }

        func contains(_ offset: Int) -> Bool {
            var low = 0, high = starts.count
            while low < high {
                let middle = (low + high) / 2
                if starts[middle] <= offset { low = middle + 1 } else { high = middle }
            }
            return low > 0 && furthestEnds[low - 1] > offset
        }
    }

    /// The words of a matched text, folded to lower case, split at spaces.
    static func words(of bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(whereSeparator: ByteClass.isSpace).map { word in word.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }
    }

    /// The items listed before `start`: "A and ", "A, B and ", "A, B, or ", nearest first; or
    /// "A, B, " when the list goes on after the match ("solar, wind, geothermal and hydro").
    static func itemsBefore(_ start: Int, _ end: Int, in text: [UInt8], from low: Int, to high: Int) -> [Item] {
        var i = start
        func skipSpaces() { while i > low, text[i - 1] == 0x20 { i -= 1 } }
        skipSpaces()
        if let conjunction = wordEnding(at: i, in: text, from: low), isConjunction(text[conjunction..<i]) {
            i = conjunction
            skipSpaces()
            if i > low, text[i - 1] == 0x2C { i -= 1; skipSpaces() }
        } else if i > low, text[i - 1] == 0x2C, listGoesOn(after: end, in: text, to: high) {
            i -= 1
            skipSpaces()
        } else {
            return []
        }
        var items: [Item] = []
        while items.count < itemLimit, let item = itemEnding(at: i, in: text, from: low) {
            items.append(item)
            i = item.start
            skipSpaces()
            guard i > low, text[i - 1] == 0x2C else { break }
            i -= 1
            skipSpaces()
        }
        return items
    }

    /// Whether a list item ending at `end` is followed by the list's next separator or its end:
    /// a comma, a conjunction, or punctuation that closes the sentence or clause.
    static func listGoesOn(after end: Int, in text: [UInt8], to high: Int, closing: Bool = false) -> Bool {
        var k = end
        while k < high, text[k] == 0x20 { k += 1 }
        if k >= high { return closing }
        if text[k] == 0x2C { return true }
        if closing, [0x2E, 0x3B, 0x3A, 0x29].contains(text[k]) { return true }
        return wordStarting(at: k, in: text, to: high).map { isConjunction(text[k..<$0]) } ?? false
    }

    /// The items listed after `end`: ", A and B", " and A", ", A, or B", nearest first. Each must
    /// end the list or be followed by its next separator, so "solar panels" is no bare "solar".
    static func itemsAfter(_ end: Int, in text: [UInt8], to high: Int) -> [Item] {
        var i = end
        var items: [Item] = []
        var closed = false
        while items.count < itemLimit, !closed {
            var j = i
            var separated = false
            if j < high, text[j] == 0x2C { j += 1; separated = true }
            while j < high, text[j] == 0x20 { j += 1 }
            if let word = wordStarting(at: j, in: text, to: high), isConjunction(text[j..<word]) {
                j = word
                while j < high, text[j] == 0x20 { j += 1 }
                separated = true
                closed = true
            }
            guard separated, let item = itemStarting(at: j, in: text, to: high),
                  listGoesOn(after: item.end, in: text, to: high, closing: true) else { break }
            items.append(item)
            i = item.end
        }
        return items
    }

    static func isConjunction(_ word: ArraySlice<UInt8>) -> Bool {
        word.elementsEqual("and".utf8) || word.elementsEqual("or".utf8)
    }

    /// The start of the plain word (letters only) that ends at `end`.
    static func wordEnding(at end: Int, in text: [UInt8], from low: Int) -> Int? {
        var i = end
        while i > low, ByteClass.isWordByte(text[i - 1]) { i -= 1 }
        return i < end ? i : nil
    }

    /// The end of the plain word that starts at `start`.
    static func wordStarting(at start: Int, in text: [UInt8], to high: Int) -> Int? {
        guard start < high, start == 0 || !ByteClass.isWordByte(text[start - 1]) else { return nil }
        var i = start
        while i < high, ByteClass.isWordByte(text[i]) { i += 1 }
        return i > start ? i : nil
    }

    /// A lower-case item ("wind", "sodium-ion") ending at `end`; nil for anything else.
    static func itemEnding(at end: Int, in text: [UInt8], from low: Int) -> Item? {
        var i = end
        while i > low, ByteClass.isWordByte(text[i - 1]) || (text[i - 1] == 0x2D && i - 1 > low && i < end && ByteClass.isWordByte(text[i - 2])) { i -= 1 }
        guard i < end, i == low || !(text[i - 1] >= 0x80) else { return nil }
        return item(i, end, text, low: low)
    }

    /// A lower-case item starting at `start`; nil for anything else.
    static func itemStarting(at start: Int, in text: [UInt8], to high: Int) -> Item? {
        var i = start
        while i < high, ByteClass.isWordByte(text[i]) || (text[i] == 0x2D && i + 1 < high && i > start && ByteClass.isWordByte(text[i + 1])) { i += 1 }
        guard i > start, i == high || text[i] < 0x80 else { return nil }
        return item(start, i, text, low: nil)
    }

    /// Items are written in lower case: a capitalised word is a name, not a shared modifier,
    /// except the first word of a sentence ("Wind and solar power"), when `low` is given.
    private static func item(_ start: Int, _ end: Int, _ text: [UInt8], low: Int?) -> Item? {
        var bytes = Array(text[start..<end])
        if let low, let first = bytes.first, first >= 0x41, first <= 0x5A, startsSentence(start, in: text, from: low) {
            bytes[0] = first | 0x20
        }
        guard bytes.contains(where: ByteClass.isLower), !bytes.contains(where: { $0 >= 0x41 && $0 <= 0x5A }),
              !isConjunction(bytes[...]) else { return nil }
        return Item(start: start, end: end, folded: bytes)
    }

    /// Whether `start` begins its segment or follows the end of a sentence.
    private static func startsSentence(_ start: Int, in text: [UInt8], from low: Int) -> Bool {
        var i = start
        while i > low, text[i - 1] == 0x20 || text[i - 1] == 0x2A || text[i - 1] == 0x5F { i -= 1 }
        return i == low || [0x2E, 0x21, 0x3F, 0x3A].contains(text[i - 1])
    }
}
