import FolioCore

/// A compiled alias: the bytes to look for and when a match counts.
struct Pattern: Sendable {
    /// Index of the term in ``Gazetteers/terms``.
    var term: Int
    /// ASCII-lower-cased bytes, whitespace collapsed to one space.
    var folded: [UInt8]
    /// The bytes as written, whitespace collapsed; compared when `caseSensitive`.
    var exact: [UInt8]
    var caseSensitive: Bool
    /// An upper-case code such as `HP`, `AI`, `5G`: not matched inside hyphenated codes
    /// (`HP-GNSS`) or lines written in capitals.
    var acronym: Bool
    var rule: AliasRule
    /// The alias as written in the gazetteer.
    var text: String
}

/// A trie over bytes that finds, at a given position, the longest alias ending at a word
/// boundary that satisfies its rules. Case folding and whitespace collapsing happen during the
/// walk, so the text is never copied.
///
/// Patterns are added to a growable trie; ``compile()`` flattens it into contiguous arrays
/// (transitions and terminal lists indexed by node), which ``longestMatch`` reads without
/// allocating or reference counting.
struct PatternMatcher: Sendable {
    private(set) var patterns: [Pattern] = []
    /// Dense transitions for the root node.
    private var root = [Int32](repeating: -1, count: 256)
    /// The growing trie, one entry per node (node 0 is the root, whose children are in `root`):
    /// each node's first and last child, its next sibling and the byte that leads to it. Flat
    /// arrays rather than an array of edges per node: a trie of every alias and variant has
    /// tens of thousands of nodes, and an array each made building it a serial step of the build.
    private var firstChild: [Int32] = [-1]
    private var lastChild: [Int32] = [-1]
    private var nextSibling: [Int32] = [-1]
    private var label: [UInt8] = [0]
    /// Patterns ending at each node while patterns are added: the node's first and last entry
    /// in `terminalPatterns`, chained by `nextTerminal`.
    private var firstTerminal: [Int32] = [-1]
    private var lastTerminal: [Int32] = [-1]
    private var terminalPatterns: [Int32] = []
    private var nextTerminal: [Int32] = []
    /// Flattened transitions: node `n`'s edges are `edgeBytes[edgeStart[n]..<edgeStart[n + 1]]`.
    private var edgeStart: [Int32] = [0, 0]
    private var edgeBytes: [UInt8] = []
    private var edgeTargets: [Int32] = []
    /// Flattened terminals: node `n`'s patterns are `terminalList[terminalStart[n]..<terminalStart[n + 1]]`.
    private var terminalStart: [Int32] = [0, 0]
    private var terminalList: [Int32] = []
    /// Whether the flattened arrays reflect every added pattern.
    private var compiled = true
    /// Whether the matcher was read back from an archive, which keeps only the flattened
    /// arrays: it matches, but takes no more patterns.
    private var frozen = false

    init() {}

    /// An empty matcher with room for `patterns`: the trie has at most one node per byte of
    /// them, and in practice about half as many (aliases share their first words).
    init(reserving patterns: [Pattern]) {
        let bytes = patterns.reduce(0) { $0 + $1.folded.count }
        let nodes = bytes / 2 + 1
        for keyPath in [\Self.firstChild, \Self.lastChild, \Self.nextSibling, \Self.firstTerminal, \Self.lastTerminal] {
            self[keyPath: keyPath].reserveCapacity(nodes)
        }
        label.reserveCapacity(nodes)
        self.patterns.reserveCapacity(patterns.count)
        terminalPatterns.reserveCapacity(patterns.count)
        nextTerminal.reserveCapacity(patterns.count)
    }

    mutating func add(_ pattern: Pattern) {
        precondition(!frozen, "a matcher read back from an archive takes no more patterns")
        guard !pattern.folded.isEmpty else { return }
        var node: Int32 = 0
        for written in pattern.folded {
            let byte = Self.trieByte(written)
            if let next = growingChild(node, byte) {
                node = next
            } else {
                let new = Int32(label.count)
                firstChild.append(-1)
                lastChild.append(-1)
                nextSibling.append(-1)
                label.append(byte)
                firstTerminal.append(-1)
                lastTerminal.append(-1)
                if node == 0 {
                    root[Int(byte)] = new
                } else {
                    let parent = Int(node)
                    if lastChild[parent] < 0 { firstChild[parent] = new } else { nextSibling[Int(lastChild[parent])] = new }
                    lastChild[parent] = new
                }
                node = new
            }
        }
        let entry = Int32(terminalPatterns.count)
        terminalPatterns.append(Int32(patterns.count))
        nextTerminal.append(-1)
        if lastTerminal[Int(node)] < 0 { firstTerminal[Int(node)] = entry } else { nextTerminal[Int(lastTerminal[Int(node)])] = entry }
        lastTerminal[Int(node)] = entry
        patterns.append(pattern)
        compiled = false
    }

