import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 that misbehaves on purpose, for the external link
/// checker's tests: one thread accepts, one thread per connection answers and closes.
final class LoopbackServer: @unchecked Sendable {
    // Proof of Sendable: `listener` and `port` are set once in init; `log` and `active` are
    // only touched under `lock`.

    /// What to do with a request.
    enum Action: Sendable {
        case respond(status: Int, headers: [String: String])
        /// Close the connection without answering.
        case drop
        /// Wait, then answer (a slow server; the client times out first).
        case delay(seconds: Double, status: Int)
    }

    typealias Handler = @Sendable (_ method: String, _ path: String, _ count: Int) -> Action

    let port: Int
    private let listener: Int32
    private let handler: Handler
    private let lock = NSLock()
    private var log: [String] = []
    private var active = 0
    private var maxActive = 0

    init(handler: @escaping Handler) throws {
        self.handler = handler
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        port = Int(UInt16(bigEndian: actual.sin_port))
        listener = fd
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// `http://127.0.0.1:<port><path>`.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Requests seen, as `METHOD path`, in arrival order.
    var requests: [String] {
        lock.lock()
        defer { lock.unlock() }
        return log
    }

    /// The most requests handled at the same time.
    var peakConcurrency: Int {
        lock.lock()
        defer { lock.unlock() }
        return maxActive
    }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { return }
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var buffer = [UInt8](repeating: 0, count: 8192)
        var received: [UInt8] = []
        while !received.containsHeaderEnd {
            let n = read(client, &buffer, buffer.count)
            if n <= 0 { return }
            received += buffer[0..<n]
        }
        let head = String(decoding: received, as: UTF8.self)
        let parts = head.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2 else { return }
        let method = String(parts[0]), path = String(parts[1])
        lock.lock()
        log.append("\(method) \(path)")
        let count = log.filter { $0.hasSuffix(" \(path)") }.count
        active += 1
        maxActive = max(maxActive, active)
        lock.unlock()
        defer {
            lock.lock()
            active -= 1
            lock.unlock()
        }
        switch handler(method, path, count) {
        case .drop:
            return
        case let .delay(seconds, status):
            Thread.sleep(forTimeInterval: seconds)
            respond(client, status: status, headers: [:], method: method)
        case let .respond(status, headers):
            respond(client, status: status, headers: headers, method: method)
        }
    }

    private func respond(_ client: Int32, status: Int, headers: [String: String], method: String) {
        let body = method == "HEAD" ? "" : "status \(status)\n"
        var text = "HTTP/1.1 \(status) Status\r\nContent-Length: \(status == 204 ? 0 : ("status \(status)\n".utf8.count))\r\nConnection: close\r\n"
        for (key, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(key): \(value)\r\n" }
        text += "\r\n" + body
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(client, $0.baseAddress, bytes.count) }
    }
}

private extension Array where Element == UInt8 {
    var containsHeaderEnd: Bool {
        guard count >= 4 else { return false }
        for i in 0...(count - 4) where self[i] == 13 && self[i + 1] == 10 && self[i + 2] == 13 && self[i + 3] == 10 { return true }
        return false
    }
}
