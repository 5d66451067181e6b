import FolioCore
import Foundation
import Testing

@testable import FolioSite

/// The site's header and footer are rendered once per page depth and printed into every page:
/// each page must get exactly what rendering them with its own context would give.
@Suite struct SiteChromeTests {
    static let templates = [
        "base.mustache": "<html>\n{{{siteHeader}}}\n<main>{{$main}}{{/main}}</main>\n{{{siteFooter}}}\n</html>\n",
        "site-header.mustache": "<header><a href=\"{{root}}index.html\">{{site.title}}</a>{{#navigation}}<a href=\"{{root}}{{path}}\">{{title}}</a>{{/navigation}}</header>\n",
        "site-footer.mustache": "<footer>{{site.title}}</footer>\n",
        "page.mustache": "{{<base}}{{$main}}<h1>{{title}}</h1>{{/main}}{{/base}}",
    ]
    static let layout: [String: any Sendable] = [
        "site": ["title": "Reports & Notes"] as [String: String],
        "navigation": [["title": "Places", "path": "cities/index.html"]] as [[String: String]],
    ]

    /// The writer's pages, by path.
    static func written(_ pages: [(path: String, context: [String: Any])]) throws -> [String: String] {
        let output = MemoryOutput()
        let writer = PageWriter(templates: try TemplateCycleTests.library(templates, builtin: false), sink: output, layout: layout)
        for (path, context) in pages { try writer.writePage(urlPath: path, template: "page", context: context) }
        return output.contents.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func eachDepthGetsLinksFromItsOwnFolder() throws {
        // Two pages at each depth, in an order that mixes them.
        let pages = try Self.written([
            ("cities/chongqing/", ["title": "Chongqing"]), ("", ["title": "Home"]),
            ("cities/chengdu/", ["title": "Chengdu"]), ("about/", ["title": "About"]),
        ])
        #expect(pages["index.html"] == "<html>\n<header><a href=\"./index.html\">Reports &amp; Notes</a><a href=\"./cities/index.html\">Places</a></header>\n<main><h1>Home</h1></main>\n<footer>Reports &amp; Notes</footer>\n</html>\n")
        #expect(pages["about/index.html"]?.contains("<a href=\"../index.html\">Reports &amp; Notes</a><a href=\"../cities/index.html\">") == true)
        for city in ["chongqing", "chengdu"] {
            let page = try #require(pages["cities/\(city)/index.html"])
            #expect(page.contains("<a href=\"../../cities/index.html\">Places</a>"))
            #expect(page.contains("<h1>\(city.capitalized)</h1>"))
        }
    }

    @Test func aPageThatSetsALayoutVariableGetsChromeOfItsOwn() throws {
        let pages = try Self.written([
            ("a/", ["title": "A"]),
            ("b/", ["title": "B", "navigation": [["title": "Only here", "path": "here.html"]]]),
            ("c/", ["title": "C"]),
        ])
        #expect(pages["b/index.html"]?.contains("<a href=\"../here.html\">Only here</a>") == true)
        #expect(pages["b/index.html"]?.contains("Places") == false)
        // The pages beside it keep the site's.
        for path in ["a/index.html", "c/index.html"] {
            #expect(pages[path]?.contains("<a href=\"../cities/index.html\">Places</a>") == true)
            #expect(pages[path]?.contains("Only here") == false)
        }
    }

    @Test func aThemeWithoutChromeTemplatesStillRenders() throws {
        let output = MemoryOutput()
        let library = try TemplateCycleTests.library(["page.mustache": "<p>{{title}}[{{{siteHeader}}}]</p>"], builtin: false)
        let writer = PageWriter(templates: library, sink: output, layout: Self.layout)
        try writer.writePage(urlPath: "x/", template: "page", context: ["title": "X"])
        #expect(output.text(at: "x/index.html") == "<p>X[]</p>")
    }
}