    /// The node the flattened trie reaches from `node` by `byte`, or -1.
    @inline(__always)
    private static func child(
        of node: Int32, _ byte: UInt8, _ root: UnsafeBufferPointer<Int32>, _ edgeStart: UnsafeBufferPointer<Int32>,
        _ edgeBytes: UnsafeBufferPointer<UInt8>, _ edgeTargets: UnsafeBufferPointer<Int32>
    ) -> Int32 {
        if node == 0 { return root[Int(byte)] }
        var e = Int(edgeStart[Int(node)])
        let end = Int(edgeStart[Int(node) + 1])
        while e < end {
            if edgeBytes[e] == byte { return edgeTargets[e] }
            e += 1
        }
        return -1
    }

    /// The byte the trie holds for a folded byte: a hyphen is a space, so the words of an alias
    /// match joined by either (`proton-exchange membrane fuel cell`, `Internet-of-Things`).
    /// A case-sensitive pattern's own bytes are still compared as written.
    static func trieByte(_ byte: UInt8) -> UInt8 { byte == 0x2D ? 0x20 : byte }

    private func growingChild(_ node: Int32, _ byte: UInt8) -> Int32? {
        if node == 0 {
            let n = root[Int(byte)]
            return n < 0 ? nil : n
        }
        var child = firstChild[Int(node)]
        while child >= 0 {
            if label[Int(child)] == byte { return child }
            child = nextSibling[Int(child)]
        }
        return nil
    }

    /// Flattens the trie after the last ``add(_:)``; required before ``longestMatch``.
    mutating func compile() {
        if frozen { return }
        defer { compiled = true }
        edgeStart = [0]
        edgeBytes = []
        edgeTargets = []
        terminalStart = [0]
        terminalList = []
        edgeStart.reserveCapacity(label.count + 1)
        terminalStart.reserveCapacity(label.count + 1)
        edgeBytes.reserveCapacity(label.count)
        edgeTargets.reserveCapacity(label.count)
        terminalList.reserveCapacity(terminalPatterns.count)
        for node in label.indices {
            // The root's children are in `root`, not in the edge lists.
            var child = node == 0 ? -1 : firstChild[node]
            while child >= 0 {
                edgeBytes.append(label[Int(child)])
                edgeTargets.append(child)
                child = nextSibling[Int(child)]
            }
            edgeStart.append(Int32(edgeBytes.count))
            var entry = firstTerminal[node]
            while entry >= 0 {
                terminalList.append(terminalPatterns[Int(entry)])
                entry = nextTerminal[Int(entry)]
            }
            terminalStart.append(Int32(terminalList.count))
        }
    }

