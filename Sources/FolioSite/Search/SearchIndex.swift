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
        public var section: Int
        public var weight: Int
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

    /// Builds the index of `sections`.
    public static func build(_ sections: [SearchSection]) -> SearchIndex {
        var cache = StemCache()
        var lengths: [Int] = []
        var postings: [String: [Posting]] = [:]
        var pairCounts: [String: Int] = [:]
        var pairPostings: [String: [Posting]] = [:]
        var previousPage = -1
        for (index, section) in sections.enumerated() {
            var weights: [String: Int] = [:]
            let body = SearchTokenizer.terms(section.text, cache: &cache)
            for term in body { weights[term, default: 0] += 1 }
            var phrases = [body]
            if let heading = section.heading {
                let terms = SearchTokenizer.terms(heading, cache: &cache)
                for term in terms { weights[term, default: 0] += headingBoost }
                phrases.append(terms)
            }
            if section.page != previousPage {
                let terms = SearchTokenizer.terms(section.title, cache: &cache)
                for term in terms { weights[term, default: 0] += titleBoost }
                phrases.append(terms)
                previousPage = section.page
            }
            for (term, weight) in weights { postings[term, default: []].append(Posting(section: index, weight: weight)) }
            var pairs: [String: Int] = [:]
            for terms in phrases where terms.count > 1 {
                for i in 0..<(terms.count - 1) where terms[i] != terms[i + 1] {
                    pairs["\(terms[i]) \(terms[i + 1])", default: 0] += 1
                }
            }
            for (pair, count) in pairs {
                pairCounts[pair, default: 0] += count
                pairPostings[pair, default: []].append(Posting(section: index, weight: 1))
            }
            lengths.append(max(1, body.count))
        }
        // A pair is kept only when it recurs and narrows the sections that merely contain both
        // words; otherwise the browser's fallback (both words in the section) gives the same answer.
        for (pair, count) in pairCounts where count >= minimumPairCount {
            guard let list = pairPostings[pair], let space = pair.firstIndex(of: " ") else { continue }
            let first = postings[String(pair[..<space])] ?? [], second = postings[String(pair[pair.index(after: space)...])] ?? []
            let both = Set(first.map(\.section)).intersection(second.map(\.section)).count
            if list.count < both { postings[pair] = list }
        }
        let excerpts = ExcerptPicker(documentCount: sections.count, postings: postings).excerpts(of: sections, cache: &cache)
        return SearchIndex(sections: sections, lengths: lengths, excerpts: excerpts, postings: postings)
    }
}

/// Picks, for each section, the sentences that best cover its distinctive words, so a snippet can
/// show a query's words in context without shipping the whole text.
struct ExcerptPicker {
    let documentCount: Int
    let postings: [String: [SearchIndex.Posting]]

    func excerpts(of sections: [SearchSection], cache: inout StemCache) -> [String] {
        var idf: [String: Double] = [:]
        for (term, list) in postings { idf[term] = log(1 + Double(documentCount) / Double(max(1, list.count))) }
        return sections.map { excerpt(of: $0, idf: idf, cache: &cache) }
    }

    func excerpt(of section: SearchSection, idf: [String: Double], cache: inout StemCache) -> String {
        let sentences = Self.sentences(section.text)
        guard !sentences.isEmpty else { return "" }
        let terms = sentences.map { Set(SearchTokenizer.terms($0, cache: &cache)) }
        let counts = sentences.map(\.count)
        var covered: Set<String> = []
        var chosen: [Int] = []
        var length = 0
        while length < SearchIndex.excerptLength {
            var best: (index: Int, gain: Double)?
            for i in sentences.indices where !chosen.contains(i) {
                let gain = terms[i].subtracting(covered).reduce(0) { $0 + (idf[$1] ?? 0) } / Double(min(counts[i], SearchIndex.excerptLength) + 40)
                if gain > 0, gain > (best?.gain ?? 0) { best = (i, gain) }
            }
            guard let pick = best else { break }
            chosen.append(pick.index)
            covered.formUnion(terms[pick.index])
            length += min(counts[pick.index], SearchIndex.excerptLength)
        }
        if chosen.isEmpty { chosen = [0] }
        return chosen.sorted().map { Self.clip(sentences[$0], to: SearchIndex.excerptLength) }.joined(separator: " … ")
    }

    /// Splits text into sentences at `.`, `?`, `!` followed by a space, and at line ends.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            var start = line.startIndex
            var i = line.startIndex
            while i < line.endIndex {
                let c = line[i]
                let next = line.index(after: i)
                if c == "." || c == "?" || c == "!", next < line.endIndex, line[next] == " " {
                    result.append(String(line[start...i]))
                    start = next
                }
                i = next
            }
            if start < line.endIndex { result.append(String(line[start...])) }
        }
        return result.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Cuts `text` at a word boundary before `limit` characters, adding `…`.
    static func clip(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}
