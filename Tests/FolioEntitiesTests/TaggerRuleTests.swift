import FolioEntities
import Foundation
import Testing

/// Case rules, context rules, Markdown regions and links, on corpus excerpts.
struct TaggerRuleTests {
    let tagger = Fixtures.tagger

    private func terms(_ text: String) -> Set<String> {
        Set(tagger.analyze(markdown: text, linking: false).occurrences.map(\.term.description))
    }

    @Test func acronymsAreCaseSensitiveAndNotPartOfHyphenatedCodes() {
        // cmia-2021 line 2073: "High-Precision … (HP-GNSS)" is not the company HP.
        let found = terms(Fixtures.lines("cmia-2021", 2073, 2073))
        #expect(!found.contains("company/hp"))
        #expect(found.contains("technology/satellite-navigation"))
        #expect(terms("HP opened the Smart Manufacturing center.").contains("company/hp"))
        #expect(!terms("The hp of the engine.").contains("company/hp"))
        // bp is lower case in the corpus; "BP" is an alias, "Bp" is nothing.
        #expect(terms(Fixtures.lines("cmia-2021", 2798, 2798)).contains("company/bp"))
        #expect(!terms("Bp readings").contains("company/bp"))
        #expect(terms("AI-driven quality control").contains("technology/artificial-intelligence"))
        #expect(!terms("Said the gentleman").contains("technology/artificial-intelligence"))
    }

    @Test func tableOfContentsFormsResolveToCanonicalCompanies() {
        #expect(terms(Fixtures.lines("cmia-2021", 23, 23)).contains("company/schneider-electric"))
        #expect(terms(Fixtures.lines("cmia-2021", 39, 39)).contains("company/hitachi-energy"))
        #expect(Fixtures.gazetteers.canonicalCompanyName(for: "HITACHIABB") == "Hitachi Energy")
        #expect(Fixtures.gazetteers.canonicalCompanyName(for: "Hitachi ABB Power Grids") == "Hitachi Energy")
        #expect(Fixtures.gazetteers.canonicalCompanyName(for: "Sumitomo Mitsui Financial Group (SMFG)") == "SMBC Group")
        #expect(Fixtures.gazetteers.canonicalCompanyName(for: "Isuzu Motors") == "Isuzu")
    }

    @Test func abbreviationDefinedInTheArticleWins() {
        // cmia-2024 line 1522: "Chongqing Cummins Engine Co. Ltd. (CCEC)" — elsewhere CCEC is the economic circle.
        let cummins = Fixtures.lines("cmia-2024", 1522, 1522) + "\nCCEC has grown.\n"
        let found = terms(cummins)
        #expect(found.contains("company/chongqing-cummins-engine-company"))
        #expect(!found.contains("place/chengdu-chongqing-economic-circle"))
        #expect(terms(Fixtures.lines("cmia-2021", 908, 908)).contains("place/chengdu-chongqing-economic-circle"))
    }

    @Test func dataVendorSharingAWordWithATechnology() {
        #expect(terms(Fixtures.lines("cmia-2021", 290, 290)).contains("company/wind-information"))
        let power = terms(Fixtures.lines("cmia-2024", 2379, 2379))
        #expect(power.contains("technology/wind-power"))
        #expect(!power.contains("company/wind-information"))
    }

    @Test func ambiguousAbbreviationNeedsItsLongForm() {
        #expect(!terms("ST has a wealth of experience.").contains("company/stmicroelectronics"))
        #expect(terms("I'm Bertrand Stoltz from STMicroelectronics. ST has a wealth of experience.").contains("company/stmicroelectronics"))
    }

    @Test func footnotesCountSeparatelyAndAreNeverLinked() {
        let markdown = "# Title\n\nSiemens builds trains.[^1]\n\n[^1]: Siemens annual report, Munich.\n"
        let result = tagger.analyze(markdown: markdown)
        let siemens = result.occurrence(of: TermID(kind: .company, slug: "siemens"))
        #expect(siemens?.bodyCount == 1)
        #expect(siemens?.footnoteCount == 1)
        #expect(result.markdown == "# Title\n\n[Siemens](../../companies/siemens/) builds trains.[^1]\n\n[^1]: Siemens annual report, Munich.\n")
    }

    @Test func firstLinkableMentionIsLinkedOnlyOnce() {
        let markdown = """
        ## Siemens in Chongqing

        Read [the Siemens report](https://example.com/siemens) and `Siemens` code. Siemens and Siemens again, <span title="Siemens">x</span>.
        """
        let out = tagger.analyze(markdown: markdown).markdown
        #expect(out.contains("## Siemens in Chongqing"))
        #expect(out.contains("[the Siemens report](https://example.com/siemens)"))
        #expect(out.contains("`Siemens` code. [Siemens](../../companies/siemens/) and Siemens again"))
        #expect(out.contains("<span title=\"Siemens\">"))
        #expect(out.components(separatedBy: "](../../companies/siemens/)").count == 2)
    }

    @Test func taggingLinkedMarkdownAgainChangesNothing() {
        let text = Fixtures.lines("cmia-2021", 1328, 1328)
        let once = tagger.analyze(markdown: text)
        let twice = tagger.analyze(markdown: once.markdown)
        #expect(twice.markdown == once.markdown)
        #expect(twice.tags == once.tags)
    }

    @Test func goalsFromExplicitMentionsNotFromCounts() {
        #expect(tagger.analyze(markdown: "This supports SDG 7 and SDG13, and Sustainable Development Goal 6.\n").tags.sdgs == [6, 7, 13])
        #expect(tagger.analyze(markdown: "Progress on SDGs 7, 9 and 13.\n").tags.sdgs == [7, 9, 13])
        #expect(tagger.analyze(markdown: "The 17 SDGs and their 169 targets.\n").tags.sdgs.isEmpty)
        #expect(tagger.analyze(markdown: "Goal 13 of the SDG agenda.\n").tags.sdgs == [13])
        #expect(tagger.analyze(markdown: "Goal 3 of the company is growth.\n").tags.sdgs.isEmpty)
        // cst-2024 lines 183–289 name all seventeen goals.
        #expect(tagger.analyze(markdown: Fixtures.lines("cst-2024", 183, 289)).tags.sdgs == Array(1...17))
    }

    @Test func everyGoalTagCarriesItsEvidence() {
        let result = tagger.analyze(markdown: Fixtures.lines("cmia-2024", 342, 342))
        let evidence = result.goalEvidence[7]
        #expect(evidence?.tagged == true)
        #expect((evidence?.phrases.count ?? 0) >= 2)
        #expect(result.occurrence(of: TermID(kind: .sdg, slug: "7"))?.evidence == evidence)
    }
}
