import FolioServe
import Foundation
import Testing

/// The preview server under hostile clients, on an ephemeral loopback port: oversized and slow
/// request heads, idle connections, too many connections, request bodies; every answer carries
/// `Cache-Control: no-store`.
@Suite(.serialized) struct ServeLimitsTests {
    /// How long a test client waits for an answer or a close before it gives up. No test measures
    /// wall time: each sets the server's limits so that the answer it expects can only come from the
    /// limit under test, and a server without that limit would leave the client waiting this long
    /// (the tests that build sites share the machine, so time says little).
    static let patience = 90

    @Test func aHeadOverTheLimitIsAnswered431BeforeItEndsAndTheConnectionCloses() async throws {
        // Long idle and request times: a server that waited for the end of the head would answer
        // nothing, or 408, never 431.
        let running = try await PreviewServerTests.start(limits: ConnectionLimits(idleSeconds: 600, requestSeconds: 600))
        let answer = try await LoopbackHTTP.offPool { () throws -> String in
            let connection = try LoopbackConnection(port: running.port, timeoutSeconds: Self.patience)
            // 64 KiB of one header and no blank line: the head never ends.
            connection.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: \(String(repeating: "a", count: 1 << 16))")
            return try connection.readToEnd()
        }
        #expect(answer.hasPrefix("HTTP/1.1 431 Request Header Fields Too Large\r\n"), "\(answer.prefix(200))")
        #expect(answer.contains("Connection: close"))
        #expect(answer.contains("Cache-Control: no-store"))
        // A 1 MiB header sent in one go is refused the same way.
        let huge = try await LoopbackHTTP.offPool { () throws -> String in
            let connection = try LoopbackConnection(port: running.port, timeoutSeconds: Self.patience)
            let padding = String(repeating: "a", count: 1 << 20)
            // Send from another thread: the server answers before it has read everything.
            DispatchQueue.global().async { connection.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: \(padding)\r\n\r\n") }
            return try connection.readToEnd()
        }
        #expect(huge.hasPrefix("HTTP/1.1 431 "), "\(huge.prefix(200))")
        // The server still answers others.
        let home = try await LoopbackHTTP.get("/", port: running.port)
        #expect(home.status == 200)
        try await running.stop()
    }

    @Test func manyHeadersThatTogetherPassTheLimitAre431Too() async throws {
        let running = try await PreviewServerTests.start(limits: ConnectionLimits(maxHeadBytes: 2048))
        let headers = (0..<100).map { "X-Header-\($0): \(String(repeating: "b", count: 40))\r\n" }.joined()
        let answer = try await LoopbackHTTP.offPool { () throws -> String in
            let connection = try LoopbackConnection(port: running.port, timeoutSeconds: Self.patience)
            connection.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\(headers)\r\n")
            return try connection.readToEnd()
        }
        #expect(answer.hasPrefix("HTTP/1.1 431 "), "\(answer.prefix(200))")
        // A head just under the limit is served.
        let small = try await LoopbackHTTP.get("/", port: running.port)
        #expect(small.status == 200)
        try await running.stop()
    }

    @Test func anIdleConnectionIsClosedAfterTheIdleTimeEvenAfterARequest() async throws {
        let running = try await PreviewServerTests.start(limits: ConnectionLimits(idleSeconds: 0.5, requestSeconds: 600))
        let silent = try await LoopbackHTTP.offPool { () throws -> String in
            let connection = try LoopbackConnection(port: running.port, timeoutSeconds: Self.patience)
            return try connection.readToEnd()
        }
        #expect(silent.isEmpty, "a connection that never sent a byte got \(silent.prefix(200))")
        // Kept alive after one answer, then closed when nothing follows.
        let kept = try await LoopbackHTTP.offPool { () throws -> String in
            let connection = try LoopbackConnection(port: running.port, timeoutSeconds: Self.patience)
            connection.send("GET /assets/folio.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            return try connection.readToEnd()
        }
        #expect(kept.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(kept.contains("Connection: keep-alive"))
        try await running.stop()
    }

    @Test func aRequestHeadThatTrickles408sWithinTheRequestTime() async throws {
        let running = try await PreviewServerTests.start(limits: ConnectionLimits(idleSeconds: 600, requestSeconds: 0.5))
        let answer = try await LoopbackHTTP.offPool { () throws -> String in
            let connection = try LoopbackConnection(port: running.port, timeoutSeconds: Self.patience)
            connection.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            return try connection.readToEnd()
        }
        #expect(answer.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"), "\(answer.prefix(200))")
        try await running.stop()
    }

    @Test func connectionsBeyondTheCapAre503AndASlotIsReusedOnceFreed() async throws {
        let running = try await PreviewServerTests.start(limits: ConnectionLimits(idleSeconds: 30, maxConnections: 4))
        let held = try await LoopbackHTTP.offPool { () throws -> [LoopbackConnection] in
            try (0..<4).map { _ in
                let connection = try LoopbackConnection(port: running.port, timeoutSeconds: Self.patience)
                connection.send("GET /assets/folio.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                _ = try connection.read(until: "\r\n\r\n")
                return connection
            }
        }
        let refused = try await LoopbackHTTP.get("/", port: running.port)
        #expect(refused.status == 503)
        #expect(refused.headers["retry-after"] == "1")
        #expect(refused.headers["cache-control"] == "no-store")
        held[0].close()
        var status = 0
        for _ in 0..<50 where status != 200 {
            status = try await LoopbackHTTP.get("/", port: running.port).status
            if status != 200 { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(status == 200)
        try await running.stop()
    }

    @Test func pipelinedRequestsOnOneConnectionAreAnsweredInOrder() async throws {
        let running = try await PreviewServerTests.start()
        let answer = try await LoopbackHTTP.offPool { () throws -> String in
            let connection = try LoopbackConnection(port: running.port, timeoutSeconds: Self.patience)
            connection.send("GET /assets/folio.css HTTP/1.1\r\nHost: a\r\n\r\nHEAD /chongqing/ HTTP/1.1\r\nHost: a\r\n\r\nGET /missing HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            return try connection.readToEnd()
        }
        // A body need not end with a line break, so look for status lines anywhere.
        let statuses = answer.components(separatedBy: "HTTP/1.1 ").dropFirst().map { String($0.prefix(3)) }
        #expect(statuses == ["200", "200", "404"], "\(statuses)")
        try await running.stop()
    }

    @Test func bodiesAndMalformedHeadsAreRefusedWithAStatus() async throws {
        let running = try await PreviewServerTests.start(limits: ConnectionLimits(maxBodyBytes: 1024))
        let cases: [(request: String, status: String)] = [
            ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n", "HTTP/1.1 413 "),
            ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "HTTP/1.1 501 "),
            ("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: -4\r\n\r\n", "HTTP/1.1 400 "),
            ("GET /\r\n\r\n", "HTTP/1.1 400 "),
            ("GET / HTTP/1.1\r\nno colon here\r\n\r\n", "HTTP/1.1 400 "),
            ("\u{1}\u{2}\u{3} garbage\r\n\r\n", "HTTP/1.1 400 "),
            ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello", "HTTP/1.1 405 "),
        ]
        for (request, status) in cases {
            let answer = try await LoopbackHTTP.offPool { () throws -> String in
                let connection = try LoopbackConnection(port: running.port, timeoutSeconds: Self.patience)
                connection.send(request)
                return try connection.readToEnd()
            }
            #expect(answer.hasPrefix(status), "\(request.debugDescription) → \(answer.prefix(120))")
            #expect(answer.contains("Cache-Control: no-store"), "\(request.debugDescription)")
        }
        try await running.stop()
    }

    @Test(arguments: ["/", "/chongqing/", "/chongqing", "/assets/folio.css", "/no-such-page/", "/../folio.yml", "/__folio/events"])
    func everyPreviewResponseIsNoStore(path: String) async throws {
        let running = try await PreviewServerTests.start()
        let head = try await LoopbackHTTP.offPool { () throws -> String in
            let connection = try LoopbackConnection(port: running.port, timeoutSeconds: Self.patience)
            connection.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            return try connection.read(until: "\r\n\r\n")
        }
        #expect(head.hasPrefix("HTTP/1.1 "))
        #expect(head.contains("Cache-Control: no-store"), "\(path): \(head)")
        try await running.stop()
    }
}
