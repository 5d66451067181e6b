@testable import FolioBundle
import FolioMarkdown
import Foundation
import Testing

/// The HTML5 → XHTML conversion behind EPUB content documents and single-file HTML.
@Suite struct HTMLRewriterTests {
    @Test func closesVoidElementsQuotesAttributesAndMakesEntitiesXMLSafe() {
        let html = "<p>Line one<br>line two &mdash; R&amp;D &nbsp;&unknown; a < b<img src=\"x.png\" alt=\"Fig. 3\"><hr></p>\n<td align=center colspan=2>x</td>"
        let out = HTMLRewriter().rewrite(html)
        #expect(out == "<p>Line one<br/>line two \u{2014} R&amp;D \u{A0}&amp;unknown; a &lt; b<span class=\"image-missing\">Fig. 3</span></p><hr/>\n<td colspan=\"2\" style=\"text-align: center\">x</td>")
    }

    @Test func closesUnclosedElementsAndDropsStrayEndTags() {
        #expect(HTMLRewriter().rewrite("<div><p><em>open</div></span>tail") == "<div><p><em>open</em></p></div>tail")
        #expect(HTMLRewriter().rewrite("<!-- note --><p>x</p>") == "<p>x</p>")
    }

    /// A footnote of the Leiden 2023 report (source lines 36–44), rendered by cmark-gfm.
    @Test func turnsCmarkFootnotesIntoEPUBFootnotes() {
        let page = MarkdownRenderer().render("China has promoted the IoT's development as a strategic priority.[^1]\n\n[^1]: Lee, J. (8 December, 2021). Lowy Institute.\n")
        var rewriter = HTMLRewriter()
        rewriter.epubFootnotes = true
        let out = rewriter.rewrite(page.html)
        #expect(out.contains("<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" epub:type=\"noteref\" role=\"doc-noteref\">1</a></sup>"))
        #expect(out.contains("<section class=\"footnotes\">"))
        #expect(out.contains("<aside id=\"fn-1\" epub:type=\"footnote\" role=\"doc-footnote\">\n<p><span class=\"footnote-label\">1.</span> Lee, J. (8 December, 2021). Lowy Institute. <a href=\"#fnref-1\" class=\"footnote-backref\""))
        #expect(!out.contains("<ol>"))
        #expect(!out.contains("<li"))
        #expect(!out.contains("data-footnote"))
    }

    @Test func prefixesIdsAndFragmentsAndRewritesOrDropsLinks() {
        var rewriter = HTMLRewriter()
        rewriter.mapID = { "a--" + $0 }
        rewriter.mapLink = { href in href.hasPrefix("http") ? .keep(href) : .unlink }
        let out = rewriter.rewrite("<h2 id=\"x\">T</h2><p><a href=\"#x\">same</a> <a href=\"https://example.org/?a=1&amp;b=2\">web</a> <a href=\"../about/\" rel=\"next\">gone</a></p>")
        #expect(out == "<h2 id=\"a--x\">T</h2><p><a href=\"#a--x\">same</a> <a href=\"https://example.org/?a=1&amp;b=2\">web</a> <span>gone</span></p>")
    }

    @Test func xmlIDsNeverStartWithADigit() {
        #expect(XMLID.make("1-introduction") == "h1-introduction")
        #expect(XMLID.make("fn-1") == "fn-1")
        #expect(XMLID.make("a:b c") == "a-b-c")
    }

    @Test func nameBasedUUIDsFollowRFC9562() {
        // The value Python's `uuid.uuid5(uuid.NAMESPACE_URL, "http://www.example.com/")` gives.
        #expect(NameBasedUUID.make("http://www.example.com/") == "fcde3c85-2270-590f-9e7c-ee003d65e0e2")
        #expect(SHA1.hash(Array("abc".utf8)).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() == "a9993e364706816aba3e25717850c26c9cd0d89d")
    }
}

/// Leiden 2023, conclusions: a raw HTML link whose text cmark-gfm autolinked again.
@Suite struct HTMLRewriterLinkTests {
    @Test func linkInsideALinkKeepsOnlyTheOuterOne() {
        let url = "https://www.foreignaffairs.com/articles/2019-08-12/internet-freedom-league"
        let page = MarkdownRenderer().render("Retrieved from: <a href=\"\(url)\">\(url)</a>.\n")
        #expect(page.html.contains("<a href=\"\(url)\"><a href="), "cmark-gfm nests the autolink (precondition of this test)")
        #expect(HTMLRewriter().rewrite(page.html) == "<p>Retrieved from: <a href=\"\(url)\">\(url)</a>.</p>\n")
    }
}

/// Raw HTML lists inside a paragraph, as in the CMIA 2021 MUFG paper (`Main targets <ul …>`).
@Suite struct HTMLRewriterNestingTests {
    @Test func blockElementClosesAnOpenParagraph() {
        let html = "<p>Main targets\t<ul> <li>• SMEs in Tokyo</li> </ul>\nService <em>contents</em></p>\n<p>next</p>"
        #expect(HTMLRewriter().rewrite(html) == "<p>Main targets\t</p><ul> <li>• SMEs in Tokyo</li> </ul>\nService <em>contents</em>\n<p>next</p>")
    }
}

/// Bundles are reproducible only if rendering is: concurrent renders must agree.
@Suite struct ConcurrentRenderingTests {
    /// Leiden 2023, source lines 56–70: bare URLs that the autolink extension must link every time.
    @Test func concurrentRendersOfAutolinksAgree() {
        let markdown = (1...400).map { "Footnote \($0). Retrieved from: https://www.wired.com/wiredinsider/2018/07/industrial-iot-\($0)/ and www.leidenasiacentre.nl\n" }.joined(separator: "\n")
        let renderer = MarkdownRenderer()
        let expected = renderer.render(markdown).html
        let results = ResultsBox()
        // Long renders interleaved with many short ones, whose parsers finish while the long ones parse inlines.
        DispatchQueue.concurrentPerform(iterations: 400) { index in
            if index % 8 == 0 {
                results.append(renderer.render(markdown).html)
            } else {
                _ = renderer.render("Short note.\n")
            }
        }
        #expect(results.values.count == 50)
        #expect(results.values.allSatisfy { $0 == expected })
        #expect(expected.contains("<a href=\"https://www.wired.com/wiredinsider/2018/07/industrial-iot-40/\">"))
    }

    final class ResultsBox: @unchecked Sendable {
        // Proof of Sendable: `storage` is only touched under `lock`.
        private var storage: [String] = []
        private let lock = NSLock()
        func append(_ value: String) { lock.lock(); storage.append(value); lock.unlock() }
        var values: [String] { lock.lock(); defer { lock.unlock() }; return storage }
    }
}
