import FolioCore
import FolioImport
import Testing

@Suite("Figures and tables") struct FigureAnchorerTests {
    private func figures(_ articles: [[SourceLine]]) -> (DocumentDraft, [ImportFinding]) {
        CorpusExcerpt.run(CorpusExcerpt.document(articles), [NoteResolver(), FigureAnchorer()])
    }

    @Test("giz-ccid 2022 lines 398–406: `Figure 3:` caption becomes an anchored figure and the text links to it")
    func numberedFigureAndLink() throws {
        let (doc, findings) = figures([try CorpusExcerpt.lines(CorpusExcerpt.giz, 398...406)])
        let body = doc.articles[0].body
        #expect(
            body.contains(
                #"<figure id="figure-3" class="figure-missing"><figcaption><span class="figure-label">Figure 3</span> Difficulties found in a fragmented application system <span class="figure-note">(image not included in the source)</span></figcaption></figure>"#
            ))
        #expect(body.contains("addresses the difficulties mentioned in [Figure 3](#figure-3):"))
        #expect(!findings.contains { $0.code == "FIG108" })
    }

    @Test("giz-ccid 2022 lines 614–620: bracketed `[Figure 5: …]` caption")
    func bracketedCaption() throws {
        let (doc, findings) = figures([try CorpusExcerpt.lines(CorpusExcerpt.giz, 614...620)])
        #expect(
            doc.articles[0].body.contains(
                #"<figure id="figure-5" class="figure-missing"><figcaption><span class="figure-label">Figure 5</span> Production and operation centre"#))
        // The excerpt refers to no figure by number: an unreferenced figure is its convention.
        #expect(!findings.contains { $0.code == "FIG108" })
    }

    @Test("giz-ccid 2022 lines 466–472: “the graph above” with no figure nearby is reported")
    func deicticWithoutFigure() throws {
        let (_, findings) = figures([try CorpusExcerpt.lines(CorpusExcerpt.giz, 464...472)])
        #expect(findings.contains { $0.code == "FIG105" && $0.sourceLine == 470 })
    }

    @Test("cmia 2021 lines 349–377: tab-separated table with its caption below becomes an anchored GFM table")
    func tableCaptionBelow() throws {
        let (doc, findings) = figures([try CorpusExcerpt.lines(CorpusExcerpt.cmia2021, 349...378)])
        let lines = doc.articles[0].lines.map(\.text)
        guard
            let anchor = lines.firstIndex(
                of:
                    #"<p id="table-1" class="table-caption"><span class="table-label">Table 1</span> Similar coefficients of urban industrial structure in the Chengdu-Chongqing area</p>"#
            )
        else {
            Issue.record("no table anchor")
            return
        }
        #expect(lines[anchor + 2].hasPrefix("|  | Chongqing | Chengdu |"))
        #expect(lines[anchor + 3].hasPrefix("| --- | --- |"))
        #expect(lines[anchor + 4].hasPrefix("| Chongqing | 1.00 | - |"))
        #expect(lines[0].contains("are shown in [Table 1](#table-1)."))
        // Table 2's body was lost: it is a figure block with the missing-image note.
        #expect(lines.contains { $0.hasPrefix(#"<figure id="table-2" class="figure-missing">"#) })
        #expect(!lines.contains { $0.contains("\t") })
        #expect(findings.contains { $0.code == "FIG108" && $0.sourceLine == 377 })
    }

    @Test("leiden 2023 lines 318–346: a table split around its caption is rejoined; “Figure 1” has no caption")
    func splitTableAndWrongLabel() throws {
        let (doc, findings) = figures([try CorpusExcerpt.lines(CorpusExcerpt.leiden, 316...350)])
        let lines = doc.articles[0].lines.map(\.text)
        let rows = lines.filter { $0.hasPrefix("| ") }
        #expect(rows.first == "| Company/Platform | International collaborations |")
        #expect(rows.contains { $0.hasPrefix("| XCMG Xrea |") })
        #expect(rows.contains { $0.hasPrefix("| Haier COSMOPlat | Firm is a GAIA-X member; active in international standards setting forums;") })
        #expect(lines.filter { $0.hasPrefix(#"<p id="table-1""#) }.count == 1)
        let missing = findings.filter { $0.code == "FIG101" }
        #expect(missing.contains { $0.sourceLine == 318 && $0.hint?.contains("Table 1") == true })
        #expect(findings.contains { $0.code == "FIG112" && $0.sourceLine == 331 })
    }

    @Test("cmia 2021 lines 896–904: a Chinese caption under an English one is its original label")
    func chineseSubcaption() throws {
        let (doc, _) = figures([try CorpusExcerpt.lines(CorpusExcerpt.cmia2021, 896...904)])
        let body = doc.articles[0].body
        #expect(
            body.contains(
                #"<span class="figure-label">Figure 1</span> National spatial layout, 14th five-year programme <span lang="zh">图3 城镇化空间格局示意图</span> <span class="figure-note">(image not included in the source)</span></figcaption>"#
            ))
        #expect(body.contains("(see [Figure 1](#figure-1) from 14th five-year programme)"))
    }

    @Test("cmia 2021 lines 4655–4670: a caption that cuts a sentence moves after the rejoined paragraph")
    func captionCutsSentence() throws {
        let (doc, findings) = figures([try CorpusExcerpt.lines(CorpusExcerpt.cmia2021, 4655...4670)])
        let lines = doc.articles[0].lines.map(\.text)
        guard let joined = lines.firstIndex(where: { $0.contains("only for advanced and difficult tasks that absolutely require human intervention") }) else {
            Issue.record("paragraph not rejoined")
            return
        }
        #expect(lines[joined + 2].hasPrefix(#"<figure id="figure-1""#))
        #expect(lines[0].hasPrefix("[Figure 1](#figure-1) shows an example"))
        #expect(findings.contains { $0.code == "FIG106" && $0.sourceLine == 4665 })
    }

    @Test("cmia 2021 lines 3279–3400: numbering gap (Figure 2 lost); “Figure 8 of the National Plan” is external")
    func numberingGap() throws {
        let (_, findings) = figures([try CorpusExcerpt.lines(CorpusExcerpt.cmia2021, 3279...3400)])
        #expect(findings.contains { $0.code == "FIG104" && $0.sourceLine == 3382 })
        #expect(!findings.contains { $0.code == "FIG101" })
    }

    @Test("cmia 2024: `Display 1`, `Fig.2`, `[Figure 1]` and heading captions")
    func captionForms() throws {
        let display = try CorpusExcerpt.lines(CorpusExcerpt.cmia2024, 2515...2528)
        let fig = try CorpusExcerpt.lines(CorpusExcerpt.cmia2024, 1480...1480)
        let bracket = try CorpusExcerpt.lines(CorpusExcerpt.cmia2024, 1329...1331)
        let (doc, findings) = figures([display, fig, bracket])
        // Display 1 is a list, present in the source: an anchor paragraph, not a missing image.
        #expect(
            doc.articles[0].body.contains(
                #"<p id="display-1" class="figure-caption"><span class="figure-label">Display 1</span> Chongqing's "33618" modern manufacturing cluster system</p>"#
            ))
        // The caption was a heading, so its note reference moved to the first line of the section.
        #expect(doc.articles[0].body.contains("and advanced materials.[^5]"))
        #expect(doc.articles[0].body.contains("(see [Display 1](#display-1) for sectoral details)"))
        #expect(!findings.contains { $0.code == "FN101" })
        #expect(
            doc.articles[1].body.contains(
                #"<figure id="figure-2" class="figure-missing"><figcaption><span class="figure-label">Figure 2</span> AI PC global shipments and PC chip market share <span class="figure-note">(image not included in the source)</span></figcaption>"#
            ))
        #expect(
            doc.articles[2].body.contains(
                #"<figure id="figure-1" class="figure-missing"><figcaption><span class="figure-label">Figure 1</span> Image of Olympus's CPS Utilization"#))
        #expect(!doc.articles[2].body.contains("####"))
    }

    @Test("cmia 2021 lines 405–418: a footnote reference inside a bold caption stays resolvable")
    func footnoteInCaption() throws {
        let (doc, findings) = figures([try CorpusExcerpt.lines(CorpusExcerpt.cmia2021, 405...418)])
        let body = doc.articles[0].body
        #expect(
            body.contains(
                #"<figure id="graph-2" class="figure-missing"><figcaption><span class="figure-label">Graph 2</span> Car Production Volume in Sichuan and Chongqing <span class="figure-note">(image not included in the source)</span></figcaption>"#
            ))
        #expect(body.contains("Note to Graph 2.[^8]"))
        #expect(FootnoteCensus(body).dangling.isEmpty)
        #expect(!findings.contains { $0.code == "FN101" })
    }
}

