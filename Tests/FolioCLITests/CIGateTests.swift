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
