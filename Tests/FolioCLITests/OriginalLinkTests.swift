import Foundation
import Testing

/// Readers see where an article stands in the printed report (its contents give the page) and
/// reach the publisher's original when the corpus entry names it (`url:`).
@Suite struct OriginalLinkTests {
    @Test func anArticleNamesItsPrintedPageAndLinksTheOriginal() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-original-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for item in ["Content", "Templates", "folio.yml", ".folio-baseline.json"] {
            try FileManager.default.copyItem(at: FolioProcess.repository.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        // The SUEZ paper's contents entry reads "… Net Zero Economy SUEZ (20)".
        let article = try String(contentsOf: root.appendingPathComponent("Content/articles/cmia-2024/02-suez.md"), encoding: .utf8)
        #expect(article.contains("  page: \"20\""))
        let manifest = root.appendingPathComponent("Content/corpus.yml")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        try text.replacingOccurrences(of: "  - slug: cmia-2024\n", with: "  - slug: cmia-2024\n    url: \"https://example.org/cmia-2024.pdf\"\n")
            .write(to: manifest, atomically: true, encoding: .utf8)
        let site = root.appendingPathComponent("Site")
        let built = try FolioProcess.run(["build", "--quiet", "--root", root.path, "--output", site.path])
        #expect(built.status == 0, "\(built.stderr)")
        let page = try String(contentsOf: site.appendingPathComponent("cmia-2024/suez/index.html"), encoding: .utf8)
        #expect(page.contains(#"<p class="article__original">Page 20 of the printed report · <a href="https://example.org/cmia-2024.pdf">Read the original (PDF)</a></p>"#))
        #expect(page.contains(#"<meta name="citation_firstpage" content="20">"#))
        #expect(try String(contentsOf: site.appendingPathComponent("cmia-2024/suez/cite.bib"), encoding: .utf8).contains("pages = {20}"))
        let document = try String(contentsOf: site.appendingPathComponent("cmia-2024/index.html"), encoding: .utf8)
        #expect(document.contains(#"<a href="https://example.org/cmia-2024.pdf">Read the original (PDF)</a>"#))
        // A report without `url:` names the page only.
        let other = try String(contentsOf: site.appendingPathComponent("giz-ccid-2022/executive-summary/index.html"), encoding: .utf8)
        #expect(other.contains(#"<p class="article__original">Page 2 of the printed report</p>"#))
    }
}
