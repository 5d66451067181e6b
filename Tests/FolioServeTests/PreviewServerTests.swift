import FolioCore
import FolioServe
import Foundation
import Testing

/// `folio serve` on an ephemeral loopback port, on a project with one corpus excerpt
/// (cmia-2021-penetrating-insights.txt:110-116, "Why Chongqing?").
@Suite(.serialized) struct PreviewServerTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let page = """
        ---
        title: "Why Chongqing?"
        ---

        # Why Chongqing?

        - High quality business environment and good foundation of cooperation
        - Strategic place in the West and a perfect transportation hub
        - Mature industrial system and diversified innovation potentials

        """

    /// A running server with its project and its events.
    struct Running {
        var server: PreviewServer
        var project: URL
        var port: UInt16
        var events: AsyncStream<PreviewEvent>
        var task: Task<Void, any Error>

        var pageFile: URL { project.appendingPathComponent("Content/pages/chongqing.md") }

        func stop() async throws {
            await server.stop()
            try await task.value
            try? FileManager.default.removeItem(at: project)
        }
    }

    static func start(limits: ConnectionLimits = ConnectionLimits(), writingTo output: String? = nil) async throws -> Running {
        let fm = FileManager.default
        let project = fm.temporaryDirectory.appendingPathComponent("folio-serve-\(UUID().uuidString)", isDirectory: true)
        try fm.createDirectory(at: project.appendingPathComponent("Content/pages"), withIntermediateDirectories: true)
        try fm.copyItem(at: repository.appendingPathComponent("Templates"), to: project.appendingPathComponent("Templates"))
        try "title: \"Preview\"\n".write(to: project.appendingPathComponent("folio.yml"), atomically: true, encoding: .utf8)
        try page.write(to: project.appendingPathComponent("Content/pages/chongqing.md"), atomically: true, encoding: .utf8)

        let server = PreviewServer(options: PreviewOptions(
            projectRoot: project, port: 0, outputDirectory: output.map { project.appendingPathComponent($0) }, pollMilliseconds: 20, limits: limits))
        let (events, continuation) = AsyncStream<PreviewEvent>.makeStream()
        let task = Task { try await server.run { continuation.yield($0) } }
        var iterator = events.makeAsyncIterator()
        while let event = await iterator.next() {
            if case let .listening(url) = event {
                let port = try #require(UInt16(url.split(separator: ":").last?.split(separator: "/").first ?? ""))
                return Running(server: server, project: project, port: port, events: events, task: task)
            }
            if case let .failed(diagnostics, message) = event {
                Issue.record("initial build failed: \(diagnostics) \(message ?? "")")
            }
        }
        throw CancellationError()
    }

    @Test func servesPagesWithTypesAndInjectsTheReloadScriptOnlyIntoResponses() async throws {
        let running = try await Self.start()
        let home = try await LoopbackHTTP.get("/", port: running.port)
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.body.contains("data-folio-live-reload"))
        #expect(home.body.contains("/__folio/events"))
        // The site is served from memory: nothing is written to disk unless asked.
        #expect(!FileManager.default.fileExists(atPath: running.project.appendingPathComponent("Site").path))

        let page = try await LoopbackHTTP.get("/chongqing/", port: running.port)
        #expect(page.status == 200)
        #expect(page.body.contains("perfect transportation hub"))
        let redirect = try await LoopbackHTTP.get("/chongqing", port: running.port)
        #expect(redirect.status == 301)
        #expect(redirect.headers["location"] == "/chongqing/")
        let css = try await LoopbackHTTP.get("/assets/folio.css", port: running.port)
        #expect(css.status == 200)
        #expect(css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(!css.body.contains("data-folio-live-reload"))
        let script = try await LoopbackHTTP.get("/assets/search.js", port: running.port)
        #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
        let head = try await LoopbackHTTP.get("/chongqing/index.html", port: running.port, method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(Int(head.headers["content-length"] ?? "") == page.body.utf8.count)
        try await running.stop()
    }

    @Test func answersMissingPagesWithTheSite404Page() async throws {
        let running = try await Self.start()
        let missing = try await LoopbackHTTP.get("/no-such-report/", port: running.port)
        #expect(missing.status == 404)
        #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
        #expect(missing.body.contains("Page not found"))
        try await running.stop()
    }

    @Test(arguments: ["/../folio.yml", "/%2e%2e/folio.yml", "/%2E%2E/%2e%2e/etc/passwd", "/assets/..%2f..%2ffolio.yml", "//etc/passwd", "/assets/%5c..%5cfolio.yml", "/.%2e/folio.yml"])
    func refusesPathTraversal(path: String) async throws {
        let running = try await Self.start()
        let response = try await LoopbackHTTP.get(path, port: running.port)
        #expect(response.status == 403)
        #expect(!response.body.contains("title:"))
        #expect(!response.body.contains("root:"))
        try await running.stop()
    }

    /// With `--output`, each good build is also written to disk, without the reload script; what
    /// the server answers still comes from memory, so a file put into that folder (or a symbolic
    /// link out of it) is never served.
    @Test func writesGoodBuildsToTheOutputFolderOnlyWhenAskedAndNeverServesFromIt() async throws {
        let running = try await Self.start(writingTo: "Site")
        let fm = FileManager.default
        let site = running.project.appendingPathComponent("Site")
        let onDisk = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(onDisk.contains("Why Chongqing?") || onDisk.contains("chongqing"))
        #expect(!onDisk.contains("data-folio-live-reload"))
        let secret = running.project.appendingPathComponent("secret.txt")
        try "root:x:0:0 secret\n".write(to: secret, atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("leak.txt").path, withDestinationPath: secret.path)
        try "planted\n".write(to: site.appendingPathComponent("planted.txt"), atomically: true, encoding: .utf8)
        for path in ["/leak.txt", "/planted.txt"] {
            let response = try await LoopbackHTTP.get(path, port: running.port)
            #expect(response.status == 404, "\(path)")
            #expect(!response.body.contains("secret") && !response.body.contains("planted"), "\(path)")
        }
        let home = try await LoopbackHTTP.get("/", port: running.port)
        #expect(home.status == 200 && home.headers["cache-control"] == "no-store")
        try await running.stop()
    }

    @Test func reloadsPagesAfterAnEditAndShowsAndClearsAnOverlayForABrokenFile() async throws {
        let running = try await Self.start()
        let events = try await LoopbackHTTP.offPool { () throws -> LoopbackConnection in
            let connection = try LoopbackConnection(port: running.port)
            connection.send("GET /__folio/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
            return connection
        }
        let hello = try await LoopbackHTTP.offPool { try events.read(until: "event: hello\n") + events.read(until: "\n\n") }
        #expect(hello.contains("text/event-stream"))
        #expect(hello.contains(#"{"generation":1,"failure":null}"#))

        // An edit reaches open pages as a reload naming the edited page, which is re-rendered
        // alone before the full rebuild, and the page serves the new text.
        try (Self.page + "Chongqing has also established industrial clusters based on display.\n").write(to: running.pageFile, atomically: true, encoding: .utf8)
        let reload = try await LoopbackHTTP.offPool { try events.read(until: "event: reload\n") + events.read(until: "\n\n") }
        #expect(reload.contains(#"data: {"generation":2,"paths":["chongqing/index.html"]}"#))
        let edited = try await LoopbackHTTP.get("/chongqing/", port: running.port)
        #expect(edited.body.contains("industrial clusters based on display"))
        // The full rebuild that follows names the files it changed (the search index); the page
        // rendered alone is byte-identical to the rebuild's, so it is not named again.
        let rebuilt = try await LoopbackHTTP.offPool { try events.read(until: "event: reload\n") + events.read(until: "\n\n") }
        #expect(rebuilt.contains(#"data: {"generation":3,"paths":["#))
        #expect(rebuilt.contains("search/"))
        #expect(!rebuilt.contains("chongqing/index.html"))

        // Broken front matter: the overlay event names the file; the last good page stays.
        try "---\ntitle: [Why Chongqing\n---\n\nBroken.\n".write(to: running.pageFile, atomically: true, encoding: .utf8)
        let failure = try await LoopbackHTTP.offPool { try events.read(until: "event: failure\n") + events.read(until: "\n\n") }
        #expect(failure.contains("Content/pages/chongqing.md"))
        #expect(failure.contains("error"))
        let stillGood = try await LoopbackHTTP.get("/chongqing/", port: running.port)
        #expect(stillGood.status == 200)
        #expect(stillGood.body.contains("industrial clusters based on display"))
        // A page opened now learns about the failure when it connects.
        let late = try await LoopbackHTTP.offPool { () throws -> String in
            let connection = try LoopbackConnection(port: running.port)
            connection.send("GET /__folio/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            return try connection.read(until: "event: hello\n") + connection.read(until: "\n\n")
        }
        #expect(late.contains(#""generation":3,"failure":{"text":"#))

        // Fixing the file recovers: the page is re-rendered at once, and the rebuild that clears
        // the overlay reloads every page.
        try Self.page.write(to: running.pageFile, atomically: true, encoding: .utf8)
        let refreshed = try await LoopbackHTTP.offPool { try events.read(until: "event: reload\n") + events.read(until: "\n\n") }
        #expect(refreshed.contains(#"data: {"generation":4,"paths":["chongqing/index.html"]}"#))
        let recovered = try await LoopbackHTTP.offPool { try events.read(until: "event: reload\n") + events.read(until: "\n\n") }
        #expect(recovered.contains(#"data: {"generation":5,"paths":null}"#))

        // Stopping ends the event stream and returns from run().
        try await running.stop()
        let rest = try await LoopbackHTTP.offPool { try events.readToEnd() }
        #expect(!rest.contains("event:"))
    }

    @Test func reportsAPortInUseAtOnce() async throws {
        let running = try await Self.start()
        let second = PreviewServer(options: PreviewOptions(projectRoot: running.project, port: running.port))
        await #expect(throws: ServeError.self) {
            try await second.run { _ in }
        }
        try await running.stop()
    }

    @Test func refusesAHostThatIsNotAnAddress() async throws {
        let server = PreviewServer(options: PreviewOptions(projectRoot: FileManager.default.temporaryDirectory, host: "example.org", port: 0))
        await #expect(throws: ServeError.invalidHost("example.org")) {
            try await server.run { _ in }
        }
    }
}

@Suite struct SitePathTests {
    @Test func resolvesFilesAndDirectories() {
        #expect(SitePath.resolve("/") == .file("", directory: true))
        #expect(SitePath.resolve("/cmia-2021/") == .file("cmia-2021", directory: true))
        #expect(SitePath.resolve("/assets/folio.css") == .file("assets/folio.css", directory: false))
        #expect(SitePath.resolve("/search/index/s/_e9878de5ba86.js") == .file("search/index/s/_e9878de5ba86.js", directory: false))
        #expect(SitePath.resolve("/a%20b/") == .file("a b", directory: true))
    }

    @Test(arguments: ["/..", "/../x", "/a/../../x", "/%2e%2e/x", "/a/%2E%2E/x", "//etc/passwd", "/a\\..\\x", "/a%5c..%5cx", "/a%00", "relative", "/./x", "/a//b", "/.git/config"])
    func refusesTraversal(path: String) {
        #expect(SitePath.resolve(path) == .refused)
    }
}
