import FolioCore
import Foundation

/// A static full-text index of the site's sections, split into small script files so the browser
/// loads only what a query needs, also from `file://`.
///
/// - Terms (``SearchTokenizer``) map to postings: the sections that contain them with a weight
///   (occurrences, plus boosts for the page title and the section heading).
/// - Pairs of adjacent terms that recur in the corpus are indexed too, so quoted phrases match
///   only sections where the words stand together.
/// - Postings are sharded in runs of sorted terms of about ``shardTargetBytes``;
///   section details (link, title, heading, a short excerpt) live in fragment files of
///   ``fragmentSize`` sections, loaded only for the results shown.
public struct SearchIndex: Sendable, Equatable {
    /// One section that contains a term, with the term's weight there.
    public struct Posting: Sendable, Equatable {
        // Stored in 32 bits: the postings are most of the index, and no site has 2^31 sections.
        private let storedSection: Int32
        private let storedWeight: Int32
        public var section: Int { Int(storedSection) }
        public var weight: Int { Int(storedWeight) }

        public init(section: Int, weight: Int) {
            storedSection = Int32(clamping: section)
            storedWeight = Int32(clamping: weight)
        }
    }

    /// Extra weight per occurrence of a term in the page title (counted in the page's first section).
    public static let titleBoost = 6
    /// Extra weight per occurrence of a term in the section heading.
    public static let headingBoost = 3
    /// Sections per fragment file.
    public static let fragmentSize = 12
    /// A shard is closed once it holds about this many bytes of postings.
    public static let shardTargetBytes = 16_000
    /// An adjacent pair of terms is indexed when it occurs at least this often in the site.
    public static let minimumPairCount = 5
    /// Longest excerpt kept per section, in characters.
    public static let excerptLength = 180

    public var sections: [SearchSection]
    /// Length of each section in terms (for length normalisation).
    public var lengths: [Int]
    /// A few sentences of each section, chosen to cover its most distinctive words.
    public var excerpts: [String]
    /// Postings by term; pair terms are two terms joined by a space.
    public var postings: [String: [Posting]]

    /// Builds the index of `sections`, tokenizing them on all cores.
    public static func build(_ sections: [SearchSection]) -> SearchIndex {
        build(sections, tokenized: tokenize(sections))
    }

    /// Tokenizes `sections` on all cores, in contiguous chunks with their own term tables. The
    /// first section counts as the first of its page. Chunks of consecutive runs of sections can
    /// be concatenated: ``build(_:tokenized:)`` numbers terms in order of first appearance.
    static func tokenize(_ sections: [SearchSection]) -> [TokenizedChunk] {
        guard !sections.isEmpty else { return [] }
        let chunkCount = max(1, min(sections.count, ProcessInfo.processInfo.activeProcessorCount * 4))
        let bounds = (0..<chunkCount).map { c in (c * sections.count / chunkCount)..<((c + 1) * sections.count / chunkCount) }
        return ConcurrentMap.map(bounds) { range in tokenize(sections, range) }
    }

    /// Tokenizes the sections in `range` into a chunk with its own term table. A section counts
    /// as the first of its page when no section of the same page comes before it in `sections`.
    static func tokenize(_ sections: [SearchSection], _ range: Range<Int>) -> TokenizedChunk {
        var table = TermTable()
        var items: [SectionTokens] = []
        for index in range {
            let section = sections[index]
            let sentences = section.blocks.flatMap(ExcerptPicker.sentences)
            let isFirstOfPage = index == 0 || sections[index - 1].page != section.page
            items.append(SectionTokens(
                sentences: sentences,
                sentenceTerms: sentences.map { table.ids($0) },
                heading: section.heading.map { table.ids($0) } ?? [],
                title: isFirstOfPage ? table.ids(section.title) : []
            ))
        }
        return TokenizedChunk(terms: table.terms, sections: items)
    }

    /// Builds the index of `sections` from their tokens (``tokenize(_:)`` of consecutive runs of them).
    /// Each chunk is released once its terms are renumbered, so the tokens are never held twice.
    static func build(_ sections: [SearchSection], tokenized: consuming [TokenizedChunk]) -> SearchIndex {
        var accumulated = Accumulator()
        accumulated.add(&tokenized)
        return accumulated.index(of: sections)
    }

