@testable import FolioEntities
import FolioTestSupport
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
        // cmia-2021 lines 840 and 908: the paper spells the circle out, then writes CCEC.
        #expect(terms(Fixtures.lines("cmia-2021", 840, 840) + "\n\n" + Fixtures.lines("cmia-2021", 908, 908)).contains("place/chengdu-chongqing-economic-circle"))
    }

    @Test func anAbbreviationTheArticleDefinesForAThingIsNoOrganisationThere() {
        // WEF is the World Economic Forum's abbreviation; an article that spells it out as a
        // framework means the framework on every line.
        #expect(terms("The World Economic Forum (WEF) met. The WEF published a report.").contains("company/world-economic-forum"))
        let framework = terms("The Water-Energy Framework (WEF) links supply and demand.\n\nThe WEF guides planning.")
        #expect(!framework.contains("company/world-economic-forum"), "\(framework.sorted())")
        // The abbreviation of a plan or an agreement is no organisation's either.
        #expect(!terms("The West-East Framework Agreement (WEFA) took effect; WEFA lowers tariffs.").contains { $0.hasPrefix("company/") })
    }

    @Test func anAbbreviationDefinedForAKnownTechnologyIsThatTechnologyWhereItIsNamedAsOne() {
        let storage = terms("Thermal energy storage (TES) is a potential solution for industrial heat. Key strengths of TES technology include modularity.")
        #expect(storage.contains("technology/thermal-energy-storage"))
        #expect(!storage.contains("technology/tes"), "\(storage.sorted())")
        // An abbreviation the article does not define stays a technology of its own.
        #expect(terms("Key strengths of MCH technology include modularity. MCH technology stores hydrogen.").contains("technology/mch"))
    }

    @Test func gridLinesCoalPlantsAndVehicleRoadCollaborationAreKnownTechnologies() {
        // cmia-2024 line 2852: "… numerous long-distance transmission lines from west to east."
        #expect(terms(Fixtures.lines("cmia-2024", 2852, 2852)).contains("technology/transmission-and-distribution-lines"))
        let text = terms("The closure of Britain's last coal plant came as laser radars and vehicle-road collaboration spread.")
        #expect(text.isSuperset(of: ["technology/thermal-power", "technology/sensors", "technology/c-v2x"]), "\(text.sorted())")
        // `backup power plants` are power plants, not an uninterruptible power supply.
        #expect(!terms("Storage reduces the need to build backup power plants.").contains("technology/uninterruptible-power-supply"))
    }

    @Test func dataVendorSharingAWordWithATechnology() {
        #expect(terms(Fixtures.lines("cmia-2021", 290, 290)).contains("company/wind-information"))
        let power = terms(Fixtures.lines("cmia-2024", 2379, 2379))
        #expect(power.contains("technology/wind-power"))
        #expect(!power.contains("company/wind-information"))
    }

    @Test func aRegionsCoinedAbbreviationNeedsTheRegionSpelledOut() {
        // cmia-2024 line 1536: "… its factories, including CCEC, …" — Cummins' Chongqing plant, not the economic circle.
        #expect(!terms(Fixtures.lines("cmia-2024", 1536, 1536)).contains("place/chengdu-chongqing-economic-circle"))
        // cmia-2024 line 3303: the Global Battery Alliance (GBA) is no Greater Bay Area.
        #expect(!terms(Fixtures.lines("cmia-2024", 3303, 3303)).contains("place/guangdong-hong-kong-macao-greater-bay-area"))
        #expect(terms("The Yangtze River Delta leads. The YRD has the most plants.").contains("place/yangtze-river-delta"))
        #expect(!terms("The YRD team met in March.").contains("place/yangtze-river-delta"))
        // A supranational region's abbreviation is known without.
        #expect(terms("The EU adopted the rule.").contains("place/european-union"))
    }

    @Test func aPlaceThatNamesATreatyIsNoPlaceOfTheArticle() {
        // giz-ccid-2022 line 215: "… joined the 2016 Paris Climate Agreement … as part of their Paris commitments."
        #expect(!terms(Fixtures.lines("giz-ccid-2022", 215, 215)).contains("place/paris"))
        #expect(!terms("Under the Paris Agreement, Paris goals and a Paris-aligned budget.").contains("place/paris"))
        // Without the treaty, Paris is the city, whatever follows.
        #expect(terms("The Paris targets of the city council were met in Paris.").contains("place/paris"))
    }

    @Test func aRiverIsAPlaceUnlessItOpensAnotherName() {
        #expect(terms("Barges carry coal along the Yangtze River to Wuhan.").contains("place/yangtze-river"))
        // cmia-2021 line 3977: "… the Yangtze River Three Gorges Hydro Power Right Bank Substation …".
        #expect(!terms(Fixtures.lines("cmia-2021", 3977, 3977)).contains("place/yangtze-river"))
        #expect(!terms("The Pearl River-Xijiang River Economic Belt grew.").contains("place/pearl-river"))
        // The delta is its own place, and the river is no member of it.
        let delta = terms("The Yangtze River Delta leads.")
        #expect(delta.contains("place/yangtze-river-delta") && !delta.contains("place/yangtze-river"))
    }

    @Test func worldRegionsAreKnownWithTheirMembers() throws {
        let found = terms("Trade with Central Asia, sub-Saharan Africa, the Middle East and Latin America grew, and East Africa too.")
        for slug in ["central-asia", "sub-saharan-africa", "middle-east", "latin-america", "east-africa"] {
            #expect(found.contains("place/\(slug)"), "\(slug)")
        }
        // M49's own name is an alias; Southern Africa is no South Africa.
        #expect(terms("Eastern Africa exports tea.").contains("place/east-africa"))
        let southern = terms("Southern Africa trades with South Africa.")
        #expect(southern.contains("place/southern-africa") && southern.contains("place/south-africa"))
        let eastAfrica = try #require(Fixtures.gazetteers.terms.first { $0.name == "East Africa" })
        #expect(eastAfrica.members.contains("Kenya") && !eastAfrica.members.contains("Egypt"))
    }

    @Test func aSmallCapitalCountsWhereItsCountryIsNamed() {
        #expect(terms("Ferries link Helsinki with Tallinn, and Finland plans a tunnel.").contains("place/helsinki"))
        #expect(!terms("Ferries link Helsinki with Tallinn.").contains("place/helsinki"))
        // A capital whose name is a surname or a brand is left out.
        #expect(!terms("In Kingston, Jamaica, a company sells memory modules.").contains("place/kingston"))
    }

    @Test func aCityOfHalfAMillionCountsWhereItsCountryIsNamedInAnySpelling() throws {
        // cmia-2021 line 1872: "… in Ludwigshafen on the Rhine in Germany and Antwerp on the Scheldt in Belgium."
        #expect(terms(Fixtures.lines("cmia-2021", 1872, 1872)).contains("place/antwerp"))
        #expect(!terms("The port of Antwerp grew.").contains("place/antwerp"))
        // The country may be named by any of its names: `UK` names the United Kingdom.
        #expect(terms("The talks were held in Glasgow, UK in November.").contains("place/glasgow"))
        // A state of another country keeps a name that a large city also has, and so does a
        // province better known than its capital of the same name.
        #expect(terms("The project runs in Victoria, Australia.").contains("place/victoria"))
        let victoria = try #require(Fixtures.gazetteers.terms.first { $0.name == "Victoria" })
        #expect(victoria.type == "state")
        #expect(Fixtures.gazetteers.terms.first { $0.name == "Quebec" }?.type == "province")
        // A Japanese city of the name keeps it, and its prefecture keeps the full name.
        #expect(Fixtures.gazetteers.terms.contains { $0.name == "Shizuoka Prefecture" })
    }

    /// A place that requires its country counts where the article names a place inside that
    /// country instead (`Hubei Province`, `Arizona`), and a country's code before `$` is money.
    @Test func aPlaceInsideTheRequiredCountryNamesItAndUSDollarsAreNoPlace() {
        #expect(!terms("The plant is in Yichang.").contains("place/yichang"))
        #expect(terms("The plant is in Yichang, in Hubei Province.").contains("place/yichang"))
        #expect(terms("Its new factory opened in Phoenix, Arizona, last year.").contains("place/phoenix"))
        #expect(!terms("The deal was worth US$ 5 billion and HK$ 2 billion.").contains("place/united-states"))
        #expect(terms("The deal with US firms was worth US$ 5 billion.").contains("place/united-states"))
    }

    /// A place that needs an introducing word counts in a list beside a place that needs none
    /// (`Brazil, Indonesia, Turkey, Chile and other countries`), not beside a word of another
    /// kind or a name without a comma or `and`; a straight and a curly apostrophe are one.
    @Test func placesInAListNeedNoIntroducingWordAndApostrophesAreOne() {
        let listed = terms("Sinovac has orders from Brazil, Indonesia, Turkey, Chile and other countries.")
        #expect(listed.isSuperset(of: ["place/turkey", "place/chile"]), "\(listed.sorted())")
        #expect(terms("Lifan builds motorcycles in Vietnam, Thailand, Turkey, Egypt and Russia.").contains("place/turkey"))
        #expect(!terms("Michael Jordan, Chad Smith and others spoke.").contains { $0 == "place/jordan" || $0 == "place/chad" })
        #expect(!terms("The Fukushima Hydrogen Energy Research Field opened in Japan.").contains { $0.hasPrefix("place/fukushima") })
        let apostrophe = terms("The seedling centre is in Ji'an, Jiangxi, China, and in Huai'an.")
        #expect(apostrophe.contains { $0.hasPrefix("place/ji") && $0 != "place/jiangxi" }, "\(apostrophe.sorted())")
        #expect(terms("The plant is in Huaian, China.").contains { $0.hasPrefix("place/huai") })
        // A Chinese name without its apostrophe is a given name (`Guo Jian`).
        #expect(terms("Guo Jian spoke in Beijing, China.") == ["place/beijing", "place/china"])
        #expect(terms("Exports go to the UAE and Brazil.").contains("place/united-arab-emirates"))
    }

    /// Vocabulary from outside reports on solar cells, navigation, aviation, rail, mining, paper,
    /// analytics and vaccines; aliases moved where they belong (TOPCon is no perovskite cell,
    /// high-precision positioning no map) and a hydrogen maser is a clock, not hydrogen.
    @Test func fieldVocabularyAndMovedAliases() {
        let solar = terms("n-type TOPCon and heterojunction (HJT) cells and back-contact modules")
        #expect(solar.contains("technology/high-efficiency-solar-cells") && !solar.contains("technology/perovskite-solar-cells"), "\(solar.sorted())")
        let beidou = terms("BeiDou offers high-precision positioning; rubidium and hydrogen maser atomic clocks keep time.")
        #expect(beidou.isSuperset(of: ["technology/satellite-navigation", "technology/atomic-clocks"]), "\(beidou.sorted())")
        #expect(!beidou.contains("technology/high-definition-maps") && !beidou.contains("technology/hydrogen"))
        let more = terms("Line 9 tests fully automatic operation; the C919 narrow-body jet flies; a smart mine runs autonomous haulage; HPLC checks herbs; the mill adds a recovery boiler.")
        #expect(more.isSuperset(of: ["technology/fully-automatic-train-operation", "technology/civil-aircraft", "technology/intelligent-mining", "technology/analytical-chemistry", "technology/pulp-and-paper-technology"]), "\(more.sorted())")
        let rail = terms("Locomotives reach the dry port; fuel cell systems power trucks; data stays safe with privacy-preserving computing.")
        #expect(rail.isSuperset(of: ["technology/rolling-stock", "technology/dry-ports", "technology/fuel-cell-stacks", "technology/privacy-enhancing-technologies"]), "\(rail.sorted())")
        let regions = terms("Lanzhou New Area is the first state-level new area in Northwest China; sales in southwest China and East China grew.")
        #expect(regions.isSuperset(of: ["place/lanzhou-new-area", "place/northwest-china", "place/southwest-china", "place/east-china"]), "\(regions.sorted())")
        #expect(terms("The plant is in Lodz, Poland.").contains { $0.hasPrefix("place/") && $0 != "place/poland" })
        let bodies = terms("The U.S. Geological Survey (USGS) estimates reserves; the CPPCC met; WHO listed the vaccine by Moderna.")
        #expect(bodies.isSuperset(of: ["company/u-s-geological-survey", "company/chinese-peoples-political-consultative-conference", "company/world-health-organization", "company/moderna"]), "\(bodies.sorted())")
    }

    /// A law's name is no mention of its technology (`Cybersecurity Law`, `Renewable Energy
    /// Act`), and a goal's title inside an organisation's name names no goal.
    @Test func lawsAndBodiesNamedAfterTopicsNameNeither() {
        #expect(!terms("The Cybersecurity Law took effect in 2017.").contains("technology/cybersecurity"))
        #expect(terms("Cybersecurity matters to every plant.").contains("technology/cybersecurity"))
        #expect(!terms("The Federal Ministry for Economic Affairs and Climate Action funds the project.").contains("sdg/13"))
        #expect(terms("The project serves Climate Action in the region.").contains("sdg/13"))
    }

    /// Vocabulary from multinationals' white papers, and two aliases narrowed: a bare
    /// compressor is a refrigerator's or a cracker's too, and `PLC` after a company's name is
    /// its legal form unless the article is about control systems.
    @Test func whitePaperVocabularyAndNarrowedAliases() {
        let found = terms("The steam cracker feeds a cleanroom; datacenters use energy management; solid-state drives ship from the flip-chip line; a tube trailer serves the hydrogen dispenser; dual-fuel vessels bunker methanol.")
        #expect(found.isSuperset(of: ["technology/steam-cracking", "technology/cleanrooms", "technology/data-centres", "technology/energy-management-systems", "technology/memory-chips", "technology/semiconductors", "technology/hydrogen-storage", "technology/hydrogen-refuelling-stations", "technology/electric-ships"]), "\(found.sorted())")
        #expect(!terms("The cracker's compressors and the fridge's compressor run.").contains("technology/compressed-air-systems"))
        #expect(!terms("Unilever PLC reported its results.").contains("technology/programmable-logic-controllers"))
        #expect(terms("Each PLC in the automation cell runs the line.").contains("technology/programmable-logic-controllers"))
    }

    /// Vocabulary that reports on recycling, biologics and buildings use, and bare words that
    /// were too broad: a household boiler, a wastewater filter's denitrification.
    @Test func recyclingBiologicsAndHeatingTermsAndNoBareBoilers() {
        let found = terms("Brunp recovers metals by hydrometallurgy; plants add chemical recycling, single-use bioreactors, freeze-drying and underfloor heating.")
        #expect(found.isSuperset(of: ["technology/hydrometallurgy", "technology/chemical-recycling", "technology/bioprocessing", "technology/lyophilisation", "technology/underfloor-heating"]), "\(found.sorted())")
        let broad = terms("Homes replace the gas boiler; a denitrification filter works in the sewage treatment plant.")
        #expect(!broad.contains("technology/industrial-boilers"))
        #expect(!broad.contains("technology/air-pollution-control"))
        #expect(broad.contains("technology/wastewater-treatment"))
    }

    /// A hyphen and a space join an alias's words alike, however many there are; an alias with
    /// a comma is one alias (`heating, ventilation and air conditioning` gives no bare `heating`).
    @Test func hyphensJoinWordsAsSpacesDoAndACommaInAnAliasSplitsNothing() {
        #expect(terms("The trucks run on proton-exchange membrane fuel cells.").contains("technology/fuel-cell-stacks"))
        #expect(terms("Ports adopt Internet-of-Things technology.").contains("technology/internet-of-things"))
        #expect(terms("Ports adopt the Internet of Things.").contains("technology/internet-of-things"))
        #expect(terms("The plant ran on heating, ventilation and air conditioning upgrades.").contains("technology/hvac"))
        #expect(!terms("The lower heating value of the waste is low.").contains("technology/hvac"))
        // A plural `s` on a word the alias goes on after is read past: `emissions monitoring`.
        #expect(terms("Plants install continuous emissions monitoring and batteries recycling lines.").contains("technology/environmental-monitoring"))
        #expect(terms("Couriers test drones delivery in the hills.").contains("technology/unmanned-delivery"))
        // Only a plural `s` is read past, and only before a word the alias goes on with.
        #expect(!terms("Couriers test dronesy delivery in the hills.").contains("technology/unmanned-delivery"))
        // A case-sensitive alias keeps its own spelling: `HP-GNSS` is still no HP.
        #expect(!terms("The receiver uses High-Precision GNSS (HP-GNSS).").contains("company/hp"))
    }

    @Test func logisticsAndConnectivityTermsOfNewReports() {
        let found = terms("Couriers use route optimization software; villages get broadband and solar rooftops.")
        #expect(found.isSuperset(of: ["technology/route-optimisation", "technology/broadband", "technology/solar-photovoltaics"]), "\(found.sorted())")
        let materials = terms("Plants test calcined clay cement, and traceability lets buyers check the soy; satellite monitoring finds fires.")
        #expect(materials.isSuperset(of: ["technology/low-carbon-cement", "technology/traceability-systems", "technology/remote-sensing"]), "\(materials.sorted())")
        // cmia-2021: "… the industry chain of hydrogen fuel cell vehicles" names the vehicles, not only the fuel.
        #expect(terms("Chongqing builds hydrogen fuel cell trucks and power chips.").isSuperset(of: ["technology/fuel-cell-vehicles", "technology/power-semiconductors"]))
        // The longer name wins: fibre broadband is optical fibre.
        #expect(!terms("Fibre broadband reaches every town.").contains("technology/broadband"))
    }

    @Test func ambiguousAbbreviationNeedsItsLongForm() {
        #expect(!terms("ST has a wealth of experience.").contains("company/stmicroelectronics"))
        #expect(terms("I'm Bertrand Stoltz from STMicroelectronics. ST has a wealth of experience.").contains("company/stmicroelectronics"))
    }

    @Test func aConditionalAbbreviationListedBesideATechnologyCounts() {
        // cmia-2021 line 1786: "… from R&D in cloud computing, advanced automation, AR, machine learning, sensors …".
        #expect(terms(Fixtures.lines("cmia-2021", 1786, 1786)).contains("technology/augmented-and-virtual-reality"))
        #expect(!terms("The AR team met in March.").contains("technology/augmented-and-virtual-reality"))
    }

    @Test func bareEnergySourcesListedWithEachOtherAreSources() {
        // cmia-2024 line 2371: "… electricity from various sources (solar, wind) over long distances."
        let sources = terms(Fixtures.lines("cmia-2024", 2371, 2371))
        #expect(sources.contains("technology/solar-photovoltaics"))
        #expect(sources.contains("technology/wind-power"))
        #expect(terms("It invests in wind and solar across the region.").isSuperset(of: ["technology/wind-power", "technology/solar-photovoltaics"]))
        // One bare word alone, or beside a word that is no source, is none.
        #expect(terms("The wind and the rain came.").isEmpty)
        #expect(terms("Green and clean growth.").isEmpty)
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

    /// A table caption is raw HTML, where a Markdown link would show as text: its mention
    /// counts, and the link goes to the next mention in running text.
    @Test func aMentionInsideAnHTMLBlockCountsButIsNotLinked() {
        let markdown = "<p id=\"table-1\" class=\"table-caption\"><span class=\"table-label\">Table 1</span> Plants in Chongqing</p>\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n\nChongqing grows.\n"
        let result = tagger.analyze(markdown: markdown)
        #expect(result.occurrence(of: TermID(kind: .place, slug: "chongqing")) != nil)
        #expect(result.markdown.contains("Plants in Chongqing</p>"), "\(result.markdown)")
        #expect(result.markdown.contains("[Chongqing](../../cities/chongqing/) grows."), "\(result.markdown)")
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
        // A goal's official short title in title case names it; the same words in lower case are evidence only.
        #expect(tagger.analyze(markdown: "The schemes advance Affordable and Clean Energy and Good Health and Well-Being.\n").tags.sdgs == [3, 7])
        #expect(tagger.analyze(markdown: "It is a matter of quality education for all.\n").tags.sdgs.isEmpty)
        // cst-2024 lines 183–289 name all seventeen goals.
        #expect(tagger.analyze(markdown: Fixtures.lines("cst-2024", 183, 289)).tags.sdgs == Array(1...17))
    }

    /// A goal the title names needs its occurrences, not several different phrases; the same
    /// words below a title that does not name the goal are not enough.
    @Test func aGoalTheTitleNamesNeedsOnlyItsOccurrences() throws {
        let article = try String(contentsOf: Fixtures.root.appendingPathComponent("Content/articles/giz-ccid-2022/11-china-resources-wind-power-management-system.md"), encoding: .utf8)
        #expect(tagger.analyze(markdown: article).tags.sdgs.contains(7))
        let body = "Wind power output rose.\n\nThe wind power equipment is checked daily.\n\nEngineers service wind power plants.\n"
        #expect(tagger.analyze(markdown: "# Wind Power Management System\n\n" + body).tags.sdgs.contains(7))
        #expect(!tagger.analyze(markdown: "# Maintenance Management System\n\n" + body).tags.sdgs.contains(7))
        #expect(!tagger.analyze(markdown: "# Maintenance Management System\n\n## Wind power\n\n" + body).tags.sdgs.contains(7), "a sub-heading is not the title")
        #expect(!tagger.analyze(markdown: "# Wind Power Management System\n\nWind power output rose.\n").tags.sdgs.contains(7), "the title and one more mention are too few")
    }

    @Test func aPhraseInItsOtherNationalSpellingCountsAsThePhrase() {
        // sdgs.yml lists "resource utilization": the British spelling is the same phrase, not a
        // second one, so three of them alone are one phrase, too few different phrases.
        let alone = tagger.analyze(markdown: "Resource utilisation rose.\n\nThe plant's resource utilisation improved.\n\nResource utilization is tracked.\n")
        #expect(alone.goalEvidence[12]?.phrases == [PhraseCount(phrase: "resource utilization", count: 3)])
        #expect(!alone.tags.sdgs.contains(12))
        let more = tagger.analyze(markdown: "Resource utilisation rose.\n\nThe plant's resource utilisation improved.\n\nRecycling grew.\n")
        #expect(more.tags.sdgs.contains(12))
        // Both spellings listed ("decarbonization", "decarbonisation") are still counted once each.
        let both = tagger.analyze(markdown: "Decarbonisation and decarbonization.\n")
        #expect(both.goalEvidence[13]?.phrases.map(\.count).reduce(0, +) == 2)
    }

    @Test func everyGoalTagCarriesItsEvidence() {
        let result = tagger.analyze(markdown: Fixtures.lines("cmia-2024", 342, 342))
        let evidence = result.goalEvidence[7]
        #expect(evidence?.tagged == true)
        #expect((evidence?.phrases.count ?? 0) >= 2)
        #expect(result.occurrence(of: TermID(kind: .sdg, slug: "7"))?.evidence == evidence)
    }
}

