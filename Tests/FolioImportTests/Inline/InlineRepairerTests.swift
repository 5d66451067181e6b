import FolioCore
import FolioImport
import Testing

@Suite("Inline repairs") struct InlineRepairerTests {
    private func inline(_ lines: [SourceLine]) -> (String, [ImportFinding]) {
        let (doc, findings) = CorpusExcerpt.run(CorpusExcerpt.document([lines]), [InlineRepairer()])
        return (doc.articles[0].body, findings)
    }

    @Test("giz-ccid 2022 line 243: link text with `\\\\_` equal to its URL becomes an autolink")
    func escapedLinkText() throws {
        let (body, findings) = inline(try CorpusExcerpt.lines(CorpusExcerpt.giz, 243...243))
        #expect(body.contains("<https://www.bmbf.de/"))
        #expect(body.contains("3621_bekanntmachung>"))
        #expect(!body.contains("\\_"))
        #expect(findings.contains { $0.code == "INL004" && $0.severity == .info })
    }

    @Test("leiden 2023 line 156: an underlined URL split into fragments becomes one autolink")
    func underlinedFragments() throws {
        let (body, _) = inline(try CorpusExcerpt.lines(CorpusExcerpt.leiden, 156...156))
        #expect(body.contains("<https://merics.org/en/report/chinas-digital-platform-economy-assessing-developments-towards-industry-40>"))
        #expect(!body.contains("<u>") && !body.contains("</u>"))
    }

    @Test("leiden 2023 line 553: an HTML link whose text is its URL becomes an autolink, never a link in a link")
    func htmlAnchorOfAURL() throws {
        let (body, findings) = inline(try CorpusExcerpt.lines(CorpusExcerpt.leiden, 553...553))
        #expect(body.contains("<https://www.foreignaffairs.com/articles/2019-08-12/internet-freedom-league>"))
        #expect(!body.contains("<a href="))
        #expect(findings.contains { $0.code == "INL007" })
    }

    @Test("leiden 2023 line 154: backslash escapes in a bare URL")
    func bareURLEscape() throws {
        let (body, _) = inline(try CorpusExcerpt.lines(CorpusExcerpt.leiden, 154...154))
        #expect(body.contains("<http://www.gov.cn/gongbao/content/2017/content_5244870.htm>"))
    }

    @Test("cmia 2021 lines 4134–4136: `<u>`, `CO <sub>2</sub>` and `<b>` in table text")
    func tagsInTables() throws {
        let (body, _) = inline(try CorpusExcerpt.lines(CorpusExcerpt.cmia2021, 4134...4136))
        #expect(body.contains("CO₂"))
        #expect(!body.contains("<u>") && !body.contains("<sub>"))
    }

    @Test("giz-ccid 2022 lines 89–100: `<b>` in a heading-like table of contents becomes emphasis, never inside headings")
    func boldTags() throws {
        let (body, _) = inline(try CorpusExcerpt.lines(CorpusExcerpt.giz, 89...100))
        #expect(!body.contains("<b>") && !body.contains("</b>"))
        #expect(body.contains("**1. Introduction.....**"))
        let heading = [SourceLine("## <b>Results</b> of the <i>study</i>", number: 1)]
        let (fixed, _) = inline(heading)
        #expect(fixed == "## Results of the study")
    }

    @Test("cmia 2021 line 3: ordinal in an all-caps heading keeps its case")
    func ordinal() throws {
        let (body, findings) = inline(try CorpusExcerpt.lines(CorpusExcerpt.cmia2021, 3...3))
        #expect(body == "# THE 16TH CMIA")
        #expect(findings.contains { $0.code == "INL001" && $0.sourceLine == 3 })
    }
}
