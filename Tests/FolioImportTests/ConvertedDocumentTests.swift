import FolioContent
import FolioCore
import Foundation
import Testing

@testable import FolioImport

/// Zero-config import of converter output: flavours, contents, articles, reference lists and
/// citations, on documents written the way each converter writes them.
@Suite struct ConvertedDocumentTests {
    /// Imports `source` as the only document of a temporary project whose entry has no `import:`.
    func importAlone(_ source: String, ext: String = "md", title: String = "A Document") throws -> (document: DocumentDraft, diagnostics: [Diagnostic], files: [GeneratedFile]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-converted-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/sources"), withIntermediateDirectories: true)
        try source.write(to: root.appendingPathComponent("Content/sources/doc.\(ext)"), atomically: true, encoding: .utf8)
        try """
        documents:
          - slug: doc
            title: "\(title)"
            publisher: "P"
            date: "2024"
            language: en
            source: Content/sources/doc.\(ext)

        """.write(to: root.appendingPathComponent("Content/corpus.yml"), atomically: true, encoding: .utf8)
        let result = try Importer().generate(projectRoot: root)
        return (try #require(result.documents.first), result.diagnostics, result.files)
    }

    func body(_ files: [GeneratedFile]) -> String {
        files.filter { !$0.path.hasSuffix("index.md") }.map(\.text).joined(separator: "\n")
    }

    // MARK: Flavours

    @Test func corpusSourcesKeepTheirOwnFlavourAndForeignOnesAreRecognised() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("Content/sources").path) where name.hasSuffix(".txt") {
            let text = try String(contentsOf: Fixtures.root.appendingPathComponent("Content/sources/\(name)"), encoding: .utf8)
            #expect(SourceFlavour.detect(text) == .paragraphLines, "\(name)")
        }
        let foreign = Fixtures.root.appendingPathComponent("Tests/ForeignReports")
        #expect(SourceFlavour.detect(try String(contentsOf: foreign.appendingPathComponent("crc-paper.txt"), encoding: .utf8)) == .plainText)
        #expect(SourceFlavour.detect(try String(contentsOf: foreign.appendingPathComponent("sandwich-paper.txt"), encoding: .utf8)) == .plainText)
        #expect(SourceFlavour.detect(try String(contentsOf: foreign.appendingPathComponent("zoo-paper.md"), encoding: .utf8)) == .convertedMarkdown)
        #expect(SourceFlavour.detect(Self.layoutPaper) == .convertedMarkdown)
    }

    // MARK: A paper from a layout converter, numbered citations

    static let layoutPaper = """
    ## Secure Boot for Embedded Devices: A Survey

    Jane Doe, John Roe

    ## ABSTRACT

    We survey secure boot schemes. Most rely on a hardware root of trust [3] and few handle rollback well [1, 4].

    ## 1 INTRODUCTION

    A secure boot chain verifies each stage before it runs [2]. Earlier surveys [2–5] focused on desktop systems &amp; servers with more than 256&nbsp;KB of flash.

    <!-- image -->

    ## 2 BACKGROUND

    The root of trust is code in ROM [5]. Attackers exploit update\\_paths that skip verification [6].

    | Scheme   | Anchor   |
    |----------|----------|
    | A        | ROM      |

    ## REFERENCES

    - [1] A. Author. Measured boot. In Proc. Workshop, 2019.
    - [2] B. Author and C. Author. Secure boot chains. Journal of Systems, 12(3):1–20, 2018.
    - [3] D. Author. Hardware roots of trust. Technical report, 2020.
    - [4] E. Author. Rollback protection. In Proc. Conference, 2021.
    - [5] F. Author. ROM code. Book, 2017.
    - [6] G. Author. Update attacks. arXiv, 2022.
    - [7] H. Author. Never cited. 2015.

    """

    @Test func aLayoutConverterPaperIsOneArticleWithLinkedNumberedCitations() throws {
        let (document, diagnostics, files) = try importAlone(Self.layoutPaper, title: "Secure Boot for Embedded Devices: A Survey")
        #expect(document.articles.map(\.title) == ["Secure Boot for Embedded Devices: A Survey"])
        let text = body(files)
        // Headings keep their rank from the numbering; converter debris is gone.
        #expect(text.contains("## 1 INTRODUCTION") && text.contains("## REFERENCES"))
        #expect(!text.contains("<!-- image -->") && !text.contains("&amp;") && !text.contains("&nbsp;") && text.contains("update_paths"))
        // `[1, 4]`, `[2–5]` and single numbers link to their entries; the list is anchored.
        #expect(text.contains(#"[[1](#ref-1 "#))
        #expect(text.contains(#"), [4](#ref-4 "#))
        for n in 2...5 { #expect(text.contains("[\(n)](#ref-\(n) "), "ref \(n)") }
        #expect(text.contains(#"- <span id="ref-7"></span>[7] H. Author. Never cited. 2015."#))
        #expect(text.components(separatedBy: "](#ref-").count - 1 == 10)
        // Never read as footnotes; the uncited entry is reported.
        #expect(!diagnostics.contains { $0.code.hasPrefix("FN") })
        #expect(!text.contains("[^"))
        let uncited = diagnostics.filter { $0.code == "REF002" }
        #expect(uncited.count == 1)
        #expect(uncited.first?.message == "reference `[7] H. Author. Never cited. 2015.` is listed but never cited")
        #expect(uncited.first?.source?.line == 31)
    }

    // MARK: A report whose contents are a Markdown table

    static let tableContentsReport = """
    ## Network Security Guide

    ## Table of Contents

    | 1 Introduction. . . . . . . . . . . . . . . . . . . . | 1 |
    |-----------------------------------------------------|---|
    | 1.1 Security fundamentals. . . . . . . . . . . . . . | 2 |
    | 1.2 Threat models and the attackers who use them in prac- | |
    | tice . . . . . . . . . . . . . . . . . . . . . . . . | 3 |
    | 2 Hardening . . . . . . . . . . . . . . . . . . . . . | 4 |
    | Appendix A: Checklists . . . . . . . . . . . . . . . | ix |

    ## 1 Introduction

    This guide explains how to secure a small network for offices with fewer than fifty machines.

    ## 1.1 Security fundamentals

    Confidentiality, integrity and availability are the three goals of every control.

    ## 1.2 Threat models and the attackers who use them in practice

    Most attacks on small offices are opportunistic rather than targeted at one office.

    ## 2 Hardening

    Hardening removes what an attacker could use: unused services and default passwords.

    ## Appendix A: Checklists

    Check the firewall rules every month and the backups every week.

    """

    @Test func markdownTableContentsSplitAtTopLevelEntries() throws {
        let (document, diagnostics, files) = try importAlone(Self.tableContentsReport, title: "Network Security Guide")
        #expect(document.articles.map(\.title) == ["1 Introduction", "2 Hardening", "Appendix A: Checklists"])
        // Every row, the one split over two cells too, is an entry; the levels come from the numbering.
        #expect(document.contents.map(\.title) == ["1 Introduction", "1.1 Security fundamentals", "1.2 Threat models and the attackers who use them in practice", "2 Hardening", "Appendix A: Checklists"])
        #expect(document.contents.map(\.level) == [1, 2, 2, 1, 1])
        #expect(document.contents.map(\.page) == ["1", "2", "3", "4", "ix"])
        #expect(!diagnostics.contains { $0.code.hasPrefix("TOC") || $0.code.hasPrefix("SPL") }, "\(diagnostics.filter { $0.code.hasPrefix("TOC") })")
        #expect(body(files).contains("## 1.1 Security fundamentals") || body(files).contains("# 1.1 Security fundamentals"))
    }

    // MARK: A manual through pdftotext -layout

    static let layoutManual = """
    Widget Manual
    Version 2.0


    Contents
    1 Getting started . . . . . . . . . . . . . . . . . . . . . . .  1
      1.1 Installing the widget . . . . . . . . . . . . . . . . . .  1
    2 Configuration . . . . . . . . . . . . . . . . . . . . . . . .  2
    Appendix A Licence . . . . . . . . . . . . . . . . . . . . . . .  3

                                      i
    \u{0C}Widget Manual                                          Chapter 1
    1 Getting started
    The widget is a small tool that does one thing well. This manual
    explains how to install it, how to configure it and how to re-
    cover from mistakes.

    1.1 Installing the widget
    Copy the widget into a folder on your path and make it executable.

                                      1
    \u{0C}Widget Manual                                          Chapter 2
    2 Configuration
    The widget reads its settings from a file in your home folder.
    Every setting has a default that suits most users.

                                      2
    \u{0C}Widget Manual                                          Appendix
    Appendix A Licence
    The widget is free software under a permissive licence.

                                      3

    """

    @Test func aPdftotextLayoutManualLosesItsPageFurnitureAndSplitsAtChapters() throws {
        let (document, diagnostics, files) = try importAlone(Self.layoutManual, ext: "txt", title: "Widget Manual")
        #expect(document.articles.map(\.title) == ["1 Getting started", "2 Configuration", "Appendix A Licence"])
        let text = body(files)
        // Running heads and page numbers are gone; the hyphenated word and the wrapped lines are rejoined.
        #expect(!text.contains("Chapter 1") && !text.contains("Widget Manual"))
        #expect(text.contains("how to install it, how to configure it and how to recover from mistakes."))
        #expect(text.contains("The widget reads its settings from a file in your home folder. Every setting has a default that suits most users."))
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.filter { $0.severity == .error })")
        #expect(diagnostics.contains { $0.code == "IMP060" && $0.message.hasPrefix("read as plain text from a PDF converter") })
    }

    /// bzip2 manual (a foreign fixture): a heading the contents lists is a heading whatever its
    /// shape, also when it starts in lower case (`3.6. zlib compatibility functions`) and when it
    /// wraps onto a second line (`2.6. RECOVERING DATA FROM DAMAGED` / `FILES`); glpk report:
    /// a section number alone on its line, then a routine's name, is that routine's heading.
    @Test func contentsEntriesAndLoneSectionNumbersMakeHeadings() {
        let text = """
        bzip2 and libbzip2

        Contents

        2.6. RECOVERING DATA FROM DAMAGED FILES . . . . . . . . . 6
        2.7. LIMITATIONS OF THE COMPRESSED FILE FORMAT . . . . . 7
        3.6. zlib compatibility functions . . . . . . . . . . . . 28
        3.7. Using the library in a stdio-free environment . . . . 28

        2.6. RECOVERING DATA FROM DAMAGED
        FILES
        bzip2 compresses files in blocks, usually 900kbytes long.

        BZ_OK otherwise
        3.6. zlib compatibility functions
        Yoshioka Tsuneo has contributed some functions to give better zlib compatibility.

        3.6.1

        glp_read_cnfsat — read CNF-SAT problem data in DIMACS format

        Synopsis
        """
        var findings: [ImportFinding] = []
        let lines = Fixtures.lines(text)
        let out = ConvertedTextNormalizer(flavour: .plainText).normalize(lines, findings: &findings).map(\.text).filter { $0.hasPrefix("#") }
        #expect(out.contains("### 2.6. RECOVERING DATA FROM DAMAGED FILES"), "\(out)")
        #expect(out.contains("### 3.6. zlib compatibility functions"), "\(out)")
        #expect(out.contains("#### 3.6.1 glp_read_cnfsat — read CNF-SAT problem data in DIMACS format"), "\(out)")
    }

    // MARK: Author–year citations

    static let authorYearPaper = """
    # Sensors in Small Factories

    Small factories adopt sensors slowly (Lee, 2021). Lee et al. (2021) found the same in Korea, and others agree (Lee 2021; Wang 2020). Kim (2020) disagrees. Park (2019) is not in the list.

    ## References

    Kim, S. (2020a). A first study. Journal A, 1, 1–10.

    Kim, S. (2020b). A second study. Journal B, 2, 11–20.

    Lee, J., Choi, H., & Han, K. (2021). Sensors in Korean factories. Journal C, 3, 21–30.

    Park, Y. (2018). An older study. Journal D, 4, 31–40.

    Wang, L. (2020). Sensors in Chinese factories. Journal E, 5, 41–50.

    Wang, L. (2020). Sensors in Chinese factories. Journal E, 5, 41–50.

    """

    @Test func authorYearCitationsLinkAndProblemsAreReported() throws {
        let (_, diagnostics, files) = try importAlone(Self.authorYearPaper, title: "Sensors in Small Factories")
        let text = body(files)
        #expect(text.contains(#"([Lee, 2021](#ref-lee-2021 "#))
        #expect(text.contains(#"Lee et al. ([2021](#ref-lee-2021 "#))
        #expect(text.contains(#"([Lee 2021](#ref-lee-2021 "#) && text.contains(#"; [Wang 2020](#ref-wang-2020 "#))
        let codes = diagnostics.filter { $0.code.hasPrefix("REF0") }.map { "\($0.code) \($0.message)" }
        #expect(codes.contains("REF004 citation Kim 2020 matches 2 reference entries") == false)  // 2020a and 2020b differ
        #expect(codes.contains("REF001 citation Kim 2020 has no entry in the reference list"))
        #expect(codes.contains("REF001 citation Park 2019 has no entry in the reference list"))
        #expect(codes.contains { $0.hasPrefix("REF003 duplicate reference entry `Wang, L. (2020)") })
        #expect(codes.contains { $0.hasPrefix("REF002 reference `Park, Y. (2018)") })
    }

    @Test func anAmbiguousAuthorYearCitationIsReportedAndLeftUnlinked() throws {
        let source = """
        # Two Studies

        Kim (2020) found it first.

        ## Bibliography

        Kim, S. (2020). A first study. Journal A, 1, 1–10.

        Kim, S., & Cho, D. (2020). A joint study. Journal B, 2, 11–20.

        """
        let (_, diagnostics, files) = try importAlone(source, title: "Two Studies")
        #expect(diagnostics.contains { $0.code == "REF004" && $0.message == "citation Kim 2020 matches 2 reference entries" } == false)
        // One solo-authored entry is the reading of a citation without co-authors.
        #expect(body(files).contains(#"Kim ([2020](#ref-kim-2020 "#))
    }

    // MARK: Superscript citations in a numbered-reference document

    @Test func superscriptsLinkInANumberedReferenceDocumentWithoutFootnotes() throws {
        let source = """
        # Batteries

        Lithium prices fell by half<sup>1,2</sup> while demand rose.<sup>3</sup>

        ## Sources

        1. Agency A. Battery prices 2023. Report, 2023.

        2. Agency B. Lithium market. Report, 2022.

        3. Agency C. Demand outlook. Report, 2024.

        """
        let (_, diagnostics, files) = try importAlone(source, title: "Batteries")
        let text = body(files)
        // Superscripts become bracketed links: superscript markup is left to footnotes.
        #expect(text.contains(#"half[[1](#ref-1 "#) && text.contains(#"), [2](#ref-2 "#) && text.contains(#"rose.[[3](#ref-3 "#))
        #expect(!text.contains("<sup>"))
        #expect(!diagnostics.contains { $0.code.hasPrefix("FN") })
        #expect(!diagnostics.contains { $0.code == "REF002" })
    }

    // MARK: Converter debris in Markdown

    @Test func converterMarkdownDebrisIsRepairedLineByLine() {
        let lines = Fixtures.lines("""
        ## 1 Graph routines

        The routine **glp** ~~**c**~~ **reate** ~~**g**~~ **raph** makes a graph; see glp ~~a~~ dd ~~v~~ ertices.
        Published in the _Journal_ _of_ _Statistical_ _Software_ by R&amp;D staff at update\\_paths.

        ## 2 Arcs

        Arcs join vertices.
        """)
        var findings: [ImportFinding] = []
        let out = ConvertedTextNormalizer(flavour: .convertedMarkdown).normalize(lines, findings: &findings).map(\.text)
        #expect(out.contains("The routine **glp_create_graph** makes a graph; see glp_add_vertices. Published in the _Journal of Statistical Software_ by R&D staff at update_paths."))
        #expect(out.contains("## 1 Graph routines") && out.contains("## 2 Arcs"))
        #expect(findings.map(\.code) == ["IMP060"])
    }

    // MARK: Import hints stay overrides

    @Test func anImportBlockKeepsCitationLinkingOffUnlessAsked() throws {
        var hints = try ImportHints.parse("documents:\n  - slug: a\n    import:\n      toc: Contents\n  - slug: b\n    import:\n      citations: true\n  - slug: c\n", file: "corpus.yml")
        #expect(hints.documents["a"]?.linksCitations == false)
        #expect(hints.documents["b"]?.linksCitations == true)
        #expect(hints.documents["c"]?.linksCitations == true)
        // A given key is never replaced by detection.
        var given = try #require(hints.documents["a"])
        _ = AutoHints.complete(&given, lines: Fixtures.lines("Contents\n1 One . . . . 1\n2 Two . . . . 2\n"), documentTitle: "T")
        #expect(given.toc == "Contents" && given.topLevelEntries)
        hints.documents["a"] = given
    }
}
