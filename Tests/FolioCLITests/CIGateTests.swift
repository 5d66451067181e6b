import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What a CI job relies on: errors never silent and always in the chosen format, severity
/// thresholds, exit codes for wrong paths, and nothing created by mistake.
@Suite struct CIGateTests {
    /// A copy of the small fixture project with the real templates.
    static func project() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-ci-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: FolioProcess.repository.appendingPathComponent("Tests/FolioSiteTests/Fixtures/site"), to: root)
        try FileManager.default.copyItem(at: FolioProcess.repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        return root
    }

    /// Adds an article with one warning (a skipped heading level) and one info (a figure never referenced).
    static func addWarningAndInfo(_ root: URL) throws {
        try "---\ntitle: Levels\n---\n\n# Levels\n\n### Too deep\n\nText.\n\nFigure 1: A lonely caption\n".write(to: root.appendingPathComponent("Content/articles/leiden-2023/03-levels.md"), atomically: true, encoding: .utf8)
    }

    @Test func aConfigurationErrorIsAValidDocumentInEveryFormat() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        try "title: [unclosed\n".write(to: root.appendingPathComponent("folio.yml"), atomically: true, encoding: .utf8)
        let json = try FolioProcess.run(["check", "--root", root.path, "--format", "json"])
        #expect(json.status == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let first = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["code"] as? String == "CFG002")
        #expect(first["file"] as? String == "folio.yml")
        #expect((object["summary"] as? [String: Int])?["errors"] == 1)
        let sarif = try FolioProcess.run(["check", "--root", root.path, "--format", "sarif"])
        #expect(sarif.status == 2)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let results = ((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        #expect(results.map { $0["ruleId"] as? String } == ["CFG002"])
        let junit = try FolioProcess.run(["check", "--root", root.path, "--format", "junit"])
        #expect(junit.status == 2)
        let xml = try XMLDocument(xmlString: junit.stdout)
        #expect(try xml.nodes(forXPath: "//failure").count == 1)
        let build = try FolioProcess.run(["build", "--root", root.path, "--format", "json"])
        #expect(build.status == 2)
        #expect((try JSONSerialization.jsonObject(with: Data(build.stdout.utf8)) as? [String: Any])?["diagnostics"] != nil)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Site").path))
    }

    @Test func quietStrictBuildsSayWhyTheyFailed() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.addWarningAndInfo(root)
        let build = try FolioProcess.run(["build", "-q", "--strict", "--root", root.path], environment: ["NO_COLOR": "1"])
        #expect(build.status == 1)
        #expect(build.stderr.contains("warning: [STR001]"))
        #expect(build.stderr.contains("Build failed"))
        let check = try FolioProcess.run(["check", "-q", "--strict", "--root", root.path], environment: ["NO_COLOR": "1"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("warning: [STR001]"))
        #expect(check.stderr.contains("Check failed"))
        // Without --strict the warning does not fail, and --quiet keeps it quiet.
        let quiet = try FolioProcess.run(["build", "-q", "--root", root.path, "--output", root.appendingPathComponent("out").path])
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
    }

    @Test func minimumSeverityFiltersEveryFormat() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.addWarningAndInfo(root)
        let github = try FolioProcess.run(["check", "--root", root.path, "--format", "github"])
        #expect(github.stdout.contains("::warning "))
        #expect(!github.stdout.contains("::notice "), "infos are left out of annotations by default")
        let withInfos = try FolioProcess.run(["check", "--root", root.path, "--format", "github", "--min-severity", "info"])
        #expect(withInfos.stdout.contains("::notice "))
        let errorsOnly = try FolioProcess.run(["check", "--root", root.path, "--format", "json", "--min-severity", "error"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(errorsOnly.stdout.utf8)) as? [String: Any])
        #expect((object["diagnostics"] as? [Any])?.isEmpty == true)
        #expect(((object["summary"] as? [String: Int])?["warnings"] ?? 0) >= 1, "the summary still counts what was not printed")
        let junit = try FolioProcess.run(["check", "--root", root.path, "--format", "junit"])
        #expect(!junit.stdout.contains("FIG007"))
        // The same threshold from folio.yml.
        let config = root.appendingPathComponent("folio.yml")
        try (try String(contentsOf: config, encoding: .utf8) + "validation:\n  min_severity: info\n").write(to: config, atomically: true, encoding: .utf8)
        let configured = try FolioProcess.run(["check", "--root", root.path, "--format", "github"])
        #expect(configured.stdout.contains("::notice "))
        #expect(try FolioProcess.run(["check", "--root", root.path, "--min-severity", "loud"]).status == 2)
    }

    @Test func wrongPathsExitTwoAndCreateNothing() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("folio-missing-\(UUID().uuidString)/deeper")
        for command in [["build"], ["check"], ["import"], ["bundle"], ["check", "--format", "json"]] {
            let result = try FolioProcess.run(command + ["--root", missing.path])
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr.contains("not an existing directory"), "\(command): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: missing.deletingLastPathComponent().path), "\(command) created the root")
        }
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let baseline = try FolioProcess.run(["check", "--root", root.path, "--baseline", "missing.json"])
        #expect(baseline.status == 2)
        #expect(baseline.stderr.contains("missing.json"))
    }
}

/// The README's CI examples, run as written on this repository: what they would upload must
/// be valid (SARIF against the SARIF 2.1.0 schema, JUnit as XML).
@Suite struct CIExampleTests {
    static let schema = FolioProcess.repository.appendingPathComponent("Tests/FolioValidateTests/Fixtures/sarif/sarif-schema-2.1.0.json")

