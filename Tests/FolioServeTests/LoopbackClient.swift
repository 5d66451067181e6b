import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal blocking HTTP/1.1 client for 127.0.0.1, so tests see exactly the bytes the server
/// sends (raw paths such as `/../x` are not normalised away). Every read has a timeout; blocking
/// calls run on a dispatch queue, never on the concurrency pool the server needs.
final class LoopbackConnection: @unchecked Sendable {
    // Proof of Sendable: used by one test at a time; `buffer` is only touched from the caller's
    // sequential calls.
    private let fd: Int32
    private var buffer = Data()

    enum Failure: Error, CustomStringConvertible {
        case connect(Int32), timedOut(String), closed(String)
        var description: String {
            switch self {
            case let .connect(code): "connect failed: errno \(code)"
            case let .timedOut(text): "timed out; received so far: \(text.suffix(500))"
            case let .closed(text): "connection closed; received: \(text.suffix(500))"
            }
        }
    }

    init(port: UInt16, timeoutSeconds: Int = 60) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            Glibc.close(fd)
            throw Failure.connect(errno)
        }
    }

    private var closed = false

    deinit { close() }

    /// Closes the connection (once).
    func close() {
        guard !closed else { return }
        closed = true
        Glibc.close(fd)
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            sent += n
        }
    }

    /// Reads until the received text contains `marker`; returns everything received up to and
    /// including it, keeping the rest for the next read.
    func read(until marker: String) throws -> String {
        let needle = Data(marker.utf8)
        while true {
            if let range = buffer.range(of: needle) {
                let head = buffer[..<range.upperBound]
                buffer = Data(buffer[range.upperBound...])
                return String(decoding: head, as: UTF8.self)
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = recv(fd, &chunk, chunk.count, 0)
            if n == 0 { throw Failure.closed(String(decoding: buffer, as: UTF8.self)) }
            if n < 0 { throw Failure.timedOut(String(decoding: buffer, as: UTF8.self)) }
            buffer.append(contentsOf: chunk[0..<n])
        }
    }

    /// Reads until the server closes the connection.
    func readToEnd() throws -> String {
        while true {
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = recv(fd, &chunk, chunk.count, 0)
            if n == 0 { break }
            if n < 0 { throw Failure.timedOut(String(decoding: buffer, as: UTF8.self)) }
            buffer.append(contentsOf: chunk[0..<n])
        }
        defer { buffer = Data() }
        return String(decoding: buffer, as: UTF8.self)
    }
}

/// One HTTP response.
struct LoopbackResponse {
    var status: Int
    var headers: [String: String]
    var body: String
}

enum LoopbackHTTP {
    /// Runs blocking work off the concurrency pool.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// `GET rawPath` (sent verbatim) with `Connection: close`.
    static func get(_ rawPath: String, port: UInt16, method: String = "GET") async throws -> LoopbackResponse {
        try await offPool {
            let connection = try LoopbackConnection(port: port)
            connection.send("\(method) \(rawPath) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            let text = try connection.readToEnd()
            let parts = text.components(separatedBy: "\r\n\r\n")
            let head = parts.first ?? ""
            let lines = head.components(separatedBy: "\r\n")
            let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
            var headers: [String: String] = [:]
            for line in lines.dropFirst() {
                if let colon = line.firstIndex(of: ":") {
                    headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
            }
            return LoopbackResponse(status: status, headers: headers, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
        }
    }
}