/// Technologies named in coordinations that share words, on the corpus and on made-up lines.
@Suite struct CoordinationTests {
    let tagger = Fixtures.tagger

    private func technologies(_ text: String) -> Set<String> {
        Set(tagger.analyze(markdown: text, linking: false).occurrences.filter { $0.term.kind == .technology }.map(\.term.slug))
    }

    /// The mention texts of one technology.
    private func mentions(of slug: String, in text: String) -> [String] {
        tagger.analyze(markdown: text, linking: false).occurrences.first { $0.term == TermID(kind: .technology, slug: slug) }?.mentions.map(\.text) ?? []
    }

    @Test func aSharedHeadNamesEveryItem() {
        // "the industrial and energy Internet", "hybrid and electric vehicles", "energy and carbon management platform".
        #expect(technologies(Fixtures.lines("cmia-2021", 2760, 2760)).contains("industrial-internet-of-things"))
        #expect(technologies(Fixtures.lines("cmia-2021", 3406, 3406)).contains("plug-in-hybrid-vehicles"))
        #expect(technologies(Fixtures.lines("cmia-2024", 1985, 1985)).contains("energy-management-systems"))
        #expect(mentions(of: "solar-photovoltaics", in: "Wind and solar power grew, and so did solar and wind power.") == ["solar power", "solar"])
        #expect(mentions(of: "wind-power", in: "Wind and solar power grew, and so did solar and wind power.") == ["Wind", "wind power"])
        #expect(technologies("We need flow, sodium-ion and solid-state batteries.").isSuperset(of: ["flow-batteries", "sodium-ion-batteries", "solid-state-batteries"]))
    }

