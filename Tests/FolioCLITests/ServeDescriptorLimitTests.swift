import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `folio serve` run with only 64 file descriptors (`ulimit -n 64`) and hit by 100 connections
/// at once: every connection gets an answer, 200 or 503 (over the connection cap, or a file that
/// could not be opened just then), never a wrong 404, a hang or a dead listener; afterwards the
/// server answers normally.
@Suite struct ServeDescriptorLimitTests {
    @Test func aHundredConnectionsUnderSixtyFourDescriptorsAllGetAnAnswer() throws {
        let project = try BadInputTests.project()
        defer { BadInputTests.removeProject(project) }
        let output = project.folder.appendingPathComponent("serve.out")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/bin/sh")
        server.arguments = ["-c", "ulimit -n 64 && exec \"$0\" serve --port 0 --root \"$1\"", FolioProcess.executable.path, project.root.path]
        server.standardOutput = try FileHandle(forWritingTo: output)
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            kill(server.processIdentifier, SIGTERM)
            server.waitUntilExit()
        }
        let port = try #require(Self.port(from: output, seconds: 30))

        // Connect all, then send all, then read: the requests are in flight together.
        let connections = (0..<100).map { _ in RawConnection(port: port) }
        for connection in connections { connection?.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n") }
        let statuses = connections.map { connection in connection.map { String($0.readAll().prefix(12)) } ?? "connect failed" }
        for connection in connections { connection?.close() }
        let counts = Dictionary(grouping: statuses, by: { $0 }).mapValues(\.count)
        #expect(Set(counts.keys).isSubset(of: ["HTTP/1.1 200", "HTTP/1.1 503"]), "\(counts)")
        #expect((counts["HTTP/1.1 200"] ?? 0) > 0, "\(counts)")

        // Once those connections are closed and released, pages are served again.
        var answer = ""
        // Generous: on a busy machine the server may still be answering the hundred.
        for _ in 0..<600 where !answer.hasPrefix("HTTP/1.1 200") {
            let after = RawConnection(port: port)
            after?.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            answer = after?.readAll() ?? "connect failed"
            if !answer.hasPrefix("HTTP/1.1 200") { usleep(100_000) }
        }
        #expect(answer.hasPrefix("HTTP/1.1 200 OK"), "\(answer.prefix(200))")
    }

    /// The port from the URL `folio serve` prints once it listens.
    static func port(from file: URL, seconds: Double) -> UInt16? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first, let port = line.split(separator: ":").last.flatMap({ UInt16($0.trimmingCharacters(in: CharacterSet(charactersIn: "/"))) }) {
                return port
            }
            usleep(20_000)
        }
        return nil
    }
}

/// A blocking loopback TCP connection with a 60 s receive timeout (only a broken server makes
/// it matter).
final class RawConnection {
    private let fd: Int32

    init?(port: UInt16) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if connected != 0 {
            Glibc.close(fd)
            return nil
        }
    }

    private var closed = false

    deinit { close() }

    func close() {
        guard !closed else { return }
        closed = true
        Glibc.close(fd)
    }

    func send(_ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Everything until the server closes; what came before a timeout or reset otherwise.
    func readAll() -> String {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &chunk, chunk.count, 0)
            if count <= 0 { break }
            data.append(contentsOf: chunk[0..<count])
        }
        return String(decoding: data, as: UTF8.self)
    }
}
