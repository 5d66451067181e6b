import Foundation
import Testing

/// A build never destroys what is not its own output, leaves nothing behind when it is stopped,
/// and reports inputs it cannot publish as they are, instead of skipping or mangling them.
@Suite struct SafeOutputTests {
    /// A copy of the small site fixture with Folio's templates, in a fresh temporary folder.
    static func fixtureProject() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-safe-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: FolioProcess.repository.appendingPathComponent("Tests/FolioSiteTests/Fixtures/site"), to: root)
        try FileManager.default.copyItem(at: FolioProcess.repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        return root
    }

    static func article(_ root: URL) throws -> URL {
        let folder = root.appendingPathComponent("Content/articles/leiden-2023")
        let name = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().first { $0.hasSuffix(".md") && $0 != "index.md" }
        return folder.appendingPathComponent(try #require(name))
    }

    static func leftovers(_ root: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains(".staging-") || $0.contains(".old-") }
    }

    @Test(arguments: ["Site", "precious.txt"])
    func anOutputThatIsAFileIsRefusedAndKept(_ name: String) throws {
        let root = try Self.fixtureProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent(name)
        try "keep me\n".write(to: file, atomically: true, encoding: .utf8)
        let arguments = name == "Site" ? ["build", "--root", root.path] : ["build", "--root", root.path, "--output", file.path]
        let result = try FolioProcess.run(arguments, environment: ["NO_COLOR": "1"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("it is a file, not a folder"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep me\n")
        #expect(try Self.leftovers(root).isEmpty)
    }

    @Test func aMarkdownFileOutsideADocumentFolderIsReported() throws {
        let root = try Self.fixtureProject()
        defer { try? FileManager.default.removeItem(at: root) }
        try "---\ntitle: Lost\n---\n\nText.\n".write(to: root.appendingPathComponent("Content/articles/lost.md"), atomically: true, encoding: .utf8)
        let result = try FolioProcess.run(["build", "--root", root.path], environment: ["NO_COLOR": "1"])
        #expect(result.stderr.contains("Content/articles/lost.md:1: warning: [CNT001]"), "\(result.stderr)")
    }

    @Test func windowsLineEndingsBuildLikeUnixOnes() throws {
        let root = try Self.fixtureProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let article = try Self.article(root)
        let text = try String(contentsOf: article, encoding: .utf8)
        try text.replacingOccurrences(of: "\n", with: "\r\n").write(to: article, atomically: true, encoding: .utf8)
        let result = try FolioProcess.run(["build", "--root", root.path], environment: ["NO_COLOR": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("FM001"))
    }

    @Test func invisibleControlCharactersNeverReachThePage() throws {
        let root = try Self.fixtureProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let article = try Self.article(root)
        var lines = try String(contentsOf: article, encoding: .utf8).components(separatedBy: "\n")
        let titleLine = try #require(lines.firstIndex { $0.hasPrefix("title:") })
        lines[titleLine] = "title: \"Evil\\0 \\u202Etxt.exe\""
        lines.append("Body with a raw \u{202E}override and a NUL \u{0}here.")
        try lines.joined(separator: "\n").write(to: article, atomically: true, encoding: .utf8)
        let result = try FolioProcess.run(["build", "--root", root.path], environment: ["NO_COLOR": "1"])
        #expect(result.stderr.contains("\(titleLine + 1): warning: [CNT002]"), "\(result.stderr)")
        #expect(result.stderr.contains("\(lines.count): warning: [CNT002]"), "\(result.stderr)")
        let site = root.appendingPathComponent("Site")
        let files = FileManager.default.enumerator(atPath: site.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".html") } ?? []
        #expect(!files.isEmpty)
        for file in files {
            let data = try Data(contentsOf: site.appendingPathComponent(file))
            #expect(!data.contains(0), "NUL in \(file)")
            #expect(!String(decoding: data, as: UTF8.self).unicodeScalars.contains { $0.value == 0x202E }, "U+202E in \(file)")
        }
    }

    @Test func slugsThatDifferOnlyInCaseOrAreNotURLSafeAreReported() throws {
        let root = try Self.fixtureProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let article = try Self.article(root)
        let folder = article.deletingLastPathComponent()
        try FileManager.default.copyItem(at: article, to: folder.appendingPathComponent("98-corning.md"))
        try FileManager.default.copyItem(at: article, to: folder.appendingPathComponent("99-Corning.md"))
        try FileManager.default.copyItem(at: article, to: folder.appendingPathComponent("97-my page é.md"))
        let result = try FolioProcess.run(["build", "--root", root.path], environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("99-Corning.md:1: error: [SITE001]"), "\(result.stderr)")
        #expect(result.stderr.contains("97-my page é.md:1: warning: [CNT003] the slug `my page é` is not URL-safe; the page is published as `my-page-e`"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Site").path), "a failed build publishes nothing")
    }

    @Test func anArticleThatIsNotUTF8IsReportedAtItsLine() throws {
        let root = try Self.fixtureProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let article = try Self.article(root)
        var data = Data("---\ntitle: Latin-1\n---\n\nfine\n".utf8)
        data.append(contentsOf: [0x63, 0x61, 0x66, 0xE9, 0x0A])
        try data.write(to: article)
        let result = try FolioProcess.run(["build", "--root", root.path], environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(article.lastPathComponent):6: error: [IO001] the file is not valid UTF-8"), "\(result.stderr)")
    }

    /// SIGINT and SIGTERM remove the staging folder, exit 130 and 143, and keep the old site;
    /// a staging folder left by SIGKILL is removed by the next build.
    @Test func signalsStopABuildCleanly() throws {
        let root = try Self.fixtureProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("Site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try "old site\n".write(to: site.appendingPathComponent("marker.txt"), atomically: true, encoding: .utf8)
        // Stand-in for a build killed by SIGKILL: a staging folder of a process that is gone.
        let abandoned = root.appendingPathComponent(".Site.staging-999999-1")
        try FileManager.default.createDirectory(at: abandoned, withIntermediateDirectories: true)
        for (signal, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            let process = Process()
            process.executableURL = FolioProcess.executable
            process.arguments = ["build", "--root", root.path, "--quiet"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Signal once the staging folder exists (or the build ended first on a fast machine).
            let deadline = Date().addingTimeInterval(20)
            while process.isRunning && Date() < deadline {
                let names = try FileManager.default.contentsOfDirectory(atPath: root.path)
                if names.contains(where: { $0.hasPrefix(".Site.staging-\(process.processIdentifier)-") }) { break }
                usleep(2_000)
            }
            guard process.isRunning else { process.waitUntilExit(); continue }
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            #expect(process.terminationReason == .exit)
            #expect(process.terminationStatus == status)
            let left = try Self.leftovers(root)
            #expect(left.isEmpty, "after signal \(signal): \(left)")
            #expect(try String(contentsOf: site.appendingPathComponent("marker.txt"), encoding: .utf8) == "old site\n")
        }
        #expect(!FileManager.default.fileExists(atPath: abandoned.path), "the first build removes a dead process's staging folder")
    }
}

/// The progress line shows on a terminal for a build longer than a second, is cleared at the end,
/// and never reaches a pipe or a CI log.
@Suite struct ProgressLineTests {
    @Test func aTerminalSeesPhasesAndAPipeSeesNone() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("folio-progress-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        // Without the cache, into an empty folder: the build usually lasts more than a second.
        let command = "\(FolioProcess.executable.path) build --clean --root \(FolioProcess.repository.path) --output \(output.path)"
        // `script` gives the build a pseudo-terminal; CI is unset so the line is allowed.
        let terminal = try FolioProcess.run(["-c", "env -u CI script -qec '\(command)' /dev/null"], executable: "/bin/sh")
        #expect(terminal.status == 0, "\(terminal.stderr)")
        // What the line shows depends on how long the build took, which its summary says.
        let summary = terminal.stdout.firstMatch(of: /\sin (\d+) ms\s/)
        let milliseconds = try #require(summary.flatMap { Int($0.1) }, "\(terminal.stdout.suffix(300))")
        if milliseconds >= 1_100 {
            // The last phase ends after the first second: it is shown, then the line is cleared.
            #expect(terminal.stdout.contains("folio build: publish done,"), "\(terminal.stdout.suffix(300))")
            #expect(terminal.stdout.contains("\r\u{1B}[KBuilt"), "the line is cleared before the summary")
        } else if milliseconds < 1_000 {
            #expect(!terminal.stdout.contains(" done, "), "a build shorter than a second shows no line")
        }
        for shown in terminal.stdout.matches(of: /: ([a-z ]+) done, (\d+\.\d) s/) {
            #expect((Double(shown.2) ?? 0) >= 1.0, "a phase before the first second is not shown: \(shown.0)")
        }
        let piped = try FolioProcess.run(["build", "--root", FolioProcess.repository.path, "--output", output.path])
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("done,") && !piped.stderr.contains("\u{1B}[K"))
    }
}
