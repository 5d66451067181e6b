import FolioCore
import Foundation
import Testing

@Suite struct DiagnosticFormatterTests {
    let diagnostic = Diagnostic(
        code: "FN001", severity: .error, message: "footnote [^3] has no definition",
        location: SourceLocation(file: "Content/articles/leiden-2023/02-global-growth.md", line: 12, column: 5),
        source: SourceLocation(file: "Content/sources/leiden-2023-china-industrial-iot.txt", line: 1282),
        hint: "add the definition or remove the marker"
    )

    @Test func textLooksLikeACompiler() {
        #expect(DiagnosticFormatter.text([diagnostic]) == """
        Content/articles/leiden-2023/02-global-growth.md:12:5: error: [FN001] footnote [^3] has no definition
            source: Content/sources/leiden-2023-china-industrial-iot.txt:1282
            hint: add the definition or remove the marker

        """)
    }

    @Test func jsonFollowsTheContract() throws {
        let json = DiagnosticFormatter.json([diagnostic, Diagnostic(code: "CFG001", severity: .warning, message: "unknown key")])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let list = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(list.count == 2)
        #expect(list[0]["code"] as? String == "FN001")
        #expect(list[0]["file"] as? String == "Content/articles/leiden-2023/02-global-growth.md")
        #expect(list[0]["line"] as? Int == 12)
        #expect(list[0]["column"] as? Int == 5)
        #expect((list[0]["source"] as? [String: Any])?["line"] as? Int == 1282)
        #expect(list[1]["file"] == nil)
        #expect(object["summary"] as? [String: Int] == ["errors": 1, "warnings": 1, "infos": 0, "baselined": 0])
        let decoded = try JSONDecoder().decode([String: [Diagnostic]].self, from: Data(json.utf8).filteredDiagnostics())
        #expect(decoded["diagnostics"]?.first == diagnostic)
    }

    @Test func summaryFailsOnWarningsOnlyWhenStrict() {
        let summary = DiagnosticSummary([Diagnostic(code: "X", severity: .warning, message: "w")])
        #expect(!summary.fails(strict: false))
        #expect(summary.fails(strict: true))
        #expect(DiagnosticFormatter.summaryLine(summary) == "0 errors, 1 warning, 0 infos")
    }
}

extension Data {
    /// Keeps only the `diagnostics` key, to decode it with `Diagnostic`'s decoder.
    fileprivate func filteredDiagnostics() throws -> Data {
        let object = try JSONSerialization.jsonObject(with: self) as? [String: Any] ?? [:]
        return try JSONSerialization.data(withJSONObject: ["diagnostics": object["diagnostics"] ?? []])
    }
}
