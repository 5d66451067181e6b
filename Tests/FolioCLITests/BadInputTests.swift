import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// One class of bad input: how to spoil a fresh project, the command to run on it, and what
/// Folio must answer.
struct BadInput: Sendable, CustomTestStringConvertible {
    /// What is wrong, as a test name.
    var name: String
    /// The command and its options; `--root <project>` is appended unless `root` is false.
    var arguments: [String]
    /// The exit status Folio must end with.
    var status: Int32
    /// Texts stderr must contain: the file (and line) and what is wrong.
    var messages: [String]
    /// Run as an unprivileged user (uid 65534 via `setpriv` when the tests run as root), for
    /// permission cases.
    var asOtherUser = false
    /// Whether `--root <project>` is appended.
    var root = true
    /// Seconds the command may take; the suite kills it after that and records a hang.
    var seconds = 30.0
    /// Spoils the fresh project at the given root.
    var prepare: @Sendable (URL) throws -> Void

    var testDescription: String { name }
}

/// Every class of bad input the command line is tested against: a fresh project (`folio init`,
/// then `folio build`) is spoiled in one way and `folio` runs on it. Each must end with the
/// stated exit status (never a crash signal), name the file (and line where there is one) in
/// its message, leave the previous `Site/` byte for byte unless it succeeded, and leave no stray
/// file next to or inside the project (no staging folder).
@Suite struct BadInputTests {
    static let article = "Content/articles/example/01-getting-started.md"
    static let source = "Content/sources/example.txt"

    static let cases: [BadInput] = configuration + content + sources + articles + templates + outputs + commandLine

    // MARK: folio.yml

    static let configuration: [BadInput] = [
        BadInput(name: "folio.yml missing: the defaults apply", arguments: ["build"], status: 0, messages: ["Built 4 pages"]) { root in
            try remove(root, "folio.yml")
        },
        BadInput(name: "folio.yml empty: the defaults apply", arguments: ["build"], status: 0, messages: ["Built 4 pages"]) { root in
            try write(root, "folio.yml", "")
        },
        BadInput(name: "folio.yml is a folder", arguments: ["build"], status: 3, messages: ["folio.yml: error: cannot read the configuration file: it is a folder, not a file"]) { root in
            try remove(root, "folio.yml")
            try folder(root, "folio.yml")
        },
        BadInput(name: "folio.yml malformed YAML", arguments: ["build"], status: 2, messages: ["folio.yml:2: error: invalid YAML: did not find expected ',' or ']'"]) { root in
            try write(root, "folio.yml", "title: \"Reports\"\nlanguage: [en\n")
        },
        BadInput(name: "folio.yml key of the wrong type", arguments: ["build"], status: 2, messages: ["folio.yml:2: error: `title` must be a string"]) { root in
            try write(root, "folio.yml", "language: en\ntitle: [a, b]\n")
        },
        BadInput(name: "folio.yml unknown key", arguments: ["build"], status: 0, messages: ["folio.yml:2:1: warning: [CFG001] unknown configuration key `colour`"]) { root in
            try write(root, "folio.yml", "title: \"Reports\"\ncolour: blue\n")
        },
        BadInput(name: "folio.yml binary garbage", arguments: ["build"], status: 2, messages: ["folio.yml:1: error: invalid YAML: control characters are not allowed", "the file is not text"]) { root in
            try write(root, "folio.yml", garbage(4096))
        },
        BadInput(name: "folio.yml of 1 GiB (sparse)", arguments: ["build"], status: 3, messages: ["folio.yml: error: cannot read the configuration file: it is 1 GiB; Folio reads files of at most 32 MiB"], seconds: 10) { root in
            try sparse(root, "folio.yml", bytes: 1 << 30)
        },
        BadInput(name: "folio.yml with an alias bomb as a key", arguments: ["build"], status: 2, messages: ["folio.yml:4: error: a mapping key that is an alias"], seconds: 10) { root in
            try write(root, "folio.yml", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\na1: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]\na2: &a2 [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1]\n? [*a2, *a2]\n: boom\n")
        },
        BadInput(name: "folio.yml unreadable by the user", arguments: ["build"], status: 3, messages: ["folio.yml: error: cannot read the configuration file: permission denied"], asOtherUser: true) { root in
            try unreadable(root, "folio.yml")
        },
    ]

