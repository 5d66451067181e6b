import FolioCore
import Testing

@Suite struct FolioConfigTests {
    @Test func readsEveryKey() throws {
        let (config, diagnostics) = try FolioConfig.parse("""
        title: Reports
        description: Five reports
        base_url: https://example.org/reports/
        language: en-GB
        output: public
        validation:
          strict: true
          severity: {FN002: warning, FIG010: off}
          ignore: ["Content/pages/*"]
          external:
            concurrency: 4
            per_host: 1
            timeout: 5
            cache_ttl_hours: 12
        """)
        #expect(diagnostics.isEmpty)
        #expect(config.title == "Reports")
        #expect(config.baseURL == "https://example.org/reports/")
        #expect(config.language == "en-GB")
        #expect(config.output == "public")
        #expect(config.validation.strict)
        #expect(config.validation.severity == ["FN002": "warning", "FIG010": "off"])
        #expect(config.validation.ignore == ["Content/pages/*"])
        #expect(config.validation.external.concurrency == 4)
        #expect(config.validation.external.perHost == 1)
        #expect(config.validation.external.timeout == 5)
        #expect(config.validation.external.cacheTTLHours == 12)
    }

    @Test func reportsUnknownKeysWithTheirLine() throws {
        let (_, diagnostics) = try FolioConfig.parse("title: Reports\ntheme: dark\nvalidation:\n  strictt: true\n")
        #expect(diagnostics.map(\.code) == ["CFG001", "CFG001"])
        #expect(diagnostics.map(\.message) == ["unknown configuration key `theme`", "unknown configuration key `validation.strictt`"])
        #expect(diagnostics.map { $0.location?.line } == [2, 4])
        #expect(diagnostics.allSatisfy { $0.severity == .warning && $0.location?.file == "folio.yml" })
    }

    @Test func aDuplicateKeyIsReportedAtTheDuplicateInAShortMessage() throws {
        let cases: [(String, Int, String)] = [
            ("title: A\ndescription: x\nlanguage: en\ntitle: B\n", 4, "duplicate key `title`: `title` is already set at line 1"),
            ("title: A\nvalidation:\n  strict: true\n  ignore: []\n  strict: false\n", 5, "duplicate key `strict`: `strict` is already set at line 3"),
        ]
        for (text, expectedLine, expectedMessage) in cases {
            do {
                _ = try FolioConfig.parse(text)
                Issue.record("expected an error for \(text)")
            } catch let FolioError.configuration(file, line, message, hint) {
                #expect(file == "folio.yml")
                #expect(line == expectedLine)
                #expect(message == expectedMessage)
                #expect(!message.contains("\n"), "no dump of the file")
                #expect(hint != nil)
            }
        }
        // The config's own parse of `min_severity`.
        #expect(try FolioConfig.parse("validation:\n  min_severity: error\n").0.validation.minSeverity == .error)
        #expect(throws: FolioError.self) { try FolioConfig.parse("validation:\n  min_severity: loud\n") }
    }

    @Test func malformedYAMLNamesTheLine() {
        #expect(throws: FolioError.self) { try FolioConfig.parse("title: Reports\nvalidation: [unclosed\n") }
        do {
            _ = try FolioConfig.parse("title: Reports\nvalidation:\n  strict: maybe\n")
            Issue.record("expected an error")
        } catch let error as FolioError {
            guard case let .configuration(file, line, message, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(file == "folio.yml")
            #expect(line == 3)
            #expect(message == "`strict` must be true or false")
            #expect(error.exitCode == 2)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func rejectsUnknownSeverityLevels() {
        #expect(throws: FolioError.self) { try FolioConfig.parse("validation:\n  severity: {FN001: loud}\n") }
    }
}
