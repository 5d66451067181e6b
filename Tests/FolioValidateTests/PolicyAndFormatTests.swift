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
        #expect(rules.count == CheckCatalog.every.count)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["level"] as? String } == ["error", "warning", "note"])
        let region = (((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any])
        #expect(region?["startLine"] as? Int == 31)
        #expect(region?["startColumn"] as? Int == 12)
        #expect(results[0]["ruleIndex"] as? Int == CheckCatalog.every.firstIndex { $0.code == "FN001" })
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

/// SARIF carries a described rule for every code, fingerprints, suppressions and related places.
struct SARIFRuleTests {
    @Test func everyCodeHasADescribedRuleWithItsDefaultLevel() throws {
        var accepted = PolicyAndFormatTests.sample[1]
        accepted.baselined = true
        accepted.fingerprint = "FIG004-0123456789abcdef-0"
        var first = PolicyAndFormatTests.sample[0]
        first.fingerprint = "FN001-fedcba9876543210-0"
        first.related = [RelatedLocation(file: "Content/articles/cmia-2021/20-isuzu.md", line: 12, message: "footnote [^75]")]
        let sarif = DiagnosticFormat.sarif.render([first, accepted, PolicyAndFormatTests.sample[2]])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["informationUri"] == nil, "no placeholder address")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == CheckCatalog.every.count)
        #expect(Set(rules.compactMap { $0["id"] as? String }).count == rules.count)
        for (rule, descriptor) in zip(rules, CheckCatalog.every) {
            #expect(rule["id"] as? String == descriptor.code)
            #expect(rule["name"] as? String != descriptor.code)
            #expect(((rule["shortDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            #expect(((rule["fullDescription"] as? [String: Any])?["text"] as? String)?.contains(descriptor.summary) == true)
            #expect(((rule["help"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            #expect((rule["helpUri"] as? String)?.hasPrefix("README.md#") == true)
            let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(level == SARIFFormatter.level(descriptor.severity), "\(descriptor.code)")
        }
        #expect((run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] != nil)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect((results[0]["partialFingerprints"] as? [String: String])?.values.first == "FN001-fedcba9876543210-0")
        #expect(results[0]["suppressions"] == nil)
        #expect((results[1]["suppressions"] as? [[String: Any]])?.first?["kind"] as? String == "external")
        let related = try #require(results[0]["relatedLocations"] as? [[String: Any]])
        #expect(related.count == 2)
        let artifact = (related[1]["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any]
        #expect(artifact?["uriBaseId"] as? String == "%SRCROOT%")
        // Rule index points at the rule of the result's code.
        let index = try #require(results[0]["ruleIndex"] as? Int)
        #expect(rules[index]["id"] as? String == "FN001")
    }

    @Test func everyCodeInTheSourcesAndTheREADMEIsInTheCatalog() throws {
        let root = Fixture.repositoryRoot
        var emitted = Set<String>()
        let pattern = try NSRegularExpression(pattern: #"(?:code: |CheckCatalog\.make\(|\? )"([A-Z]{2,4}[0-9]{3})""#)
        let enumerator = FileManager.default.enumerator(at: root.appendingPathComponent("Sources"), includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift", let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { emitted.insert(String(text[range])) }
            }
        }
        #expect(emitted.count > 60)
        let known = Set(CheckCatalog.every.map(\.code))
        #expect(emitted.subtracting(known).sorted() == [], "codes reported but not in the catalog")
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let undocumented = CheckCatalog.every.map(\.code).filter { !readme.contains($0) && !Self.inDocumentedRange($0, readme) }
        #expect(undocumented == [], "codes missing from the README")
    }

    /// `IMP030–IMP033` and `TOC001–TOC005` document ranges.
    static func inDocumentedRange(_ code: String, _ readme: String) -> Bool {
        let letters = String(code.prefix { $0.isLetter })
        guard let number = Int(code.dropFirst(letters.count)) else { return false }
        let ranges = try? NSRegularExpression(pattern: "\(letters)([0-9]{3})–\(letters)([0-9]{3})")
        for match in ranges?.matches(in: readme, range: NSRange(readme.startIndex..., in: readme)) ?? [] {
            if let a = Range(match.range(at: 1), in: readme), let b = Range(match.range(at: 2), in: readme),
               let low = Int(readme[a]), let high = Int(readme[b]), (low...high).contains(number) { return true }
        }
        return false
    }
}
