import FolioCore
import FolioSite
import Foundation
import Testing

/// The search page in headless Chromium from `file://`, on a site built from corpus excerpts
/// (`Tests/FolioSiteTests/Fixtures/search-corpus`, each file named by source and line range).
@Suite(.serialized, .enabled(if: Chromium.isAvailable, "needs chromium (Debian package `chromium`)"))
struct SearchPageTests {
    static let site: Result<URL, any Error> = Result {
        let project = try SearchFixture.project(fixture: "search-corpus")
        let (site, result) = try SearchFixture.build(project)
        guard result.published else { throw FolioError.io(path: site.path, message: "fixture build failed: \(result.diagnostics)") }
        return site
    }

    func search(_ query: String) throws -> SearchPageDOM {
        let site = try Self.site.get()
        var components = URLComponents()
        components.queryItems = [URLQueryItem(name: "q", value: query)]
        let url = site.appendingPathComponent("search/index.html").absoluteString + "?" + (components.percentEncodedQuery ?? "")
        return SearchPageDOM(try Chromium.dumpDOM(url))
    }

    @Test func findsATermAndLinksToTheNearestHeading() throws {
        let page = try search("Omika")
        #expect(page.state == "done")
        #expect(page.status == "1 result for “Omika”.")
        #expect(page.results == ["../cmia-2024/hitachi-gx-cmia-2024-l600-608/index.html#2-hitachis-green-transformation-gx-initiatives-using-a-digital-twin"])
        #expect(page.snippets.first?.contains("<mark>Omika</mark>") == true)
    }

    @Test func ranksAQuotedPhraseWhereTheWordsStandTogether() throws {
        let page = try search("\"digital twin\"")
        #expect(page.state == "done")
        let pages = page.results.map { $0.components(separatedBy: "/")[2] }
        // Hitachi's and the metaverse paper have the phrase in headings and text; ThyssenKrupp once.
        #expect(Set(pages.prefix(2)) == ["hitachi-gx-cmia-2024-l600-608", "industrial-metaverse-cmia-2024-l3221-3239"])
        #expect(pages.contains("thyssenkrupp-cmia-2021-l2282-2290"))
        // Corning's paper mentions neither word together.
        #expect(!pages.contains("corning-cmia-2021-l68-128"))
    }

    @Test func ranksTheCompanysOwnPaperFirst() throws {
        let page = try search("Schneider Electric")
        let pages = page.results.map { $0.components(separatedBy: "/")[2] }
        #expect(pages.first == "schneider-electric-cmia-2021-l1398-1442")
        #expect(pages.contains("china-europe-iiot-leiden-2023-l431-441"))
        #expect(page.snippets.first?.contains("<mark>Schneider</mark>") == true)
    }

    @Test func forgivesAMisspelling() throws {
        let page = try search("Schnieder")
        let pages = page.results.map { $0.components(separatedBy: "/")[2] }
        #expect(pages.first == "schneider-electric-cmia-2021-l1398-1442")
    }

    @Test func matchesAPrefixWhileTyping() throws {
        let page = try search("Cornin")
        let pages = page.results.map { $0.components(separatedBy: "/")[2] }
        #expect(pages.first == "corning-cmia-2021-l68-128")
        #expect(page.snippets.first?.contains("<mark>Corning") == true)
    }

    @Test func findsWordVariantsThroughStems() throws {
        // "decarbonization" in the Hitachi excerpt; the query uses another form.
        let page = try search("decarbonize")
        #expect(page.results.first?.contains("hitachi-gx") == true)
    }

    @Test func saysSoWhenNothingMatches() throws {
        let page = try search("zeppelin")
        #expect(page.state == "done")
        #expect(page.status == "No results for “zeppelin”.")
        #expect(page.results.isEmpty)
    }

    @Test func worksFromTheKeyboard() throws {
        // A page in the same directory frames the search page (Chromium lets file:// pages reach
        // each other with --allow-file-access-from-files) and presses keys in it.
        let site = try Self.site.get()
        let harness = site.appendingPathComponent("search/keyboard-harness.html")
        defer { try? FileManager.default.removeItem(at: harness) }
        let html = """
            <!DOCTYPE html><html><body><pre id="out">waiting</pre>
            <iframe id="f" src="index.html?q=Schneider" width="800" height="600"></iframe>
            <script>
            var frame = document.getElementById("f"), log = [];
            function key(k) { var d = frame.contentDocument; (d.activeElement || d.body).dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true })); }
            function name() { var a = frame.contentDocument.activeElement; return a ? (a.id || a.className || a.tagName) : "none"; }
            function run() {
              var d = frame.contentDocument;
              if (d.getElementById("search-app").getAttribute("data-state") !== "done") return setTimeout(run, 20);
              d.activeElement.blur();
              key("/"); log.push(name());
              key("ArrowDown"); log.push(name());
              key("ArrowDown"); log.push(name());
              key("ArrowUp"); key("ArrowUp"); log.push(name());
              var live = d.getElementById("search-status");
              log.push(live.getAttribute("aria-live") + ":" + live.textContent);
              document.getElementById("out").textContent = log.join("|");
            }
            frame.onload = run;
            </script></body></html>
            """
        try html.write(to: harness, atomically: true, encoding: .utf8)
        let dom = try Chromium.dumpDOM(harness.absoluteString, extraArguments: ["--allow-file-access-from-files"])
        let start = try #require(dom.range(of: "<pre id=\"out\">")), end = try #require(dom.range(of: "</pre>"))
        let steps = dom[start.upperBound..<end.lowerBound].components(separatedBy: "|")
        #expect(steps.count == 5)
        #expect(steps.first == "search-input")
        #expect(steps.dropFirst().first == "search-result__link")
        #expect(steps.dropFirst(3).first == "search-input")
        #expect(steps.last?.hasPrefix("polite:") == true)
        #expect(steps.last?.contains("results for “Schneider”") == true)
    }

    @Test func stemsQueriesExactlyAsTheIndexDoes() throws {
        let words = PorterStemmerTests.reference.map(\.0) + ["manufacturing", "digitalization", "companies", "emissions", "chongqing", "5g"]
        let dir = try SearchFixture.temporaryDirectory("stems")
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = SearchFixture.repository.appendingPathComponent("Templates/assets/search.js").absoluteString
        let json = String(decoding: try JSONEncoder().encode(words), as: UTF8.self)
        let html = """
            <!DOCTYPE html><html><body><pre id="out"></pre><script src="\(script)"></script>
            <script>document.getElementById("out").textContent = \(json).map(function (w) { return folioSearch.stem(w); }).join(" ");</script></body></html>
            """
        let file = dir.appendingPathComponent("stems.html")
        try html.write(to: file, atomically: true, encoding: .utf8)
        let dom = try Chromium.dumpDOM(file.absoluteString)
        let start = try #require(dom.range(of: "<pre id=\"out\">")), end = try #require(dom.range(of: "</pre>"))
        let browserStems = dom[start.upperBound..<end.lowerBound].split(separator: " ").map(String.init)
        #expect(browserStems == words.map(PorterStemmer.stem))
    }
}
