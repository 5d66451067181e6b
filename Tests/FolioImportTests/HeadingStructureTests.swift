import Testing
@testable import FolioImport

@Suite struct HeadingStructureTests {
    let structure = HeadingStructure(labels: Set((HeadingStructure.defaultLabels + ["Highlights", "Outcomes"]).map(TextNormalizer.key)), documentTitleKey: "")

    func apply(_ lines: [SourceLine], title: String = "T") -> ([String], [ImportFinding]) {
        var article = ArticleDraft(title: title, slug: "t", order: 1, lines: lines, sourceLines: 1...1)
        var findings: [ImportFinding] = []
        structure.apply(to: &article, articleIndex: 0, findings: &findings)
        return (article.lines.map(\.text).filter { !$0.isEmpty }, findings)
    }

    @Test func giz2022Lines213To249LostDotsRestoredFromParentSection() throws {
        var lines = try Fixtures.sourceLines("giz-ccid-2022-digital-business-models.txt", 213, 250)
        var findings: [ImportFinding] = []
        SectionNumbering.restore(&lines, tocNumbers: ["1.4", "1.41", "1.42"], findings: &findings)
        #expect(lines.first { $0.number == 249 }?.text == "## 1.4.2 China")
        #expect(findings.contains { $0.code == "IMP014" && $0.sourceLine == 249 })
    }

    @Test func sectionNumberTwoDigitSeriesIsKept() {
        var numbering = SectionNumbering()
        for n in ["1.1", "1.9"] { numbering.note(Substring(n)) }
        #expect(numbering.repaired("1.10") == nil)
        #expect(numbering.repaired("1.12") == nil)
    }

    @Test func cmia2021Lines1405To1422NumberedSentenceHeadingKeptSentenceBoldLineNotPromoted() throws {
        let lines = try Fixtures.sourceLines("cmia-2021-penetrating-insights.txt", 1405, 1424)
        let (out, findings) = apply(lines)
        let headings = out.filter { $0.hasPrefix("#") }
        #expect(headings.count == 3)
        #expect(headings[0] == "## Background")
        #expect(headings[1] == "## I. Jointly building a scientific and technological innovation center with national influence")
        #expect(headings[2].hasPrefix("### 2. Expand the \"track\", strengthen the supply"))
        #expect(!findings.contains { $0.code == "IMP011" && $0.sourceLine == 1413 })
        #expect(out.contains { $0.hasPrefix("**1. Convert from the traditional") })
    }

    @Test func cmia2024Lines3885To3890SeveralSentencesAreAParagraph() throws {
        let lines = try Fixtures.sourceLines("cmia-2024-penetrating-insights.txt", 3885, 3890)
        let (out, findings) = apply(lines)
        #expect(out.contains { $0.hasPrefix("**First, we recommend that Chongqing increase investment") })
        #expect(findings.contains { $0.code == "IMP013" && $0.sourceLine == 3887 })
    }

    @Test func boldOnlyLabelLinesArePromoted() throws {
        let lines = try Fixtures.sourceLines("giz-ccid-2022-digital-business-models.txt", 376, 384)
        let (out, findings) = apply(lines)
        #expect(out.filter { $0.hasPrefix("#") } == ["## Detailed description of the technology", "## Results"])
        // Known labels are routine promotions (IMP022), not doubtful ones (IMP011).
        #expect(findings.filter { $0.code == "IMP022" }.map(\.sourceLine) == [378, 382])
        #expect(!findings.contains { $0.code == "IMP011" })
    }

    @Test func aBoldSentencePromotedToAHeadingIsDoubtful() {
        #expect(HeadingStructure.isDoubtfulHeading("Second, actively promote localization and improve the quality and resilience of supply"))
        #expect(HeadingStructure.isDoubtfulHeading("3.2.6 facilitate cross-border capital transactions as such other cities' practices as Beijing"))
        #expect(HeadingStructure.isDoubtfulHeading("(1) Development and operation of highly transparent trade and investment systems to expand economic cooperation with ASEAN"))
        #expect(!HeadingStructure.isDoubtfulHeading("Case 3 Integrated solutions for the Volvo's automobile plants"))
        #expect(!HeadingStructure.isDoubtfulHeading("② Advanced Hydrogen Energy Chain Association for Technology Development (AHEAD)"))
        #expect(!HeadingStructure.isDoubtfulHeading("Outcomes"))
    }

    @Test func noSkippedLevelsAndOneH1() {
        let lines = Fixtures.lines("#### **1. First**\n\ntext\n\n# 1.1 Sub\n\ntext\n\n##### 1.1.1 Deep\n\ntext\n\n## 2. Second\n\ntext")
        let (out, _) = apply(lines)
        #expect(out.filter { $0.hasPrefix("#") } == ["## 1. First", "### 1.1 Sub", "#### 1.1.1 Deep", "## 2. Second"])
    }

    @Test func captionsAndSalutationsAreDemotedNumberedSentencesKept() {
        let lines = Fixtures.lines("### **Figure 6 The three elements of innovation (diagram)**\n\n### Hello Mr. Mayor, Ladies and Gentlemen!\n\n#### **1. Central and local governments have released several policies supporting the industry, in Chongqing and CCTCEC.**\n\ntext")
        let (out, findings) = apply(lines)
        #expect(out == ["Figure 6 The three elements of innovation (diagram)", "**Hello Mr. Mayor, Ladies and Gentlemen!**", "## 1. Central and local governments have released several policies supporting the industry, in Chongqing and CCTCEC", "text"])
        #expect(findings.filter { $0.code == "IMP013" }.count == 2)
    }

    @Test func cst2024Lines409To460LabelsAtOneLevelSubItemsBelow() throws {
        let lines = try Fixtures.sourceLines("cst-2024-inspiring-practices.txt", 409, 470)
        let (out, _) = apply(lines)
        let headings = out.filter { $0.hasPrefix("#") }
        #expect(headings.first == "## Corporate Profile")
        #expect(headings.contains("## Highlights"))
        #expect(headings.contains { $0.hasPrefix("### ") && $0.contains("Breakdown") })
        #expect(headings.last == "## Outcomes")
    }

    @Test func repeatedTitleAndInternalContentsAreRemoved() {
        let lines = Fixtures.lines("## Contents\n\n1. Intro\t3\n2. Body\t5\n\n## **The Title**\n\ntext\n\n## 1. Intro\n\nbody")
        let (out, findings) = apply(lines, title: "The Title")
        #expect(out == ["text", "## 1. Intro", "body"])
        #expect(findings.map(\.code).sorted() == ["IMP012", "IMP015"])
    }

    @Test func cmia2021Lines2855To2868RepeatedTitlePageAndBylineRemoved() throws {
        let lines = try Fixtures.sourceLines("cmia-2021-penetrating-insights.txt", 2855, 2870)
        let (out, findings) = apply(lines, title: "The Development of Japan's Hydrogen Energy Industry and the Development of Chengdu-Chongqing Economic Circle's Green Industry")
        #expect(out.first == "## Viewpoint of SMFG")
        #expect(!out.contains { $0.contains("Koichi Miyata") || $0.contains("Advisor, Sumitomo") })
        #expect(out.contains("## Summary"))
        #expect(findings.contains { $0.code == "IMP012" && $0.sourceLine == 2857 })
    }
}
