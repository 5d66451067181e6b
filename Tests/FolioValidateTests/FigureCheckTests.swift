import FolioContent
import FolioCore
import Foundation
import Testing
@testable import FolioValidate

/// Figure and table checks (body line n is file line n + 7).
struct FigureCheckTests {
    static func figure(_ n: Int, _ caption: String = "Caption") -> String {
        "<figure id=\"figure-\(n)\" class=\"figure-missing\"><figcaption><span class=\"figure-label\">Figure \(n)</span> \(caption)</figcaption></figure>"
    }

    @Test func referenceToAFigureWithoutCaption() {
        // giz-ccid-2022 404–406: Figure 3 exists; a reference to Figure 4 does not resolve.
        let page = Fixture.article("""
        # Tencent Cloud – Energy Studio

        \(Self.figure(3, "Difficulties found in a fragmented application system"))

        Energy Studio addresses the difficulties mentioned in [Figure 3](#figure-3) and in Figure 4.
        """)
        #expect(Fixture.codes(Fixture.check([page])) == ["FIG001@12"])
    }

    @Test func brokenLinkToAFigureAnchor() {
        let page = Fixture.article("# A\n\nSee [Figure 2](#figure-2).\n")
        let result = ContentValidator(projectRoot: Fixture.repositoryRoot).validate([page])
        #expect(Fixture.codes(result.diagnostics) == ["FIG001@10"])
        #expect(result.reportedLinks == ["Content/articles/doc/01-a.md#figure-2"])
    }

    @Test func unnumberedDuplicateAndMissingCaptions() {
        // cst-2024 327 (photo caption without number); cmia-2021 ISUZU 3281 → 3382 (Figure 2 lost).
        let page = Fixture.article("""
        # ISUZU

        <figure id="figure-linhai" class="figure-missing"><figcaption>The workers of State Grid Linhai Power Supply Company</figcaption></figure>

        \(Self.figure(1))

        \(Self.figure(3))

        \(Self.figure(3))

        Figures: see Figure 1 and Figure 3.
        """)
        #expect(Fixture.codes(Fixture.check([page])) == ["FIG002@10", "FIG004@14", "FIG003@16", "STR002@16"])
    }

    @Test func numberingContinuesAcrossArticles() {
        // giz-ccid-2022: Figures 1–5 are numbered through the whole paper, one use case each.
        let a = Fixture.article("# A\n\n\(Self.figure(1))\n\nSee Figure 1.", path: "Content/articles/g/01-a.md", document: "g")
        let b = Fixture.article("# B\n\n\(Self.figure(2))\n\nSee Figure 2.", path: "Content/articles/g/02-b.md", document: "g")
        let c = Fixture.article("# C\n\n\(Self.figure(4))\n\nSee Figure 4.", path: "Content/articles/g/03-c.md", document: "g")
        let found = Fixture.check([a, b, c])
        #expect(found.map(\.code) == ["FIG004"])
        #expect(found.first?.message == "Figure 4 follows Figure 2: figure 3 is missing")
    }

    @Test func deicticReferenceWithoutFigure() {
        // giz-ccid-2022 470: "The graph above illustrates…" right after a heading, no figure.
        let page = Fixture.article("""
        # Observations and Recommendations

        ## 3.1 Observations

        The graph above illustrates that most use cases analysed have leveraged Industrie 4.0 technologies.

        \(Self.figure(2))

        As the figure above shows, and the table below lists:

        | a | b |
        |---|---|
        | 1 | 2 |
        """)
        #expect(Fixture.codes(Fixture.check([page])).filter { $0.hasPrefix("FIG005") } == ["FIG005@12"])
        // A table written without its outer pipes is a table too.
        let bare = Fixture.article("""
        # Observations

        The table below lists the cases.

        a | b
        --|--
        1 | 2
        """)
        #expect(Fixture.codes(Fixture.check([bare])).filter { $0.hasPrefix("FIG005") }.isEmpty)
    }

    @Test func unreferencedFigureIsInfoAndOtherPublicationsFiguresAreIgnored() {
        // cmia-2021 3285: "From Figure 8 of the National Plan" names another publication's figure.
        let page = Fixture.article("""
        # A

        As Figure 1 shows, the cluster grew.

        \(Self.figure(1))

        \(Self.figure(2))

        Source: From Figure 8 of the National Plan for Main Function Zones.
        """)
        let found = Fixture.check([page])
        #expect(Fixture.codes(found) == ["FIG007@14"])
        #expect(found.first?.severity == .info)
    }

    /// sandwich-paper (a foreign fixture): “Table 14.1 in Greene (1993)” and “his Table 15.1”
    /// name another publication's tables, not missing ones of the article.
    @Test func anotherPublicationsTableIsNoMissingTable() {
        let page = Fixture.article("""
        # A

        The data for the 51 US states is given in Table 14.1 in Greene (1993). Greene also analyzes a model: his Table 15.1 provides data on GNP.

        As Table 2 shows, this one is missing.
        """)
        #expect(Fixture.codes(Fixture.check([page])) == ["FIG001@12"])
    }