    @Test func anItemMatchedAsABroaderTermNamesTheSharedOne() {
        // "lithium-ion" on its own is a battery; before "and sodium-ion batteries" it is the
        // lithium-ion battery, as "lithium-ion batteries" would be.
        let text = "Firms invested in lithium-ion and sodium-ion batteries."
        #expect(technologies(text).isSuperset(of: ["lithium-ion-batteries", "sodium-ion-batteries"]))
        #expect(!technologies(text).contains("batteries-and-energy-storage"))
        #expect(mentions(of: "lithium-ion-batteries", in: text) == ["lithium-ion"])
        // Alone, or listed with something that is no battery, it stays the broader term.
        #expect(technologies("Firms invested in lithium-ion.").contains("batteries-and-energy-storage"))
        #expect(technologies("Firms invested in lithium-ion and hydrogen.").contains("batteries-and-energy-storage"))
        #expect(!technologies("Firms invested in lithium-ion and hydrogen.").contains("lithium-ion-batteries"))
    }

    @Test func bareEnergySourcesInAListWithOne() {
        // "renewable energy (e.g., solar, wind, geothermal, biomass, hydro and nuclear)".
        let engie = technologies(Fixtures.lines("giz-ccid-2022", 364, 364))
        #expect(engie.isSuperset(of: ["solar-photovoltaics", "wind-power", "hydropower", "nuclear-power", "geothermal-energy", "bioenergy"]))
        #expect(technologies("Sources such as solar, wind, and hydropower matter.").isSuperset(of: ["solar-photovoltaics", "wind-power", "hydropower"]))
        #expect(technologies("Hydropower, solar and wind.").isSuperset(of: ["solar-photovoltaics", "wind-power"]))
    }