    /// Tokens numbered in one term table, built chunk by chunk: the content pages' chunks can be
    /// numbered while the index pages are still being written.
    struct Accumulator: Sendable {
        var terms: [String] = []
        var numbers: [String: Int32] = [:]
        var tokens: [SectionTokens] = []

        /// Adds the sections of `chunks`, in order, after those added before, and leaves
        /// `chunks` empty. Each chunk is released once its terms are renumbered, so the tokens are
        /// never held twice: the caller must hold the chunks only there (a second owner, even a
        /// copy of the list, makes every array renumbered a copy).
        mutating func add(_ chunks: inout [TokenizedChunk]) {
            defer { chunks = [] }
            for position in chunks.indices {
                // Taken out of the list, so its arrays are renumbered in place, never copied.
                var chunk = TokenizedChunk(terms: [], sections: [])
                swap(&chunk, &chunks[position])
                let map = chunk.terms.map { term -> Int32 in
                    if let known = numbers[term] { return known }
                    let id = Int32(terms.count)
                    terms.append(term)
                    numbers[term] = id
                    return id
                }
                func renumber(_ ids: inout [Int32]) {
                    for k in ids.indices { ids[k] = map[Int(ids[k])] }
                }
                for i in chunk.sections.indices {
                    for j in chunk.sections[i].sentenceTerms.indices { renumber(&chunk.sections[i].sentenceTerms[j]) }
                    renumber(&chunk.sections[i].heading)
                    renumber(&chunk.sections[i].title)
                }
                tokens.append(contentsOf: chunk.sections)
            }
        }

        /// The index of `sections`, whose tokens are the ones added, in order. The postings are
        /// counted only now: made while the index pages are written, they would add to the
        /// build's peak memory.
        ///
        /// Each step holds only what it needs, so the largest parts never meet: the word pairs
        /// are counted and the excerpts picked before the postings exist (a term's document
        /// frequency is its count of sections), the sentences are let go before the postings are
        /// made, and each section's terms as soon as its postings are. The tokens are taken out
        /// of the accumulator (it is left empty), so they have no other owner to keep them.
        mutating func index(of sections: [SearchSection]) -> SearchIndex {
            let terms = self.terms
            var tokens = self.tokens
            self = Accumulator()
            // The sections that hold each term: the size of its postings list.
            var sectionCounts = [Int32](repeating: 0, count: terms.count)
            var lastSection = [Int32](repeating: -1, count: terms.count)
            for (index, item) in tokens.enumerated() {
                func count(_ term: Int32) {
                    if lastSection[Int(term)] != Int32(index) {
                        lastSection[Int(term)] = Int32(index)
                        sectionCounts[Int(term)] += 1
                    }
                }
                for sentence in item.sentenceTerms { for term in sentence { count(term) } }
                for term in item.heading { count(term) }
                for term in item.title { count(term) }
            }
            lastSection = []

            // A pair is kept only when it recurs and narrows the sections that merely contain
            // both words (checked below against the postings); otherwise the browser's fallback
            // (both words in the section) gives the same answer.
            let frequent = SearchIndex.frequentPairs(tokens, termCount: terms.count)
            // A page's whole title, as `^ term term…`: a query made of exactly those words puts
            // the page first (the place page "Chongqing" before the hundred articles that
            // mention it). The space keeps the key out of the browser's prefix and misspelling scans.
            let titles = tokens.enumerated().compactMap { index, item in
                item.title.isEmpty ? nil : (index, SearchIndex.titleKey(item.title.map { terms[Int($0)] }))
            }

            // Excerpts, in parallel; then the sentences they are cut from are let go.
            let idf = sectionCounts.map { log(1 + Double(sections.count) / Double(max(1, $0))) }
            let picker = ExcerptPicker(idf: idf)
            let chunkCount = max(1, min(sections.count, ProcessInfo.processInfo.activeProcessorCount * 4))
            let bounds = (0..<chunkCount).map { c in (c * sections.count / chunkCount)..<((c + 1) * sections.count / chunkCount) }
            let excerpts: [String]
            do {
                // A second owner of the tokens for the threads, gone at the end of this block, so
                // the tokens are changed in place below, never copied.
                let tokenized = tokens
                excerpts = ConcurrentMap.map(bounds) { range in
                    var scratch = ExcerptPicker.Scratch(termCount: picker.idf.count)
                    return range.map { picker.excerpt(of: tokenized[$0], scratch: &scratch) }
                }.flatMap { $0 }
            }
            for index in tokens.indices { tokens[index].sentences = [] }

            // Each term's list is sized to the sections that hold it, counted first: lists grown
            // one posting at a time hold up to twice what they need.
            var postings = sectionCounts.map { count -> [Posting] in
                var list: [Posting] = []
                list.reserveCapacity(Int(count))
                return list
            }
            var lengths: [Int] = []
            lengths.reserveCapacity(tokens.count)
            // Each section's weights, by term number; `touched` lists the terms to read and reset.
            var weights = [Int](repeating: 0, count: terms.count)
            var touched: [Int32] = []
            for index in tokens.indices {
                let item = tokens[index]
                tokens[index] = SectionTokens(sentences: [], sentenceTerms: [], heading: [], title: [])
                var length = 0
                func weigh(_ term: Int32, _ weight: Int) {
                    if weights[Int(term)] == 0 { touched.append(term) }
                    weights[Int(term)] += weight
                }
                for sentence in item.sentenceTerms {
                    length += sentence.count
                    for term in sentence { weigh(term, 1) }
                }
                for term in item.heading { weigh(term, SearchIndex.headingBoost) }
                for term in item.title { weigh(term, SearchIndex.titleBoost) }
                for term in touched {
                    postings[Int(term)].append(Posting(section: index, weight: weights[Int(term)]))
                    weights[Int(term)] = 0
                }
                touched.removeAll(keepingCapacity: true)
                lengths.append(max(1, length))
            }
            tokens = []

            var byTerm: [String: [Posting]] = [:]
            for (id, list) in postings.enumerated() where !list.isEmpty {
                byTerm[terms[id]] = list
            }
            let counted = postings
            let pairBounds = (0..<chunkCount).map { c in (c * frequent.count / chunkCount)..<((c + 1) * frequent.count / chunkCount) }
            let kept = ConcurrentMap.map(pairBounds) { range in
                frequent[range].compactMap { pair, list -> (String, [Posting])? in
                    let a = Int(pair >> 32), b = Int(pair & 0xFFFF_FFFF)
                    guard SearchIndex.sharedSections(counted[a], counted[b], exceed: list.count) else { return nil }
                    return ("\(terms[a]) \(terms[b])", list.map { Posting(section: Int($0), weight: 1) })
                }
            }
            for (key, list) in kept.joined() { byTerm[key] = list }
            for (index, key) in titles { byTerm[key, default: []].append(Posting(section: index, weight: 1)) }
            return SearchIndex(sections: sections, lengths: lengths, excerpts: excerpts, postings: byTerm)
        }
    }

