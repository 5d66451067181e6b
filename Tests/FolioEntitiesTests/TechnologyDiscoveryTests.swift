import FolioEntities
import Foundation
import Testing
import Yams

/// Technologies found by their shape in the text (``TechnologyFinder``): abbreviations defined
/// for a technology phrase, phrases named as a technology, and the found-terms file.
@Suite("Technology discovery")
struct TechnologyDiscoveryTests {
    private func found(_ text: String) -> ArticleEntities { Fixtures.tagger.analyze(markdown: text, linking: false) }

    @Test func abbreviationDefinedForATechnologyPhraseIsFoundWithItsAbbreviation() {
        let line = "The pack has a cell balancing controller (CBC) on each module.\n\nThe CBC reports faults."
        let result = found(line)
        let technology = result.technologies.first { $0.name == "Cell balancing controller" }
        #expect(technology?.rule == .abbreviation)
        #expect(technology?.variants.contains("CBC") == true)
        #expect(technology?.count == 3)
        #expect(result.tags.technologies.contains("Cell balancing controller"))
    }

    @Test func anAbbreviationTheVocabularyKnowsKeepsItsTechnology() {
        // cmia-2024, Hitachi Energy: `BESS` is an alias of a vocabulary term.
        let line = "For example, shared battery energy storage systems (BESS) could be an option during times of dwindling hydro power."
        #expect(found(line).technologies.isEmpty)
    }

    @Test func madeUpAbbreviationWithAKnownTechnologyInsideTakesItsGroup() {
        let result = found("Parts made by laser powder bed fusion (LPBF) need little finishing. LPBF suits titanium.")
        let technology = result.technologies.first { $0.slug == "laser-powder-bed-fusion" }
        #expect(technology?.count == 3)
        #expect(technology?.group != nil)
    }

    @Test func abbreviationsOfPolicyFinanceOrQualityPhrasesAreNotTechnologies() {
        // cmia-2021, Ford; cmia-2024, Isuzu.
        let lines = [
            "China has lifted restrictions on foreign investment in special purpose vehicles (SPVs) and NEVs in 2018, and in commercial vehicles in 2020.",
            "… for the collection, governance and circulation of carbon dioxide emissions trading system (ETS), carbon credits and other means.",
            "The plant uses advanced manufacturing technologies (AMT) in every hall.",
            "Our new operating system (NOS) is ready.",
        ]
        for line in lines {
            let result = found(line)
            #expect(result.technologies.isEmpty, "\(line)")
        }
    }

    /// cmia-2021 (HP): a number before `technology` counts technologies, it names none.
    @Test func aNumberBeforeTechnologyNamesNone() {
        let result = found("The cluster focuses on just one technology; the other on two energy technologies.")
        #expect(result.technologies.isEmpty && result.technologyCandidates.isEmpty, "\(result.technologyCandidates.map(\.name))")
    }

    @Test func phraseNamedAsATechnologyTwiceIsIndexedOnceIsLeftForReview() {
        let twice = found("The plant uses seaweed drying technology.\n\nSeaweed drying technology also saves fuel.")
        #expect(twice.technologies.map(\.name) == ["Seaweed drying technology"])
        #expect(twice.technologies.first?.count == 2)
        #expect(twice.technologies.first?.rule == .namedTechnology)
        let once = found("The plant uses seaweed drying technology.")
        #expect(once.technologies.isEmpty)
        #expect(once.technologyCandidates.map(\.name) == ["Seaweed drying technology"])
    }

    @Test func aPhraseOfTheVocabularysFieldWordsNamedAsATechnologyOnceIsOne() {
        // cmia-2021 line 78: "… as well as air purification technology for cars and trucks."
        let corning = found(Fixtures.lines("cmia-2021", 78, 78))
        #expect(corning.technologies.contains { $0.name == "Air purification technology" && $0.rule == .namedTechnology })
        #expect(found("As a global leader in turbine inspection technology, it grows.").technologies.map(\.name) == ["Turbine inspection technology"])
        // At the start of a sentence too: `The` is no name before it.
        #expect(found("The water network technology works.").technologies.map(\.name) == ["Water network technology"])
        // A word the vocabulary never uses, a word of quality or scope, or a fixed phrase of
        // quality leaves the phrase for review.
        for line in ["It uses virtual synchronization technology.", "It is global energy technology.", "It leads in cutting edge technology.", "Plug stubborn technology now."] {
            let result = found(line)
            #expect(result.technologies.isEmpty, "\(line)")
        }
        #expect(found("It uses virtual synchronization technology.").technologyCandidates.map(\.name) == ["Virtual synchronization technology"])
    }