    @Test func takesNothingTheVocabularyDoesNotSpell() {
        // "cloud, AI, computing, and 5G": "computing power" is a digital term, and a bare item
        // counts only in a list of energy sources.
        #expect(!technologies(Fixtures.lines("cmia-2021", 1320, 1320)).contains("high-performance-computing"))
        // A capitalised word inside a sentence is a name, not a shared modifier.
        #expect(!technologies("The firm Solar and wind power makers met.").contains("solar-photovoltaics"))
        #expect(!technologies("The solar system and wind power.").contains("solar-photovoltaics"))
        #expect(!technologies("Coal, gas and wind power.").contains("gas-fired-power"))
        // "solar" ahead of "panels" is no bare list item.
        #expect(!technologies("Hydropower, solar roofing and wind.").contains("solar-photovoltaics"))
        // One coordination naming one term is one mention of it.
        #expect(mentions(of: "led-lighting", in: "From traditional manufacturing to intelligent and interconnected lighting.").count == 1)
    }
}

/// Technology aliases written as modifiers of a longer noun phrase, on the corpus and on
/// made-up lines (``ModifierUse``).
@Suite struct ModifierUseTests {
    let tagger = Fixtures.tagger

    private func technologies(_ text: String) -> Set<String> {
        Set(tagger.analyze(markdown: text, linking: false).occurrences.filter { $0.term.kind == .technology }.map(\.term.slug))
    }