    // MARK: Content/ and corpus.yml

    static let corpus = """
        documents:
          - slug: example
            title: "An Example Report"
            publisher: "Example Publisher"
            date: "2024"
            language: en
            source: Content/sources/example.txt

        """

    static let content: [BadInput] = [
        BadInput(name: "Content/ missing", arguments: ["build"], status: 2, messages: ["Content: error: there is no content folder `Content/` in the project"]) { root in
            try remove(root, "Content")
        },
        BadInput(name: "Content is a file", arguments: ["build"], status: 2, messages: ["Content: error: the content folder is a file, not a folder"]) { root in
            try remove(root, "Content")
            try write(root, "Content", "not a folder\n")
        },
        BadInput(name: "corpus.yml malformed YAML (import)", arguments: ["import"], status: 2, messages: ["Content/corpus.yml:4: error: malformed corpus manifest"]) { root in
            try write(root, "Content/corpus.yml", "documents:\n  - slug: example\n    title: \"An Example\"\n    publisher: [oops\n")
        },
        BadInput(name: "corpus.yml malformed YAML (build)", arguments: ["build"], status: 2, messages: ["Content/corpus.yml:4: error: malformed corpus manifest"]) { root in
            try write(root, "Content/corpus.yml", "documents:\n  - slug: example\n    title: \"An Example\"\n    publisher: [oops\n")
        },
        BadInput(name: "corpus.yml missing required keys", arguments: ["import"], status: 2, messages: ["Content/corpus.yml:2: error: document `example` is missing the required keys `title`, `publisher`, `date`, `language`"]) { root in
            try write(root, "Content/corpus.yml", "documents:\n  - slug: example\n    source: Content/sources/example.txt\n")
        },
        BadInput(name: "corpus.yml duplicate document slugs", arguments: ["import"], status: 2, messages: ["Content/corpus.yml:8: error: the slug `example` is already used by the document at line 2"]) { root in
            try write(root, "Content/corpus.yml", corpus + corpus.dropFirst("documents:\n".count))
        },
        BadInput(name: "corpus.yml empty", arguments: ["import"], status: 2, messages: ["Content/corpus.yml:1: error: the corpus manifest is empty"]) { root in
            try write(root, "Content/corpus.yml", "")
        },
        BadInput(name: "corpus.yml documents is not a list", arguments: ["import"], status: 2, messages: ["Content/corpus.yml:1: error: `documents:` must be a list"]) { root in
            try write(root, "Content/corpus.yml", "documents: 42\n")
        },
        BadInput(name: "corpus.yml is a folder", arguments: ["import"], status: 3, messages: ["Content/corpus.yml: error: cannot read the file: it is a folder, not a file"]) { root in
            try remove(root, "Content/corpus.yml")
            try folder(root, "Content/corpus.yml")
        },
        BadInput(name: "a corpus of 1,000 small documents builds", arguments: ["build"], status: 0, messages: ["Built 2004 pages"], seconds: 60) { root in
            try thousandDocuments(root)
        },
    ]

    // MARK: Content/sources (import)

