import FolioCore
import FolioSite
import Foundation
import Testing

/// The "cite this" files of the site built from the repository, read by the tools readers use:
/// bibtexparser for BibTeX and citeproc-py for CSL-JSON (from `.build/python`, made by
/// `scripts/install-deps.sh --test`), plus the Atom feed and the tags in each page's head.
@Suite(.serialized) struct CiteTests {
    static let python = SearchFixture.repository.appendingPathComponent(".build/python/bin/python").path

    @Test func everyCiteFileParsesWithABibTeXParserAndACSLProcessor() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.python), "run scripts/install-deps.sh --test")
        let site = try LayoutTests.site.get()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [SearchFixture.repository.appendingPathComponent("Tests/FolioSiteTests/Fixtures/cite/check_cite_files.py").path, site.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(text)")
        struct Summary: Decodable { var bibtex: Int; var csl: Int; var rendered: Int; var feed: Int; var sample: String }
        let summary = try JSONDecoder().decode(Summary.self, from: Data((text.split(separator: "\n").last ?? "").utf8))
        // One article and one report file each: every article of the five reports, and the reports.
        let articles = try LayoutTests.pages(in: site).filter { $0.split(separator: "/").count == 3 && !$0.contains("cities/") && !$0.contains("companies/") }.count
        #expect(summary.bibtex == summary.csl)
        #expect(summary.bibtex >= articles)
        #expect(summary.rendered == summary.csl)
        #expect(summary.feed == 5)
        #expect(summary.sample.contains("(20"))
    }

    @Test func articlesCarryScholarTagsJSONLDAndACiteBox() throws {
        let site = try LayoutTests.site.get()
        let html = try String(contentsOf: site.appendingPathComponent("cmia-2021/fanuc/index.html"), encoding: .utf8)
        #expect(html.contains(#"<meta name="citation_title" content="Optimization of Production Layout"#))
        #expect(html.contains(#"<meta name="citation_author" content="Yoshiharu Inaba">"#))
        #expect(html.contains(#"<meta name="citation_publication_date" content="2021">"#))
        #expect(html.contains(#""@type":"ScholarlyArticle""#))
        #expect(html.contains("<dt>APA</dt><dd>Inaba, Y. (2021). Optimization of Production Layout"))
        #expect(html.contains("<dt>Chicago</dt><dd>Inaba, Yoshiharu. “Optimization of Production Layout"))
        #expect(html.contains(#"<a href="cite.bib" download>BibTeX</a>"#))
        #expect(html.contains(#"<meta property="og:type" content="article">"#))
        let report = try String(contentsOf: site.appendingPathComponent("giz-ccid-2022/index.html"), encoding: .utf8)
        #expect(report.contains(#""@type":"Report""#))
        #expect(report.contains(#"<meta name="citation_publication_date" content="2022/01">"#))
        #expect(report.contains("Falk, S., Li, Y., "))
    }
}