    /// The longest match starting at `start`.
    /// - Parameters:
    ///   - text: the whole article as UTF-8.
    ///   - start: where the match must begin (a word start).
    ///   - limit: the end of the text segment the match must stay inside.
    ///   - shouting: the segment is written in capitals.
    ///   - only: when set, only patterns of terms of this kind count.
    ///   - kinds: the kind of each term, indexed like ``Pattern/term``; read when `only` is set.
    ///   - found: receives the patterns that matched (one or more, all of the same length).
    ///   - candidates: scratch space, reused between calls.
    /// - Returns: the end offset of the match, or `nil`.
    func longestMatch(
        in text: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int, shouting: Bool,
        only: EntityKind? = nil, kinds: [EntityKind] = [],
        found: inout [Int], candidates: inout [(node: Int32, end: Int)]
    ) -> Int? {
        precondition(compiled, "PatternMatcher.compile() must run after the last add(_:)")
        // `removeAll(keepingCapacity:)` costs a call even on an empty array.
        if !found.isEmpty { found.removeAll(keepingCapacity: true) }
        if !candidates.isEmpty { candidates.removeAll(keepingCapacity: true) }
        return root.withUnsafeBufferPointer { root in
            edgeStart.withUnsafeBufferPointer { edgeStart in
                edgeBytes.withUnsafeBufferPointer { edgeBytes in
                    edgeTargets.withUnsafeBufferPointer { edgeTargets in
                        terminalStart.withUnsafeBufferPointer { terminalStart in
                            var node: Int32 = 0
                            var j = start
                            while j < limit {
                                var byte = text[j]
                                var next = j + 1
                                if ByteClass.isSpace(byte) {
                                    byte = 0x20
                                    while next < limit, ByteClass.isSpace(text[next]) { next += 1 }
                                } else if byte == 0x2D {
                                    byte = Self.trieByte(byte)
                                } else if byte >= 0x41, byte <= 0x5A {
                                    byte |= 0x20
                                }
                                let child = Self.child(of: node, byte, root, edgeStart, edgeBytes, edgeTargets)
                                // `emissions monitoring` for `emission monitoring`: a plural `s` that
                                // closes a word the alias goes on after is read past; the plural
                                // itself stays a candidate where it is an alias (`drones delivery`).
                                if node != 0, byte == 0x73, next < limit, ByteClass.isSpace(text[next]) || text[next] == 0x2D,
                                   j > start, ByteClass.isWordByte(text[j - 1]), text[j - 1] != 0x73,
                                   Self.child(of: node, 0x20, root, edgeStart, edgeBytes, edgeTargets) >= 0 {
                                    if child >= 0, terminalStart[Int(child)] != terminalStart[Int(child) + 1] { candidates.append((child, next)) }
                                    j = next
                                    continue
                                }
                                guard child >= 0 else { break }
                                node = child
                                j = next
                                if terminalStart[Int(node)] != terminalStart[Int(node) + 1], text[j - 1] != 0x20 {
                                    if j >= limit || !ByteClass.isWordByte(text[j - 1])
                                        || !(ByteClass.isWordByte(text[j]) || ByteClass.isLatinLetterLead(text[j])) {
                                        candidates.append((node, j))
                                    }
                                }
                            }
                            for candidate in candidates.reversed() {
                                for t in Int(terminalStart[Int(candidate.node)])..<Int(terminalStart[Int(candidate.node) + 1]) {
                                    let p = Int(terminalList[t])
                                    let pattern = patterns[p]
                                    if let only, kinds[pattern.term] != only { continue }
                                    if valid(pattern, in: text, start: start, end: candidate.end, limit: limit, shouting: shouting) {
                                        found.append(p)
                                    }
                                }
                                if !found.isEmpty { return candidate.end }
                            }
                            return nil
                        }
                    }
                }
            }
        }
    }

    private func valid(_ pattern: Pattern, in text: UnsafeBufferPointer<UInt8>, start: Int, end: Int, limit: Int, shouting: Bool) -> Bool {
        if pattern.caseSensitive, !exactMatch(pattern.exact, text, start, end) { return false }
        if pattern.acronym {
            if shouting, pattern.exact.count <= 4 { return false }
            // `HP-GNSS`, `AI-PC`: part of a hyphenated upper-case code.
            if end + 1 < limit, text[end] == 0x2D, ByteClass.isUpperOrDigit(text[end + 1]) { return false }
            if start >= 2, text[start - 1] == 0x2D, ByteClass.isUpperOrDigit(text[start - 2]) { return false }
        }
        let rule = pattern.rule
        if !rule.precededBy.isEmpty {
            let word = previousWord(text, before: start)
            guard rule.precededBy.contains(where: { word.hasSuffix($0) }) || standsInList(pattern, text, start: start, end: end, limit: limit) else { return false }
        }
        if !rule.notFollowedBy.isEmpty {
            let word = nextWord(text, from: end, limit: limit).lowercased()
            if rule.notFollowedBy.contains(word) { return false }
        }
        return true
    }

