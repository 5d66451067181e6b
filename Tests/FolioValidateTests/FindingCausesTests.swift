import FolioCore
import FolioValidate
import Testing

/// One finding per cause: derived findings are folded into their root as related places.
@Suite struct FindingCausesTests {
    let article = "Content/articles/cmia-2024/04-mufg.md"
    let source = "Content/sources/cmia-2024-penetrating-insights.txt"

    @Test func oneDefectSeenByImportAndCheckIsOneFindingWithTheImportFindingRelated() {
        let imported = [
            Diagnostic(code: "FIG101", severity: .warning, message: "The text refers to Figure 4, which has no caption in this article.", location: FolioCore.SourceLocation(file: article, line: 45), source: FolioCore.SourceLocation(file: source, line: 513)),
            Diagnostic(code: "FN107", severity: .warning, message: "Footnote 3 has a (link) placeholder.", location: FolioCore.SourceLocation(file: article, line: 90), source: FolioCore.SourceLocation(file: source, line: 600)),
            Diagnostic(code: "IMP040", severity: .warning, message: "the byline names no person", location: FolioCore.SourceLocation(file: article, line: 45), source: FolioCore.SourceLocation(file: source, line: 513)),
        ]
        let checked = [
            Diagnostic(code: "FIG001", severity: .error, message: "the text refers to Figure 4, but this article has no figure with that number", location: FolioCore.SourceLocation(file: article, line: 45), source: FolioCore.SourceLocation(file: source, line: 513)),
            Diagnostic(code: "FN009", severity: .warning, message: "placeholder", location: FolioCore.SourceLocation(file: article, line: 91), source: FolioCore.SourceLocation(file: source, line: 600)),
        ]
        let folded = FindingCauses.fold(imported + checked)
        #expect(Set(folded.map(\.code)) == ["IMP040", "FIG001", "FN009"] && folded.count == 3)
        #expect(folded.first { $0.code == "FIG001" }?.related.map(\.message) == ["FIG101: The text refers to Figure 4, which has no caption in this article."])
        #expect(folded.first { $0.code == "FN009" }?.related.map { "\($0.file):\($0.line)" } == ["\(article):90"])
    }

    /// The corpus's case: `[^11]` cited early in an article makes notes 4–10 out of order.
    @Test func laterOutOfOrderNotesFoldIntoTheFirst() {
        let checked = [4, 5, 6, 7].map { n in
            Diagnostic(code: "FN005", severity: .warning, message: "footnote [^\(n)] is first referenced after [^11]", location: FolioCore.SourceLocation(file: article, line: 100 + n))
        } + [Diagnostic(code: "FN005", severity: .warning, message: "footnote [^2] is first referenced after [^3]", location: FolioCore.SourceLocation(file: "Content/articles/x/other.md", line: 9))]
        let imported = [Diagnostic(code: "FN104", severity: .info, message: "Footnote 4 is first cited after note 11 (out of order).", location: FolioCore.SourceLocation(file: article, line: 50))]
        let folded = FindingCauses.fold(imported + checked)
        let roots = folded.filter { $0.code == "FN005" }
        #expect(roots.count == 2)
        let root = roots.first { $0.location?.file == article }
        #expect(root?.location?.line == 104)
        #expect(root?.related.count == 4)
        #expect(root?.message.contains("and 3 later notes out of order") == true, "\(root?.message ?? "")")
        #expect(!folded.contains { $0.code == "FN104" })
    }

    @Test func aNumberingGapFoldsIntoTheMissingFigureTheTextRefersTo() {
        let checked = [
            Diagnostic(code: "FIG001", severity: .error, message: "the text refers to Figure 4, but this article has no figure with that number", location: FolioCore.SourceLocation(file: article, line: 45)),
            Diagnostic(code: "FIG004", severity: .warning, message: "Figure 5 follows Figure 2: figures 3–4 are missing", location: FolioCore.SourceLocation(file: article, line: 59)),
            Diagnostic(code: "FIG004", severity: .warning, message: "Figure 9 follows Figure 7: figure 8 is missing", location: FolioCore.SourceLocation(file: article, line: 80)),
            Diagnostic(code: "FIG004", severity: .warning, message: "Table 5 follows Table 3: table 4 is missing", location: FolioCore.SourceLocation(file: article, line: 90)),
        ]
        let folded = FindingCauses.fold(checked)
        #expect(folded.map(\.code).sorted() == ["FIG001", "FIG004", "FIG004"])
        #expect(folded.first { $0.code == "FIG001" }?.related.map(\.line) == [59])
        #expect(folded.filter { $0.code == "FIG004" }.map(\.location?.line) == [80, 90])
    }
}
