import FolioCore
import FolioMarkdown
import Testing

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func rendersGFMTables() {
        let page = renderer.render("| Company | City |\n|---|---|\n| Siemens | Chongqing |\n")
        #expect(page.html.contains("<table>"))
        #expect(page.html.contains("<th>Company</th>"))
        #expect(page.html.contains("<td>Chongqing</td>"))
    }

    /// The page records where each table starts, as cmark-gfm parsed it: with or without the
    /// outer pipes, never a table inside a code block.
    @Test func recordsTheLineOfEveryTable() {
        let page = renderer.render("Intro\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nText\n\na | b\n--|--\n1 | 2\n\n```\n| x | y |\n|---|---|\n```\n", origin: .init(file: "t.md", firstLine: 5))
        #expect(page.tables == [7, 13])
    }

    @Test func rendersStrikethroughAndAutolinks() {
        let page = renderer.render("~~old~~ see www.leidenasiacentre.nl\n")
        #expect(page.html.contains("<del>old</del>"))
        #expect(page.html.contains("<a href=\"http://www.leidenasiacentre.nl\">www.leidenasiacentre.nl</a>"))
        #expect(page.links.map(\.kind) == [.autolink])
    }

    @Test func rendersFootnotesWithAnchors() {
        let page = renderer.render("China promotes the IoT.[^1]\n\n[^1]: State Council, 2017.\n")
        #expect(page.html.contains("href=\"#fn-1\""))
        #expect(page.anchorIDs.contains("fn-1"))
        #expect(page.anchorIDs.contains("fnref-1"))
        #expect(page.footnoteReferences == [FootnoteReference(label: "1", line: 1, column: 24, defined: true)])
        #expect(page.footnoteDefinitions == [FootnoteDefinition(label: "1", text: "State Council, 2017.", lines: 3...3)])
        #expect(page.danglingFootnotes.isEmpty)
    }

    @Test func reportsDanglingAndUnreferencedFootnotes() {
        let page = renderer.render("Text.[^2]\n\n[^3]: Never cited.\n    Second line.\n\n```\n[^4]: in code\n```\n", origin: .init(file: "a.md", firstLine: 5))
        #expect(page.danglingFootnotes == [FootnoteReference(label: "2", line: 5, column: 6, defined: false)])
        #expect(page.footnoteDefinitions == [FootnoteDefinition(label: "3", text: "Never cited. Second line.", lines: 7...8)])
        #expect(page.footnoteDefinition(atLine: 8)?.label == "3")
    }

    @Test func readsFootnotesFromTheWrittenTextWhenTheRenderedOneIsRewritten() {
        // Index links inserted before a reference move it to the right; its column is the file's.
        let written = "Solar power grows.[^1]\n\n[^1]: IEA.\n"
        let linked = "[Solar power](../../technologies/solar/) grows.[^1]\n\n[^1]: IEA.\n"
        let page = renderer.render(linked, written: written)
        #expect(page.footnoteReferences.map(\.column) == [19])
        #expect(page.anchorIDs.contains("fn-1"))
    }

    @Test func readsTheCaptionMarkupTheImporterWrites() {
        let markdown = """
            <figure id="figure-3">
            <img src="a.png" alt="">
            <figcaption><span class="figure-label">Figure 3</span> Output</figcaption>
            </figure>

            <p id="table-1" class="table-caption"><span class="table-label">Table 1</span> Costs</p>

            <figure id="figure-x"><img src="b.png" alt=""></figure>

            ```
            <span class="figure-label">Figure 9</span>
            ```
            """
        let page = renderer.render(markdown, origin: .init(file: "a.md", firstLine: 10))
        #expect(page.captions == [
            MarkedCaption(label: "Figure 3", id: "figure-3", table: false, line: 12),
            MarkedCaption(label: "Table 1", id: "table-1", table: true, line: 15),
            MarkedCaption(label: "", id: "figure-x", table: false, line: 17),
        ])
        #expect(page.rawAnchors.map(\.id) == ["figure-3", "table-1", "figure-x"])
        #expect(page.rawAnchors.map(\.line) == [10, 15, 17])
    }

    @Test func givesHeadingsStableUniqueIDs() {
        let page = renderer.render("# Introduction\n\n## Background\n\n## Background\n\n### Scope {#custom-scope}\n")
        #expect(page.headings.map(\.id) == ["introduction", "background", "background-2", "custom-scope"])
        #expect(page.headings.map(\.line) == [1, 3, 5, 7])
        #expect(page.html.contains("<h1 id=\"introduction\">Introduction</h1>"))
        #expect(page.html.contains("<h2 id=\"background-2\">Background</h2>"))
        #expect(page.html.contains("<h3 id=\"custom-scope\">Scope</h3>"))
        #expect(page.anchorIDs.isSuperset(of: ["introduction", "background", "background-2", "custom-scope"]))
    }

    @Test func headingIDsKeepInlineMarkup() {
        let page = renderer.render("## The *Chengdu–Chongqing* Circle\n")
        #expect(page.html.contains("<h2 id=\"the-chengdu-chongqing-circle\">The <em>Chengdu–Chongqing</em> Circle</h2>"))
    }

    @Test func tagfilterAndSanitizerStripScripts() {
        let page = renderer.render("<script>alert(1)</script>\n\nHello <img src=x onerror=\"alert(1)\"> world\n", origin: .init(file: "Content/pages/x.md", firstLine: 5))
        #expect(!page.html.contains("<script"))
        #expect(!page.html.contains("alert(1)"))
        #expect(!page.html.contains("onerror"))
        #expect(page.html.contains("<img src=\"x\""))
        #expect(page.diagnostics.map(\.code) == ["MD001", "MD001"])
        #expect(page.diagnostics.first?.location == SourceLocation(file: "Content/pages/x.md", line: 5, column: 1))
    }

    @Test func neutralisesJavascriptURLs() {
        let page = renderer.render("[click](javascript:alert(1)) <a href=\"JaVa&#115;cript:x\">y</a>\n")
        #expect(!page.html.lowercased().contains("javascript"))
        #expect(page.diagnostics.map(\.code).sorted() == ["MD001", "MD002"])
    }

    @Test func keepsAllowedFigureMarkup() {
        let md = "<figure id=\"figure-3\" class=\"figure-missing\"><figcaption><span class=\"figure-label\">Figure 3</span> Output</figcaption></figure>\n\nSee [Figure 3](#figure-3).\n"
        let page = renderer.render(md)
        #expect(page.html.contains("<figure id=\"figure-3\" class=\"figure-missing\">"))
        #expect(page.anchorIDs.contains("figure-3"))
        #expect(page.links.map(\.destination) == ["#figure-3"])
        #expect(page.diagnostics.isEmpty)
    }

    @Test func escapesStrayAngleBrackets() {
        let page = renderer.render("<p>a < b and <unknown-tag>x</unknown-tag></p>\n")
        #expect(page.html.contains("a &lt; b"))
        #expect(!page.html.contains("<unknown-tag>"))
    }

    @Test func collectsTextBlocksUnderHeadings() {
        let page = renderer.render("Intro text.\n\n## Energy\n\nHydrogen in Chongqing.\n")
        #expect(page.textBlocks == [
            TextBlock(text: "Intro text.", headingID: nil, line: 1),
            TextBlock(text: "Hydrogen in Chongqing.", headingID: "energy", line: 5),
        ])
    }

    @Test func preservesChineseText() {
        let page = renderer.render("## 工业互联网\n\n重庆市市长国际经济顾问团会议\n")
        #expect(page.html.contains("重庆市市长国际经济顾问团会议"))
        #expect(page.headings.first?.id == "工业互联网")
    }
}