    /// Whether the match stands in a list of names beside one that needs no context: `Brazil,
    /// Indonesia, Turkey, Chile and other countries` names Turkey and Chile, though neither
    /// follows a word its `preceded_by` asks for. The neighbour is the capitalised name of one
    /// to three words before the match's comma, or the one after its comma or `and`; a neighbour
    /// that needs context itself counts when it stands beside one that does not (`Chile` after
    /// `Indonesia, Turkey,`).
    private func standsInList(_ pattern: Pattern, _ text: UnsafeBufferPointer<UInt8>, start: Int, end: Int, limit: Int, depth: Int = 0) -> Bool {
        // The item before: `Indonesia, Turkey`.
        var i = start
        while i > 0, text[i - 1] == 0x20 { i -= 1 }
        if i > 0, text[i - 1] == 0x2C {
            let comma = i - 1
            var wordStart = comma
            for _ in 0..<3 {
                while wordStart > 0, ByteClass.isWordByte(text[wordStart - 1]) { wordStart -= 1 }
                guard wordStart < comma, ByteClass.isUpperOrDigit(text[wordStart]) else { break }
                if listedNeighbour(text, from: wordStart, to: comma, limit: limit, excluding: pattern.term, depth: depth) { return true }
                guard wordStart > 1, text[wordStart - 1] == 0x20, ByteClass.isWordByte(text[wordStart - 2]) else { break }
                wordStart -= 1
            }
        }
        // The item after: `Turkey, Egypt`, `Chile and Peru`.
        var j = end
        var separated = false
        if j < limit, text[j] == 0x2C { j += 1; separated = true }
        while j < limit, text[j] == 0x20 { j += 1 }
        if j + 4 <= limit, text[j] == 0x61, text[j + 1] == 0x6E, text[j + 2] == 0x64, text[j + 3] == 0x20, j > end {
            j += 4
            separated = true
            while j < limit, text[j] == 0x20 { j += 1 }
        }
        guard separated, j < limit, ByteClass.isUpperOrDigit(text[j]) else { return false }
        var wordEnd = j
        for _ in 0..<3 {
            while wordEnd < limit, ByteClass.isWordByte(text[wordEnd]) { wordEnd += 1 }
            if listedNeighbour(text, from: j, to: wordEnd, limit: limit, excluding: pattern.term, depth: depth) { return true }
            guard wordEnd + 1 < limit, text[wordEnd] == 0x20, ByteClass.isUpperOrDigit(text[wordEnd + 1]) else { break }
            wordEnd += 1
        }
        return false
    }

    /// Whether `text[from..<to]` is, whole, a case-sensitive alias of another term that needs no context, or
    /// (at the first step) one that stands in the list beside such an alias itself.
    private func listedNeighbour(_ text: UnsafeBufferPointer<UInt8>, from: Int, to: Int, limit: Int, excluding term: Int, depth: Int) -> Bool {
        var node: Int32 = 0
        return root.withUnsafeBufferPointer { root in
            edgeStart.withUnsafeBufferPointer { edgeStart in
                edgeBytes.withUnsafeBufferPointer { edgeBytes in
                    edgeTargets.withUnsafeBufferPointer { edgeTargets in
                        for k in from..<to {
                            var byte = text[k]
                            if byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
                            node = Self.child(of: node, Self.trieByte(byte), root, edgeStart, edgeBytes, edgeTargets)
                            if node < 0 { return false }
                        }
                        return (Int(terminalStart[Int(node)])..<Int(terminalStart[Int(node) + 1])).contains { t in
                            let other = patterns[Int(terminalList[t])]
                            // Names are written with their case (places, organisations); a
                            // technology's word at the head of a list is no neighbour.
                            guard other.term != term, other.caseSensitive, exactMatch(other.exact, text, from, to) else { return false }
                            if other.rule.isEmpty { return true }
                            return depth == 0 && other.rule.requires.isEmpty && !other.rule.precededBy.isEmpty
                                && standsInList(other, text, start: from, end: to, limit: limit, depth: 1)
                        }
                    }
                }
            }
        }
    }

    private func exactMatch(_ exact: [UInt8], _ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start, k = 0
        while i < end, k < exact.count {
            if ByteClass.isSpace(text[i]) {
                guard exact[k] == 0x20 else { return false }
                while i < end, ByteClass.isSpace(text[i]) { i += 1 }
                k += 1
            } else {
                guard text[i] == exact[k] else { return false }
                i += 1
                k += 1
            }
        }
        return i == end && k == exact.count
    }

    private func previousWord(_ text: UnsafeBufferPointer<UInt8>, before start: Int) -> String {
        var i = start
        while i > 0, ByteClass.isSpace(text[i - 1]) { i -= 1 }
        let end = i
        while i > 0, !ByteClass.isSpace(text[i - 1]) { i -= 1 }
        return String(decoding: text[i..<end], as: UTF8.self)
    }