    static let sources: [BadInput] = [
        BadInput(name: "source missing", arguments: ["import"], status: 3, messages: ["Content/sources/example.txt: error: cannot read the file: it does not exist"]) { root in
            try remove(root, source)
        },
        BadInput(name: "source is a folder", arguments: ["import"], status: 3, messages: ["Content/sources/example.txt: error: cannot read the file: it is a folder, not a file"]) { root in
            try remove(root, source)
            try folder(root, source)
        },
        BadInput(name: "source is a named pipe", arguments: ["import"], status: 3, messages: ["Content/sources/example.txt: error: cannot read the file: it is not a regular file"], seconds: 10) { root in
            try remove(root, source)
            #expect(mkfifo(root.appendingPathComponent(source).path, 0o644) == 0)
        },
        BadInput(name: "source not UTF-8", arguments: ["import", "--force"], status: 2, messages: ["Content/sources/example.txt:18: error: the file is not valid UTF-8 from this line on"]) { root in
            var lines = try Data(contentsOf: root.appendingPathComponent(source)).split(separator: 0x0A, omittingEmptySubsequences: false)
            lines[17] += Data([0x63, 0x61, 0x66, 0xE9, 0x20, 0xFF])
            try Data(lines.joined(separator: [0x0A])).write(to: root.appendingPathComponent(source))
        },
        BadInput(name: "source binary garbage", arguments: ["import", "--force"], status: 2, messages: ["Content/sources/example.txt:1: error: the file is not valid UTF-8"]) { root in
            try write(root, source, garbage(65536))
        },
        BadInput(name: "source of 1 GiB (sparse)", arguments: ["import", "--force"], status: 3, messages: ["Content/sources/example.txt: error: cannot read the file: it is 1 GiB; Folio reads files of at most 32 MiB"], seconds: 10) { root in
            try sparse(root, source, bytes: 1 << 30)
        },
        BadInput(name: "source empty", arguments: ["import", "--force"], status: 1, messages: ["error: [SPL002] no article starts found in the document", "source: Content/sources/example.txt:1"]) { root in
            try write(root, source, "")
        },
        BadInput(name: "source unreadable by the user", arguments: ["import", "--force"], status: 3, messages: ["Content/sources/example.txt: error: cannot read the file: permission denied"], asOtherUser: true) { root in
            try unreadable(root, source)
        },
        BadInput(name: "source with 10^5 nested list markers", arguments: ["import", "--force"], status: 0, messages: ["import:"], seconds: 30) { root in
            try append(root, source, "\n" + String(repeating: "- ", count: 100_000) + "deep\n")
        },
        BadInput(name: "source shorter than its articles' source.lines (build)", arguments: ["build"], status: 0, messages: ["Built 4 pages"]) { root in
            try write(root, source, "# An Example Report\n\nShort.\n")
        },
        BadInput(name: "source shorter than its articles' source.lines (check)", arguments: ["check"], status: 1, messages: ["Content/articles/example/01-getting-started.md:1: error: [IMP090]"]) { root in
            try write(root, source, "# An Example Report\n\nShort.\n")
        },
    ]

    // MARK: Content/articles and Content/pages (build)