    /// A Python with jsonschema: the test venv of `scripts/install-deps.sh --test`, else the system one.
    static func python() -> String? {
        let venv = FolioProcess.repository.appendingPathComponent(".build/python/bin/python").path
        for candidate in [venv, "/usr/bin/python3"] where FileManager.default.isExecutableFile(atPath: candidate) {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: candidate)
            probe.arguments = ["-c", "import jsonschema"]
            probe.standardError = FileHandle.nullDevice
            if (try? probe.run()) != nil {
                probe.waitUntilExit()
                if probe.terminationStatus == 0 { return candidate }
            }
        }
        return nil
    }

    /// Validates the SARIF file at `path` against the 2.1.0 schema; returns the validator's errors.
    static func schemaErrors(_ path: String) throws -> String {
        let interpreter = try #require(Self.python(), "jsonschema is installed by scripts/install-deps.sh --test")
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1])); log = json.load(open(sys.argv[2]))
        cls = jsonschema.validators.validator_for(schema)
        errors = sorted(cls(schema).iter_errors(log), key=lambda e: list(e.path))
        for e in errors[:20]: print(list(e.path), e.message[:300])
        sys.exit(1 if errors else 0)
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = ["-c", script, schema.path, path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? "" : String(decoding: data, as: UTF8.self) + " (status \(process.terminationStatus))"
    }

    /// The `folio check … > FILE` lines of the README's CI section.
    static func commands() throws -> [(arguments: [String], file: String)] {
        let readme = try String(contentsOf: FolioProcess.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "### Folio in CI").dropFirst().first?.components(separatedBy: "\n### ").first)
        var found: [(arguments: [String], file: String)] = []
        for line in section.split(separator: "\n") {
            guard let start = line.range(of: "folio check "), let redirect = line.range(of: " > ") else { continue }
            let arguments = ["check"] + line[start.upperBound..<redirect.lowerBound].split(separator: " ").map(String.init)
            let file = String(line[redirect.upperBound...].split(separator: " ").first ?? "")
            if !found.contains(where: { $0.arguments == arguments }) { found.append((arguments, file)) }
        }
        return found
    }

    @Test func theREADMEExamplesWriteValidSARIFAndJUnit() throws {
        let commands = try Self.commands()
        #expect(Set(commands.map(\.file)) == ["folio.sarif", "folio-junit.xml"], "\(commands)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("folio-ci-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for command in commands {
            let result = try FolioProcess.run(command.arguments + ["--root", FolioProcess.repository.path])
            #expect(result.status == 0, "\(command.arguments): \(result.stderr.suffix(2000))")
            let file = directory.appendingPathComponent(command.file)
            try Data(result.stdout.utf8).write(to: file)
            if command.file.hasSuffix(".sarif") {
                #expect(try Self.schemaErrors(file.path) == "")
                let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
                let run = try #require((log["runs"] as? [[String: Any]])?.first)
                let rules = ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
                #expect(rules.count > 100)
                #expect(rules.allSatisfy { ($0["name"] as? String) != ($0["id"] as? String) && $0["help"] != nil && $0["fullDescription"] != nil })
                let results = run["results"] as? [[String: Any]] ?? []
                // The corpus's accepted findings are there, suppressed, each with its fingerprint.
                let suppressed = results.filter { $0["suppressions"] != nil }
                #expect(suppressed.count >= 90)
                #expect(results.allSatisfy { $0["partialFingerprints"] != nil })
                #expect(!results.contains { $0["level"] as? String == "note" }, "infos are left out by default")
            } else {
                let xml = try XMLDocument(xmlString: result.stdout)
                #expect(xml.rootElement()?.name == "testsuites")
                #expect(xml.rootElement()?.attribute(forName: "failures")?.stringValue == "0")
                #expect(try xml.nodes(forXPath: "//testsuite").count >= 1)
            }
        }
    }

    @Test func aSARIFLogWithEveryKindOfFindingPassesTheSchema() throws {
        // A broken fixture project: new errors, an accepted finding, a related place, a config warning.
        let root = try CIGateTests.project()
        defer { try? FileManager.default.removeItem(at: root) }
        try CIGateTests.addWarningAndInfo(root)
        let accepted = try FolioProcess.run(["check", "--root", root.path, "--write-baseline"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        try "---\ntitle: Broken\n---\n\nSee [nowhere](99-missing.md) and note[^1].\n\n[^1]: A note with enough text to count as a repeated note text.\n[^2]: A note with enough text to count as a repeated note text.\n".write(to: root.appendingPathComponent("Content/articles/leiden-2023/04-broken.md"), atomically: true, encoding: .utf8)
        try (try String(contentsOf: root.appendingPathComponent("folio.yml"), encoding: .utf8) + "unknown_key: 1\n").write(to: root.appendingPathComponent("folio.yml"), atomically: true, encoding: .utf8)
        let sarif = try FolioProcess.run(["check", "--root", root.path, "--format", "sarif", "--min-severity", "info"])
        #expect(sarif.status == 1)
        let file = root.appendingPathComponent("folio.sarif")
        try Data(sarif.stdout.utf8).write(to: file)
        #expect(try Self.schemaErrors(file.path) == "")
        #expect(sarif.stdout.contains("\"suppressions\""))
        #expect(sarif.stdout.contains("\"relatedLocations\""))
        #expect(sarif.stdout.contains("\"CFG001\""))
        // An invalid document is caught: the check is real.
        try Data(sarif.stdout.replacingOccurrences(of: "\"level\" : \"error\"", with: "\"level\" : \"fatal\"").utf8).write(to: file)
        #expect(try Self.schemaErrors(file.path) != "")
    }
}