    /// The key under which a page whose title has exactly `terms` (stems, stop words left out)
    /// is indexed; `search.js` builds the same key from a query.
    static func titleKey(_ terms: [String]) -> String {
        "^ " + terms.joined(separator: " ")
    }

    /// The number of sections two section-ordered posting lists share.
    /// Whether more than `limit` sections hold both terms. Both lists are in section order; the
    /// shorter is walked and each section looked up in the longer by galloping search, so a
    /// common word's long list costs a logarithm per lookup, not a walk per pair.
    static func sharedSections(_ a: [Posting], _ b: [Posting], exceed limit: Int) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard short.count > limit else { return false }
        var count = 0, low = 0
        for (done, posting) in short.enumerated() {
            // Even if every remaining section were shared, the count could not pass the limit.
            if count + (short.count - done) <= limit { return false }
            let section = posting.section
            var step = 1, high = low
            while high < long.count && long[high].section < section {
                low = high + 1
                high += step
                step *= 2
            }
            high = min(high + 1, long.count)
            while low < high {
                let middle = (low + high) / 2
                if long[middle].section < section { low = middle + 1 } else { high = middle }
            }
            if low < long.count && long[low].section == section {
                count += 1
                if count > limit { return true }
                low += 1
            }
        }
        return false
    }
}

