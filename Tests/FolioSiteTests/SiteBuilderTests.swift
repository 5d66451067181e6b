import FolioContent
import FolioCore
import FolioMarkdown
import FolioModel
import FolioSite
import FolioValidate
import Foundation
import Testing

@Suite struct SiteBuilderTests {
    func build(_ fixture: SiteFixture, strict: Bool = false, write: Bool = true) throws -> SiteBuilder.Result {
        let (config, _) = try FolioConfig.load(from: fixture.root.appendingPathComponent("folio.yml").path)
        return try SiteBuilder().build(.init(projectRoot: fixture.root, config: config, strict: strict, writeOutput: write))
    }

    @Test func theSitemapHasAbsoluteURLsUnderBaseURL() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        var (config, _) = try FolioConfig.load(from: fixture.root.appendingPathComponent("folio.yml").path)
        config.baseURL = "https://reports.example.org/library"
        let result = try SiteBuilder().build(.init(projectRoot: fixture.root, config: config))
        #expect(result.published)
        #expect(!result.diagnostics.contains { $0.code == "SITE020" })
        let sitemap = try String(contentsOf: fixture.site.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        let locs = sitemap.components(separatedBy: "<loc>").dropFirst().map { $0.components(separatedBy: "</loc>")[0] }
        #expect(locs.count >= 5)
        #expect(locs.allSatisfy { $0.hasPrefix("https://reports.example.org/library/") }, "\(locs.prefix(3))")
        #expect(try String(contentsOf: fixture.site.appendingPathComponent("index.html"), encoding: .utf8).contains("sitemap.xml"))
    }

