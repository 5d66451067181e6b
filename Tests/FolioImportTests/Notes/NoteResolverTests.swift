import FolioCore
import FolioImport
import Testing

@Suite("Footnotes") struct NoteResolverTests {
    private func notes(_ articles: [[SourceLine]]) -> (DocumentDraft, [ImportFinding]) {
        CorpusExcerpt.run(CorpusExcerpt.document(articles), [NoteResolver()])
    }

    @Test("giz-ccid 2022 lines 229–245: <sup>n</sup> after digits, plain-number definitions after ---")
    func superscriptAfterDigitsAndPlainDefinitions() throws {
        let (doc, findings) = notes([try CorpusExcerpt.lines(CorpusExcerpt.giz, 229...246)])
        let body = doc.articles[0].body
        #expect(body.contains("in May 2021[^11]."))
        #expect(body.contains("Plan 2050[^12]"))
        let census = FootnoteCensus(body)
        #expect(census.definitions == ["7", "8", "9", "10", "11", "12"].filter { census.references.contains($0) })
        #expect(census.dangling.isEmpty)
        #expect(!body.contains("\n---\n"))
        #expect(body.contains("[^10]: 2030 Vision for Industrie 4.0"))
        // The ordinal inside definition 10 is not a footnote.
        #expect(!census.references.contains("th"))
        #expect(!findings.contains { $0.code == "FN101" })
    }

    @Test("giz-ccid 2022 lines 516–530 + 552–560: block cuts a sentence; definitions in another article move")
    func crossArticleDefinitionsAndRejoin() throws {
        let chapter = try CorpusExcerpt.lines(CorpusExcerpt.giz, 516...530)
        let annex = try CorpusExcerpt.lines(CorpusExcerpt.giz, 552...560)
        let (doc, findings) = notes([chapter, annex])
        let body = doc.articles[0].body
        #expect(body.contains("This percentage is 2.54% in Germany 2017[^29]"))
        let census = FootnoteCensus(body)
        #expect(census.dangling.isEmpty)
        #expect(Set(census.definitions) == ["26", "27", "28", "29", "30"])
        #expect(!doc.articles[1].body.contains("[^29]"))
        #expect(findings.contains { $0.code == "FN109" && $0.sourceLine == 556 && $0.articleIndex == 0 })
        #expect(findings.contains { $0.code == "FN112" && $0.sourceLine == 528 })
        // Definitions keep the source line they came from.
        #expect(doc.articles[0].lines.contains { $0.text.hasPrefix("[^30]:") && $0.number == 558 })
    }

    @Test("giz-ccid 2022 lines 344–372: reference in a heading moves to the section's first paragraph")
    func referenceOutOfHeading() throws {
        let (doc, findings) = notes([try CorpusExcerpt.lines(CorpusExcerpt.giz, 344...372)])
        let lines = doc.articles[0].lines.map(\.text)
        #expect(lines.first == "## 2.22 BHS Corrugated – Digitalised Production of Cardboard")
        #expect(lines.contains { $0.hasPrefix("BHS Corrugated (BHS) is a world-leading") && $0.hasSuffix("[^25]") })
        #expect(findings.contains { $0.code == "FN111" && $0.sourceLine == 344 })
    }

    @Test("leiden 2023 lines 38–48: entity-mangled definitions and two definitions glued on one line")
    func mangledAndGluedDefinitions() throws {
        let (doc, findings) = notes([try CorpusExcerpt.lines(CorpusExcerpt.leiden, 38...48)])
        let body = doc.articles[0].body
        let census = FootnoteCensus(body)
        #expect(census.definitions == ["1", "2", "3", "4"])
        #expect(census.dangling.isEmpty)
        #expect(!body.contains("&lt;") && !body.contains("<sup>&</sup>"))
        #expect(body.contains("[^4]: Lee, J. (8 December, 2021)."))
        #expect(findings.filter { $0.code == "FN113" }.map(\.sourceLine) == [44, 46, 48])
    }

    @Test("leiden 2023 lines 263–279: garbled marker 752 is read as note 52")
    func garbledNumber() throws {
        let (doc, findings) = notes([try CorpusExcerpt.lines(CorpusExcerpt.leiden, 263...279)])
        let body = doc.articles[0].body
        #expect(body.contains("'manufacturing superpower'[^52]."))
        #expect(FootnoteCensus(body).dangling.isEmpty)
        #expect(findings.contains { $0.code == "FN105" && $0.severity == .warning && $0.sourceLine == 267 })
    }

