import Foundation
import Testing

@testable import FolioEntities

/// The gazetteers in `Content/data` load and hold what the index pages promise.
struct GazetteerTests {
    let g = Fixtures.gazetteers

    @Test func seventeenGoalsWithColoursAndPhrases() {
        let goals = g.terms(of: .sdg).compactMap(\.goal)
        #expect(goals.map(\.number) == Array(1...17))
        for goal in goals {
            #expect(goal.colour.count == 7 && goal.colour.hasPrefix("#"))
            #expect(goal.phrases.count >= 8)
        }
    }

    @Test func everyCityHasGeoNamesCoordinates() {
        let cities = g.terms(of: .place).filter { $0.type == "city" }
        #expect(cities.count >= 60)
        for city in cities {
            #expect(city.coordinates?.source == "GeoNames", "\(city.name) has no GeoNames coordinates")
        }
        let chongqing = g.term(TermID(kind: .place, slug: "chongqing"))
        #expect(chongqing?.coordinates?.geonamesID == 1814906)
        #expect(chongqing?.aliases.contains { $0.text == "重庆" } == true)
    }

    /// The authors of both CMIA volumes as their tables of contents and bylines name them.
    @Test func everyCMIAAuthorCompanyIsInTheGazetteer() {
        let names2021 = ["CORNING", "NOMURA", "SAP", "JARDINE MATHESON", "FORD", "AT&S", "SCHNEIDER-ELECTRIC", "HP", "BASF",
                         "QUALCOMM", "ERICSSON", "MICROSOFT", "ABB", "bp", "SMBC", "AIR PRODUCTS", "CUMMINS", "ISUZU", "MUFG",
                         "HONEYWELL", "SIEMENS", "HITACHIABB", "MIZUHO", "MSD", "MITSUI", "SODEFINANCE", "FANUC"]
        let names2024 = ["Wilmar International", "SUEZ", "STMicroelectronics", "MUFG", "Ford", "SK Group", "HP", "MIZUHO",
                         "Qualcomm", "Cummins", "Air Products", "Corning", "Signify", "Sodefinance", "Jardine Matheson Group",
                         "AT&S", "Hitachi Energy", "SMFG", "ISUZU", "SIEMENS", "Schneider Electric", "Microsoft", "Merck",
                         "AstraZeneca", "Honeywell"]
        #expect(names2021.count == 27 && names2024.count == 25)
        for (document, names) in [("cmia-2021", names2021), ("cmia-2024", names2024)] {
            for name in names {
                let canonical = g.canonicalCompanyName(for: name)
                #expect(canonical != nil, "\(name) is not in companies.yml")
                if let canonical {
                    #expect(g.term(kind: .company, named: canonical)?.authorOf.contains(document) == true, "\(canonical) lacks author_of \(document)")
                }
            }
        }
    }

    @Test func indexedTechnologiesExist() {
        for slug in ["artificial-intelligence", "5g", "internet-of-things", "hydrogen", "digital-twins", "blockchain", "big-data", "cloud-computing", "new-energy-vehicles"] {
            #expect(g.term(TermID(kind: .technology, slug: slug)) != nil, "no technology \(slug)")
        }
    }

    @Test func parentsAndRelatedNameExistingEntries() {
        let names = Set(g.terms.map(\.name))
        for term in g.terms(of: .company) {
            if let parent = term.parent { #expect(names.contains(parent), "\(term.name): unknown parent \(parent)") }
            for r in term.related { #expect(names.contains(r), "\(term.name): unknown related \(r)") }
        }
    }
}

/// The key company names are looked up by: lower case, straight apostrophes, single spaces.
@Suite struct CompanyNameKeyTests {
    /// The key as Foundation's string operations make it.
    static func reference(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "’", with: "'")
            .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    @Test func everyCompanyAliasGetsTheSameKeyAsByFoundation() {
        let names = Fixtures.gazetteers.terms(of: .company).flatMap { [$0.name] + $0.aliases.map(\.text) + $0.formerNames }
        #expect(names.count > 1_000)
        for name in names { #expect(Gazetteers.normalized(name) == Self.reference(name), "\(name)") }
    }

    @Test(arguments: ["", " ", "  L’Oréal   Group ", "\tSCHNEIDER-ELECTRIC\n", "Ford\r\nChina", "İstanbul Enerji", "a \u{00A0}b", "ÆON  Co.,  Ltd."])
    func edgesGetTheSameKeyAsByFoundation(text: String) {
        #expect(Gazetteers.normalized(text) == Self.reference(text))
    }
}
