import Testing
@testable import FolioImport

@Suite struct ParagraphJoinerTests {
    func join(_ lines: [SourceLine]) -> ([SourceLine], [ImportFinding]) {
        var article = ArticleDraft(title: "T", slug: "t", order: 1, lines: lines, sourceLines: 1...1)
        var findings: [ImportFinding] = []
        ParagraphJoiner().apply(to: &article, articleIndex: 0, findings: &findings)
        return (article.lines.filter { !$0.text.isEmpty }, findings)
    }

    @Test func leiden2023Lines40To52ParagraphResumesAfterFootnoteBlock() throws {
        let lines = try Fixtures.sourceLines("leiden-2023-china-industrial-iot.txt", 40, 52)
        let (out, findings) = join(lines)
        #expect(out.map(\.number) == [40, 42, 44, 46, 48])
        #expect(out[1].text.contains(" political tensions with Beijing."))
        #expect(out.dropFirst(2).allSatisfy { $0.text.hasPrefix("<sup>") })
        #expect(findings.map(\.code) == ["IMP020"])
        #expect(findings.first?.sourceLine == 52)
    }

    @Test func cmia2021Lines750To752WordHyphenatedAcrossBreak() throws {
        let lines = try Fixtures.sourceLines("cmia-2021-penetrating-insights.txt", 750, 752)
        let (out, findings) = join(lines)
        #expect(out.count == 1)
        #expect(out[0].text.contains("Chengdu-Chongqing Twin City Economic Circle"))
        #expect(findings.map(\.code) == ["IMP021"])
    }

    @Test func completeSentenceFollowedByCapitalIsNotJoined() {
        let (out, findings) = join(Fixtures.lines("The first paragraph ends here.\n\nthe next starts lower-case but the first ended.\n\nAnother paragraph without stop\n\nCapital Start"))
        #expect(out.count == 4)
        #expect(findings.isEmpty)
    }
}