    @Test func buildsEveryPageWithResolvingRelativeLinks() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let result = try build(fixture)
        #expect(result.diagnostics.filter { $0.severity != .info } == [])
        #expect(result.published)
        let files = try SiteFixture.snapshot(fixture.site)
        #expect(files["sitemap.xml"] == nil, "no sitemap without base_url")
        #expect(result.diagnostics.contains { $0.code == "SITE020" && $0.severity == .info })
        #expect(!String(decoding: files["index.html"] ?? Data(), as: UTF8.self).contains("sitemap.xml"))
        for path in ["index.html", "404.html", "leiden-2023/index.html", "leiden-2023/introduction/index.html",
                     "leiden-2023/global-growth/index.html", "about/index.html", "assets/folio.css", "assets/print.css"] {
            #expect(files[path] != nil, "missing \(path)")
        }
        // Every internal link and fragment resolves; no root-relative or file:// links.
        var facts: [OutputFileFacts] = []
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("href=\"/"), "root-relative link in \(path)")
            #expect(!html.contains("file://"), "file:// link in \(path)")
            facts.append(OutputFileFacts(path: path, facts: HTMLFacts.scan(html), contentPath: nil))
        }
        #expect(OutputLinkValidator().validate(facts, existingPaths: Set(files.keys)) == [])
    }

    @Test func rendersArticlesIntoTheLayout() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        _ = try build(fixture)
        let intro = try fixture.read("leiden-2023/introduction/index.html")
        #expect(intro.contains("<html lang=\"en\">"))
        #expect(intro.contains("<a class=\"skip-link\" href=\"#main\">"))
        #expect(intro.contains("<main id=\"main\""))
        #expect(intro.contains("<h1 id=\"introduction\">Introduction</h1>"))
        #expect(intro.components(separatedBy: "<h1").count == 2, "exactly one h1")
        #expect(intro.contains("href=\"../../leiden-2023/global-growth/index.html#growth-figures\""))
        #expect(intro.contains("<a class=\"pager__next\" rel=\"next\" href=\"../../leiden-2023/global-growth/index.html\">"))
        #expect(intro.contains("<link rel=\"stylesheet\" href=\"../../assets/folio.css\">"))
        #expect(intro.contains("lines 31–33"))
        let growth = try fixture.read("leiden-2023/global-growth/index.html")
        #expect(growth.contains("<a class=\"pager__prev\" rel=\"prev\" href=\"../../leiden-2023/introduction/index.html\">"))
        #expect(growth.contains("<figure id=\"figure-1\" class=\"figure-missing\">"))
        #expect(growth.contains("<th>Region</th>"))
        let home = try fixture.read("index.html")
        #expect(home.contains("href=\"leiden-2023/index.html\""))
        #expect(home.contains("China and the Industrial Internet of Things"))
        let document = try fixture.read("leiden-2023/index.html")
        let first = try #require(document.range(of: "introduction/index.html"))
        let second = try #require(document.range(of: "global-growth/index.html"))
        #expect(first.lowerBound < second.lowerBound, "articles listed in order")
        let about = try fixture.read("about/index.html")
        #expect(about.contains("href=\"../leiden-2023/index.html\""))
    }

    @Test func aMemorySinkReceivesTheSameFilesAndTheDiskIsNotTouched() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let (config, _) = try FolioConfig.load(from: fixture.root.appendingPathComponent("folio.yml").path)
        let memory = MemoryOutput()
        let inMemory = try SiteBuilder().build(.init(projectRoot: fixture.root, config: config, sink: memory))
        #expect(inMemory.published && !inMemory.failed)
        #expect(!FileManager.default.fileExists(atPath: fixture.site.path), "nothing written to the output directory")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: fixture.root.path).filter { $0.hasPrefix(".Site") }
        #expect(siblings.isEmpty, "no staging directory")
        _ = try build(fixture)
        let onDisk = try SiteFixture.snapshot(fixture.site)
        #expect(memory.contents.count == inMemory.fileCount)
        #expect(Set(memory.contents.keys) == Set(onDisk.keys))
        #expect(memory.contents == onDisk, "the same bytes as the staged build")
    }

    /// A rebuild into memory, as `folio serve` makes after an edit, keeps the last build's files
    /// whose inputs are unchanged and gives the same files as a build from nothing.
    @Test func aRebuildInMemoryKeepsTheLastBuildsUnchangedFiles() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let (config, _) = try FolioConfig.load(from: fixture.root.appendingPathComponent("folio.yml").path)
        var options = SiteBuilder.Options(projectRoot: fixture.root, config: config)
        options.cache = BuildCache(directory: nil)
        // Made as `folio serve` makes its first build: from an empty output, so it records.
        let first = MemoryOutput(previous: MemoryOutput())
        options.sink = first
        _ = try SiteBuilder().build(options)

        let edited = "Content/articles/leiden-2023/02-global-growth.md"
        try fixture.write(try String(contentsOf: fixture.root.appendingPathComponent(edited), encoding: .utf8) + "\nA sentence added later.\n", to: edited)
        let second = MemoryOutput(previous: first)
        options.sink = second
        let rebuilt = try SiteBuilder().build(options)
        #expect(rebuilt.published && !rebuilt.failed)
        let kept = second.keptPaths
        #expect(kept.contains { $0.hasPrefix("leiden-2023/introduction/") }, "an unchanged article's page is kept")
        #expect(!kept.contains { $0.hasPrefix("leiden-2023/global-growth/") }, "the edited article is written again")

        let fresh = MemoryOutput()
        _ = try SiteBuilder().build(.init(projectRoot: fixture.root, config: config, sink: fresh))
        #expect(second.contents == fresh.contents, "the same files as a build without the cache")
    }

    /// A large site lets go of its pages' Markdown after the content checks and tokenizes its
    /// pages for search after the index pages rather than beside them: the site and the
    /// findings (their source lines read again from the files) are the same, file for file.
    @Test func tokenizingAfterTheIndexPagesGivesTheSameSite() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let (config, _) = try FolioConfig.load(from: fixture.root.appendingPathComponent("folio.yml").path)
        // A script the renderer drops is reported by the renderer, and given its source line
        // after the checks.
        let edited = "Content/articles/leiden-2023/02-global-growth.md"
        try fixture.write(try String(contentsOf: fixture.root.appendingPathComponent(edited), encoding: .utf8) + "\n<script>alert(1)</script>\n", to: edited)
        let beside = MemoryOutput(), after = MemoryOutput()
        let small = try SiteBuilder().build(.init(projectRoot: fixture.root, config: config, sink: beside))
        var large = SiteBuilder()
        large.largeSitePages = 0
        let result = try large.build(.init(projectRoot: fixture.root, config: config, sink: after))
        #expect(beside.contents.keys.contains("search/index.html"))
        #expect(after.contents == beside.contents)
        #expect(result.diagnostics == small.diagnostics)
        let late = small.diagnostics.filter { $0.location?.file == edited && $0.code.hasPrefix("MD") }
        #expect(!late.isEmpty && late.allSatisfy { $0.source != nil }, "\(small.diagnostics.map { "\($0.code) \(String(describing: $0.location)) \(String(describing: $0.source))" })")
    }

    /// A large site loads no Markdown, reads it again to render and to check each document, and
    /// keeps its pages' HTML and text on disk until they are used: on the whole corpus, the
    /// files and the findings (with their source lines) must be those of a normal build.
    @Test func aLargeSiteBuildOfTheCorpusGivesTheSameSiteAndFindings() throws {
        let root = try PageRefresherTests.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let (config, _) = try FolioConfig.load(from: root.appendingPathComponent("folio.yml").path)
        let normal = MemoryOutput(), large = MemoryOutput()
        let expected = try SiteBuilder().build(.init(projectRoot: root, config: config, sink: normal))
        var builder = SiteBuilder()
        builder.largeSitePages = 0
        let result = try builder.build(.init(projectRoot: root, config: config, sink: large))
        #expect(expected.diagnostics.contains { $0.source != nil })
        #expect(result.diagnostics == expected.diagnostics)
        #expect(large.contents.keys.sorted() == normal.contents.keys.sorted())
        let differing = normal.contents.keys.filter { large.contents[$0] != normal.contents[$0] }.sorted()
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    @Test func failingBuildLeavesThePreviousSiteByteForByte() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        _ = try build(fixture)
        let before = try SiteFixture.snapshot(fixture.site)
        try fixture.write("---\ntitle: Broken\n---\n\nSee [nowhere](99-missing.md).\n", to: "Content/articles/leiden-2023/03-broken.md")
        let result = try build(fixture)
        #expect(result.failed)
        #expect(!result.published)
        #expect(result.diagnostics.contains { $0.code == "LNK005" && $0.location == SourceLocation(file: "Content/articles/leiden-2023/03-broken.md", line: 5) })
        #expect(try SiteFixture.snapshot(fixture.site) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: fixture.root.path).filter { $0.hasPrefix(".Site") }
        #expect(siblings.isEmpty, "staging directory cleaned up")
    }

    @Test func brokenTemplateNamesFileAndLine() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        try fixture.write("{{<base}}\n{{$main}}\n<p>{{#items}}</p>\n{{/main}}\n{{/base}}\n", to: "Templates/list.mustache")
        do {
            _ = try build(fixture)
            Issue.record("expected a template error")
        } catch let error as FolioError {
            guard case let .configuration(file, line, _, _) = error else { Issue.record("\(error)"); return }
            #expect(file == "Templates/list.mustache")
            #expect(line != nil)
            #expect(error.exitCode == 2)
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.site.path))
    }

    @Test func malformedFrontMatterFailsTheBuildWithItsLine() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        try fixture.write("---\ntitle: Fine\norder: [1\n---\nBody\n", to: "Content/articles/leiden-2023/04-bad.md")
        let result = try build(fixture)
        #expect(result.failed)
        let diagnostic = try #require(result.diagnostics.first { $0.code == "FM001" })
        #expect(diagnostic.location?.file == "Content/articles/leiden-2023/04-bad.md")
        #expect((3...4).contains(diagnostic.location?.line ?? 0))
    }

    @Test func unsafeHTMLNeverReachesTheSite() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        try fixture.write("---\ntitle: Unsafe\n---\n\n# Unsafe\n\n<script>alert(1)</script>\n\n<a href=\"javascript:alert(2)\" onclick=\"x()\">x</a> [y](javascript:alert(3))\n", to: "Content/pages/unsafe.md")
        let result = try build(fixture)
        let html = try fixture.read("unsafe/index.html")
        // The theme's own `<script src=…>` (search) is allowed; the content's script is not.
        #expect(!html.contains("<script>"))
        #expect(!html.contains("alert(1)"))
        #expect(!html.lowercased().contains("javascript:"))
        #expect(!html.contains("onclick"))
        #expect(result.diagnostics.contains { $0.code == "MD002" && $0.location?.line == 9 })
    }

    @Test func checkModeWritesNothing() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let result = try build(fixture, write: false)
        #expect(!result.published)
        #expect(result.fileCount > 5)
        #expect(!FileManager.default.fileExists(atPath: fixture.site.path))
    }

    @Test func refusesToBuildIntoTheProjectRoot() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let (config, _) = try FolioConfig.load(from: fixture.root.appendingPathComponent("folio.yml").path)
        #expect(throws: FolioError.self) {
            try SiteBuilder().build(.init(projectRoot: fixture.root, config: config, outputDirectory: fixture.root))
        }
        #expect(throws: FolioError.self) {
            try SiteBuilder().build(.init(projectRoot: fixture.root, config: config, outputDirectory: fixture.root.appendingPathComponent("Content/Site")))
        }
    }
}

@Suite struct SiteURLTests {
    @Test func relativeLinksBetweenPages() {
        #expect(SiteURL.root(from: "") == "")
        #expect(SiteURL.root(from: "cmia-2021/") == "../")
        #expect(SiteURL.link(from: "cmia-2021/bp/", to: "companies/bp/") == "../../companies/bp/index.html")
        #expect(SiteURL.link(from: "", to: "cmia-2021/", fragment: "contents") == "cmia-2021/index.html#contents")
    }
}