extension SearchIndex {
    /// The pairs of adjacent different terms (in a sentence, a heading or a title) that occur at
    /// least ``minimumPairCount`` times, each with the sections it occurs in (in order, once
    /// each); a pair is its two term numbers, first in the high 32 bits. `termCount` bounds the
    /// term numbers; the occurrences are listed in groups of about `occurrencesPerGroup`.
    ///
    /// Counted on all cores without a hash table: the pairs are split by their first term into
    /// parts; each part lists its occurrences as one number each (the pair above, the section
    /// below), in section order, sorts them by pair with a stable radix sort (so each pair's
    /// sections stay in order) and reads the runs.
    static func frequentPairs(_ tokens: [SectionTokens], termCount: Int, occurrencesPerGroup: Int = 4_000_000) -> [(pair: Int64, sections: [Int32])] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let terms = UInt64(max(1, termCount))
        let sectionBits = UInt64(max(1, bitWidth(UInt64(max(1, tokens.count)))))
        // The parts are listed and sorted a group at a time, so a large site never holds all its
        // occurrences at once: groups of at most `occurrencesPerGroup` (8 bytes each), a power of
        // two of them.
        var bound = 0
        for item in tokens {
            for run in item.sentenceTerms { bound += max(0, run.count - 1) }
            bound += max(0, item.heading.count - 1) + max(0, item.title.count - 1)
        }
        let groupBits = UInt64(bitWidth(UInt64(max(0, (bound - 1) / occurrencesPerGroup))))
        // A power of two of parts, enough that a part's pair numbers and a section fit in 64 bits.
        var bits = UInt64(bitWidth(UInt64(cores * 2 - 1))) + groupBits
        while UInt64(bitWidth(((terms >> bits) + 1) * terms)) + sectionBits > 64 { bits += 1 }
        let partBits = bits, groupPartBits = bits - groupBits
        let partMask = (UInt64(1) << partBits) - 1, groupPartMask = (UInt64(1) << groupPartBits) - 1
        let pairBits = UInt64(bitWidth(((terms >> partBits) + 1) * terms))
        let runCount = max(1, min(tokens.count, cores * 4))
        let runs = (0..<runCount).map { r in (r * tokens.count / runCount)..<((r + 1) * tokens.count / runCount) }
        var found: [(pair: Int64, sections: [Int32])] = []
        for group in 0..<(UInt64(1) << groupBits) {
            // The group's occurrences listed on all cores by runs of sections, each run into one
            // list per part.
            let listed = ConcurrentMap.map(runs) { range -> [[UInt64]] in
                var byPart = [[UInt64]](repeating: [], count: 1 << groupPartBits)
                for index in range {
                    let item = tokens[index]
                    let section = UInt64(index)
                    func add(_ run: [Int32]) {
                        guard run.count > 1 else { return }
                        for i in 0..<(run.count - 1) where run[i] != run[i + 1] {
                            let first = UInt64(run[i])
                            guard (first & partMask) >> groupPartBits == group else { continue }
                            let pair = (first >> partBits) * terms + UInt64(run[i + 1])
                            byPart[Int(first & groupPartMask)].append(pair << sectionBits | section)
                        }
                    }
                    for sentence in item.sentenceTerms { add(sentence) }
                    add(item.heading)
                    add(item.title)
                }
                return byPart
            }
            found += ConcurrentMap.map(Array(0..<(1 << groupPartBits))) { local -> [(pair: Int64, sections: [Int32])] in
                var occurrences: [UInt64] = []
                occurrences.reserveCapacity(listed.reduce(0) { $0 + $1[local].count })
                for run in listed { occurrences += run[local] }
                radixSort(&occurrences, skippingLow: Int(sectionBits), keyBits: Int(pairBits))
                let part = Int64(group << groupPartBits) | Int64(local)
                var found: [(pair: Int64, sections: [Int32])] = []
                let sectionMask = (UInt64(1) << sectionBits) - 1
                var start = 0
                while start < occurrences.count {
                    let pair = occurrences[start] >> sectionBits
                    var end = start + 1
                    while end < occurrences.count && occurrences[end] >> sectionBits == pair { end += 1 }
                    if end - start >= minimumPairCount {
                        var sections: [Int32] = []
                        for k in start..<end {
                            let section = Int32(truncatingIfNeeded: occurrences[k] & sectionMask)
                            if sections.last != section { sections.append(section) }
                        }
                        let first = Int64((pair / terms) << partBits) | part, second = Int64(pair % terms)
                        found.append((first << 32 | second, sections))
                    }
                    start = end
                }
                return found
            }.flatMap { $0 }
        }
        return found
    }

    /// The number of bits `value` needs.
    private static func bitWidth(_ value: UInt64) -> Int { 64 - value.leadingZeroBitCount }

    /// Sorts `values` by their bits above the lowest `low`, `keyBits` of them, keeping the order
    /// of equal keys (least significant digit first, 11 bits a pass).
    static func radixSort(_ values: inout [UInt64], skippingLow low: Int, keyBits: Int) {
        guard values.count > 1 else { return }
        let digitBits = 11, buckets = 1 << digitBits
        let mask = UInt64(buckets - 1)
        var buffer = [UInt64](repeating: 0, count: values.count)
        var counts = [Int](repeating: 0, count: buckets)
        var shift = low
        while shift < low + keyBits {
            for k in counts.indices { counts[k] = 0 }
            for value in values { counts[Int((value >> UInt64(shift)) & mask)] += 1 }
            var total = 0
            for k in counts.indices {
                let count = counts[k]
                counts[k] = total
                total += count
            }
            values.withUnsafeBufferPointer { source in
                buffer.withUnsafeMutableBufferPointer { target in
                    for value in source {
                        let digit = Int((value >> UInt64(shift)) & mask)
                        target[counts[digit]] = value
                        counts[digit] += 1
                    }
                }
            }
            swap(&values, &buffer)
            shift += digitBits
        }
    }
}

