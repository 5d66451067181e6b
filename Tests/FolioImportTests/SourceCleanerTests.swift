import Testing
@testable import FolioImport

@Suite struct SourceCleanerTests {
    @Test func cmia2021Lines280To345FootnoteSeparatorsAreNotRunningHeaders() throws {
        var lines = try Fixtures.sourceLines("cmia-2021-penetrating-insights.txt", 280, 345)
        let separators = lines.filter { $0.text == "---" }.count
        var findings: [ImportFinding] = []
        SourceCleaner(labels: []).clean(&lines, findings: &findings)
        #expect(separators >= 4)
        #expect(lines.filter { $0.text == "---" }.count == separators)
        #expect(!findings.contains { $0.code == "IMP032" })
    }

    @Test func cmia2021Lines3390To3398LonePageNumberRemoved() throws {
        var lines = try Fixtures.sourceLines("cmia-2021-penetrating-insights.txt", 3390, 3398)
        var findings: [ImportFinding] = []
        SourceCleaner(labels: []).clean(&lines, findings: &findings)
        #expect(lines.first { $0.number == 3394 }?.text == "")
        #expect(findings.map(\.code) == ["IMP031"])
    }

    @Test func repeatedStandAloneLineIsARunningHeaderUnlessItIsALabel() {
        var lines = Fixtures.lines("Annual Report 2024\n\ntext one\n\nAnnual Report 2024\n\ntext two\n\nAnnual Report 2024\n\nResults\n\nAnnual Report 2024\n\nResults\n\nResults\n\nResults")
        var findings: [ImportFinding] = []
        SourceCleaner(labels: [TextNormalizer.key("Results")]).clean(&lines, findings: &findings)
        #expect(!lines.contains { $0.text == "Annual Report 2024" })
        #expect(lines.filter { $0.text == "Results" }.count == 4)
        #expect(findings.filter { $0.code == "IMP032" }.count == 4)
    }

    @Test func presentationalTagsRemovedItalicKept() {
        #expect(SourceCleaner.stripPresentationalHTML("<b>1. Introduction.....</b>\t<b>3</b>") == "1. Introduction.....\t3")
        #expect(SourceCleaner.stripPresentationalHTML("<u>II.</u> Integrated <i>x</i> CO<sub>2</sub>") == "II. Integrated *x* CO<sub>2</sub>")
    }

    @Test func cmia2024Lines3470To3476ImagesNotInTheCorpusRemoved() throws {
        var lines = try Fixtures.sourceLines("cmia-2024-penetrating-insights.txt", 3470, 3476)
        var findings: [ImportFinding] = []
        SourceCleaner(labels: []).clean(&lines, findings: &findings)
        #expect(!lines.contains { $0.text.contains("_page_") })
        #expect(findings.filter { $0.code == "IMP035" }.map(\.sourceLine) == [3472, 3474])
        #expect(!SourceCleaner.isLocalImage("![logo](https://example.org/logo.png)"))
    }
}
