import FolioContent
import Testing
@testable import FolioImport

@Suite struct BylineParserTests {
    let parser = BylineParser(
        companies: CompanyResolver(table: ["Wilmar International": ["Wilmar International Limited"], "Cummins": ["CUMMINS", "Cummins"], "Corning": ["CORNING", "Corning"], "Isuzu Motors": ["ISUZU", "ISUZU Motors Limited"], "Microsoft": ["Microsoft"]]),
        labels: ["executivesummary", "abstract"]
    )

    @Test func cmia2024Line40NameAndRoleOnOneLine() throws {
        let lines = try Fixtures.sourceLines("cmia-2024-penetrating-insights.txt", 40, 42)
        let byline = parser.parse(lines, from: 0, limit: lines.count)
        #expect(byline.authors == [Author(name: "Kuok Khoon Hong", role: "Chairman and Chief Executive Officer of Wilmar International Limited")])
        #expect(byline.company == "Wilmar International")
        #expect(byline.consumed == [0])
    }

    @Test func cmia2024Line1518CompanyBetweenNameAndRole() throws {
        let lines = try Fixtures.sourceLines("cmia-2024-penetrating-insights.txt", 1518, 1520)
        let byline = parser.parse(lines, from: 0, limit: lines.count)
        #expect(byline.authors == [Author(name: "Nathan Stoner", role: "Cummins Vice President and Chairman of Cummins China")] || byline.authors == [Author(name: "Nathan Stoner", role: "Vice President and Chairman of Cummins China")])
        #expect(byline.company == "Cummins")
    }

    @Test func cmia2021Lines48To53MultiLineItalicRole() throws {
        let lines = try Fixtures.sourceLines("cmia-2021-penetrating-insights.txt", 48, 53)
        let byline = parser.parse(lines, from: 0, limit: lines.count)
        #expect(byline.authors == [Author(name: "John Zhang", role: "Senior Vice President and General Manager, Corning; President, Corning Display")])
        #expect(byline.company == "Corning")
    }

    @Test func cmia2021Lines3258To3260CompanyOnlyNoPerson() throws {
        let lines = try Fixtures.sourceLines("cmia-2021-penetrating-insights.txt", 3258, 3260)
        let byline = parser.parse(lines, from: 0, limit: lines.count)
        #expect(byline.authors.isEmpty)
        #expect(byline.company == "Isuzu Motors")
    }

    @Test func cmia2021Lines2216To2222RoleStartingWithCompanyIsNotAName() throws {
        let lines = try Fixtures.sourceLines("cmia-2021-penetrating-insights.txt", 2216, 2222)
        let byline = parser.parse(lines, from: 0, limit: lines.count)
        #expect(byline.authors.map(\.name) == ["Yongdong Wang"])
        #expect(byline.authors.first?.role == "Microsoft Corporate Vice President, STC Asia; CTO, Asia Pacific R&D Group")
    }
}