    @Test("leiden 2023 lines 112–124: a reference without definition stays visible as text")
    func danglingMarker() throws {
        let (doc, findings) = notes([try CorpusExcerpt.lines(CorpusExcerpt.leiden, 112...124)])
        let body = doc.articles[0].body
        #expect(body.contains("applications.⁽²³⁾"))
        #expect(!FootnoteCensus(body).references.contains("23"))
        #expect(findings.contains { $0.code == "FN101" && $0.sourceLine == 116 })
    }

    @Test("cmia 2021 lines 1278–1298: <sup>t27</sup>o gives the letter back to the word")
    func swallowedLetter() throws {
        let (doc, _) = notes([try CorpusExcerpt.lines(CorpusExcerpt.cmia2021, 1278...1298)])
        let body = doc.articles[0].body
        #expect(body.contains("around 1.3%[^27] to the GDP"))
        #expect(FootnoteCensus(body).dangling.isEmpty)
    }

    @Test("cmia 2021 lines 3256–3295: duplicate label 75 is the missing note 76")
    func duplicateRelabelled() throws {
        let (doc, findings) = notes([try CorpusExcerpt.lines(CorpusExcerpt.cmia2021, 3256...3295)])
        let census = FootnoteCensus(doc.articles[0].body)
        #expect(census.dangling.isEmpty)
        #expect(census.definitions.contains("76"))
        #expect(findings.contains { $0.code == "FN103" && $0.sourceLine == 3291 })
    }

    @Test("cmia 2021 lines 300–314: a body line starting with a number is not a definition")
    func plainNumberTrap() throws {
        let (doc, _) = notes([try CorpusExcerpt.lines(CorpusExcerpt.cmia2021, 300...314)])
        let body = doc.articles[0].body
        #expect(body.contains("10 of the regional financial centres"))
        #expect(!FootnoteCensus(body).definitions.contains("10"))
    }

    @Test("cst 2024 lines 66–70 + 1045–1060: endnote list, gaps and orphan definitions")
    func endnotes() throws {
        let chapter = try CorpusExcerpt.lines(CorpusExcerpt.cst, 66...70)
        let endnotes = try CorpusExcerpt.lines(CorpusExcerpt.cst, 1045...1060)
        let (doc, findings) = notes([chapter, endnotes])
        let census = FootnoteCensus(doc.articles[0].body)
        #expect(census.references == ["1", "2", "3"])
        #expect(census.definitions == ["1", "2", "3"])
        #expect(doc.articles[0].body.contains("since 2020[^1]."))
        #expect(findings.contains { $0.code == "FN102" && $0.sourceLine == 1050 })
        #expect(!findings.contains { $0.code == "FN101" })
    }

    @Test("cst 2024 lines 148–170: numbering gap 3 → 5 is reported")
    func numberingGap() throws {
        let intro = try CorpusExcerpt.lines(CorpusExcerpt.cst, 66...70)
        let chapter = try CorpusExcerpt.lines(CorpusExcerpt.cst, 148...170)
        let (_, findings) = notes([intro, chapter])
        #expect(findings.contains { $0.code == "FN104" && $0.sourceLine == 151 })
    }

    @Test("cmia 2024 lines 1766–1770 + 2005–2021: bracketed <sup>[n]</sup> citations and their reference list")
    func bracketCitations() throws {
        let text = try CorpusExcerpt.lines(CorpusExcerpt.cmia2024, 1766...1770)
        let list = try CorpusExcerpt.lines(CorpusExcerpt.cmia2024, 2005...2021)
        let (doc, findings) = notes([text + list])
        let body = doc.articles[0].body
        let census = FootnoteCensus(body)
        #expect(census.references.contains("4"))
        #expect(census.dangling.isEmpty)
        #expect(body.contains("[^4]: Study on the Support System"))
        #expect(body.contains("- \\[1\\] Research on Strategies"))
        #expect(findings.contains { $0.code == "FN105" && $0.sourceLine == 1766 })
    }