    @Test func aCompoundAdjectiveOfQualityBeforeANounNamesNoTechnology() {
        // giz-ccid-2022 line 231: "energy efficient High-Performance Computing", "energy-saving
        // high-performance computers": the computing is the technology.
        let giz = technologies(Fixtures.lines("giz-ccid-2022", 231, 231))
        #expect(!giz.contains("energy-efficiency"))
        #expect(giz.contains("high-performance-computing"))
        // giz-ccid-2022 line 356: "an energy-efficient way", "more energy-saving production".
        #expect(!technologies(Fixtures.lines("giz-ccid-2022", 356, 356)).contains("energy-efficiency"))
        #expect(!technologies("They sell energy-saving lamps and energy efficient fridges.").contains("energy-efficiency"))
    }

    @Test func aCompoundAdjectiveOfQualityAsANounOrBeforeATechnologyHeadKeepsItsTag() {
        // giz-ccid-2022 line 418: "the energy saving fields" is the field of energy saving.
        #expect(technologies(Fixtures.lines("giz-ccid-2022", 418, 418)).contains("energy-efficiency"))
        // giz-ccid-2022 line 334: "safety, environment protection, energy saving, processing".
        #expect(technologies(Fixtures.lines("giz-ccid-2022", 334, 334)).contains("energy-efficiency"))
        for line in [
            "Energy saving and emission reduction come first.",
            "The plant adopted energy-saving technologies.",
            "We install energy saving systems.",
            "The new hall is energy-efficient.",
        ] {
            #expect(technologies(line).contains("energy-efficiency"), "\(line)")
        }
    }

