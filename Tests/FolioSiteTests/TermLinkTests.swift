import FolioCore
import FolioSite
import Foundation
import Testing

/// The Markdown in `Content/` holds no site URLs: the build links the first mention of each
/// indexed term to its index page as it renders, against the gazetteers of that build.
@Suite struct TermLinkTests {
    static let data = SiteFixture.repository.appendingPathComponent("Content/data")

    static let article = """
        ---
        title: "Grids in Europe"
        document: leiden-2023
        order: 3
        ---

        # Grids in Europe

        Schneider Electric supplies grid software; hydrogen is tested.

        Later, Schneider Electric and hydrogen appear again.

        """

    /// A fixture project with the repository's gazetteers and one article naming two terms.
    static func project() throws -> SiteFixture {
        let fixture = try SiteFixture()
        let data = fixture.root.appendingPathComponent("Content/data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        for file in ["companies.yml", "sdgs.yml", "technologies.yml", "cities.yml"] {
            try FileManager.default.copyItem(at: Self.data.appendingPathComponent(file), to: data.appendingPathComponent(file))
        }
        try fixture.write(Self.article, to: "Content/articles/leiden-2023/03-grids.md")
        return fixture
    }

    static func build(_ fixture: SiteFixture) throws -> [String: Data] {
        let (config, _) = try FolioConfig.load(from: fixture.root.appendingPathComponent("folio.yml").path)
        let memory = MemoryOutput()
        let result = try SiteBuilder().build(.init(projectRoot: fixture.root, config: config, sink: memory))
        #expect(!result.failed, "\(result.diagnostics.filter { $0.severity == .error })")
        return memory.contents
    }

    @Test func theBuildLinksFirstMentionsAndFollowsTheGazetteers() throws {
        let fixture = try Self.project()
        defer { fixture.remove() }
        let page = try #require(Self.build(fixture)["leiden-2023/grids/index.html"].map { String(decoding: $0, as: UTF8.self) })
        // Only the first mention of each term is linked, relative to the article's page.
        #expect(page.contains(#"<a href="../../companies/schneider-electric/index.html">Schneider Electric</a> supplies grid software"#))
        #expect(page.components(separatedBy: #"href="../../companies/schneider-electric/index.html">Schneider"#).count == 2)
        #expect(page.contains(#"<a href="../../technologies/hydrogen/index.html">hydrogen</a> is tested"#))
        #expect(page.contains("Later, Schneider Electric and hydrogen appear again."))
        // The Markdown itself is left as written.
        let markdown = try String(contentsOf: fixture.root.appendingPathComponent("Content/articles/leiden-2023/03-grids.md"), encoding: .utf8)
        #expect(markdown == Self.article)

        // A new slug in the gazetteer moves the link with the next build; no import is needed.
        let companies = fixture.root.appendingPathComponent("Content/data/companies.yml")
        let text = try String(contentsOf: companies, encoding: .utf8)
        let entry = "- name: Schneider Electric\n"
        #expect(text.contains(entry))
        try text.replacingOccurrences(of: entry, with: entry + "  slug: schneider\n").write(to: companies, atomically: true, encoding: .utf8)
        let moved = try #require(Self.build(fixture)["leiden-2023/grids/index.html"].map { String(decoding: $0, as: UTF8.self) })
        #expect(moved.contains(#"<a href="../../companies/schneider/index.html">Schneider Electric</a> supplies"#))
    }

    /// The committed corpus, as import writes it, bakes no index URL into an article.
    @Test func importedArticlesHoldNoIndexURLs() throws {
        let articles = SiteFixture.repository.appendingPathComponent("Content/articles")
        let files = try FileManager.default.subpathsOfDirectory(atPath: articles.path).filter { $0.hasSuffix(".md") }
        #expect(files.count > 90)
        for file in files {
            let text = try String(contentsOf: articles.appendingPathComponent(file), encoding: .utf8)
            for section in ["companies", "cities", "sdgs", "technologies"] {
                #expect(!text.contains("](../../\(section)/"), "\(file) links to \(section)/")
            }
        }
    }
}
