@testable import FolioEntities
import Foundation
import Testing

/// The list of well-known organisations (`Content/data/organisations.yml`): what a new project
/// finds with it, and how it yields to the project's own list and to longer names in the text.
struct WellKnownOrganisationsTests {
    /// The gazetteers of a new project: Folio's vocabularies and an empty `companies.yml`.
    static let newProject = Fixtures.tagger(
        copying: ["organisations.yml", "cities.yml", "technologies.yml", "sdgs.yml"], written: ["companies.yml": "[]\n"]
    )

    private func companies(_ text: String) -> Set<String> {
        Set(Self.newProject.analyze(markdown: text, linking: false).tags.companies)
    }

    @Test func aNewProjectKnowsTheFieldsCompaniesByName() {
        let found = companies("Shenzhen is home to leading players like Huawei, Tencent and BYD, and CATL makes batteries.")
        #expect(found.isSuperset(of: ["Huawei", "Tencent", "BYD", "CATL"]), "\(found)")
        #expect(companies("The roadshow was held with UNIDO and the World Economic Forum.").isSuperset(of: ["UNIDO", "World Economic Forum"]))
        // Exact case only: an everyday word is no company.
        #expect(companies("An uber-fast network and a sony-style case.").isEmpty)
    }

    @Test func logisticsPlatformsAndRobotMakersAreKnownAndTwoNamesJoinedByAndAreTwo() {
        let found = companies("""
            Ride-hailing firms such as Grab and Gojek expanded into payments, Shopee and Lazada lead \
            online retail, and WeDoctor, JD Health and United Imaging Healthcare serve hospitals; \
            Horizon Robotics, UBTECH Robotics and Estun build chips and robots.
            """)
        #expect(found.isSuperset(of: ["Grab Holdings", "Gojek", "Sea Limited", "Lazada", "WeDoctor", "JD Health", "United Imaging Healthcare", "Horizon Robotics", "UBTech Robotics", "Estun Automation"]), "\(found.sorted())")
        // `Post` closes news media's names (`Washington Post`), and a name run joins words across
        // `and`: two listed names joined by `and` stay two.
        let parcels = companies("United Parcel Service and China Post opened a joint hub.")
        #expect(parcels == ["United Parcel Service", "China Post"], "\(parcels.sorted())")
        // A verb is no company, and UPS is a power supply without the carrier's name.
        #expect(companies("Grab the chance: the UPS units kept the servers running.").isEmpty)
    }

    @Test func miningAndBatteryMetalGroupsAreKnown() {
        let found = companies("""
            Rio Tinto and BHP supply iron ore from the Pilbara, Glencore and Zijin Mining trade copper, \
            and Ganfeng Lithium, Tianqi Lithium and Tsingshan supply battery metals.
            """)
        #expect(found.isSuperset(of: ["Rio Tinto", "BHP", "Glencore", "Zijin Mining", "Ganfeng Lithium", "Tianqi Lithium", "Tsingshan Holding Group"]), "\(found.sorted())")
    }

    @Test func aLongerNameAroundAWellKnownNameIsTheEntity() {
        // cmia-2024 line 1000 has the same shape: joint ventures named after both parents.
        let ventures = companies("Among the joint ventures, GAC Honda, Beijing Hyundai and GAC Toyota saw sales fall.")
        #expect(ventures.isSuperset(of: ["GAC Honda", "Beijing Hyundai"]), "\(ventures)")
        #expect(!ventures.contains("Honda") && !ventures.contains("Hyundai"), "\(ventures)")
        let subsidiary = companies("Toshiba Energy Systems Corporation supplies the turbines.")
        #expect(subsidiary.contains("Toshiba Energy Systems Corporation") && !subsidiary.contains("Toshiba"), "\(subsidiary)")
        // Two well-known names side by side name their joint venture.
        let jv = companies("The Anting (SAIC Volkswagen) plants produce cars.")
        #expect(jv.contains("SAIC Volkswagen") && !jv.contains("Volkswagen") && !jv.contains("SAIC Motor"), "\(jv.sorted())")
        #expect(companies("SAIC, Volkswagen and Honda met.").isSuperset(of: ["SAIC Motor", "Volkswagen"]))
        // A hyphenated name is one name: `FAW-VW` is no mention of Volkswagen.
        #expect(!companies("FAW-VW saw a decrease of 10% YoY.").contains("Volkswagen"))
        // A trophy or a prize named after a company is no mention of it (cmia-2021: the Thomas
        // Cup and the Uber Cup, badminton's team championships).
        #expect(!companies("It hosted the Thomas Cup and the Uber Cup in 2024.").contains("Uber"))
        #expect(companies("Uber and Didi compete in ride-hailing.").contains("Uber"))
        // One item around a listed name is no proof that the others are bodies: valgrind's
        // manual lists `AMD Opterons, Athlons and Durons`, processors.
        let processors = companies("This is standard on Pentium chips, but AMD Opterons, Athlons and Durons use an exclusive cache.")
        #expect(processors == ["AMD"], "\(processors)")
        // A company and the place of its site name the company.
        let sites = companies("Examples are the Siemens Chengdu factory and the Foxconn Chengdu factory.")
        #expect(sites.isSuperset(of: ["Siemens", "Foxconn"]) && !sites.contains("Foxconn Chengdu"), "\(sites)")
        // The name alone is still a mention.
        #expect(companies("Honda and Toshiba opened plants.").isSuperset(of: ["Honda", "Toshiba"]))
    }

    @Test func aSharedAbbreviationCountsOnlyBesideItsLongName() {
        // leiden-2023: `CEC Industrial Internet` is China Electronics' subsidiary, not the council.
        #expect(!companies("CEC Industrial Internet runs a platform for state-owned firms.").contains("China Electricity Council"))
        #expect(companies("The China Electricity Council expects demand to rise; CEC data show it.").contains("China Electricity Council"))
        #expect(!companies("ADB logs show the device rebooted.").contains("Asian Development Bank"))
        // CCTV is the broadcaster, except before the words of surveillance.
        #expect(companies("As reported by CCTV, the plant opened.").contains("China Central Television"))
        #expect(!companies("The district installed CCTV cameras at every crossing.").contains("China Central Television"))
    }

    @Test func theProjectsOwnListWins() throws {
        let terms = Fixtures.gazetteers.terms.filter { $0.id.kind == .company }
        // Siemens is in the corpus's companies.yml: the well-known entry is left out.
        let siemens = terms.filter { $0.aliases.contains { $0.text == "Siemens" } }
        #expect(siemens.count == 1)
        #expect(siemens.first?.foundBy == nil)
        // No two company terms share a name or an alias.
        var seen: [String: String] = [:]
        for term in terms {
            for text in Set(([term.name] + term.aliases.map(\.text)).map { $0.lowercased() }) {
                #expect(seen[text] == nil, "\(term.name) and \(seen[text] ?? "") share \(text)")
                seen[text] = term.name
            }
        }
        let byd = try #require(terms.first { $0.name == "BYD" })
        #expect(byd.foundBy == Gazetteers.wellKnownOrganisationsSource)
        let exactCase = byd.aliases.allSatisfy { $0.caseSensitive }
        #expect(exactCase)
    }
}