    @Test func adverbsVerbsAndModalsOpenNoCandidate() {
        for line in ["Such tools will revolutionize technology.", "The government can encourage technology.", "It is a rapidly evolving technology."] {
            let result = found(line)
            #expect(result.technologies.isEmpty && result.technologyCandidates.isEmpty, "\(line)")
        }
    }

    @Test func corpusPhraseNamedAsATechnologyInTwoPlacesIsFound() {
        // cmia-2021, SMBC Group: two sentences of one article.
        let text = """
            J-POWER provides lignite gasification technology, and Shell Japan provide liquefied hydrogen long-distance, large-capacity transport technology and liquefied hydrogen desorption technology, therefore improving the supply chain.

            At present, lignite gasification technology, liquified hydrogen long-distance large- capacity transportation technology, and liquefied hydrogen desorption technology are in the experimental research and demonstration stages.
            """
        let result = found(text)
        #expect(result.technologies.contains { $0.name == "Liquefied hydrogen desorption technology" })
    }

    @Test func genericOrNamedPhrasesWithTechnologyAreNotFound() {
        let lines = [
            "The new technology and the new technology again.",
            "Key technologies and key technologies again.",
            "We value innovative lighting technologies and innovative lighting technologies.",
            "Suzhou Luoxiang software technology and Suzhou Luoxiang software technology.",
            "Next-generation display technology and next-generation display technology.",
            // A known technology named as a technology is that technology.
            "Energy storage technology and energy storage technology.",
        ]
        for line in lines {
            #expect(found(line).technologies.isEmpty, "\(line)")
        }
    }

    @Test func listedBesideAKnownTechnologyOnlyWhenItIsAWholeItem() {
        // cmia-2021, Qualcomm: `4G` is part of the next item, not an item.
        let qualcomm = found("pilots projects committed to building transparent demonstrative road around video technology, 4G+ broadband mobile test network and intelligent parking.")
        #expect(qualcomm.technologies.isEmpty)
        let listed = found("The farm combines precision seeding technology, drones and satellite imagery.")
        #expect(listed.technologies.first?.name == "Precision seeding technology")
        #expect(listed.technologies.first?.confidence == 0.75)
    }

    @Test func listItemWithATechnologyHeadBesideAKnownTechnologyIsFound() {
        let listed = found("The farm uses drones, crop scouting systems and satellite imagery.")
        let technology = listed.technologies.first { $0.slug == "crop-scouting-system" }
        #expect(technology?.rule == .listItem)
        #expect(technology?.confidence == 0.75)
        #expect(listed.tags.technologies.contains("Crop scouting system"))
        let suchAs = found("It sells technologies such as machine vision, edge computing and weld seam tracking sensors.")
        #expect(suchAs.technologies.map(\.name) == ["Weld seam tracking sensor"])
        // Without a known technology in the list, or not a whole item, nothing is found.
        #expect(found("The farm uses crop scouting systems and good soil.").technologies.isEmpty)
        #expect(found("The farm uses drones and crop scouting systems designers.").technologies.isEmpty)
        #expect(found("The farm uses drones and new scouting systems.").technologies.isEmpty)
    }

    @Test func itemsOfAListThatTechnologiesSuchAsOpensOrAndOtherTechnologiesClosesAreTechnologies() {
        // cmia-2024 line 770: "… technologies such as in-cylinder direct injection, variable cam timing and turbocharging."
        let engines = found(Fixtures.lines("cmia-2024", 770, 770))
        // The vocabulary now knows direct injection and turbocharging, so they are tagged as its terms.
        #expect(Set(engines.tags.technologies).isSuperset(of: ["Fuel injection systems", "Turbochargers"]), "\(engines.tags.technologies)")
        // An item it does not know, in a list of the same shape, is found.
        let valves = found("They adopt advanced engine technologies such as cylinder deactivation, direct injection and turbocharging.")
        #expect(valves.technologies.contains { $0.name == "Cylinder deactivation" && $0.rule == .listItem }, "\(valves.technologies.map(\.name))")
        // As cst-2024 line 567: "Relying on information processing, data visualization, 3D rendering, and other technologies, …".
        #expect(found("Relying on seaweed drying, kelp pressing, and other technologies, it grew.").technologies.contains { $0.name == "Kelp pressing" })
        // A clause after the list, one item alone, or a list of industries: nothing.
        #expect(found("It uses technologies such as AI, while fostering collaboration between firms.").technologies.isEmpty)
        #expect(found("It adopts technologies such as seaweed drying.").technologies.isEmpty)
        #expect(found("Sectors include railway ship aerospace and other transport equipment manufacturing industry, and more.").technologies.isEmpty)
    }