    static let articles: [BadInput] = [
        BadInput(name: "article binary garbage", arguments: ["build"], status: 1, messages: ["\(article):1: error: [IO001] the file is not valid UTF-8"]) { root in
            try write(root, article, garbage(65536))
        },
        BadInput(name: "article empty", arguments: ["build"], status: 1, messages: ["\(article):1: error: [FM001] the file has no front matter"]) { root in
            try write(root, article, "")
        },
        BadInput(name: "article front matter never closed", arguments: ["build"], status: 1, messages: ["\(article):1: error: [FM001] front matter opened with `---` is never closed"]) { root in
            try write(root, article, "---\ntitle: \"Open\"\n\nBody.\n")
        },
        BadInput(name: "article front matter malformed YAML", arguments: ["build"], status: 1, messages: ["\(article):3: error: [FM001] malformed front matter"]) { root in
            try write(root, article, "---\ntitle: \"x\"\nsummary: [open\n---\n\nBody.\n")
        },
        BadInput(name: "article title is a list", arguments: ["build"], status: 1, messages: ["\(article):2: error: [FM001] front matter `title`"]) { root in
            try write(root, article, "---\ntitle: [a, b]\n---\n\nBody.\n")
        },
        BadInput(name: "article with 10^5 nested list markers", arguments: ["build"], status: 0, messages: ["Built 4 pages"]) { root in
            try append(root, article, "\n" + String(repeating: "- ", count: 100_000) + "deep\n")
        },
        BadInput(name: "article with 3,000 indented list levels", arguments: ["build"], status: 0, messages: ["Built 4 pages"]) { root in
            try append(root, article, "\n" + (0..<3000).map { String(repeating: "  ", count: $0) + "- level \($0)\n" }.joined())
        },
        BadInput(name: "article with 10^5 nested block quotes", arguments: ["build"], status: 0, messages: ["Built 4 pages"]) { root in
            try append(root, article, "\n" + String(repeating: ">", count: 100_000) + " deep\n")
        },
        BadInput(name: "article with 10^5 nested brackets and emphasis", arguments: ["build"], status: 0, messages: ["Built 4 pages"]) { root in
            try append(root, article, "\n" + String(repeating: "[", count: 100_000) + "x" + String(repeating: "]", count: 100_000) + "\n\n" + String(repeating: "*a ", count: 100_000) + "\n")
        },
        BadInput(name: "article front matter with a YAML alias bomb", arguments: ["build"], status: 0, messages: ["Built 4 pages"], seconds: 10) { root in
            let levels = ["a0: &a0 [" + Array(repeating: "\"lol\"", count: 10).joined(separator: ",") + "]"]
                + (1..<10).map { "a\($0): &a\($0) [" + Array(repeating: "*a\($0 - 1)", count: 10).joined(separator: ",") + "]" }
            let text = try String(contentsOf: url(root, article), encoding: .utf8)
            try write(root, article, text.replacingOccurrences(of: "---\ntitle:", with: "---\n" + levels.joined(separator: "\n") + "\ntitle:"))
        },
        BadInput(name: "article front matter with an alias bomb as a key", arguments: ["build"], status: 1, messages: ["\(article):12: error: [FM001] a mapping key that is an alias"], seconds: 10) { root in
            let levels = ["a0: &a0 [" + Array(repeating: "\"lol\"", count: 10).joined(separator: ",") + "]"]
                + (1..<10).map { "a\($0): &a\($0) [" + Array(repeating: "*a\($0 - 1)", count: 10).joined(separator: ",") + "]" }
            try write(root, article, "---\n" + levels.joined(separator: "\n") + "\nkeys: [x, *a9: boom]\ntitle: \"Laughs\"\n---\n\nBody.\n")
        },
        BadInput(name: "article unreadable by the user", arguments: ["build"], status: 1, messages: ["\(article):1: error: [IO001] cannot read the file: permission denied"], asOtherUser: true) { root in
            try unreadable(root, article)
        },
        BadInput(name: "article is a folder", arguments: ["build"], status: 1, messages: ["\(article):1: error: [IO001] cannot read the file: it is a folder, not a file"]) { root in
            try remove(root, article)
            try folder(root, article)
        },
        BadInput(name: "article is a named pipe", arguments: ["build"], status: 1, messages: ["\(article):1: error: [IO001] cannot read the file: it is not a regular file"], seconds: 10) { root in
            try remove(root, article)
            #expect(mkfifo(root.appendingPathComponent(article).path, 0o644) == 0)
        },
        BadInput(name: "article of 1 GiB (sparse)", arguments: ["build"], status: 1, messages: ["\(article):1: error: [IO001] cannot read the file: it is 1 GiB; Folio reads files of at most 32 MiB"], seconds: 10) { root in
            try sparse(root, article, bytes: 1 << 30)
        },
        BadInput(name: "page is a folder", arguments: ["build"], status: 1, messages: ["Content/pages/about.md:1: error: [IO001] cannot read the file: it is a folder, not a file"]) { root in
            try remove(root, "Content/pages/about.md")
            try folder(root, "Content/pages/about.md")
        },
    ]

    // MARK: Templates/

