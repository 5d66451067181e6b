import FolioCore
import FolioValidate
import Testing

@Suite struct FindingOverlapTests {
    let article = "Content/articles/cmia-2024/04-mufg.md"
    let source = "Content/sources/cmia-2024-penetrating-insights.txt"

    @Test func keepsTheContentCheckWhenBothReportOneDefect() {
        let imported = [
            Diagnostic(code: "FIG101", severity: .warning, message: "The text refers to Figure 4, which has no caption in this article.", location: SourceLocation(file: article, line: 45), source: SourceLocation(file: source, line: 513)),
            Diagnostic(code: "FN107", severity: .warning, message: "Footnote 3 has a (link) placeholder.", location: SourceLocation(file: article, line: 90), source: SourceLocation(file: source, line: 600)),
            Diagnostic(code: "IMP040", severity: .warning, message: "the byline names no person", location: SourceLocation(file: article, line: 45), source: SourceLocation(file: source, line: 513)),
        ]
        let checked = [
            Diagnostic(code: "FIG001", severity: .error, message: "the text refers to Figure 4, but this article has no figure with that number", location: SourceLocation(file: article, line: 45), source: SourceLocation(file: source, line: 513)),
            Diagnostic(code: "FN009", severity: .warning, message: "placeholder", location: SourceLocation(file: article, line: 91), source: SourceLocation(file: source, line: 600)),
        ]
        let merged = FindingOverlap.merging(imported: imported, checked: checked)
        #expect(merged.map(\.code) == ["IMP040", "FIG001", "FN009"])
    }
}