    @Test func aListItemMayOpenWithAdjectivesOfQualityAndOfAField() throws {
        // cst-2024 line 365: "… autopilots, and agricultural IoT and intelligent agricultural management systems, …".
        let result = found(Fixtures.lines("cst-2024", 365, 365))
        let system = try #require(result.technologies.first { $0.slug == "intelligent-agricultural-management-system" })
        #expect(system.rule == .listItem)
        // An adjective of a field is no modifier alone, nor one of quality (`additional`).
        #expect(found("The farm uses drones, agricultural systems and satellite imagery.").technologies.isEmpty)
        #expect(found("The farm uses drones, additional scouting systems and satellite imagery.").technologies.isEmpty)
        // Before a known technology, adjectives qualify it and name no other.
        // cmia-2024 line 3277: "… integrate digital twins, blockchain, industrial edge computing, energy management, …".
        #expect(found(Fixtures.lines("cmia-2024", 3277, 3277)).technologies.isEmpty)
    }

    @Test func devicesAndInstrumentsAreTechnologyHeadsOfListItems() {
        // cmia-2021 line 1511: "… core components, precision instruments, …" beside known technologies.
        #expect(found(Fixtures.lines("cmia-2021", 1511, 1511)).technologies.contains { $0.name == "Precision instrument" })
        // cmia-2021 line 85: "… LCD screens of TVs, laptops, desktop computers, portable electronics …".
        #expect(found(Fixtures.lines("cmia-2021", 85, 85)).technologies.contains { $0.name == "Desktop computer" })
    }

    @Test func aLoneNounBetweenTwoKnownTechnologiesInAListIsOne() throws {
        // cst-2024 line 365: "… agricultural drones, agricultural unmanned vehicles, autopilots, and agricultural IoT …".
        let autopilot = try #require(found(Fixtures.lines("cst-2024", 365, 365)).technologies.first { $0.slug == "autopilot" })
        #expect(autopilot.rule == .listNoun)
        #expect(autopilot.variants == ["autopilots"])
        // Beside one known technology only, or a noun of any field, or not a whole item: nothing.
        #expect(found("The farm uses drones, autopilots and good soil.").technologies.isEmpty)
        #expect(found("The farm uses drones, solutions, and satellite imagery.").technologies.isEmpty)
        #expect(found("The farm uses drones, autopilots makers and satellite imagery.").technologies.isEmpty)
    }

    @Test func anAbbreviationNamedAsATechnologyIsOne() throws {
        // cmia-2021 line 4207: "… hydrogen supply chains using MCH technology to be scaled up …".
        let mch = try #require(found(Fixtures.lines("cmia-2021", 4207, 4207)).technologies.first { $0.name == "MCH" })
        #expect(mch.rule == .namedAbbreviation)
        #expect(mch.variants == ["MCH technology"])
        // In quotation marks: `"MCH" technology`.
        #expect(found("Zorvex has developed \"MCH\" technology for its app.").technologies.map(\.name) == ["MCH"])
        // Not: an abbreviation the vocabulary gives a technology under conditions, one after a
        // capitalised word (part of a name), a company's, or a word in lower case.
        // cmia-2021 line 1713: "… their development and use of AM technology …".
        #expect(found(Fixtures.lines("cmia-2021", 1713, 1713)).technologies.isEmpty)
        #expect(found("Zorvex MCH technology is sold.").technologies.isEmpty)
        #expect(found("Our suppliers use ABB technology.").technologies.isEmpty)
        #expect(found("We use ocr technology.").technologies.isEmpty)
    }

    @Test func aFoundTechnologyTakesTheGroupItsWordsShareWithTheVocabulary() {
        // No known technology inside or beside it: `precision` and `seeding` are words of the
        // agricultural terms (`precision farming`, `precision irrigation` …).
        let seeding = found("Farms use precision seeding technology.\n\nPrecision seeding technology saves seed.")
        let technology = seeding.technologies.first { $0.slug == "precision-seeding-technology" }
        #expect(technology?.group == "Agricultural technologies")
        #expect(technology?.domain == "Agriculture")
        // Words the vocabulary does not use, or shared evenly, leave the fallback group.
        let seaweed = found("The plant uses seaweed drying technology.\n\nSeaweed drying technology also saves fuel.")
        #expect(seaweed.technologies.first?.group == "Other")
    }