    static let templates: [BadInput] = [
        BadInput(name: "template is a folder", arguments: ["build"], status: 2, messages: ["Templates/base.mustache: error: the template is a folder, not a file"]) { root in
            try folder(root, "Templates/base.mustache")
        },
        BadInput(name: "template syntax error", arguments: ["build"], status: 2, messages: ["Templates/base.mustache:3: error: template syntax error"]) { root in
            try write(root, "Templates/base.mustache", "<html>\n{{#open}}\n")
        },
        BadInput(name: "template not UTF-8", arguments: ["build"], status: 3, messages: ["Templates/base.mustache: error: the template is not valid UTF-8"]) { root in
            try write(root, "Templates/base.mustache", Data([0xFF, 0xFE, 0x7B, 0x7B, 0x78, 0x7D, 0x7D]))
        },
        BadInput(name: "template unreadable by the user", arguments: ["build"], status: 3, messages: ["Templates/base.mustache: error: cannot read the template file: permission denied"], asOtherUser: true) { root in
            try write(root, "Templates/base.mustache", "<html>{{{content}}}</html>\n")
            try unreadable(root, "Templates/base.mustache")
        },
        BadInput(name: "partial that includes itself", arguments: ["build"], status: 2, messages: ["Templates/loop.mustache:2: error: template `loop` includes itself"]) { root in
            try write(root, "Templates/loop.mustache", "before\n{{> loop}}\n")
        },
        BadInput(name: "partials that include each other", arguments: ["build"], status: 2, messages: ["Templates/c.mustache:1: error: templates include each other in a cycle"]) { root in
            try write(root, "Templates/a.mustache", "{{> b}}\n")
            try write(root, "Templates/b.mustache", "{{> c}}\n")
            try write(root, "Templates/c.mustache", "{{> a}}\n")
        },
        BadInput(name: "template of 10 MB", arguments: ["build"], status: 2, messages: ["Templates/huge.mustache: error: the template is 10485760 bytes; a template may be at most 262144 bytes"], seconds: 10) { root in
            try write(root, "Templates/huge.mustache", String(repeating: "{{title}} ", count: 1_048_576))
        },
        BadInput(name: "template with sections nested 1,000 deep", arguments: ["build"], status: 2, messages: ["Templates/deep.mustache:51: error: sections are nested more than 50 deep"], seconds: 10) { root in
            try write(root, "Templates/deep.mustache", String(repeating: "{{#a}}\n", count: 1000))
        },
    ]

    // MARK: Output

