import Foundation
import FolioContent
import FolioCore
import Testing
@testable import FolioValidate

/// Footnote and citation checks on excerpts of the corpus (body line n is file line n + 7).
struct CitationCheckTests {
    @Test func undefinedReferenceIsAnErrorAtItsLineAndColumn() {
        // cmia-2021 3289: ref 76 has no definition.
        let page = Fixture.article("""
        # ISUZU

        … the Chengdu-Chongqing City Cluster"[^76] was announced.
        """)
        let found = Fixture.check([page])
        #expect(found == [Diagnostic(code: "FN001", severity: .error, message: "footnote reference [^76] has no definition", location: SourceLocation(file: "Content/articles/doc/01-a.md", line: 10, column: 40), hint: "add a `[^76]: …` definition to this article, or remove the reference")])
    }

    @Test func unreferencedAndDuplicateDefinitions() {
        // cmia-2021 3276/3291: label 75 defined twice; cst-2024 1050: def 4 never cited.
        let page = Fixture.article("""
        # ISUZU

        National Plan[^75] and more.

        [^75]: "National Plan for Main Function Zones" (GF [2010] No. 46)
        [^75]: "Announcement of the Chengdu-Chongqing City Cluster Development Plan" by NDRC
        [^4]: UNDP et al., SDG Digital Acceleration Agenda
        """)
        #expect(Fixture.codes(Fixture.check([page])) == ["FN003@13", "FN002@14"])
    }

