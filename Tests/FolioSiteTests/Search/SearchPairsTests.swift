@testable import FolioSite
import FolioTestSupport
import Foundation
import Testing

/// The parts of the index build that trade a plain method for a fast one: each must answer as the
/// plain method does.
@Suite struct SearchPairsTests {
    /// Sections cut from a raw report at blank lines, a few paragraphs each.
    static func corpusSections() throws -> [SearchSection] {
        let url = SearchFixture.repository.appendingPathComponent("Content/sources/cmia-2024-penetrating-insights.txt")
        let paragraphs = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n\n").filter { !$0.isEmpty }
        return stride(from: 0, to: min(paragraphs.count, 1_200), by: 4).enumerated().map { page, start in
            let text = paragraphs[start..<min(start + 4, paragraphs.count)].joined(separator: "\n")
            return SearchSection(url: "p\(page)/index.html", title: "Page \(page)", heading: nil, group: "G", text: text, page: page)
        }
    }

    /// Every adjacent pair of different terms with its count and sections, from a dictionary.
    static func countedByDictionary(_ tokens: [SectionTokens]) -> [Int64: (count: Int, sections: [Int32])] {
        var counted: [Int64: (count: Int, sections: [Int32])] = [:]
        for (index, item) in tokens.enumerated() {
            for run in item.sentenceTerms + [item.heading, item.title] where run.count > 1 {
                for i in 0..<(run.count - 1) where run[i] != run[i + 1] {
                    let pair = Int64(run[i]) << 32 | Int64(run[i + 1])
                    var entry = counted[pair] ?? (0, [])
                    entry.count += 1
                    if entry.sections.last != Int32(index) { entry.sections.append(Int32(index)) }
                    counted[pair] = entry
                }
            }
        }
        return counted
    }

    @Test func frequentPairsAreThoseADictionaryCounts() throws {
        let sections = try Self.corpusSections()
        let chunk = SearchIndex.tokenize(sections, sections.indices)
        let expected = Self.countedByDictionary(chunk.sections).filter { $0.value.count >= SearchIndex.minimumPairCount }
        #expect(expected.count > 100)
        // The term count decides how pairs are split into parts: the real one, and one so large
        // that dozens of parts are needed to fit a pair and a section in 64 bits; and the
        // occurrences are listed all at once or in groups.
        for (termCount, perGroup) in [(chunk.terms.count, 8_000_000), (Int(Int32.max), 8_000_000), (chunk.terms.count, 2_000)] {
            let found = SearchIndex.frequentPairs(chunk.sections, termCount: termCount, occurrencesPerGroup: perGroup)
            #expect(found.count == expected.count)
            for (pair, sections) in found {
                #expect(expected[pair]?.sections == sections, "pair \(pair >> 32) \(pair & 0xFFFF_FFFF) with \(termCount) terms, \(perGroup) a group")
            }
        }
    }

    @Test func radixSortOrdersByKeyAndKeepsTiesInOrder() {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<200 {
            let low = Int.random(in: 0...20, using: &random), keyBits = Int.random(in: 1...(64 - low), using: &random)
            let count = Int.random(in: 0...3_000, using: &random)
            let values = (0..<count).map { _ -> UInt64 in
                // Keys of every size up to `keyBits`, so short and long keys mix.
                let full = UInt64.random(in: 0...UInt64.max, using: &random) >> UInt64(64 - keyBits)
                let key = full >> UInt64(Int.random(in: 0..<keyBits, using: &random))
                return key << UInt64(low) | (UInt64.random(in: 0...UInt64.max, using: &random) & ((1 << UInt64(low)) - 1))
            }
            var sorted = values
            SearchIndex.radixSort(&sorted, skippingLow: low, keyBits: keyBits)
            let expected = values.enumerated().sorted { ($0.element >> UInt64(low), $0.offset) < ($1.element >> UInt64(low), $1.offset) }.map(\.element)
            #expect(sorted == expected, "low \(low) key bits \(keyBits)")
        }
    }

    @Test func termsAreSortedAsTheBrowserCompares() {
        var random = SeededGenerator(seed: 5)
        // ASCII, accented letters, a full-width letter (U+FF21), a private-use character (U+E000)
        // and an emoji: the last two are where UTF-8 and UTF-16 orders disagree.
        let alphabet: [Character] = ["a", "b", "z", " ", "é", "ß", "\u{FF21}", "\u{E000}", "\u{1F600}", "中"]
        let terms = Array(Set((0..<3_000).map { _ in String((0..<Int.random(in: 0...5, using: &random)).map { _ in alphabet.randomElement(using: &random)! }) }))
        #expect(SearchIndex.sortedAsJavaScript(terms) == terms.sorted(by: SearchIndex.precedes))
    }
}
