import FolioCore
import Foundation
import Testing
@testable import FolioValidate
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Severity overrides, ignores, the baseline, and every output format.
struct PolicyAndFormatTests {
    static let sample: [Diagnostic] = [
        Diagnostic(code: "FN001", severity: .error, message: "footnote reference [^76] has no definition", location: SourceLocation(file: "Content/articles/cmia-2021/20-isuzu.md", line: 31, column: 12), source: SourceLocation(file: "Content/sources/cmia-2021-penetrating-insights.txt", line: 3289), hint: "add a definition"),
        Diagnostic(code: "FIG004", severity: .warning, message: "Figure 3 follows Figure 1: figure 2 is missing", location: SourceLocation(file: "Content/articles/cmia-2021/20-isuzu.md", line: 40)),
        Diagnostic(code: "FIG007", severity: .info, message: "Figure 1 is never referenced in the text", location: SourceLocation(file: "Content/pages/about.md", line: 5)),
    ]

    @Test func severityOverridesOffPrefixesAndIgnores() {
        let policy = DiagnosticPolicy(severity: ["FN001": "warning", "FIG*": "off"], ignore: [])
        #expect(policy.apply(Self.sample).map { "\($0.code):\($0.severity)" } == ["FN001:warning"])
        let ignoring = DiagnosticPolicy(ignore: ["Content/articles/**/*-isuzu.md"])
        #expect(ignoring.apply(Self.sample).map(\.code) == ["FIG007"])
        #expect(Glob.matches("Content/pages/*.md", "Content/pages/about.md"))
        #expect(!Glob.matches("Content/*.md", "Content/pages/about.md"))
        #expect(Glob.matches("**/about.md", "Content/pages/about.md"))
    }

    /// Article text for the sample's places: line 31 and 40 hold the offending text.
    static func lines(shift: Int) -> Fingerprint.LineReader {
        { _ in
            var text = Array(repeating: Substring("filler"), count: 60 + shift)
            text[30 + shift] = "Isuzu's partners[^76] said so."
            text[39 + shift] = "Figure 3: Sales"
            return text
        }
    }

    @Test func baselineAcceptsByFingerprintNotLine() {
        let baseline = Baseline(accepting: DiagnosticPolicy(lines: Self.lines(shift: 0)).evaluate(Self.sample).beforeBaseline)
        #expect(baseline.entries.map(\.code) == ["FIG004", "FN001"])
        // The same findings, moved by an edit above them, stay accepted; a new one fails.
        var moved = Self.sample
        moved[0].location?.line += 7
        moved[1].location?.line += 7
        let fresh = Diagnostic(code: "FN001", severity: .error, message: "footnote reference [^82] has no definition", location: SourceLocation(file: "Content/articles/cmia-2021/22-hitachi.md", line: 9))
        let policy = DiagnosticPolicy(baseline: baseline, baselinePath: ".folio-baseline.json", lines: Self.lines(shift: 7))
        let outcome = policy.evaluate(moved + [fresh])
        #expect(outcome.accepted.count == 2)
        #expect(outcome.active.map(\.message) == ["footnote reference [^82] has no definition", "Figure 1 is never referenced in the text"])
        #expect(DiagnosticSummary(outcome.active).errors == 1)
        #expect(outcome.gone.isEmpty)
    }

    @Test func baselineReportsEntriesThatAreGone() throws {
        let baseline = Baseline(accepting: DiagnosticPolicy(lines: Self.lines(shift: 0)).evaluate(Self.sample).beforeBaseline)
        let data = baseline.encoded()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString).json")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let loaded = try Baseline.load(from: url, displayPath: "b.json")
        #expect(loaded == baseline)
        let policy = DiagnosticPolicy(baseline: loaded, baselinePath: ".folio-baseline.json", lines: Self.lines(shift: 0))
        let result = policy.apply([Self.sample[1]])
        #expect(result.map(\.code) == ["BAS001"])
        #expect(result.first?.message == "baseline entry no longer found: [FN001] Content/articles/cmia-2021/20-isuzu.md: footnote reference [^76] has no definition")
    }

    @Test func jsonMatchesTheDesignContract() throws {
        let json = DiagnosticFormat.json.render(Self.sample)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let first = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(Set(first.keys) == ["code", "severity", "message", "file", "line", "column", "source", "hint"])
        #expect(first["file"] as? String == "Content/articles/cmia-2021/20-isuzu.md")
        #expect((first["source"] as? [String: Any])?["line"] as? Int == 3289)
        #expect(object["summary"] as? [String: Int] == ["errors": 1, "warnings": 1, "infos": 1, "baselined": 0])
        #expect(object["schema_version"] as? Int == DiagnosticFormatter.jsonSchemaVersion)
    }

    @Test func sarifIsMinimalValid210() throws {
        let sarif = DiagnosticFormat.sarif.render(Self.sample)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "folio")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["FIG004", "FIG007", "FN001"])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["level"] as? String } == ["error", "warning", "note"])
        let region = (((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any])
        #expect(region?["startLine"] as? Int == 31)
        #expect(region?["startColumn"] as? Int == 12)
        #expect(results[0]["ruleIndex"] as? Int == 2)
    }

    @Test func junitIsWellFormedXMLWithFailuresForErrors() throws {
        let xml = DiagnosticFormat.junit.render(Self.sample + [Diagnostic(code: "URL002", severity: .warning, message: "link text “a\\_b” shows <escape> & \"quotes\"", location: SourceLocation(file: "Content/pages/about.md", line: 3))])
        let document = try XMLDocument(xmlString: xml)
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        #expect(root.attribute(forName: "failures")?.stringValue == "1")
        #expect(root.attribute(forName: "tests")?.stringValue == "4")
        #expect(try document.nodes(forXPath: "//testcase").count == 4)
        #expect(try document.nodes(forXPath: "//failure").count == 1)
        let strict = try XMLDocument(xmlString: DiagnosticFormat.junit.render(Self.sample, strict: true))
        #expect(strict.rootElement()?.attribute(forName: "failures")?.stringValue == "2")
        let clean = try XMLDocument(xmlString: DiagnosticFormat.junit.render([]))
        #expect(try clean.nodes(forXPath: "//testcase").count == 1)
    }

    @Test func githubAnnotations() {
        let text = DiagnosticFormat.github.render(Self.sample)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines == [
            "::error file=Content/articles/cmia-2021/20-isuzu.md,line=31,col=12,title=FN001::footnote reference [^76] has no definition%0Asource: Content/sources/cmia-2021-penetrating-insights.txt:3289%0Ahint: add a definition",
            "::warning file=Content/articles/cmia-2021/20-isuzu.md,line=40,title=FIG004::Figure 3 follows Figure 1: figure 2 is missing",
            "::notice file=Content/pages/about.md,line=5,title=FIG007::Figure 1 is never referenced in the text",
        ])
    }

    @Test func textIsCompilerStyle() {
        let text = DiagnosticFormat.text.render([Self.sample[0]])
        #expect(text == "Content/articles/cmia-2021/20-isuzu.md:31:12: error: [FN001] footnote reference [^76] has no definition\n    source: Content/sources/cmia-2021-penetrating-insights.txt:3289\n    hint: add a definition\n")
    }

    @Test func everyCatalogCodeIsUniqueAndDocumented() {
        let codes = CheckCatalog.all.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(CheckCatalog.all.allSatisfy { !$0.summary.isEmpty && !$0.name.isEmpty })
    }
}