/// Numbers the distinct terms of one index build, remembering each word's term (or that it is a
/// stop word), so every word is folded and stemmed once.
struct TermTable {
    private var byWord: [String: Int32] = [:]
    private var byTerm: [String: Int32] = [:]
    /// Terms by number.
    private(set) var terms: [String] = []

    /// The term numbers of `text`, in order, without stop words.
    mutating func ids(_ text: some StringProtocol) -> [Int32] {
        var out: [Int32] = []
        for word in SearchTokenizer.words(text) {
            let id: Int32
            if let known = byWord[word] {
                id = known
            } else {
                if SearchTokenizer.stopWords.contains(word) {
                    id = -1
                } else {
                    let stem = PorterStemmer.stem(word)
                    if let existing = byTerm[stem] {
                        id = existing
                    } else {
                        id = Int32(terms.count)
                        terms.append(stem)
                        byTerm[stem] = id
                    }
                }
                byWord[word] = id
            }
            if id >= 0 { out.append(id) }
        }
        return out
    }
}

/// The sentences of one section and the numbers of their terms, of its heading and (for the
/// first section of a page) of the page title.
struct SectionTokens: Sendable {
    var sentences: [Substring]
    var sentenceTerms: [[Int32]]
    var heading: [Int32]
    var title: [Int32]
}

/// The sections of one chunk, numbered in the chunk's own term table.
struct TokenizedChunk: Sendable {
    var terms: [String]
    var sections: [SectionTokens]
}

/// The tokens of one page's sections as the build cache keeps them: the terms, each section's
/// term numbers, without the sentences (they are cut again from the sections' text).
struct CachedPageTokens: BinaryArchivable {
    var chunk: TokenizedChunk

    init(_ chunk: TokenizedChunk) {
        self.chunk = chunk
    }

    func archive(into archive: inout ArchiveWriter) {
        archive.write(chunk.terms)
        archive.write(chunk.sections.count)
        for section in chunk.sections {
            archive.write(section.sentenceTerms.count)
            for sentence in section.sentenceTerms { archive.write(sentence.map { Int($0) }) }
            archive.write(section.heading.map { Int($0) })
            archive.write(section.title.map { Int($0) })
        }
    }

    init(from archive: inout ArchiveReader) throws {
        let terms = try archive.readStrings()
        func numbers() throws -> [Int32] {
            try archive.readInts().map { number in
                guard number >= 0, number < terms.count else { throw ArchiveError.damaged }
                return Int32(number)
            }
        }
        var sections: [SectionTokens] = []
        for _ in 0..<(try archive.readCount()) {
            var sentenceTerms: [[Int32]] = []
            for _ in 0..<(try archive.readCount()) { sentenceTerms.append(try numbers()) }
            sections.append(SectionTokens(sentences: [], sentenceTerms: sentenceTerms, heading: try numbers(), title: try numbers()))
        }
        chunk = TokenizedChunk(terms: terms, sections: sections)
    }