    private func nextWord(_ text: UnsafeBufferPointer<UInt8>, from end: Int, limit: Int) -> String {
        var i = end
        while i < limit, ByteClass.isSpace(text[i]) { i += 1 }
        let start = i
        while i < limit, ByteClass.isWordByte(text[i]) { i += 1 }
        return String(decoding: text[start..<i], as: UTF8.self)
    }
}

/// Byte classes for word boundaries. Only ASCII letters and digits make words; every other
/// byte (punctuation, and the bytes of non-ASCII characters such as CJK) is a boundary, so
/// `重庆` matches inside `重庆市`.
enum ByteClass {
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }
    @inline(__always) static func isUpperOrDigit(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    /// A position where a match may start: a word byte not preceded by one, or the lead byte of
    /// a non-ASCII character.
    @inline(__always) static func isWordStart(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, segmentStart: Int) -> Bool {
        let b = text[i]
        if isWordByte(b) {
            if i == segmentStart { return true }
            if isWordByte(text[i - 1]) { return false }
            // After an accented Latin letter (`é`, `ü`: two bytes, lead 0xC3–0xC9) the word goes on.
            return !(i - 2 >= segmentStart && isLatinLetterLead(text[i - 2]) && text[i - 1] >= 0x80 && text[i - 1] < 0xC0)
        }
        return b >= 0xC0
    }
    /// The lead byte of a Latin letter with a diacritic (U+00C0–U+024F): part of a word, so
    /// `Jos` does not match inside `José`. CJK and other scripts stay boundaries.
    @inline(__always) static func isLatinLetterLead(_ b: UInt8) -> Bool { b >= 0xC3 && b <= 0xC9 }
}

extension Pattern: BinaryArchivable {
    func archive(into archive: inout ArchiveWriter) {
        archive.write(term)
        archive.write(bytes: folded)
        archive.write(bytes: exact)
        archive.write(caseSensitive)
        archive.write(acronym)
        archive.write(rule.precededBy)
        archive.write(rule.notFollowedBy)
        archive.write(rule.requires)
        archive.write(text)
    }

    init(from archive: inout ArchiveReader) throws {
        term = try archive.readInt()
        folded = try archive.readBytes()
        exact = try archive.readBytes()
        caseSensitive = try archive.readBool()
        acronym = try archive.readBool()
        rule = AliasRule(precededBy: try archive.readStrings(), notFollowedBy: try archive.readStrings(), requires: try archive.readStrings())
        text = try archive.readString()
    }
}

/// A compiled matcher as the build cache keeps it: the patterns and the flattened trie, copied
/// as blocks, so a build reads the trie back instead of adding thousands of aliases again. The
/// trie that adding grows is left out: a matcher read back is frozen.
extension PatternMatcher: BinaryArchivable {
    func archive(into archive: inout ArchiveWriter) {
        precondition(compiled, "only a compiled matcher is archived")
        archive.write(patterns)
        for table in [root, edgeStart, edgeTargets, terminalStart, terminalList] { archive.write(table) }
        archive.write(bytes: edgeBytes)
    }

    init(from archive: inout ArchiveReader) throws {
        patterns = try archive.readArray()
        root = try archive.readInt32s()
        edgeStart = try archive.readInt32s()
        edgeTargets = try archive.readInt32s()
        terminalStart = try archive.readInt32s()
        terminalList = try archive.readInt32s()
        edgeBytes = try archive.readBytes()
        (firstChild, lastChild, nextSibling, label, firstTerminal, lastTerminal) = ([], [], [], [], [], [])
        compiled = true
        frozen = true
        // A damaged archive could point outside the tables: such a trie is never used.
        let nodes = edgeStart.count - 1
        guard root.count == 256, nodes >= 1, terminalStart.count == nodes + 1,
              edgeBytes.count == edgeTargets.count, edgeStart.last.map(Int.init) == edgeBytes.count,
              terminalStart.last.map(Int.init) == terminalList.count,
              root.allSatisfy({ $0 < nodes }), edgeTargets.allSatisfy({ $0 >= 0 && $0 < nodes }),
              terminalList.allSatisfy({ $0 >= 0 && Int($0) < patterns.count }),
              zip(edgeStart, edgeStart.dropFirst()).allSatisfy({ $0 >= 0 && $0 <= $1 }),
              zip(terminalStart, terminalStart.dropFirst()).allSatisfy({ $0 >= 0 && $0 <= $1 })
        else { throw ArchiveError.damaged }
    }
}
