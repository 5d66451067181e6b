import FolioContent
import FolioEntities
import FolioCore
import Foundation
import Testing
@testable import FolioImport

/// Invariants over a full import of the real corpus.
@Suite struct CorpusInvariantTests {
    func corpus() throws -> (files: [GeneratedFile], diagnostics: [Diagnostic], documents: [DocumentDraft], timings: [StepTiming]) {
        try Fixtures.corpus.get()
    }

    @Test func articleCountsPerDocument() throws {
        let counts = Dictionary(uniqueKeysWithValues: try corpus().documents.map { ($0.metadata.slug, $0.articles.count) })
        #expect(counts == ["cmia-2021": 27, "cmia-2024": 25, "giz-ccid-2022": 15, "leiden-2023": 8, "cst-2024": 20])
    }

    @Test func cmia2021CompaniesInOrder() throws {
        let doc = try #require(try corpus().documents.first { $0.metadata.slug == "cmia-2021" })
        #expect(doc.articles.map(\.company) == [
            "Corning", "Nomura", "SAP", "Jardine Matheson", "Ford", "AT&S", "Schneider Electric", "HP", "BASF", "Qualcomm",
            "Ericsson", "Microsoft", "ABB", "bp", "SMBC Group", "Air Products", "Cummins", "Isuzu", "MUFG", "Honeywell",
            "Siemens", "Hitachi Energy", "Mizuho", "MSD", "Mitsui & Co.", "Sodefinance", "FANUC",
        ])
    }

    @Test func cmia2024CompaniesInOrderIncludingThoseTheContentsOmit() throws {
        let doc = try #require(try corpus().documents.first { $0.metadata.slug == "cmia-2024" })
        #expect(doc.articles.map(\.company) == [
            "Wilmar International", "SUEZ", "STMicroelectronics", "MUFG", "Ford", "SK Group", "HP", "Mizuho", "Qualcomm",
            "Cummins", "Air Products", "Corning", "Signify", "Sodefinance", "Jardine Matheson", "AT&S", "Hitachi Energy",
            "SMBC Group", "Isuzu", "Siemens", "Schneider Electric", "Microsoft", "MSD", "AstraZeneca", "Honeywell",
        ])
    }

    @Test func everyCompanyIsAGazetteerTermWhereTheGazetteerKnowsIt() throws {
        let gazetteers = try Gazetteers.load(from: Fixtures.root.appendingPathComponent("Content/data"))
        let names = Set(gazetteers.terms.filter { $0.id.kind == .company }.map(\.name))
        for doc in try corpus().documents where doc.metadata.slug.hasPrefix("cmia") {
            for article in doc.articles {
                #expect(names.contains(article.company ?? ""), "\(doc.metadata.slug) \(article.title): \(article.company ?? "none")")
            }
        }
    }

    @Test func documentUnitsHaveTheExpectedTitles() throws {
        let docs = try corpus().documents
        let giz = try #require(docs.first { $0.metadata.slug == "giz-ccid-2022" }).articles.map(\.title)
        #expect(giz.first == "Executive Summary")
        #expect(giz.last == "Acknowledgements")
        #expect(giz.filter { $0.range(of: #"^[24]\.\d\.\d "#, options: .regularExpression) != nil }.count == 10)
        let leiden = try #require(docs.first { $0.metadata.slug == "leiden-2023" }).articles.map(\.title)
        #expect(leiden.first == "Introduction" && leiden.last == "Conclusions and recommendations")
        let cst = try #require(docs.first { $0.metadata.slug == "cst-2024" }).articles
        #expect(cst.first?.title == "Preface")
        #expect(cst[1].title == "Chapter 1: The Booming Digital Era")
        #expect(cst[4].title == "The Digital Industry Helps Achieve 17 SDGs")
        #expect(cst[5..<18].allSatisfy { $0.company != nil })
        #expect(cst.last?.title == "Appendix")
        // cst-2024 lines 291–297 and 860–866: a theme and its introduction open the first case of the theme.
        #expect(cst[5].lines.first?.text == "## Enabling Industry development")
        #expect(cst[15].lines.first?.text == "## Promoting equality and inclusion")
        #expect(cst[6].lines.first?.text != nil && !(cst[6].lines.first?.text.hasPrefix("## Enabling") ?? true))
    }

    @Test func everyArticleHasTitleOrderAndSourceRange() throws {
        for doc in try corpus().documents {
            for (i, article) in doc.articles.enumerated() {
                #expect(!article.title.isEmpty)
                #expect(article.order == i + 1)
                #expect(article.sourceLines.lowerBound >= 1 && article.sourceLines.upperBound >= article.sourceLines.lowerBound)
                #expect(!article.lines.isEmpty, "\(doc.metadata.slug) \(article.title) has no body")
            }
            let ranges = doc.articles.map(\.sourceLines)
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound < $1.lowerBound }, "\(doc.metadata.slug) ranges overlap")
        }
    }

    @Test func everyFileParsesBackWithItsFrontMatterAndOneH1() throws {
        for file in try corpus().files {
            let split = try FrontMatterParser.split(file.text, file: file.path)
            let (fm, diagnostics) = try FrontMatterParser.decode(try #require(split.yaml), file: file.path, firstLine: split.yamlStartLine)
            #expect(diagnostics.isEmpty)
            #expect(fm.generated == true)
            #expect(fm.hash == ContentHash.recorded(in: file.text))
            #expect(ContentHash.isUnedited(file.text))
            let h1 = split.body.split(separator: "\n").filter { $0.hasPrefix("# ") }.map(String.init)
            #expect(h1 == ["# " + fm.title], "\(file.path)")
            #expect(!split.body.contains("<b>") && !split.body.contains("<u>") && !split.body.contains("</b>"), "\(file.path)")
        }
    }

    @Test func headingsNeverSkipALevelAndCarryNoEmphasis() throws {
        for file in try corpus().files {
            var previous = 1
            for line in file.text.split(separator: "\n") where line.hasPrefix("#") {
                let level = line.prefix { $0 == "#" }.count
                guard level <= 6, line.dropFirst(level).first == " " else { continue }
                #expect(level <= previous + 1, "\(file.path): `\(line)` skips a level")
                #expect(!line.contains("**") && !line.contains("<u>") && !line.contains("<b>"), "\(file.path): `\(line)`")
                previous = level
            }
        }
    }

    @Test func importIsDeterministic() throws {
        let again = try Importer().generate(projectRoot: Fixtures.root)
        #expect(again.files == (try corpus().files))
        #expect(again.diagnostics == (try corpus().diagnostics))
    }

    @Test func committedArticlesAreUpToDate() throws {
        let existing = Importer.existingFiles(in: Fixtures.root.appendingPathComponent("Content/articles"), prefix: "Content/articles")
        let generated = Dictionary(uniqueKeysWithValues: try corpus().files.map { ($0.path, $0.text) })
        #expect(Set(existing.keys) == Set(generated.keys))
        for (path, text) in generated {
            #expect(existing[path] == text, "\(path) is stale; run `folio import`")
        }
    }

    @Test func diagnosticsPointAtArticleAndSourceLines() throws {
        let diagnostics = try corpus().diagnostics
        let toc = try #require(diagnostics.first { $0.code == "TOC002" })
        #expect(toc.location?.file == "Content/articles/cst-2024/02-chapter-1-the-booming-digital-era.md")
        #expect(toc.source == SourceLocation(file: "Content/sources/cst-2024-inspiring-practices.txt", line: 68))
        let file = try #require(try corpus().files.first { $0.path == toc.location?.file })
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = toc.location?.line ?? 1
        let text = String(lines[line - 1])
        #expect(text.hasPrefix("As the digital industry grows rapidly"))
        #expect(!diagnostics.contains { $0.code == "COR001" }, "a correction in Content/corrections.yml no longer matches")
        #expect(!diagnostics.contains { $0.severity == .error })
    }
}