    @Test func aTechnologyAcceptedInReviewTakesTheGroupItsWordsShareWithTheVocabulary() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("folio-reviewed-technologies-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["companies.yml", "cities.yml", "sdgs.yml", "technologies.yml"] {
            try FileManager.default.copyItem(at: Fixtures.dataDirectory.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        try """
            organisations: []
            technologies:
            - name: Precision seeding technology
              slug: precision-seeding-technology
              decision: accept
            - name: Seaweed drying technology
              slug: seaweed-drying-technology
              decision: accept
            """.write(to: directory.appendingPathComponent(EntityReview.fileName), atomically: true, encoding: .utf8)
        let gazetteers = try Gazetteers.load(from: directory, includeFound: false)
        let seeding = try #require(gazetteers.term(kind: .technology, named: "Precision seeding technology"))
        #expect(seeding.type == "Agricultural technologies")
        #expect(seeding.domain == "Agriculture")
        let seaweed = try #require(gazetteers.term(kind: .technology, named: "Seaweed drying technology"))
        #expect(seaweed.type == "Other")
        #expect(seaweed.domain == "Manufacturing")
    }

    @Test func foundFileIsEmptyListWithoutFindingsAndListsEvidenceOtherwise() throws {
        #expect(FoundTechnologies.yaml([]).hasSuffix("[]\n"))
        let a = FoundTechnology(name: "Plant lighting technology", slug: "plant-lighting-technology", variants: ["plant lighting technologies"], group: "Other", domain: "Manufacturing", rule: .namedTechnology, confidence: 0.8, count: 2, evidence: nil)
        var b = a
        b.group = "Agricultural technologies"
        b.domain = "Agriculture"
        b.count = 1
        let merged = FoundTechnologies.merge([("x.md", [a]), ("y.md", [b])])
        #expect(merged.count == 1)
        #expect(merged[0].technology.count == 3)
        #expect(merged[0].articles == 2)
        #expect(merged[0].technology.group == "Agricultural technologies")
        let yaml = FoundTechnologies.yaml(merged)
        let node = try #require(try Yams.compose(yaml: yaml))
        #expect(node.sequence?.count == 1)
    }

    @Test func buildLoadsFoundTechnologiesAndRespectsRejections() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("folio-found-technologies-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["companies.yml", "cities.yml", "sdgs.yml", "technologies.yml"] {
            try FileManager.default.copyItem(at: Fixtures.dataDirectory.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        let entry = FoundTechnology(name: "Plant lighting technology", slug: "plant-lighting-technology", variants: [], group: "Other", domain: "Manufacturing", rule: .namedTechnology, confidence: 0.8, count: 2, evidence: nil)
        let other = FoundTechnology(name: "Membrane filtration technology", slug: "membrane-filtration-technology", variants: [], group: "Other", domain: "Environment", rule: .namedTechnology, confidence: 0.8, count: 2, evidence: nil)
        try FoundTechnologies.yaml(FoundTechnologies.merge([("x.md", [entry, other])])).write(to: directory.appendingPathComponent(FoundTechnologies.fileName), atomically: true, encoding: .utf8)
        try "organisations: []\ntechnologies:\n- name: Membrane filtration technology\n  slug: membrane-filtration-technology\n  decision: reject\n"
            .write(to: directory.appendingPathComponent(EntityReview.fileName), atomically: true, encoding: .utf8)
        let gazetteers = try Gazetteers.load(from: directory)
        let term = try #require(gazetteers.term(kind: .technology, named: "Plant lighting technology"))
        #expect(term.type == "Other")
        #expect(term.domain == "Manufacturing")
        #expect(gazetteers.term(kind: .technology, named: "Membrane filtration technology") == nil)
        #expect(gazetteers.technologyReview["membrane-filtration-technology"]?.accepted == false)
        // A rejected technology is not found in the text either.
        let tagger = EntityTagger(gazetteers: try Gazetteers.load(from: directory, includeFound: false))
        let result = tagger.analyze(markdown: "Membrane filtration technology here. Membrane filtration technology there.", linking: false)
        #expect(result.technologies.isEmpty)
        #expect(result.technologyCandidates.isEmpty)
    }
}