    static let outputs: [BadInput] = [
        BadInput(name: "output inside Content/", arguments: ["build", "--output", "Content/site"], status: 2, messages: ["Content/site: error: refusing to use this output directory: it is inside the content directory"]) { _ in },
        BadInput(name: "output is the project root", arguments: ["build", "--output", "."], status: 2, messages: ["error: refusing to use this output directory: it is the project root"]) { _ in },
        BadInput(name: "output folder not writable by the user", arguments: ["build", "--output", "locked/Site"], status: 3, messages: ["locked: error: cannot create a staging directory"], asOtherUser: true) { root in
            try folder(root, "locked")
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: root.appendingPathComponent("locked").path)
        },
    ]

    // MARK: Command line

    static let commandLine: [BadInput] = [
        BadInput(name: "unknown flag", arguments: ["build", "--frobnicate"], status: 2, messages: ["Error: Unknown option '--frobnicate'"]) { _ in },
        BadInput(name: "unknown command", arguments: ["frobnicate"], status: 2, messages: ["frobnicate"], root: false) { _ in },
        BadInput(name: "--root that does not exist", arguments: ["build", "--root", "/nonexistent/folio-project"], status: 2, messages: ["/nonexistent/folio-project: error: the project root given with --root is not an existing directory"], root: false) { _ in },
        BadInput(name: "option value of the wrong kind", arguments: ["serve", "--port", "eighty"], status: 2, messages: ["eighty"]) { _ in },
    ]

    // MARK: The test

    @Test(arguments: cases)
    func badInputIsReportedAndLosesNothing(_ input: BadInput) throws {
        if input.asOtherUser, !OtherUser.available {
            return  // root without setpriv: the permission cannot be taken away
        }
        let project = try Self.project()
        defer { Self.removeProject(project) }
        try input.prepare(project.root)
        if input.asOtherUser { try OtherUser.share(project.folder) }
        let siteBefore = try Self.snapshot(project.root.appendingPathComponent("Site"))
        let entriesBefore = try Self.entries(project)

        var arguments = input.arguments
        if input.root { arguments += ["--root", project.root.path] }
        let result = try Self.run(arguments, in: project.root, asOtherUser: input.asOtherUser, seconds: input.seconds)

        #expect(!result.timedOut, "still running after \(input.seconds) s")
        #expect(!result.signalled && ![132, 134, 139].contains(result.status), "crashed: \(result.status)\n\(result.stderr)")
        #expect(result.status == input.status, "exit \(result.status)\n\(result.stderr.prefix(2000))")
        for message in input.messages {
            #expect(result.stderr.contains(message) || result.stdout.contains(message), "missing `\(message)` in:\n\(result.stderr.prefix(2000))")
        }
        if result.status != 0 {
            #expect(try Self.snapshot(project.root.appendingPathComponent("Site")) == siteBefore, "the previous Site/ changed")
        }
        let entriesAfter = try Self.entries(project)
        // What the command may write: the site (and the build cache); import writes the articles.
        let outputs = ["Site", ".folio-cache"] + (input.arguments.first == "import" ? ["Content/articles"] : [])
        let stray = entriesAfter.subtracting(entriesBefore).filter { entry in !outputs.contains { entry == $0 || entry.hasPrefix($0 + "/") } }
        #expect(stray.isEmpty, "stray files: \(stray.sorted())")
        #expect(!entriesAfter.contains { $0.contains(".staging-") || $0.contains(".old-") }, "staging left: \(entriesAfter.sorted())")
    }

    // MARK: Helpers

    /// A fresh project in its own folder: `folder/project`, made by `folio init` and built once.
    struct Project {
        var folder: URL
        var root: URL
    }

    static func project() throws -> Project {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let root = folder.appendingPathComponent("project")
        try FileManager.default.copyItem(at: try template(), to: root)
        return Project(folder: folder, root: root)
    }

    static func removeProject(_ project: Project) {
        // Give write permission back first, so removal of locked folders succeeds.
        if let paths = FileManager.default.enumerator(atPath: project.folder.path) {
            for case let path as String in paths {
                try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: project.folder.appendingPathComponent(path).path)
            }
        }
        try? FileManager.default.removeItem(at: project.folder)
    }

    /// The initialised and built project every case starts from, made once per test run.
    static func template() throws -> URL {
        try TemplateProject.shared.url()
    }

    /// Every path under the project's folder (the project itself and anything beside it), with
    /// `Site/`'s contents left out.
    static func entries(_ project: Project) throws -> Set<String> {
        var result: Set<String> = []
        let base = project.folder.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return result }
        for case let path as String in enumerator {
            if path.hasPrefix("project/Site/") { continue }
            let relative = path.hasPrefix("project/") ? String(path.dropFirst("project/".count)) : "../\(path)"
            if path != "project" { result.insert(relative) }
        }
        return result
    }

    /// Path → contents of every file under `folder` (empty when it does not exist).
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return result }
        for case let path as String in enumerator {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = try Data(contentsOf: url)
            }
        }
        return result
    }

    struct Outcome {
        var status: Int32
        var signalled: Bool
        var timedOut: Bool
        var stdout: String
        var stderr: String
    }

    /// Runs `folio` with output to files (no pipe can fill up), killing it after `seconds`.
    static func run(_ arguments: [String], in folder: URL, asOtherUser: Bool, seconds: Double) throws -> Outcome {
        let process = Process()
        if asOtherUser, getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: OtherUser.setpriv)
            process.arguments = OtherUser.arguments + [FolioProcess.executable.path] + arguments
        } else {
            process.executableURL = FolioProcess.executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let logs = FileManager.default.temporaryDirectory.appendingPathComponent("folio-bad-log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: logs) }
        let out = logs.appendingPathComponent("out"), err = logs.appendingPathComponent("err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(10_000)
        }
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal, timedOut: timedOut,
            stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self), stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    // Ways to spoil a project.

    static func url(_ root: URL, _ path: String) -> URL { root.appendingPathComponent(path) }

    static func write(_ root: URL, _ path: String, _ text: String) throws {
        try write(root, path, Data(text.utf8))
    }

    static func write(_ root: URL, _ path: String, _ data: Data) throws {
        try FileManager.default.createDirectory(at: url(root, path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url(root, path))
    }

    static func append(_ root: URL, _ path: String, _ text: String) throws {
        try write(root, path, try Data(contentsOf: url(root, path)) + Data(text.utf8))
    }

    static func remove(_ root: URL, _ path: String) throws {
        try FileManager.default.removeItem(at: url(root, path))
    }

    static func folder(_ root: URL, _ path: String) throws {
        try FileManager.default.createDirectory(at: url(root, path), withIntermediateDirectories: true)
    }

    /// A file of `bytes` bytes that takes no disk space.
    static func sparse(_ root: URL, _ path: String, bytes: Int) throws {
        let handle = try FileHandle(forWritingTo: url(root, path))
        try handle.truncate(atOffset: UInt64(bytes))
        try handle.close()
    }

    static func unreadable(_ root: URL, _ path: String) throws {
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: url(root, path).path)
    }

    /// Bytes that are neither UTF-8 nor YAML, the same on every run.
    static func garbage(_ count: Int) -> Data {
        var state: UInt32 = 2_463_534_242
        return Data((0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 17
            state ^= state << 5
            return UInt8(truncatingIfNeeded: state) | 0x80
        })
    }

    static func thousandDocuments(_ root: URL) throws {
        var manifest = "documents:\n"
        for number in 0..<1000 {
            let slug = "doc-\(String(format: "%04d", number))"
            try write(root, "Content/articles/\(slug)/index.md", "---\ntitle: \"Document \(number)\"\ndocument: \"\(slug)\"\n---\n\nThe index of document \(number).\n")
            try write(root, "Content/articles/\(slug)/01-text.md", "---\ntitle: \"Text \(number)\"\ndocument: \"\(slug)\"\norder: 1\n---\n\n# Text \(number)\n\nA short paragraph on industrial parks in Chongqing, number \(number).\n")
            manifest += "  - slug: \(slug)\n    title: \"Document \(number)\"\n    publisher: \"Publisher \(number % 7)\"\n    date: \"2024\"\n    language: en\n    source: Content/sources/example.txt\n"
        }
        try append(root, "Content/corpus.yml", String(manifest.dropFirst("documents:\n".count)))
    }
}