    @Test func numberingGapAcrossArticlesOfADocument() {
        // cst-2024 68 → 151: references 1–3, then 5; note 4 is never cited (and 12 after 11).
        let a = Fixture.article("# Ch 1\n\nby 45%[^1], fast[^2], up[^3].\n\n[^1]: a\n[^2]: b\n[^3]: c", path: "Content/articles/cst/01-a.md", document: "cst")
        let b = Fixture.article("# Ch 2\n\nin all respects[^5] and[^6].\n\n[^5]: e\n[^6]: f", path: "Content/articles/cst/02-b.md", document: "cst")
        // Note 4 is kept as a plain note in an appendix (its marker was lost); 7–12 are nowhere.
        let c = Fixture.article("# Ch 3\n\nby up to 90%[^13].\n\n[^13]: m\n\n⁽⁴⁾ UNDP et al., SDG Digital Acceleration Agenda", path: "Content/articles/cst/03-c.md", document: "cst")
        let found = Fixture.check([a, b, c]).filter { $0.code == "FN004" }
        #expect(found.map(\.message) == [
            "footnote numbering jumps from 3 to 5: note 4 is defined but never referenced: the marker is missing",
            "footnote numbering jumps from 6 to 13: no `[^7]` marker (or later ones) and no definition of notes 7–12 in this document",
        ])
        #expect(found.map { $0.location?.file } == ["Content/articles/cst/02-b.md", "Content/articles/cst/03-c.md"])
    }

    @Test func restartedNumberingIsNoGap() {
        // cmia-2021: Cummins numbers [1]–[7] locally after ABB's 53–71.
        let a = Fixture.article("# ABB\n\nx[^70] y[^71]\n\n[^70]: a\n[^71]: b", path: "Content/articles/c/01-a.md", document: "c")
        let b = Fixture.article("# Cummins\n\nx[^1] y[^2]\n\n[^1]: a\n[^2]: b", path: "Content/articles/c/02-b.md", document: "c")
        #expect(Fixture.check([a, b]).filter { $0.code == "FN004" }.isEmpty)
    }

    @Test func outOfOrderFirstReference() {
        let page = Fixture.article("# A\n\none[^1] three[^3] two[^2]\n\n[^1]: a\n[^2]: b\n[^3]: c")
        #expect(Fixture.codes(Fixture.check([page])) == ["FN005@10"])
    }

    @Test func duplicateTextAndDuplicateURL() {
        // cmia-2021 3291 = 3421 (77 copies 76); cst-2024 1048/1049 (def 3 reuses def 2's URL).
        let page = Fixture.article("""
        # A

        a[^1] b[^2] c[^3] d[^4]

        [^1]: "Announcement of the Chengdu-Chongqing City Cluster Development Plan" <https://www.ndrc.gov.cn/xxgk/zcfb/tz/201605/t20160504_1170022.html>
        [^2]: "Announcement of the Chengdu-Chongqing City Cluster Development Plan" <https://www.ndrc.gov.cn/xxgk/zcfb/tz/201605/t20160504_1170022.html>
        [^3]: World Bank, Digital Progress and Trends Report, <https://openknowledge.worldbank.org/server/api/core/bitstreams/95fe55e9/content>
        [^4]: CAICT, White Paper on Global Digital Economy (2023), <https://openknowledge.worldbank.org/server/api/core/bitstreams/95fe55e9/content>
        """)
        #expect(Fixture.codes(Fixture.check([page])) == ["FN006@13", "FN007@15"])
    }

    @Test func malformedAndSpaceBrokenURLsInDefinitions() {
        let page = Fixture.article("""
        # A

        a[^1] b[^2] c[^3]

        [^1]: Report, https://www.gov.cn/zhengce/content/2021-02/ 22/content_5588274.htm
        [^2]: Report, http//www.example.com/report
        [^3]: Report, https://https://example.com/x
        """)
        #expect(Fixture.codes(Fixture.check([page])) == ["FN008@12", "FN008@13", "FN008@14"])
    }

    @Test func lostURLPlaceholder() {
        // cmia-2024 1099: "Source: Chongqing Municipal Government (link)".
        let page = Fixture.article("# A\n\nGrowth[^12].\n\n[^12]: Source: Chongqing Municipal Government (link)")
        let found = Fixture.check([page])
        #expect(found.map(\.code) == ["FN009"])
        #expect(found.first?.message == "footnote [^12] has the placeholder “(link)” where a URL was lost")
    }

    @Test func garbledMarkers() {
        // cmia-2021 1282 `<sup>t27</sup>o`; cmia-2024 1062 `<sup>&</sup>lt;sup>1</sup>`; a raw marker; an open `[^`.
        let page = Fixture.article("""
        # A

        around 1.3% <sup>t27</sup>o the GDP of the US

        <sup>&</sup>lt;sup>1</sup> Source: World Economic Forum

        the environment<sup>34</sup> matters

        broken [^12 marker

        increased by nearly 45% since 2020<sup>1</sup>.
        """)
        // The last one: cst-2024 68, a note number right after a year.
        #expect(Fixture.codes(Fixture.check([page])).filter { $0.hasPrefix("FN010") } == ["FN010@10", "FN010@12", "FN010@14", "FN010@16", "FN010@18"])
    }

    @Test func noFalsePositivesOnOrdinalsUnitsPowersTrademarksAndFormulas() {
        // giz-ccid-2022 203 (30<sup>th</sup>), 231 (CO<sub>2</sub>); cmia-2021 2047, 2928, 3, 4201; issue text (10^60).
        let page = Fixture.article("""
        # A

        Accessed on 30<sup>th</sup> August 2021 and the 16<sup>TH</sup> meeting, the 14th Five-Year Plan.

        CO<sub>2</sub> and CO <sub>2</sub> and CO₂ and CO<sub>2</sub>e emissions; 220 km <sup>2</sup> ; 100 yen/Nm<sup>3</sup> and Nm³.

        An area of 5 m<sup>2</sup>, or 5 m², and 10<sup>60</sup> or 10⁶⁰ operations; Intel<sup>®</sup> and Qualcomm™ and Snapdragon<sup>TM</sup>.

        In 2019 the value rose 3×10<sup>3</sup> times[^1].

        [^1]: A note.
        """)
        let found = Fixture.check([page]).filter { $0.code == "FN010" }
        #expect(found.isEmpty)
    }

    @Test func theBytePreCheckLetsThroughEveryLineThePlaceholderExpressionMatches() throws {
        var lines = [
            "See (link)", "[ URL ]", "Available at:", "retrieved from", "Accessed at :  ", "the URL", "URL:\u{A0}",
            "The world is early", "think about it", "Retrieved from the archive", "url: https://a.example",
        ]
        lines += Fixture.corpusLines
        var matched = 0, passed = 0
        for line in lines {
            let match = TextPatterns.placeholderRegex.firstMatch(in: line, range: NSRange(location: 0, length: (line as NSString).length)) != nil
            let may = TextPatterns.mayHavePlaceholder(line)
            if match {
                matched += 1
                #expect(may, "\(line)")
            }
            if may { passed += 1 }
        }
        #expect(matched >= 6)
        #expect(passed < lines.count / 2)
        #expect(!TextPatterns.mayHavePlaceholder("The world is early; think of the website"))
    }
}

/// The one-pass hints that decide which lines ``TextPatterns/garbledMarkers(in:)`` looks at.
struct MarkerHintTests {
    @Test func markupAndSuperscriptLeadsAreFoundAsTheSubstringSearchesFoundThem() {
        let lines: [String] = [
            "plain text with no markers", "a <sup>1</sup> note", "fish & chips", "a [^3] reference", "an escaped \\[^4] one",
            "a bracket [ then ^ apart", "a backslash \\ then [ apart", "^[ reversed", "Nm³ and m²", "price 5€", "é accent only",
            "", "[", "\\", "[^", "\\[", "¹",
        ]
        for line in lines {
            let slice = Substring(line)
            let markup = slice.has("<") || slice.has("&") || slice.has("[^") || slice.has("\\[")
            let lead = slice.utf8.contains(0xC2) || slice.utf8.contains(0xE2)
            let hints = TextPatterns.markerHints(slice)
            #expect(hints.markup == markup, "\(line)")
            #expect(hints.superscriptLead == lead, "\(line)")
        }
        let inside = "xx a [^3] yy"
        let slice = inside[inside.index(inside.startIndex, offsetBy: 3)..<inside.index(inside.startIndex, offsetBy: 8)]
        #expect(TextPatterns.markerHints(slice).markup)
    }
}
