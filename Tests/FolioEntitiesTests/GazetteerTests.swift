import FolioEntities
import Testing

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