/// Runs a command as an unprivileged user: `setpriv` to uid/gid 65534 when the tests run as
/// root (as in CI), the current user otherwise (who cannot read a file with mode 000 either).
enum OtherUser {
    static let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/setpriv"
    static let arguments = ["--reuid=65534", "--regid=65534", "--clear-groups"]

    static var available: Bool {
        getuid() != 0 || FileManager.default.isExecutableFile(atPath: setpriv)
    }

    /// Lets the other user into the project: every folder searchable and writable, every file
    /// readable, except what the case made unreadable (mode 000) or read-only (mode 555).
    static func share(_ folder: URL) throws {
        guard getuid() == 0 else { return }
        let fm = FileManager.default
        try fm.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)
        guard let paths = fm.enumerator(atPath: folder.path) else { return }
        for case let path as String in paths {
            let full = folder.appendingPathComponent(path).path
            let mode = (try fm.attributesOfItem(atPath: full)[.posixPermissions] as? Int) ?? 0
            if mode == 0 || mode == 0o555 { continue }
            var isDirectory: ObjCBool = false
            fm.fileExists(atPath: full, isDirectory: &isDirectory)
            try fm.setAttributes([.posixPermissions: isDirectory.boolValue ? 0o777 : 0o666], ofItemAtPath: full)
        }
    }
}

/// The project every bad-input case copies: `folio init` and `folio build`, done once.
final class TemplateProject: @unchecked Sendable {
    // Proof of Sendable: `made` is only touched under `lock`.
    static let shared = TemplateProject()
    private let lock = NSLock()
    private var made: Result<URL, any Error>?

    func url() throws -> URL {
        lock.lock()
        defer { lock.unlock() }
        if let made { return try made.get() }
        let result = Result { () throws -> URL in
            let temporary = FileManager.default.temporaryDirectory
            // Remove the copies of test runs that have ended.
            for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? [] where name.hasPrefix("folio-bad-template-") {
                if let pid = Int32(name.dropFirst("folio-bad-template-".count)), pid == getpid() || kill(pid, 0) != 0 {
                    try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
                }
            }
            let root = temporary.appendingPathComponent("folio-bad-template-\(getpid())")
            let initialised = try FolioProcess.run(["init", "--quiet", root.path])
            guard initialised.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSDebugDescriptionErrorKey: initialised.stderr]) }
            let built = try FolioProcess.run(["build", "--quiet", "--root", root.path])
            guard built.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSDebugDescriptionErrorKey: built.stderr]) }
            return root
        }
        made = result
        return try result.get()
    }
}
