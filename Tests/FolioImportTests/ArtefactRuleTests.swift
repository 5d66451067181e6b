import FolioContent
import FolioCore
@testable import FolioImport
import Foundation
import Testing

/// Source artefacts found by rule: a misspelt name, a CJK fragment before a Latin heading, an
/// outline that repeats the chapter headings, an unreadable marker glued to a heading.
@Suite struct ArtefactRuleTests {
    /// cmia-2024 line 2790: "Chongging's integral role …" against 994 × "Chongqing".
    @Test func aNameMisspeltOnceIsReportedWithItsCorrection() throws {
        let document = CorpusExcerpt.document([try CorpusExcerpt.lines(CorpusExcerpt.cmia2024)], slug: "cmia-2024")
        let (_, findings) = CorpusExcerpt.run(document, [NameSpellingCheck()])
        let slip = try #require(findings.first { $0.code == "IMP070" })
        #expect(slip.sourceLine == 2790)
        #expect(slip.message.hasPrefix("`Chongging` (1×) looks like a misspelling of `Chongqing`"))
        #expect(slip.hint?.contains(#"find: "Chongging", replace: "Chongqing""#) == true)
        #expect(findings.count == 1, "\(findings.map(\.message))")
    }

    /// The check reads ASCII text byte by byte; it must find exactly the words that reading
    /// the text character by character finds, on every line of the five reports and on
    /// characters that are more than one scalar or share a byte with ASCII.
    @Test func namesAreTheWordsACharacterByCharacterReadingFinds() throws {
        func byCharacter(_ text: String) -> [(word: String, inSentence: Bool)] {
            var out: [(word: String, inSentence: Bool)] = []
            var current = ""
            var before: Character?
            var lastNonSpace: Character?
            func flush() {
                if current.count >= 6, let head = current.first, head.isUppercase, current.dropFirst().allSatisfy(\.isLowercase) {
                    out.append((current, before.map { $0.isLetter || $0 == "," } ?? false))
                }
                current = ""
            }
            for ch in text {
                if ch.isLetter {
                    if current.isEmpty { before = lastNonSpace }
                    current.append(ch)
                } else {
                    flush()
                }
                if !ch.isWhitespace { lastNonSpace = ch }
            }
            flush()
            return out
        }
        var lines = try CorpusExcerpt.all.flatMap { try CorpusExcerpt.lines($0).map(\.text) }
        lines += [
            "Chongqing\u{301}s and Zu\u{308}rich, Éléonore Müller, Ångström; São Paulo’s Chengdu—Chongqing",
            "Tsinghua\r\nUniversity, Peking\u{00A0}University and Fudan,University 重庆Chongqing",
        ]
        var compared = 0
        for line in lines {
            let fast = NameSpellingCheck.names(in: line), slow = byCharacter(line)
            #expect(fast.map(\.word) == slow.map(\.word) && fast.map(\.inSentence) == slow.map(\.inSentence), "\(line)")
            compared += slow.count
        }
        #expect(compared > 10_000)
    }

    @Test func spellingVariantsCommonWordsAndCitedTitlesAreNoSlips() {
        var lines: [String] = []
        for _ in 0..<30 {
            lines.append("The Innovation Center in Chengdu opened. Retrieved from the archive.")
            lines.append("Retrieved from: https://example.org, a study of Heteroskedasticity by the Center.")
        }
        lines.append("The Centre of Excellence; the Retriever dog; in Chengde, not Chengdu.")
        lines.append("- <span id=\"ref-long-2000\"></span>Long JS (2000). Using Heteroscedasticity Consistent Standard Errors.")
        let document = CorpusExcerpt.document([lines.enumerated().map { SourceLine($0.element, number: $0.offset + 1) }])
        let (_, findings) = CorpusExcerpt.run(document, [NameSpellingCheck()])
        // `Chengde` is one letter from the frequent `Chengdu`: reported, the editor decides.
        #expect(findings.map(\.message) == ["`Chengde` (1×) looks like a misspelling of `Chengdu`, which this document writes 31 times"])
    }

