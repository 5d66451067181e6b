@testable import FolioSite
import FolioMarkdown
import FolioTestSupport
import Foundation
import Testing

@Suite struct SearchIndexTests {
    // cmia-2024-penetrating-insights.txt:600-608 (abridged)
    static let hitachi = """
        # Hitachi's green transformation

        Ibaraki Prefecture prospered as an area that developed around Hitachi.

        ## Using a digital twin

        Hitachi is using a digital twin of this factory to visualize electricity usage using power sensors.

        Digital twin simulation is an indispensable tool for smart manufacturing.

        ## Omika Works

        Decarbonization demonstrations with Omika Works as the hub.
        """

    static func sections() -> [SearchSection] {
        let rendered = MarkdownRenderer().render(hitachi)
        return SearchSection.sections(of: rendered, title: "Hitachi's green transformation", urlPath: "cmia-2024/hitachi/", group: "CMIA 2024", page: 0)
    }

    @Test func splitsPagesAtHeadingsAndLinksToThem() {
        let sections = Self.sections()
        #expect(sections.map(\.url) == [
            "cmia-2024/hitachi/index.html",
            "cmia-2024/hitachi/index.html#using-a-digital-twin",
            "cmia-2024/hitachi/index.html#omika-works",
        ])
        #expect(sections.map(\.heading) == [nil, "Using a digital twin", "Omika Works"])
        #expect(sections[1].text.hasPrefix("Hitachi is using a digital twin"))
    }

    @Test func foldsHeadingsWithoutTextIntoTheNextSection() {
        // cmia-2021-penetrating-insights.txt:68-72 (abridged)
        let markdown = """
            # Corning's western strategy

            ## Part I - Corning's western strategy

            ### Corning is a leader in diversified material sciences

            Corning is one of the world's leading innovators in materials science.
            """
        let sections = SearchSection.sections(of: MarkdownRenderer().render(markdown), title: "Corning", urlPath: "cmia-2021/corning/", group: "CMIA 2021", page: 0)
        #expect(sections.count == 1)
        #expect(sections.first?.url == "cmia-2021/corning/index.html#corning-is-a-leader-in-diversified-material-sciences")
        #expect(sections.first?.heading == "Part I - Corning's western strategy › Corning is a leader in diversified material sciences")
    }

    @Test func boostsTitleAndHeadingTerms() {
        let index = SearchIndex.build(Self.sections())
        let hitachi = index.postings["hitachi"] ?? []
        // Once in the lead's text plus the title boost; once in the second section's text.
        #expect(hitachi == [.init(section: 0, weight: 1 + SearchIndex.titleBoost), .init(section: 1, weight: 1)])
        let twin = index.postings["twin"] ?? []
        #expect(twin == [.init(section: 1, weight: 2 + SearchIndex.headingBoost)])
        #expect(index.lengths.count == 3)
    }

    @Test func keepsOnlyPairsThatNarrowTheSearch() {
        // "digital twin" in three sections, "digital" and "twin" also apart in a fourth.
        var sections: [SearchSection] = []
        for i in 0..<3 {
            sections.append(SearchSection(url: "a/index.html#s\(i)", title: "A", heading: nil, group: "G", text: "A digital twin of the plant. Another digital twin.", page: i))
        }
        sections.append(SearchSection(url: "b/index.html", title: "B", heading: nil, group: "G", text: "Digital tools help a twin-city region.", page: 3))
        let index = SearchIndex.build(sections)
        #expect(index.postings["digit twin"]?.map(\.section) == [0, 1, 2])
        // "digit tool" occurs once: not worth a pair.
        #expect(index.postings["digit tool"] == nil)
        // "anoth digit" occurs three times but only where both words are anyway.
        #expect(index.postings["anoth digit"] == nil)
    }

    /// The pair rule asks whether two terms share more sections than the pair's own; the galloping
    /// count must agree with a plain merge of the two lists on random lists of every shape.
    @Test func countsSharedSectionsAsAPlainMergeWould() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<2000 {
            func list() -> [SearchIndex.Posting] {
                let density = Double.random(in: 0.01...1, using: &random)
                let length = Int.random(in: 0...300, using: &random)
                return (0..<length).filter { _ in Double.random(in: 0..<1, using: &random) < density }.map { .init(section: $0, weight: 1) }
            }
            let a = list(), b = list()
            var i = 0, j = 0, shared = 0
            while i < a.count && j < b.count {
                if a[i].section == b[j].section { shared += 1; i += 1; j += 1 } else if a[i].section < b[j].section { i += 1 } else { j += 1 }
            }
            let limit = Int.random(in: 0...max(0, shared + 2), using: &random)
            #expect(SearchIndex.sharedSections(a, b, exceed: limit) == (shared > limit), "a=\(a.map(\.section)) b=\(b.map(\.section)) limit=\(limit)")
        }
    }

    @Test func shardsRoundTripThroughTheirEncoding() throws {
        let index = SearchIndex.build(Self.sections())
        let files = index.files()
        var decoded: [String: String] = [:]
        for file in files where file.path.hasPrefix("index/s/") {
            let text = file.text
            let open = try #require(text.range(of: ",\"")), close = try #require(text.range(of: "\");", options: .backwards))
            let body = String(text[open.upperBound..<close.lowerBound])
            var previous = ""
            for entry in body.split(separator: ";") {
                let shared = try #require(Int(String(entry.first!), radix: 36))
                let eq = try #require(entry.firstIndex(of: "="))
                let term = String(previous.prefix(shared)) + entry[entry.index(after: entry.startIndex)..<eq]
                decoded[term] = String(entry[entry.index(after: eq)...])
                previous = term
            }
        }
        #expect(Set(decoded.keys) == Set(index.postings.keys))
        for (term, list) in index.postings {
            #expect(decoded[term] == SearchIndex.encode(list), "\(term)")
        }
        #expect(files.contains { $0.path == "index/meta.js" })
        #expect(files.filter { $0.path.hasPrefix("index/f/") }.count == 1)
    }

    @Test func encodesPostingsAsBase36Deltas() {
        #expect(SearchIndex.encode([.init(section: 3, weight: 1), .init(section: 40, weight: 7), .init(section: 41, weight: 40)]) == "3,11:7,1:14")
        for number in Array(-40...1_400) + [46_655, 46_656, Int.max, Int.min, Int.min + 1] {
            var bytes: [UInt8] = []
            SearchIndex.appendBase36(number, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(number, radix: 36), "\(number)")
        }
    }

    @Test func escapesStringsForScripts() {
        #expect(SearchIndex.json("</script>\n\"x\"") == #""\u003c/script>\n\"x\"""#)
    }

    @Test func ordersTermsAsTheBrowserCompares() {
        // JavaScript compares UTF-16 code units: U+FF21 sorts before U+1F600's surrogates.
        #expect(SearchIndex.precedes("digit", "digit twin"))
        #expect(SearchIndex.precedes("digit twin", "digitalis"))
        #expect(SearchIndex.precedes("\u{FF21}", "\u{1F600}") == false)
    }

    @Test func excerptsPreferDistinctiveSentences() {
        let section = SearchSection(url: "x/index.html", title: "X", heading: nil, group: "G", text: "The the the. Siemens deploys digital twin technology in Nanjing. It is good.", page: 0)
        let index = SearchIndex.build([section, SearchSection(url: "y/index.html", title: "Y", heading: nil, group: "G", text: "It is good.", page: 1)])
        #expect(index.excerpts[0].hasPrefix("Siemens deploys digital twin technology in Nanjing."))
        #expect(index.excerpts[0].count <= SearchIndex.excerptLength * 2 + 3)
    }
}
