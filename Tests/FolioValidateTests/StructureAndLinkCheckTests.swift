import Foundation
import FolioContent
import FolioCore
import Testing
@testable import FolioValidate

/// Structure and link checks (body line n is file line n + 7).
struct StructureAndLinkCheckTests {
    @Test func skippedLevelSecondH1FootnoteInHeadingRepeatedHeading() {
        // giz-ccid-2022 311/313 (H4 → H5 is fine, H2 → H4 is not), 344 (note in a heading).
        let page = Fixture.article("""
        # Baowu Carbon

        ## Introduction

        #### Results

        # Second title

        ## BHS Corrugated – Cardboard[^25]

        ## Introduction

        [^25]: Note.
        """)
        // The second "Introduction" is under another parent (the second title): no STR007.
        #expect(Fixture.codes(Fixture.check([page])) == ["STR001@12", "STR003@14", "STR004@16"])
    }

    @Test func aHeadingRepeatedUnderTheSameParentIsReported() {
        let page = Fixture.article("""
        # A

        ## Methods

        ### Synopsis

        ### Synopsis

        ## Results

        ### Synopsis
        """)
        // The second Synopsis under Methods is ambiguous there; the one under Results is not.
        #expect(Fixture.codes(Fixture.check([page])) == ["STR007@14"])
    }

    @Test func duplicateRawID() {
        let page = Fixture.article("""
        # A

        <p id="table-1" class="table-caption"><span class="table-label">Table 1</span> First</p>

        <p id="table-1" class="table-caption"><span class="table-label">Table 2</span> Second</p>

        See Table 1 and Table 2.
        """)
        #expect(Fixture.codes(Fixture.check([page])) == ["STR002@12"])
    }

    @Test func tableOfContentsAgainstArticles() {
        let index = Fixture.article("# Doc\n\n1. [Alpha paper](01-a.md)\n2. [Something else](02-b.md)\n", path: "Content/articles/doc/index.md", title: "Doc", kind: .documentIndex)
        let a = Fixture.article("# Alpha paper", path: "Content/articles/doc/01-a.md", title: "Alpha paper")
        let b = Fixture.article("# Beta paper", path: "Content/articles/doc/02-b.md", title: "Beta paper")
        let c = Fixture.article("# Gamma paper", path: "Content/articles/doc/03-c.md", title: "Gamma paper")
        let found = Fixture.check([index, a, b, c])
        #expect(found.map(\.code).sorted() == ["STR005", "STR006"])
        #expect(found.first { $0.code == "STR005" }?.location?.file == "Content/articles/doc/03-c.md")
    }

    @Test func anchorsInThisAndOtherPages() {
        let a = Fixture.article("# A\n\n## Results\n\n[ok](#results) [bad](#resultz) [other](02-b.md#intro) [other bad](02-b.md#nope)\n", path: "Content/articles/doc/01-a.md")
        let b = Fixture.article("# B\n\n## Intro\n", path: "Content/articles/doc/02-b.md", title: "B")
        let result = ContentValidator(projectRoot: Fixture.repositoryRoot).validate([a, b])
        #expect(result.diagnostics.map(\.message) == [
            "link `#resultz` points to a missing anchor `#resultz` in this page",
            "link `02-b.md#nope` points to a missing anchor `#nope` in Content/articles/doc/02-b.md",
        ])
        #expect(result.reportedLinks == ["Content/articles/doc/01-a.md#resultz", "Content/articles/doc/01-a.md#nope"])
    }

    @Test func externalURLsAndLinkText() {
        // giz-ccid-2022 243: `\\_` in link text renders as a visible backslash.
        let page = Fixture.article(#"""
        # A

        [https://www.bmbf.de/foerderungen/bekanntmachung-3621\\_bekanntmachung](https://www.bmbf.de/foerderungen/bekanntmachung-3621_bekanntmachung)

        See [the plan](https://https://example.com/plan) and [site](http://localhostx/x).

        The report is at https://www.example.com/reports/ annual-report.pdf today.
        """#)
        #expect(Fixture.codes(Fixture.check([page])) == ["URL002@10", "URL001@12", "URL001@12", "URL003@14"])
    }

    @Test func findingsOfImportedArticlesCarryTheirSourceLine() {
        // giz-ccid-2022 393–418: the reference to Figure 4 sits on source line 406.
        let page = Fixture.article("""
        # Tencent Cloud – Energy Studio

        ## Introduction

        Comprehensive energy - namely the user-side energy management - covers energies such as electricity, heat, water, gas, coal, and oil.

        Tencent Cloud Energy Studio addresses the difficulties mentioned in Figure 4: it improves delivery efficiency.
        """, source: SourceRange(file: "Content/sources/giz-ccid-2022-digital-business-models.txt", lines: [393, 418]))
        let found = Fixture.check([page])
        #expect(found.map(\.code) == ["FIG001"])
        #expect(found.first?.location == SourceLocation(file: "Content/articles/doc/01-a.md", line: 14))
        #expect(found.first?.source == SourceLocation(file: "Content/sources/giz-ccid-2022-digital-business-models.txt", line: 406))
    }
}
