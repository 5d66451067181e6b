import Testing
@testable import FolioImport

@Suite struct TableOfContentsTests {
    @Test func cmia2021Lines15To20LeaderDotsAndCompany() throws {
        let lines = try Fixtures.sourceLines("cmia-2021-penetrating-insights.txt", 15, 20)
        let toc = try #require(TableOfContents.parse(lines, heading: "CONTENTS"))
        #expect(toc.entries.count == 4)
        let first = toc.entries[0]
        #expect(first.title == "Synergetic Development, Strategically Building a Sustainable Industrial System in the Region")
        #expect(first.company == "CORNING")
        #expect(first.page == "1")
        #expect(first.sourceLine == 17)
    }

    @Test func cmia2024Lines9To14NumberedWithoutSeparators() throws {
        let lines = try Fixtures.sourceLines("cmia-2024-penetrating-insights.txt", 9, 13)
        let toc = try #require(TableOfContents.parse(lines, heading: "CONTENTS"))
        #expect(toc.entries.map(\.number) == ["1.", "2.", "3."])
        #expect(toc.entries[0].page == "03")
        #expect(toc.entries[0].title.hasSuffix("in Chongqing Wilmar International"))
        #expect(toc.entries[2].page == nil)
    }

    @Test func leiden2023Lines23To33TabsAndRomanPages() throws {
        let lines = try Fixtures.sourceLines("leiden-2023-china-industrial-iot.txt", 23, 36)
        let toc = try #require(TableOfContents.parse(lines, heading: "Contents"))
        #expect(toc.entries.count == 8)
        #expect(toc.entries[0].title == "Inti roduction")
        #expect(toc.entries[0].page == "iv")
        #expect(toc.entries[1].number == "1.")
        #expect(toc.entries[1].title == "Global growth of the IoT and the IIoT")
        #expect(toc.entries[7].title == "Conclusions and recommendations")
        #expect(toc.entries[7].page == "29")
    }

    @Test func cst2024Lines49To64PageFirstWithHardBreaks() throws {
        let lines = try Fixtures.sourceLines("cst-2024-inspiring-practices.txt", 49, 66)
        let toc = try #require(TableOfContents.parse(lines, heading: "CONTENTS"))
        #expect(toc.entries.map(\.title) == [
            "Preface", "Chapter 1: The Booming Digital Era", "Chapter 2: Activating the Digital Key to Sustainable Development",
            "Chapter 3: The Digital Industry, a Booster for Sustainable Development",
            "Chapter 4 Challenges and Recommendations for Sustainable Development of the Digital Industry", "Appendix",
        ])
        #expect(toc.entries.map(\.page) == ["1", "6", "9", "12", "49", "51"])
    }

    @Test func giz2022Lines89To97BoldTagsAndLostDots() throws {
        var lines = try Fixtures.sourceLines("giz-ccid-2022-digital-business-models.txt", 89, 122)
        var findings: [ImportFinding] = []
        SourceCleaner(labels: []).clean(&lines, findings: &findings)
        let toc = try #require(TableOfContents.parse(lines, heading: "Table of Contents"))
        #expect(toc.entries[1].title == "1. Introduction")
        #expect(toc.entries[1].page == "3")
        #expect(toc.entries.contains { $0.title == "1.42 China" })
        #expect(findings.contains { $0.code == "IMP030" && $0.sourceLine == 92 })
    }
}