@Suite("Caption lines") struct CaptionLineTests {
    @Test("cmia 2024 lines 2151–2154: `Figure 3: previous …` is a caption; `Figure 1 shows …` (cmia 2021 line 4655) is not")
    func lowercaseCaptions() throws {
        let (doc, findings) = CorpusExcerpt.run(
            CorpusExcerpt.document([try CorpusExcerpt.lines(CorpusExcerpt.cmia2024, 2151...2158)]), [FigureAnchorer()])
        let body = doc.articles[0].body
        #expect(
            body.contains(
                #"<figure id="figure-3" class="figure-missing"><figcaption><span class="figure-label">Figure 3</span> previous first research laboratory <span class="figure-note">(image not included in the source)</span></figcaption>"#
            ))
        #expect(body.contains("established in 1914 ([Figure 3](#figure-3))"))
        #expect(findings.contains { $0.code == "FIG101" && $0.sourceLine == 2151 })
        let (sentence, _) = CorpusExcerpt.run(
            CorpusExcerpt.document([try CorpusExcerpt.lines(CorpusExcerpt.cmia2021, 4655...4655)]), [FigureAnchorer()])
        #expect(!sentence.articles[0].body.contains("<figure"))
    }
}

@Suite("Unlabelled captions") struct UnlabelledCaptionTests {
    @Test("cst 2024 lines 513–521: a photo caption without number that cuts a sentence")
    func photoCaption() throws {
        let (doc, findings) = CorpusExcerpt.run(
            CorpusExcerpt.document([try CorpusExcerpt.lines(CorpusExcerpt.cst, 513...522)]), [FigureAnchorer()])
        let lines = doc.articles[0].lines.map(\.text).filter { !$0.isEmpty }
        #expect(lines.count == 2)
        #expect(
            lines[0].hasSuffix(
                "to later operation and maintenance management. A specific example is using 0.1 m aerial images that are 25 times clearer than commercial satellite images, along with semantic segmentation technology, to accurately identify the rooftop resources of buildings in the area, achieving the precise location of high-quality rooftop resources."
            ) || lines[0].contains("to later operation and maintenance management."))
        #expect(
            lines[1].hasPrefix(
                #"<figure id="figure-u1" class="figure-missing"><figcaption><span class="figure-label">Figure</span> The workers of State Grid Kunshan Power Supply Company check the dust"#
            ))
        // The article numbers none of its photos: an unnumbered caption is its convention, not a defect.
        #expect(!findings.contains { $0.code == "FIG102" })
        #expect(findings.contains { $0.code == "FIG106" && $0.sourceLine == 519 })
    }

    @Test("giz-ccid 2022 lines 160–170: ordinary short paragraphs are not captions")
    func noFalseCaptions() throws {
        let (doc, _) = CorpusExcerpt.run(
            CorpusExcerpt.document([try CorpusExcerpt.lines(CorpusExcerpt.giz, 150...215)]), [FigureAnchorer()])
        #expect(!doc.articles[0].body.contains("<figure"))
    }
}

@Suite("Bare caption markers") struct BareCaptionMarkerTests {
    @Test("cmia 2021 lines 3481–3488: a digit glued to a caption's parenthesis stays a visible marker")
    func bareMarker() throws {
        let (doc, findings) = CorpusExcerpt.run(
            CorpusExcerpt.document([try CorpusExcerpt.lines(CorpusExcerpt.cmia2021, 3481...3488)]), [FigureAnchorer()])
        let body = doc.articles[0].body
        #expect(body.contains("(2020)⁽¹⁾</p>") || body.contains("(2020)⁽¹⁾</figcaption>"))
        #expect(findings.filter { $0.code == "FN101" }.map(\.sourceLine) == [3481, 3488])
    }
}
