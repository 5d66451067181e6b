import FolioCore
import FolioSite
import Foundation
import Testing

/// Size budgets of the search index on the whole corpus (every report of `Content/sources/`, cut
/// into articles at level-1 headings): the index is at most 35 % of the site's HTML, and a
/// one-word query loads at most 150 KB of it.
@Suite(.serialized) struct SearchBudgetTests {
    static let site: Result<URL, any Error> = Result {
        let (site, result) = try SearchFixture.build(try SearchFixture.corpusProject())
        guard result.published else { throw FolioError.io(path: site.path, message: "corpus build failed: \(result.diagnostics.filter { $0.severity == .error }.prefix(5))") }
        return site
    }

    @Test func indexStaysWithin35PercentOfTheHTML() throws {
        let site = try Self.site.get()
        let html = SearchFixture.bytes(in: site, suffix: ".html")
        let index = SearchFixture.bytes(in: site.appendingPathComponent("search/index"), suffix: ".js")
        #expect(html > 1_000_000)
        #expect(index > 0)
        #expect(Double(index) <= 0.35 * Double(html), "index \(index) B, HTML \(html) B")
    }

    @Test func everyShardIsSmall() throws {
        let site = try Self.site.get()
        let shards = site.appendingPathComponent("search/index/s")
        for name in try FileManager.default.contentsOfDirectory(atPath: shards.path) {
            let size = try #require(try shards.appendingPathComponent(name).resourceValues(forKeys: [.fileSizeKey]).fileSize)
            #expect(size <= 40_000, "\(name): \(size) B")
        }
    }

    /// The commonest words of the corpus load the most postings and the most result fragments.
    @Test(.enabled(if: Chromium.isAvailable, "needs chromium"), arguments: ["development", "digital", "chongqing", "industry", "china"])
    func oneWordQueryLoadsAtMost150KB(word: String) throws {
        let site = try Self.site.get()
        let url = site.appendingPathComponent("search/index.html").absoluteString + "?q=\(word)"
        let page = SearchPageDOM(try Chromium.dumpDOM(url))
        #expect(page.state == "done")
        #expect(page.results.count == 10)
        let search = site.appendingPathComponent("search")
        let loaded = try page.loadedScripts.map { path in
            try #require(try search.appendingPathComponent(path).resourceValues(forKeys: [.fileSizeKey]).fileSize)
        }
        #expect(loaded.count >= 3)
        #expect(loaded.reduce(0, +) <= 150_000, "\(word): \(page.loadedScripts.count) files, \(loaded.reduce(0, +)) B")
    }
}