    @Test func aCJKFragmentBeforeALatinHeadingIsDropped() {
        #expect(HeadingStructure.droppingCJKFragment("省 Policy Overview") == "Policy Overview")
        #expect(HeadingStructure.droppingCJKFragment("中国制造 2025") == nil)
        #expect(HeadingStructure.droppingCJKFragment("重庆 重庆市") == nil)
        #expect(HeadingStructure.droppingCJKFragment("Policy Overview") == nil)
    }

    /// cmia-2024 lines 1028–1270 (HP): five "Chapter N." headings with the sections' points as
    /// bullets, then the chapters themselves as "1. Introduction" … "5. Concluding remarks".
    @Test func anOutlineOfChapterHeadingsRepeatedAsNumberedSectionsIsRemoved() throws {
        let lines = try Fixtures.sourceLines("cmia-2024-penetrating-insights.txt", 1028, 1270)
        var article = ArticleDraft(title: "Accelerating AI Capabilities", slug: "hp", order: 1, lines: lines, sourceLines: 1028...1270)
        var findings: [ImportFinding] = []
        HeadingStructure(labels: [], documentTitleKey: "").apply(to: &article, articleIndex: 0, findings: &findings)
        let headings = article.lines.map(\.text).filter { $0.hasPrefix("#") }
        #expect(!headings.contains { $0.contains("Chapter") }, "\(headings)")
        #expect(headings.first == "## 1. Introduction", "\(headings)")
        #expect(findings.contains { $0.code == "IMP018" })
        #expect(HeadingStructure.outlineKey("Chapter 4.Recommendation") == HeadingStructure.outlineKey("4. Recommendations"))
    }

    /// cmia-2024 line 1766: `… drawing on advanced cases for reference<sup>121/31</sup>`.
    @Test func anUnreadableMarkerLeavesTheHeadingAndStaysInTheFinding() throws {
        let document = CorpusExcerpt.document([try CorpusExcerpt.lines(CorpusExcerpt.cmia2024, 1764...1770)])
        let (out, findings) = CorpusExcerpt.run(document, [NoteResolver()])
        let heading = try #require(out.articles[0].lines.first { $0.number == 1766 })
        #expect(heading.text.hasSuffix("drawing on advanced cases for reference"), "\(heading.text)")
        let finding = try #require(findings.first { $0.code == "FN105" })
        #expect(finding.message == "Unreadable footnote marker “121/31” was removed from a heading.")
        #expect(finding.sourceLine == 1766)
    }

    /// cmia-2024 lines 1850–1875 (Corning): Figure 8, a chart of dots, came out as 18 tab-separated
    /// rows of bullets; the rows go, the caption stays as a lost figure's, and FIG113 says so.
    @Test func aTableOfBulletsIsAChartReadAsText() throws {
        let lines = try CorpusExcerpt.lines(CorpusExcerpt.cmia2024, 1850...1875)
        var findings: [ImportFinding] = []
        let out = FigureAnchorer.droppingChartTables(lines, article: 0, findings: &findings)
        #expect(!out.contains { $0.text.contains("••") })
        #expect(out.contains { $0.text.contains("Figure 8: Improvement of business indicators") })
        let finding = try #require(findings.first { $0.code == "FIG113" })
        #expect(finding.sourceLine == 1854)
        #expect(finding.markers == ["Figure 8</span>"])
        // A table of words and numbers stays.
        let table = Fixtures.lines("Region\tOutput\tShare\nChongqing\t12\t30%\nChengdu\t10\t25%\nXi'an\t8\t20%\nWuhan\t9\t25%")
        #expect(FigureAnchorer.droppingChartTables(table, article: 0, findings: &findings).count == table.count)
    }
}
