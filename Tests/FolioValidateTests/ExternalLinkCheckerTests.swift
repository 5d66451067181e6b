import FolioCore
import Foundation
import Testing
@testable import FolioValidate

/// The external link checker against a loopback server that misbehaves on purpose; never the internet.
struct ExternalLinkCheckerTests {
    static func server() throws -> LoopbackServer {
        try LoopbackServer { method, path, count in
            switch path {
            case "/ok": .respond(status: 200, headers: [:])
            case "/missing": .respond(status: 404, headers: [:])
            case "/error": .respond(status: 500, headers: [:])
            case "/flaky": count <= 2 ? .respond(status: 503, headers: [:]) : .respond(status: 200, headers: [:])
            case "/busy": count <= 1 ? .respond(status: 429, headers: ["Retry-After": "0"]) : .respond(status: 200, headers: [:])
            case "/always-busy": .respond(status: 429, headers: ["Retry-After": "0"])
            case "/loop-a": .respond(status: 302, headers: ["Location": "/loop-b"])
            case "/loop-b": .respond(status: 302, headers: ["Location": "/loop-a"])
            case "/moved": .respond(status: 301, headers: ["Location": "/ok"])
            case "/drop": .drop
            case "/slow": .delay(seconds: 2, status: 200)
            case "/head-refused": method == "HEAD" ? .respond(status: 405, headers: [:]) : .respond(status: 200, headers: [:])
            default:
                if path.hasPrefix("/chain/"), let n = Int(path.dropFirst(7)) {
                    .respond(status: 302, headers: ["Location": "/chain/\(n + 1)"])
                } else if path.hasPrefix("/paced/") {
                    .delay(seconds: 0.15, status: 200)
                } else {
                    .respond(status: 404, headers: [:])
                }
            }
        }
    }

    /// Timeouts are generous unless a test is about them: on a loaded machine a redirect answered
    /// after a short timeout fired can trip FoundationNetworking ("callback for HTTP redirection").
    static func checker(retries: Int = 2, timeout: Double = 10, perHost: Int = 4, cache: URL? = nil) -> ExternalLinkChecker {
        var config = ExternalLinkConfig()
        config.retries = retries
        config.timeout = timeout
        config.perHost = perHost
        config.maxRedirects = 3
        return ExternalLinkChecker(config: config, cacheFile: cache, backoffBase: 0.01, maxRetryAfter: 0.05)
    }

    @Test func statusesOfWellAndBadlyBehavedServers() async throws {
        let server = try Self.server()
        defer { server.stop() }
        let paths = ["/ok", "/missing", "/error", "/flaky", "/busy", "/always-busy", "/loop-a", "/moved", "/chain/1", "/drop", "/head-refused"]
        let statuses = await Self.checker().statuses(of: paths.map(server.url))
        let byPath = Dictionary(uniqueKeysWithValues: paths.map { ($0, statuses[server.url($0)]) })
        #expect(byPath["/ok"] == .ok(200))
        #expect(byPath["/missing"] == .broken(404))
        #expect(byPath["/error"] == .unreachable("HTTP 500"))
        #expect(byPath["/flaky"] == .ok(200))
        #expect(byPath["/busy"] == .ok(200))
        #expect(byPath["/always-busy"] == .rateLimited)
        #expect(byPath["/moved"] == .ok(200))
        #expect(byPath["/head-refused"] == .ok(200))
        if case .redirectLoop(let reason)? = byPath["/loop-a"] { #expect(reason.contains("loop")) } else { Issue.record("no redirect loop: \(String(describing: byPath["/loop-a"]))") }
        if case .redirectLoop(let reason)? = byPath["/chain/1"] { #expect(reason == "more than 3 redirects") } else { Issue.record("no redirect cap") }
        #expect(byPath["/drop"] == .unreachable("connection dropped"))
        let log = server.requests
        // 500: HEAD and GET on the first try and on each of the 2 retries.
        #expect(log.filter { $0.hasSuffix(" /error") }.count == 6)
        // 429 is retried without a GET fallback, honouring Retry-After.
        #expect(log.filter { $0.hasSuffix(" /always-busy") } == ["HEAD /always-busy", "HEAD /always-busy", "HEAD /always-busy"])
        #expect(log.filter { $0.hasSuffix(" /head-refused") } == ["HEAD /head-refused", "GET /head-refused"])
    }

    @Test func slowServerTimesOut() async throws {
        let server = try Self.server()
        defer { server.stop() }
        let statuses = await Self.checker(retries: 0, timeout: 0.3).statuses(of: [server.url("/slow")])
        #expect(statuses[server.url("/slow")] == .unreachable("timed out"))
    }

    @Test func perHostLimitIsRespected() async throws {
        let server = try Self.server()
        defer { server.stop() }
        let urls = (1...6).map { server.url("/paced/\($0)") }
        let statuses = await Self.checker(perHost: 2).statuses(of: urls)
        #expect(statuses.values.allSatisfy { $0 == .ok(200) })
        #expect(server.peakConcurrency <= 2)
        #expect(server.requests.count == 6)
    }

    @Test func cacheAvoidsRequestsUntilItExpires() async throws {
        let server = try Self.server()
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("folio-links-\(UUID().uuidString)/links.json")
        defer { try? FileManager.default.removeItem(at: cache.deletingLastPathComponent()) }
        let urls = [server.url("/ok"), server.url("/missing"), server.url("/error")]
        let now = Date()
        let first = await Self.checker(retries: 0, cache: cache).statuses(of: urls, now: now)
        #expect(first[server.url("/ok")] == .ok(200))
        server.stop()
        let before = server.requests.count
        // Within the time-to-live: definitive results come from the cache; the 500 is checked again.
        let second = await Self.checker(retries: 0, timeout: 0.5, cache: cache).statuses(of: urls, now: now.addingTimeInterval(3600))
        #expect(second[server.url("/ok")] == .ok(200))
        #expect(second[server.url("/missing")] == .broken(404))
        if case .unreachable? = second[server.url("/error")] {} else { Issue.record("transient result was cached") }
        #expect(server.requests.count == before)
        // After 25 hours the entries expire and the (stopped) server is asked again.
        let third = await Self.checker(retries: 0, timeout: 0.5, cache: cache).statuses(of: [server.url("/ok")], now: now.addingTimeInterval(25 * 3600))
        if case .unreachable? = third[server.url("/ok")] {} else { Issue.record("expired cache entry was used") }
    }

    @Test func findingsNameEveryPlaceOfAFailingLink() async throws {
        let server = try Self.server()
        defer { server.stop() }
        let place = { (line: Int) in ExternalLink.Place(location: SourceLocation(file: "Content/articles/a/01-x.md", line: line), source: SourceLocation(file: "Content/sources/x.txt", line: line + 100)) }
        let links = [
            ExternalLink(url: server.url("/missing"), places: [place(3), place(9)]),
            ExternalLink(url: server.url("/ok"), places: [place(4)]),
            ExternalLink(url: server.url("/loop-a"), places: [place(5)]),
            ExternalLink(url: server.url("/always-busy"), places: [place(6)]),
        ]
        let found = await Self.checker(retries: 0).check(links)
        #expect(found.map { "\($0.code)@\($0.location?.line ?? 0)" } == ["URL101@3", "URL101@9", "URL103@5", "URL104@6"])
        #expect(found.first?.message == "external link \(server.url("/missing")) answers HTTP 404")
        #expect(found.first?.source?.line == 103)
    }
}
