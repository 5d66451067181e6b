import Foundation
import Testing

/// Runs the built `folio` executable the way a user or CI does.
struct FolioProcess {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var executable: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("folio")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return repository.appendingPathComponent(".build/debug/folio")
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], executable program: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = program.map { URL(fileURLWithPath: $0) } ?? executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// Every finding `folio check` reports on the project at `root`, infos included, against an
/// empty baseline so that none is hidden.
func findingsWithEmptyBaseline(root: URL = FolioProcess.repository) throws -> [[String: Any]] {
    let baseline = FileManager.default.temporaryDirectory.appendingPathComponent("folio-empty-baseline-\(UUID().uuidString).json")
    try Data(#"{"version":2,"entries":[]}"#.utf8).write(to: baseline)
    defer { try? FileManager.default.removeItem(at: baseline) }
    let run = try FolioProcess.run(["check", "--root", root.path, "--format", "json", "--min-severity", "info", "--baseline", baseline.path])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
    return try #require(object["diagnostics"] as? [[String: Any]], "\(run.stdout.prefix(200))")
}

/// Lines of files under a root, each file read once.
final class FileLines {
    private let root: URL
    private var cache: [String: [Substring]] = [:]

    init(root: URL = FolioProcess.repository) { self.root = root }

    /// Line `number` (1-based) of `file`, or nil past its end.
    func line(_ file: String, _ number: Int) throws -> String? {
        if cache[file] == nil {
            cache[file] = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        }
        let lines = cache[file] ?? []
        return number >= 1 && number <= lines.count ? String(lines[number - 1]) : nil
    }
}

@Suite struct CommandLineTests {
    @Test func helpListsEveryCommand() throws {
        let result = try FolioProcess.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout == """
        OVERVIEW: Publish a corpus of reports as a validated, cross-linked website and
        offline bundles.

        USAGE: folio <subcommand>

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          init                    Create a new Folio project (folio.yml, Content/ with
                                  an example report, .gitignore) that builds at once.
          add                     Add a PDF-converted text to Content/sources, detect
                                  its metadata and structure, write its corpus.yml
                                  entry and import it.
          import                  Import the raw sources listed in Content/corpus.yml
                                  into Content/articles.
          entities                List organisation names and technologies found but
                                  not indexed, and write them to
                                  Content/data/entity-review.yml.
          build                   Render Content/ into a static site, validating it on
                                  the way.
          check                   Validate citations, figures, structure and links
                                  without writing the site.
          bundle                  Write offline bundles: a zip of the site, EPUB 3
                                  books and single-file HTML documents.
          serve                   Build the site, serve it on 127.0.0.1 and rebuild and
                                  reload pages on every change.
          completions             Print the shell completion script for bash, zsh or
                                  fish.

          See 'folio help <subcommand>' for detailed help.

        """)
    }

    @Test func helpForAnUnknownCommandIsAUsageError() throws {
        let result = try FolioProcess.run(["help", "nosuch"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no command `nosuch`"))
        #expect(try FolioProcess.run(["help", "build"]).status == 0)
    }

    @Test(arguments: [("bash", "-F _folio folio"), ("zsh", "#compdef folio"), ("fish", "complete -c 'folio'")])
    func completionScriptsNameTheCommands(shell: String, marker: String) throws {
        let result = try FolioProcess.run(["completions", shell])
        #expect(result.status == 0)
        #expect(result.stdout.contains(marker), "\(result.stdout.prefix(200))")
        #expect(result.stdout.contains("build") && result.stdout.contains("bundle"))
    }

    @Test func baseURLMustBeAbsolute() throws {
        let result = try FolioProcess.run(["build", "--base-url", "reports/"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--base-url must be an absolute http(s) URL"))
    }

    @Test func versionIsPrinted() throws {
        let result = try FolioProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "0.1.0\n")
    }

    @Test func usageErrorsExitTwo() throws {
        let unknownOption = try FolioProcess.run(["build", "--no-such-option"])
        #expect(unknownOption.status == 2)
        #expect(unknownOption.stderr.contains("--no-such-option"))
        let badFormat = try FolioProcess.run(["check", "--format", "yaml"])
        #expect(badFormat.status == 2)
    }

    @Test func buildsAFixtureAndFailsOnABrokenLink() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: FolioProcess.repository.appendingPathComponent("Tests/FolioSiteTests/Fixtures/site"), to: root)
        try FileManager.default.copyItem(at: FolioProcess.repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))

        let built = try FolioProcess.run(["build", "--root", root.path], environment: ["NO_COLOR": "1"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr.contains("Built "))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Site/index.html").path))

        try "---\ntitle: Broken\n---\n\nSee [nowhere](99-missing.md).\n".write(to: root.appendingPathComponent("Content/articles/leiden-2023/03-broken.md"), atomically: true, encoding: .utf8)
        let failed = try FolioProcess.run(["build", "--root", root.path], environment: ["NO_COLOR": "1"])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("Content/articles/leiden-2023/03-broken.md:5: error: [LNK005]"))
        #expect(!failed.stderr.contains("\u{1B}["), "no colour without a terminal")

        let json = try FolioProcess.run(["check", "--root", root.path, "--format", "json"])
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let summary = object?["summary"] as? [String: Int]
        #expect((summary?["errors"] ?? 0) >= 1)
    }

    @Test func refusesToBuildIntoTheProjectRoot() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: FolioProcess.repository.appendingPathComponent("Tests/FolioSiteTests/Fixtures/site"), to: root)
        let result = try FolioProcess.run(["build", "--root", root.path, "--output", root.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("refusing to use this output directory"))
    }
}

@Suite struct ReproducibilityTests {
    /// Two processes (each with its own hashing seed) must write the same site, byte for byte.
    @Test func twoBuildsOfTheCorpusAreByteIdentical() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("folio-repro-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        var trees: [[String: Data]] = []
        for run in 1...2 {
            let output = base.appendingPathComponent("site-\(run)")
            let result = try FolioProcess.run(["build", "--root", FolioProcess.repository.path, "--output", output.path, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
            trees.append(try Self.snapshot(output))
        }
        #expect(trees[0].count > 500)
        #expect(Set(trees[0].keys) == Set(trees[1].keys))
        let differing = trees[0].keys.filter { trees[0][$0] != trees[1][$0] }.sorted()
        #expect(differing.isEmpty, "files that differ between two builds: \(differing.prefix(10))")
    }

    static func snapshot(_ directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = directory.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            files[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }
}