    /// The chunk with its sections' sentences cut from `run`'s text; nil when they do not match
    /// the cached term lists.
    func restoring(_ run: [SearchSection]) -> TokenizedChunk? {
        guard run.count == chunk.sections.count else { return nil }
        var restored = chunk
        for (position, section) in zip(restored.sections.indices, run) {
            let sentences = section.blocks.flatMap(ExcerptPicker.sentences)
            guard sentences.count == restored.sections[position].sentenceTerms.count else { return nil }
            restored.sections[position].sentences = sentences
        }
        return restored
    }
}

/// Picks, for each section, the sentences that best cover its distinctive words, so a snippet can
/// show a query's words in context without shipping the whole text.
struct ExcerptPicker: Sendable {
    /// Inverse document frequency by term number.
    let idf: [Double]

    /// Which terms a section's chosen sentences already cover, reused from section to section:
    /// a term is covered when its mark is the current section's round.
    struct Scratch {
        fileprivate var marks: [UInt32]
        fileprivate var round: UInt32 = 0

        init(termCount: Int) {
            marks = [UInt32](repeating: 0, count: termCount)
        }
    }

    /// The excerpt of `section`, with `scratch` (made for this picker's terms) as working space.
    func excerpt(of section: SectionTokens, scratch: inout Scratch) -> String {
        let sentences = section.sentences
        guard !sentences.isEmpty else { return "" }
        scratch.round &+= 1
        if scratch.round == 0 {
            for k in scratch.marks.indices { scratch.marks[k] = 0 }
            scratch.round = 1
        }
        let round = scratch.round
        // Each sentence's distinct terms, sorted, so the weights below are summed in the same
        // order in every process (a different summation order can break ties differently).
        let terms = section.sentenceTerms.map { sentence -> [Int32] in
            var sorted = sentence.sorted()
            var end = 0
            for term in sorted where end == 0 || sorted[end - 1] != term {
                sorted[end] = term
                end += 1
            }
            sorted.removeLast(sorted.count - end)
            return sorted
        }
        let counts = sentences.map(\.utf8.count)
        var isChosen = [Bool](repeating: false, count: sentences.count)
        var chosen: [Int] = []
        var length = 0
        while length < SearchIndex.excerptLength {
            var best: (index: Int, gain: Double)?
            for i in sentences.indices where !isChosen[i] {
                var weight = 0.0
                for term in terms[i] where scratch.marks[Int(term)] != round { weight += idf[Int(term)] }
                let gain = weight / Double(min(counts[i], SearchIndex.excerptLength) + 40)
                if gain > 0, gain > (best?.gain ?? 0) { best = (i, gain) }
            }
            guard let pick = best else { break }
            chosen.append(pick.index)
            isChosen[pick.index] = true
            for term in terms[pick.index] { scratch.marks[Int(term)] = round }
            length += min(counts[pick.index], SearchIndex.excerptLength)
        }
        if chosen.isEmpty { chosen = [0] }
        return chosen.sorted().map { Self.clip(sentences[$0], to: SearchIndex.excerptLength) }.joined(separator: " … ")
    }

    /// Splits text into sentences at `.`, `?`, `!` followed by a space, and at line ends. The
    /// sentences are slices of `text`, not copies: the index holds the site's text once.
    /// Scans UTF-8 bytes: the separators are ASCII, so no multi-byte character is cut.
    static func sentences(_ text: String) -> [Substring] {
        var result: [Substring] = []
        let utf8 = text.utf8
        let bytes = Array(utf8)
        var start = 0
        func emit(_ end: Int) {
            var a = start, b = end
            while a < b && (bytes[a] == 32 || bytes[a] == 9) { a += 1 }
            while b > a && (bytes[b - 1] == 32 || bytes[b - 1] == 9 || bytes[b - 1] == 13) { b -= 1 }
            guard a < b else { return }
            let lower = utf8.index(utf8.startIndex, offsetBy: a), upper = utf8.index(lower, offsetBy: b - a)
            result.append(Substring(text.unicodeScalars[lower..<upper]))
        }
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if c == 10 {
                emit(i)
                start = i + 1
            } else if (c == 46 || c == 63 || c == 33) && i + 1 < bytes.count && bytes[i + 1] == 32 {
                emit(i + 1)
                start = i + 1
            }
            i += 1
        }
        emit(bytes.count)
        return result
    }

    /// Cuts `text` at a word boundary before `limit` characters, adding `…`.
    static func clip(_ text: Substring, to limit: Int) -> String {
        guard text.count > limit else { return String(text) }
        let cut = text.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}
