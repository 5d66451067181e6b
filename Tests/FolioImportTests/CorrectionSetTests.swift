import Testing
@testable import FolioImport

@Suite struct CorrectionSetTests {
    let yaml = """
    corrections:
      - document: cmia-2021
        find: "World2-class"
        replace: "World-class"
        reason: "stray digit"
      - document: cmia-2021
        find: "no such text anywhere"
        replace: "x"
        reason: "stale entry"
    """

    @Test func cmia2021Line638AppliedAndStaleEntryReported() throws {
        let set = try CorrectionSet.parse(yaml, file: "Content/corrections.yml")
        var lines = try Fixtures.sourceLines("cmia-2021-penetrating-insights.txt", 638, 638)
        var findings: [ImportFinding] = []
        set.apply(to: &lines, document: "cmia-2021", file: "Content/corrections.yml", findings: &findings)
        #expect(lines[0].text.contains("World-class"))
        #expect(findings.map(\.code) == ["COR002", "COR001"])
        #expect(findings[0].sourceLine == 638)
        #expect(findings[1].message.contains("Content/corrections.yml:6"))
    }

    @Test func entryWithoutReasonIsAConfigurationError() {
        #expect(throws: ImportError.configuration(file: "c.yml", line: 2, message: "correction is missing `reason`")) {
            try CorrectionSet.parse("corrections:\n  - document: a\n    find: b\n    replace: c\n", file: "c.yml")
        }
    }
}
