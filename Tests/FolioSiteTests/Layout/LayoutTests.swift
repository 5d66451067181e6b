import FolioCore
import FolioSite
import Foundation
import Testing

/// The site built from the repository's own `Content/`, laid out by headless Chromium at a
/// desktop (1280 px) and a phone (390 px) width. A harness page frames every article and one page
/// of every other type in turn and measures geometry; nothing is judged by eye.
@Suite(.serialized, .enabled(if: Chromium.isAvailable, "needs chromium (Debian package `chromium`)"))
struct LayoutTests {
    static let site: Result<URL, any Error> = Result {
        let root = try SearchFixture.temporaryDirectory("layout")
        let fm = FileManager.default
        for item in ["Templates", "Content", "folio.yml", ".folio-baseline.json"] {
            try fm.copyItem(at: SearchFixture.repository.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        let (site, result) = try SearchFixture.build(root)
        guard result.published else { throw FolioError.io(path: site.path, message: "site build failed: \(result.diagnostics.filter { $0.severity == .error }.prefix(5))") }
        return site
    }

    /// Site-relative paths of every article page, and of one page of each other type.
    static func pages(in site: URL) throws -> [String] {
        let fm = FileManager.default
        var articles: [String] = []
        let others: Set = ["companies", "cities", "sdgs", "technologies", "search", "report", "about", "assets", "downloads"]
        for document in try fm.contentsOfDirectory(atPath: site.path).sorted() where !others.contains(document) {
            let folder = site.appendingPathComponent(document)
            guard (try? folder.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true else { continue }
            for article in try fm.contentsOfDirectory(atPath: folder.path).sorted()
            where fm.fileExists(atPath: folder.appendingPathComponent("\(article)/index.html").path) {
                articles.append("\(document)/\(article)/index.html")
            }
        }
        let document = try #require(articles.first.map { String($0.prefix { $0 != "/" }) + "/index.html" })
        return articles + [
            "index.html", document, "companies/index.html", "cities/chongqing/index.html", "technologies/index.html",
            "sdgs/index.html", "search/index.html", "about/index.html",
        ].filter { fm.fileExists(atPath: site.appendingPathComponent($0).path) }
    }

    /// One page as measured by the harness (CSS pixels).
    struct Measure: Decodable {
        var path: String
        var viewport: Double
        /// Width of the text column (`.article__body`, else `main`).
        var textWidth: Double
        var textLeft: Double
        /// Side panels (the document's articles, "On this page") standing beside the text, and
        /// how far the widest reaches into the text column (≤ 0 when none does).
        var panelsBeside: Int
        var panelOverlap: Double
        var documentWidth: Double
        var headerHeight: Double
        var headerSticky: Bool
        /// For each same-page link target tried (a note, the reference back to it, a heading):
        /// its top edge after the jump, and the header's bottom edge it must clear.
        var jumps: [Jump]
    }

    struct Jump: Decodable {
        var id: String
        var top: Double
        var clearOf: Double
    }

    static func measure(width: Int) throws -> [Measure] {
        let site = try site.get()
        let pages = try pages(in: site)
        let data = try Chromium.measure(site: site, pages: pages, width: width, height: width < 600 ? 844 : 900, measure: """
              function box(el) { return el ? el.getBoundingClientRect() : null; }
              d.documentElement.style.scrollBehavior = "auto";
              var text = d.querySelector(".article__body") || d.querySelector("main");
              var header = d.querySelector(".site-header");
              var t = box(text), h = box(header);
              var sticky = header && w.getComputedStyle(header).position === "sticky";
              // Side panels that stand beside the text (not folded above it) and how far they reach into it.
              var beside = 0, overlap = 0;
              d.querySelectorAll(".doc-nav, .article__toc").forEach(function (p) {
                var b = box(p);
                if (b.width === 0) return;
                if (b.right <= t.left + 1 || b.left >= t.right - 1) beside += 1;
                if (b.bottom <= t.top || b.top >= t.bottom) return;
                overlap = Math.max(overlap, Math.min(b.right, t.right) - Math.max(b.left, t.left));
              });
              var m = { path: page, viewport: w.innerWidth, textWidth: t.width, textLeft: t.left,
                panelsBeside: beside, panelOverlap: overlap,
                documentWidth: d.documentElement.scrollWidth, headerHeight: h ? h.height : 0, headerSticky: !!sticky, jumps: [] };
              var ids = [];
              var note = d.querySelector(".footnotes li[id]"); if (note) ids.push(note.id);
              var ref = d.querySelector("[id^='fnref']"); if (ref) ids.push(ref.id);
              var heading = d.querySelectorAll(".prose h2[id]"); if (heading.length > 1) ids.push(heading[heading.length - 1].id);
              ids.forEach(function (id) {
                w.location.hash = "#" + id;
                var el = d.getElementById(id), hb = box(header);
                m.jumps.push({ id: id, top: el.getBoundingClientRect().top, clearOf: sticky ? hb.bottom : 0 });
              });
              w.scrollTo(0, 0);
              return [m];
            """, budget: 120_000, limit: 300)
        let measures = try JSONDecoder().decode([Measure].self, from: data)
        #expect(measures.count == pages.count, "measured \(measures.count) of \(pages.count) pages")
        return measures
    }

    @Test(arguments: [1280, 1100, 390])
    func everyPageKeepsItsTextColumnAndClearsTheHeader(width: Int) throws {
        let measures = try Self.measure(width: width)
        let articles = measures.filter { $0.path.split(separator: "/").count == 3 && !$0.path.hasPrefix("cities/") }
        #expect(articles.count > 50)
        for m in measures {
            #expect(m.viewport == Double(width), "\(m.path): viewport \(m.viewport)")
            // Nothing sticks out sideways (wide tables scroll inside themselves).
            #expect(m.documentWidth <= m.viewport + 1, "\(m.path): page is \(m.documentWidth) px wide at \(width)")
            // Landing on a note, the reference back to it or a heading leaves it in view below the header.
            for jump in m.jumps {
                #expect(jump.top >= jump.clearOf - 1, "\(m.path)#\(jump.id): lands at \(jump.top), under the header (\(jump.clearOf))")
            }
        }
        for m in articles {
            if width >= 1024 {
                // A full text column (42rem = 672 px) beside the side panels, whatever the article holds.
                #expect(m.textWidth >= 640, "\(m.path): text column \(m.textWidth) px")
                #expect(m.panelsBeside >= 1, "\(m.path): no side panel beside the text")
                #expect(m.panelOverlap <= 0, "\(m.path): a side panel reaches \(m.panelOverlap) px into the text")
            } else {
                #expect(m.textWidth >= Double(width) - 48, "\(m.path): text column \(m.textWidth) px of \(width)")
                #expect(m.panelsBeside == 0, "\(m.path): a side panel beside a phone-width text")
            }
        }
        let header = try #require(measures.first)
        if width < 600 {
            // On a phone the header is two short lines and scrolls away with the page.
            #expect(header.headerHeight <= 90, "header \(header.headerHeight) px")
            #expect(!header.headerSticky)
        } else {
            #expect(header.headerHeight <= 80, "header \(header.headerHeight) px")
        }
    }

    /// Keyword-in-context snippets on index pages keep the text's own spacing around `<mark>` and
    /// start at the text, not at a list marker.
    @Test func highlightsCarryNoStraySpaces() throws {
        let site = try Self.site.get()
        var marks = 0
        var stray: [String] = []
        let pattern = try NSRegularExpression(pattern: #"<a href="[^"]*">(.*?)</a>"#)
        for section in ["companies", "cities", "technologies", "sdgs"] {
            let folder = site.appendingPathComponent(section)
            for term in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                guard let html = try? String(contentsOf: folder.appendingPathComponent("\(term)/index.html"), encoding: .utf8) else { continue }
                for line in html.components(separatedBy: "\n") where line.contains("<mark>") {
                    for snippet in line.components(separatedBy: "<li>") where snippet.contains("<mark>") {
                        marks += 1
                        let ns = snippet as NSString
                        guard let match = pattern.firstMatch(in: snippet, range: NSRange(location: 0, length: ns.length)) else { continue }
                        let text = ns.substring(with: match.range(at: 1))
                        let bad = text.range(of: #"<mark>\s|\s</mark>|[(\[‘“]\s+<mark>|</mark>\s+([’,.;:)\]”]|(&#39;|')s\b)|^[-*+]\s"#, options: .regularExpression) != nil
                        if bad { stray.append("\(section)/\(term): \(text)") }
                    }
                }
            }
        }
        #expect(marks > 1000)
        #expect(stray.isEmpty, "\(stray.count) of \(marks): \(stray.prefix(5))")
    }
}

/// Search on the site built from the repository: an organisation's, a place's or a technology's
/// own page comes first when the query is its name.
@Suite(.serialized, .enabled(if: Chromium.isAvailable, "needs chromium (Debian package `chromium`)"))
struct OwnNameSearchTests {
    @Test(arguments: [
        ("Chongqing", "cities/chongqing/index.html"),
        ("Siemens", "companies/siemens/index.html"),
        ("artificial intelligence", "technologies/artificial-intelligence/index.html"),
    ])
    func entityPageComesFirst(query: String, page: String) throws {
        let site = try LayoutTests.site.get()
        var components = URLComponents()
        components.queryItems = [URLQueryItem(name: "q", value: query)]
        let url = site.appendingPathComponent("search/index.html").absoluteString + "?" + (components.percentEncodedQuery ?? "")
        let dom = SearchPageDOM(try Chromium.dumpDOM(url))
        #expect(dom.state == "done")
        #expect(dom.results.count > 5)
        #expect(dom.results.first?.hasPrefix("../\(page)") == true, "\(query): \(dom.results.prefix(3))")
    }
}

/// The reading aids of `folio.js` on an article of the site built from the repository, driven in
/// headless Chromium: heading links, note previews, scrollspy, the theme button and ←/→.
@Suite(.serialized, .enabled(if: Chromium.isAvailable, "needs chromium (Debian package `chromium`)"))
struct ReadingAidTests {
    @Test func aidsWorkOnAnArticle() throws {
        let site = try LayoutTests.site.get()
        let harness = site.appendingPathComponent("aids-harness.html")
        defer { try? FileManager.default.removeItem(at: harness) }
        let html = """
            <!DOCTYPE html><html><head><title>aids</title></head><body>
            <iframe id="f" title="page" width="1280" height="900" src="cmia-2021/fanuc/index.html"></iframe><pre id="out"></pre>
            <script>
            var frame = document.getElementById("f"), log = {}, step = 0;
            frame.onload = function () {
              var d = frame.contentDocument, w = frame.contentWindow;
              if (step === 1) { log.arrowLeft = w.location.pathname.split("/").slice(-3).join("/"); document.getElementById("out").textContent = JSON.stringify(log); return; }
              step = 1;
              d.documentElement.style.scrollBehavior = "auto";
              log.headingLinks = d.querySelectorAll(".prose h2 .heading-anchor").length;
              var ref = d.querySelector("a[data-footnote-ref]");
              ref.dispatchEvent(new MouseEvent("mouseenter"));
              var preview = d.querySelector(".preview");
              log.preview = preview ? preview.textContent.trim().slice(0, 30) : "";
              log.describedBy = ref.getAttribute("aria-describedby");
              var headings = d.querySelectorAll(".prose h2[id]"), last = headings[headings.length - 2];
              last.scrollIntoView();
              w.dispatchEvent(new Event("scroll"));
              setTimeout(function () {
                var current = d.querySelector(".article__toc a[aria-current]");
                log.scrollspy = current ? current.getAttribute("href") : "";
                log.expected = "#" + last.id;
                var toggle = d.querySelector(".theme-toggle");
                toggle.click(); log.theme1 = d.documentElement.getAttribute("data-theme");
                toggle.click(); log.theme2 = d.documentElement.getAttribute("data-theme");
                toggle.click(); log.theme3 = d.documentElement.getAttribute("data-theme") || "system";
                d.body.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowLeft", bubbles: true, cancelable: true }));
              }, 50);
            };
            </script></body></html>
            """
        try html.write(to: harness, atomically: true, encoding: .utf8)
        let dom = try Chromium.dumpDOM(harness.absoluteString, extraArguments: ["--allow-file-access-from-files", "--window-size=1320,1000"])
        let start = try #require(dom.range(of: "<pre id=\"out\">")), end = try #require(dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex))
        let json = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        struct Log: Decodable {
            var headingLinks: Int; var preview: String; var describedBy: String?; var scrollspy: String; var expected: String
            var theme1: String?; var theme2: String?; var theme3: String; var arrowLeft: String
        }
        let log = try JSONDecoder().decode(Log.self, from: Data(json.utf8))
        #expect(log.headingLinks >= 5)
        // The first note of the FANUC paper cites Porter.
        #expect(log.preview.contains("Michael E. Porter"))
        #expect(log.describedBy == "folio-preview")
        #expect(log.scrollspy == log.expected)
        #expect(log.theme1 == "light" && log.theme2 == "dark" && log.theme3 == "system")
        // ← opens the previous article (FANUC is the last of its report).
        #expect(log.arrowLeft.hasPrefix("cmia-2021/") && !log.arrowLeft.hasPrefix("cmia-2021/fanuc"))
    }
}
