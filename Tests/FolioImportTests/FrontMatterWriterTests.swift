import Foundation
import FolioEntities
import FolioContent
import Testing
@testable import FolioImport

@Suite struct FrontMatterWriterTests {
    @Test func titlesWithColonsQuotesAndBackslashesRoundTrip() throws {
        var fm = FrontMatter(title: #"The "Tale of Two Cities" and the "Economic Circle": Opportunities # 1 \ end"#)
        fm.document = "cmia-2021"
        fm.order = 18
        fm.company = "Mitsui & Co."
        fm.authors = [Author(name: "SATO Yasuhiro", role: "Chairman, Mizuho: Financial Group"), Author(name: "Nobody")]
        fm.source = SourceRange(file: "Content/sources/x.txt", lines: [3256, 3461])
        fm.companies = ["AT&S", "bp"]
        fm.cities = []
        fm.sdgs = [7, 9]
        fm.technologies = ["5G"]
        fm.generated = true
        fm.hash = "fnv1a64:0000000000000001"
        let yaml = FrontMatterWriter.lines(fm).joined(separator: "\n")
        let (decoded, diagnostics) = try FrontMatterParser.decode(yaml, file: "t.md", firstLine: 2)
        #expect(diagnostics.isEmpty)
        #expect(decoded == fm)
        #expect(FrontMatterWriter.lines(fm).map { $0.prefix { $0 != ":" } } == ["title", "document", "order", "company", "authors", "  - name", "    role", "  - name", "source", "  file", "  lines", "companies", "cities", "sdgs", "technologies", "generated", "hash"])
    }

    @Test func hashDetectsAnyEditOutsideTheHashLine() {
        let writer = ArticleWriter(contentDirectory: "Content", tagger: .init())
        let (text, _) = writer.compose(FrontMatter(title: "T"), body: "# T\n\nBody.\n")
        #expect(ContentHash.isUnedited(text))
        #expect(!ContentHash.isUnedited(text.replacingOccurrences(of: "Body.", with: "Body!")))
        #expect(!ContentHash.isUnedited(text.replacingOccurrences(of: "title: \"T\"", with: "title: \"U\"")))
    }

    @Test func summaryIsPlainTextFromTheFirstParagraph() {
        let lines = Fixtures.lines("## Abstract\n\n**Keywords:** short\n\nThe [Chengdu-Chongqing Economic Circle](../../cities/ccec/) is *an important* mission entrusted to Chengdu and Chongqing by the central government.[^3] It began in 2020<sup>4</sup>, in the 16<sup>th</sup> year.\n\nSecond paragraph.")
        #expect(ArticleWriter.summary(of: lines) == "The Chengdu-Chongqing Economic Circle is an important mission entrusted to Chengdu and Chongqing by the central government. It began in 2020, in the 16th year.")
        let long = String(repeating: "Word after word goes on. ", count: 20)
        let summary = ArticleWriter.summary(of: Fixtures.lines(long)) ?? ""
        #expect(summary.count <= 241 && summary.hasSuffix("."))
    }
}