    /// crc-paper (a foreign fixture): “tables 7 and 6” refers to both tables.
    @Test func theByteScanLetsThroughEveryLineTheMentionExpressionMatches() throws {
        // Every line of the corpus, imported and raw, and lines made to sit on the scan's edges.
        var lines = [
            "see Figure 3", "Fig.2 shows", "fig. 12", "Tables 7 and 6", "in table\u{A0}4", "Exhibit 1", "Displays 2",
            "(Figure 1)", "“Table 2”", "Figures\n3", "Chart 9", "Graph 1", "écoTable 3",
            "a stable 3", "notable 4", "Figure it out", "Tableau 3", "FIGURE 3", "Fig", "",
        ]
        lines += Fixture.corpusLines
        #expect(lines.count > 20_000)
        var matched = 0, passed = 0
        for line in lines {
            let matches = TextPatterns.mentionRegex.numberOfMatches(in: line, range: NSRange(location: 0, length: (line as NSString).length))
            let mayMention = TextPatterns.mayMentionCaption(line)
            if matches > 0 {
                matched += 1
                #expect(mayMention, "\(line)")
            }
            if mayMention { passed += 1 }
        }
        // The scan is worth having: it stops most lines the expression would have read.
        #expect(matched > 100)
        #expect(passed < lines.count / 10)
    }

    /// The ASCII fast path of the text normalisation keeps exactly what `CharacterSet.alphanumerics`
    /// keeps, on every line of the corpus and on lines with every ASCII character.
    @Test func normalisedTextKeepsWhatAlphanumericsKeeps() throws {
        var lines = [String((0..<128).compactMap { Unicode.Scalar($0).map(Character.init) }), "Ünïcödé ÀB 12³ ½ ⁽¹²⁾ 北京 — x_y", ""]
        lines += Fixture.corpusLines
        #expect(lines.count > 20_000)
        for line in lines {
            let expected = String(String.UnicodeScalarView(line.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }))
            #expect(TextPatterns.normalisedText(line) == expected, "\(line)")
        }
    }

    @Test func aPluralMentionRefersToEveryNumberOfItsList() {
        let mentions = TextPatterns.captionMentions(in: "As demonstrated in tables 7 and 6, and in Figures 1–3, 5, and 9.")
        #expect(mentions.map { "\($0.kind) \($0.number)" } == ["table 7", "table 6", "figure 1", "figure 2", "figure 3", "figure 5", "figure 9"])
    }

    /// An article that refers to fewer than half of its figures by number does not refer to
    /// figures by number (Corning and Nomura in the corpus): its unreferenced figures are its
    /// convention, not findings, unless the corpus entry states otherwise.
    @Test func anArticleThatNeverRefersToFiguresByNumberGetsNoFIG007UnlessItsEntrySaysItDoes() {
        let page = Fixture.article("""
        # A

        The cluster grew.

        \(Self.figure(1))

        \(Self.figure(2))
        """)
        #expect(Fixture.check([page]).isEmpty)
        let stated = Fixture.check([page], conventions: ["doc": DocumentConventions(figuresReferenced: true)])
        #expect(Fixture.codes(stated) == ["FIG007@12", "FIG007@14"])
    }

    @Test func aStatedConventionDecidesUnnumberedCaptionsAndRepeatedCitations() {
        let page = Fixture.article("""
        # A

        Text.[^1] More.[^2]

        <figure id="figure-x" class="figure-missing"><figcaption>An unnumbered chart</figcaption></figure>

        [^1]: World Bank, Digital Progress and Trends Report 2023, https://example.org/report.pdf
        [^2]: World Bank, Digital Progress and Trends Report 2023, https://example.org/report.pdf
        """)
        let learnt = Fixture.codes(Fixture.check([page]))
        #expect(learnt.contains { $0.hasPrefix("FN006") }, "\(learnt)")
        #expect(!learnt.contains { $0.hasPrefix("FIG002") }, "one unnumbered caption: no convention to break")
        let stated = Fixture.codes(Fixture.check([page], conventions: ["doc": DocumentConventions(figuresNumbered: true, citationsRepeat: true)]))
        #expect(!stated.contains { $0.hasPrefix("FN006") || $0.hasPrefix("FN007") }, "\(stated)")
        #expect(stated.contains { $0.hasPrefix("FIG002") }, "\(stated)")
    }

    @Test func missingImageFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-img-\(UUID().uuidString)")
        let dir = root.appendingPathComponent("Content/articles/doc")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("png".utf8).write(to: dir.appendingPathComponent("present.png"))
        let page = Fixture.article("# A\n\n![ok](present.png)\n\n![lost](missing.png)\n")
        #expect(Fixture.codes(Fixture.check([page], root: root)) == ["FIG006@12"])
    }
}

/// Caption paragraphs written without caption markup, as they appear in the raw sources.
struct PlainCaptionTests {
    @Test func captionFormsOfTheCorpus() {
        // cmia-2021 3281 (bold, no colon), cmia-2024 1351 ([Figure 3]), giz-ccid-2022 404 (Figure 3:), cmia-2021 369 (Table 1:).
        #expect(TextPatterns.plainCaption("Figure 1 Strategic structure of urbanization (diagram)")! == ("figure", 1))
        #expect(TextPatterns.plainCaption("[Figure 3] Example of CPS Utilization by Asahi Kasei")! == ("figure", 3))
        #expect(TextPatterns.plainCaption("Figure 3: Difficulties found in a fragmented application system")! == ("figure", 3))
        #expect(TextPatterns.plainCaption("Table 1: Correlation of industrial structures")! == ("table", 1))
        #expect(TextPatterns.plainCaption("Fig. 4: Hydrogen supply chain")! == ("figure", 4))
    }

    @Test func sentencesAreNoCaptions() {
        #expect(TextPatterns.plainCaption("Figure 3 shows that the growth rate outstripped China as a whole.") == nil)
        #expect(TextPatterns.plainCaption("Figure 1 The structure is shown here in detail and it goes on for a full sentence.") == nil)
        #expect(TextPatterns.plainCaption("Tencent Cloud Energy Studio addresses the difficulties mentioned in Figure 3.") == nil)
    }
}