    @Test func anAdjectiveOfQualityBeforeAKnownCompoundModifiesTheCompound() {
        // cst-2024 line 425: "intelligent energy diagnosis" is an energy diagnosis, not "intelligent energy".
        let grid = technologies(Fixtures.lines("cst-2024", 425, 425))
        #expect(!grid.contains("integrated-energy-systems"))
        #expect(grid.contains("energy-audits"))
        // A lexicalised name before a noun stays that name.
        #expect(technologies("The smart energy solutions of the park.").contains("integrated-energy-systems"))
    }

    @Test func nounTechnologiesBeforeANounKeepTheirTags() {
        let lines: [(String, String)] = [
            ("The private 5G network opened.", "5g"),
            ("An AI platform for suppliers.", "artificial-intelligence"),
            ("They tested blockchain technology.", "blockchain"),
            ("A solar power plant was built.", "solar-photovoltaics"),
            ("The hydrogen fuel cell system ran 500 hours.", "hydrogen"),
            ("The hydrogen fuel cell vehicle ran 500 km.", "fuel-cell-vehicles"),
            ("Three intelligent manufacturing projects started.", "intelligent-manufacturing"),
            ("Smart grid construction went on.", "smart-grid"),
            ("Green hydrogen production grew.", "hydrogen"),
        ]
        for (line, slug) in lines {
            #expect(technologies(line).contains(slug), "\(line)")
        }
    }
}

/// The coverage lookup the coordination rule uses instead of scanning every hit.
struct CoveredBytesTests {
    @Test func answersAsAScanOfEveryRangeWould() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let ranges = (0..<Int.random(in: 0...12, using: &generator)).map { _ -> Range<Int> in
                let start = Int.random(in: 0...60, using: &generator)
                return start..<(start + Int.random(in: 1...15, using: &generator))
            }
            let covered = Coordinations.CoveredBytes(ranges)
            for offset in 0...80 {
                #expect(covered.contains(offset) == ranges.contains { $0.contains(offset) }, "\(ranges) \(offset)")
            }
        }
    }
}