    @Test("ordinals, units, powers, trademarks and chemistry are not footnotes")
    func falsePositives() throws {
        let excerpts = [
            try CorpusExcerpt.lines(CorpusExcerpt.cmia2021, 3...5),
            try CorpusExcerpt.lines(CorpusExcerpt.cmia2021, 2047...2047),
            try CorpusExcerpt.lines(CorpusExcerpt.cmia2021, 4201...4201),
            try CorpusExcerpt.lines(CorpusExcerpt.cmia2024, 3653...3653),
            try CorpusExcerpt.lines(CorpusExcerpt.cmia2024, 2834...2834),
            try CorpusExcerpt.lines(CorpusExcerpt.cmia2024, 1913...1913),
            try CorpusExcerpt.lines(CorpusExcerpt.cst, 469...469),
        ]
        let (doc, findings) = CorpusExcerpt.run(CorpusExcerpt.document(excerpts), CorpusExcerpt.allSteps)
        for (index, article) in doc.articles.enumerated() where index != 4 {
            #expect(FootnoteCensus(article.body).references.isEmpty)
            #expect(!article.body.contains("<sup>") && !article.body.contains("<sub>"))
        }
        #expect(doc.articles[0].body.contains("THE 16TH CMIA"))
        #expect(doc.articles[1].body.contains("220 km²"))
        #expect(doc.articles[2].body.contains("100 yen/Nm³"))
        #expect(doc.articles[3].body.contains("10⁶⁰ small molecule"))
        #expect(doc.articles[4].body.contains("PQpluS™"))
        #expect(doc.articles[5].body.contains("Gorilla®"))
        #expect(doc.articles[6].body.contains("CO₂"))
        // Line 2834 also cites notes 20–22, whose definitions are not in the excerpt.
        #expect(findings.filter { $0.code.hasPrefix("FN") }.allSatisfy { $0.articleIndex == 4 && $0.code == "FN101" })
        #expect(!doc.articles[4].body.contains("<sup>"))
    }

    @Test("cmia 2021 lines 3146–3254: Cummins [n] citations, a reference entry broken by a blank line, one outside the list")
    func cumminsReferenceList() throws {
        let (doc, findings) = notes([try CorpusExcerpt.lines(CorpusExcerpt.cmia2021, 3146...3254)])
        let body = doc.articles[0].body
        let census = FootnoteCensus(body)
        #expect(census.dangling.isEmpty)
        #expect(Set(census.definitions) == ["1", "2", "3", "4", "5", "6", "7"])
        #expect(body.contains("《科技日报》，2021 年 7 月 19 日，第 007 版。"))
        #expect(body.contains("[^7]: 北京外汇管理部"))
        #expect(body.contains("<http://www.safe.gov.cn/beijing/2021/0317/1521.html>"))
        #expect(!findings.contains { $0.code == "FN101" })
    }
}

/// A note printed just before running text must not take that text in: the page's paragraph
/// stays in the body, where the reader expects it.
@Suite("Notes and the text after them") struct NoteBoundaryTests {
    private func resolve(_ texts: [String]) -> DocumentDraft {
        let lines = texts.enumerated().map { SourceLine($1, number: $0 + 1) }
        return CorpusExcerpt.run(CorpusExcerpt.document([lines]), [NoteResolver()]).0
    }

    @Test func aWholeParagraphAfterAShortFinishedNoteStaysInTheBody() {
        let doc = resolve([
            "Several challenges remain, as surveys show.<sup>2</sup>",
            "",
            "<sup>2</sup> Source: Deloitte (link)",
            "By addressing these obstacles and building on its strengths, the city can pave the way for a more robust manufacturing landscape.",
            "",
        ])
        let body = doc.articles[0].body
        #expect(body.contains("[^2]: Source: Deloitte (link)\n") || body.hasSuffix("[^2]: Source: Deloitte (link)"))
        #expect(!body.contains("(link) By addressing"))
        #expect(body.contains("\nBy addressing these obstacles"))
    }

    @Test func wordsAfterANoteThatEndsWithAURLAreNotPartOfTheURL() {
        let doc = resolve([
            "The platform was launched in 2023.<sup>10</sup> In addition, inconsistent disclosure is",
            "",
            "<sup>10</sup> Official website: https://www.example.org/",
            "",
            "also one of the challenges as some products disclose data on emissions from raw materials only.",
            "",
        ])
        let body = doc.articles[0].body
        #expect(body.contains("[^10]: Official website: https://www.example.org/"))
        #expect(!body.contains("example.org/also"))
        #expect(body.contains("also one of the challenges"))
    }

    @Test func aNoteWrappedAtItsURLStillContinues() {
        let doc = resolve([
            "As reported.<sup>3</sup>",
            "",
            "<sup>3</sup> Report: https://www.example.org/reports/",
            "",
            "2023/annual-report.pdf",
            "",
            "<sup>4</sup> Second note, a wrapped definition that",
            "goes on to a second line.",
        ])
        let body = doc.articles[0].body
        #expect(body.contains("https://www.example.org/reports/2023/annual-report.pdf"))
    }
}
