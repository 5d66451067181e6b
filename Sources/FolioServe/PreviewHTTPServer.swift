import FlyingFox
import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The HTTP/1.1 listener of `folio serve`: accepts connections on non-blocking sockets, reads each
/// request head within ``ConnectionLimits`` (size, time, idle time), hands it to an `HTTPHandler`
/// and writes the answer, streaming bodies of unknown length as chunks. Refusals are answered
/// before the connection closes: 431 for a head too large, 408 for one too slow, 413 for a body
/// too large, 503 beyond the connection cap.
final class PreviewHTTPServer: @unchecked Sendable {
    // Proof of Sendable: `address`, `limits`, `handler` and `pool` are immutable and Sendable;
    // `listener`, `runTask`, `open` and `stopped` are only touched under `lock`.
    let address: any SocketAddress
    let limits: ConnectionLimits
    let handler: any HTTPHandler
    private let pool: any AsyncSocketPool = HTTPServer.defaultPool()
    private let lock = NSLock()
    private var listener: Socket?
    private var runTask: Task<Void, any Error>?
    private var open = 0
    /// Connections being answered 503 and closed.
    private var refusing = 0
    private var stopped = false

    init(address: any SocketAddress, limits: ConnectionLimits, handler: any HTTPHandler) {
        self.address = address
        self.limits = limits
        self.handler = handler
        let descriptors = Self.openFileLimit()
        maxConnections = max(1, min(limits.maxConnections, descriptors / 2))
        maxAccepted = max(maxConnections + 1, min(limits.maxConnections * 2, descriptors - 24))
    }

    /// The bound address once listening.
    var listeningAddress: Socket.Address? {
        lock.lock()
        defer { lock.unlock() }
        return try? listener?.sockname()
    }

    /// Connections open now.
    var openConnections: Int {
        lock.lock()
        defer { lock.unlock() }
        return open
    }

    /// Binds, listens and serves until ``stop()``.
    /// - Throws: `SocketError` when the address cannot be bound (a port in use fails at once).
    func run() async throws {
        let socket = try Socket(domain: Int32(type(of: address).family))
        do {
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: address)
            try socket.listen()
        } catch {
            try? socket.close()
            throw error
        }
        let task = Task { [pool] in
            try await pool.prepare()
            let accepting = try AsyncSocket(socket: socket, pool: pool)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await pool.run() }
                group.addTask { try await self.accept(from: accepting) }
                try await group.next()
                group.cancelAll()
            }
        }
        if started(socket, task) { stop() }
        do {
            try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
        } catch is CancellationError {
        } catch where isStopped {
        }
    }

    /// Records the listening socket and task; whether ``stop()`` came first.
    private func started(_ socket: Socket, _ task: Task<Void, any Error>) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        listener = socket
        runTask = task
        return stopped
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// How many files the process may open (`ulimit -n`).
    static func openFileLimit() -> Int {
        var files = rlimit()
        #if os(Linux)
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
        let resource = RLIMIT_NOFILE
        #endif
        guard getrlimit(resource, &files) == 0, files.rlim_cur != rlim_t.max else { return Int.max }
        return Int(clamping: files.rlim_cur)
    }

    /// Closes the listening socket and every connection.
    func stop() {
        lock.lock()
        stopped = true
        let socket = listener
        let task = runTask
        listener = nil
        lock.unlock()
        task?.cancel()
        try? socket?.close()
    }

    private func accept(from listener: AsyncSocket) async throws {
        try await withThrowingDiscardingTaskGroup { group in
            while !Task.isCancelled {
                // Past the descriptors the process can spare, later connections wait in the
                // kernel's queue instead of being accepted: the runtime itself needs a few
                // descriptors (Dispatch reads `/proc` to watch its threads) and must never run out.
                if !hasRoomToAccept() {
                    if isStopped { return }
                    try await Task.sleep(for: .milliseconds(5))
                    continue
                }
                let client: AsyncSocket
                do {
                    client = try await listener.accept()
                } catch {
                    // Closed by stop(): done. Out of file descriptors (EMFILE) or a connection
                    // reset before it was accepted: keep listening, after a pause that lets
                    // connections finish.
                    if isStopped || error is CancellationError { return }
                    try await Task.sleep(for: .milliseconds(50))
                    continue
                }
                if reserve() {
                    group.addTask {
                        await self.serve(client)
                        self.release()
                    }
                } else {
                    startRefusing()
                    group.addTask {
                        await self.refuse(client)
                        self.stopRefusing()
                    }
                }
            }
        }
    }

    /// The connection cap: the configured one, but never more than half the descriptors the
    /// process may open, so builds and file reads always have some left.
    let maxConnections: Int

    /// Most connections accepted at once, served or being refused: the descriptors the process
    /// may open, less a reserve for the runtime, the build and the files it reads.
    let maxAccepted: Int

    private func hasRoomToAccept() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return open + refusing < maxAccepted
    }

    private func startRefusing() {
        lock.lock()
        refusing += 1
        lock.unlock()
    }

    private func stopRefusing() {
        lock.lock()
        refusing -= 1
        lock.unlock()
    }

    private func reserve() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard open < maxConnections else { return false }
        open += 1
        return true
    }

    private func release() {
        lock.lock()
        open -= 1
        lock.unlock()
    }

    /// Answers a connection beyond the cap with 503 and closes it.
    private func refuse(_ client: AsyncSocket) async {
        try? await write(Self.plainResponse(503, "Service Unavailable", "503 Service Unavailable: too many open connections; try again.\n", extra: "Retry-After: 1\r\n"), to: client)
        await closeGracefully(client, drainSeconds: 0.2)
    }

    /// Serves requests on one connection until the client closes it, asks to, stays idle too long
    /// or breaks a limit.
    private func serve(_ client: AsyncSocket) async {
        var reader = RequestReader(socket: client, limits: limits)
        while !Task.isCancelled {
            let request: HTTPRequest
            switch await reader.next() {
            case .closed:
                try? client.close()
                return
            case let .refused(code, phrase, body):
                try? await write(Self.plainResponse(code, phrase, body), to: client)
                await closeGracefully(client, drainSeconds: 1)
                return
            case let .request(next):
                request = next
            }
            let keepAlive = Self.keepsAlive(request) && !isStopped
            var response = await answer(request)
            response.headers[.connection] = keepAlive ? "keep-alive" : "close"
            do {
                try await send(response, head: request.method == .HEAD, to: client)
            } catch {
                try? client.close()
                return
            }
            if !keepAlive {
                await closeGracefully(client, drainSeconds: 0.2)
                return
            }
        }
        try? client.close()
    }

    private func answer(_ request: HTTPRequest) async -> HTTPResponse {
        let handler = self.handler
        do {
            return try await Self.within(limits.handlerSeconds) { try await handler.handleRequest(request) }
        } catch is DeadlinePassed {
            return HTTPResponse(statusCode: .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"], body: Data("503 Service Unavailable: the page took too long.\n".utf8))
        } catch {
            return HTTPResponse(statusCode: .internalServerError, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"], body: Data("500 Internal Server Error\n".utf8))
        }
    }

    /// Writes the head and body of `response`; a body of unknown length (the event stream) is
    /// already chunk-encoded by its sequence and goes out as it arrives.
    private func send(_ response: HTTPResponse, head: Bool, to client: AsyncSocket) async throws {
        guard case let .httpBody(body) = response.payload else { throw SocketError.disconnected }
        var headers = response.headers
        if headers[.contentLength] == nil {
            if let count = body.count {
                headers[.contentLength] = String(count)
            } else {
                headers[.transferEncoding] = "chunked"
            }
        }
        if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
        var text = "HTTP/1.1 \(response.statusCode.code) \(response.statusCode.phrase)\r\n"
        for (name, value) in headers.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            text += "\(name.rawValue): \(value)\r\n"
        }
        text += "\r\n"
        if head || body.count == 0 {
            try await write(Data(text.utf8), to: client)
            return
        }
        if let count = body.count, count <= 1 << 20 {
            // One write for a whole page keeps small answers to a single packet train.
            var data = Data(text.utf8)
            for try await chunk in body { data.append(chunk) }
            try await write(data, to: client)
            return
        }
        try await write(Data(text.utf8), to: client)
        for try await chunk in body {
            try await write(chunk, to: client)
        }
    }

    private func write(_ data: Data, to client: AsyncSocket) async throws {
        try await Self.within(limits.writeSeconds) { try await client.write(data) }
    }

    /// Stops sending, reads and discards what the client is still sending (so the kernel does not
    /// reset the connection and lose the answer), then closes.
    private func closeGracefully(_ client: AsyncSocket, drainSeconds: Double) async {
        _ = shutdown(client.socket.file.rawValue, Int32(SHUT_WR))
        var drained = 0
        let deadline = ContinuousClock.now + .milliseconds(Int(drainSeconds * 1000))
        while drained < 8 << 20 {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { break }
            guard let bytes = try? await Self.within(Self.seconds(left), { try await client.read(atMost: 65536) }) else { break }
            drained += bytes.count
        }
        try? client.close()
    }

    static func keepsAlive(_ request: HTTPRequest) -> Bool {
        let tokens = (request.headers[.connection] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if request.version == .http11 { return !tokens.contains("close") }
        return tokens.contains("keep-alive")
    }

    static func plainResponse(_ code: Int, _ phrase: String, _ body: String, extra: String = "") -> Data {
        let bytes = Data(body.utf8)
        return Data("HTTP/1.1 \(code) \(phrase)\r\nContent-Type: text/plain; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n\(extra)Content-Length: \(bytes.count)\r\n\r\n".utf8) + bytes
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The deadline of ``within(_:_:)`` passed.
    struct DeadlinePassed: Error {}

    /// Runs `body`, cancelling it after `seconds`.
    /// - Throws: ``DeadlinePassed`` when the time ran out, or what `body` throws.
    static func within<T: Sendable>(_ seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: .milliseconds(Int(max(0, seconds) * 1000)))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw DeadlinePassed() }
            return value
        }
    }
}

/// Reads requests from one connection, keeping bytes that arrived past a request for the next.
struct RequestReader {
    /// What the next read produced.
    enum Outcome {
        /// A whole request.
        case request(HTTPRequest)
        /// The client closed the connection, or it stayed idle too long.
        case closed
        /// The request broke a limit or was malformed: answer with this status, then close.
        case refused(code: Int, phrase: String, body: String)
    }

    let socket: AsyncSocket
    let limits: ConnectionLimits
    private var pending: [UInt8] = []

    init(socket: AsyncSocket, limits: ConnectionLimits) {
        self.socket = socket
        self.limits = limits
    }

    mutating func next() async -> Outcome {
        // Idle: wait for the first byte of the next request.
        if pending.isEmpty {
            guard let first = await read(within: limits.idleSeconds), !first.isEmpty else { return .closed }
            pending = first
        }
        let deadline = ContinuousClock.now + .milliseconds(Int(limits.requestSeconds * 1000))
        var searchFrom = 0
        var headEnd: Int?
        while true {
            if let end = Self.endOfHead(in: pending, from: searchFrom) {
                headEnd = end
                break
            }
            if pending.count > limits.maxHeadBytes { return Self.headTooLarge(limits) }
            searchFrom = max(0, pending.count - 3)
            guard let more = await read(until: deadline) else { return Self.timedOut }
            if more.isEmpty { return .closed }
            pending += more
        }
        guard let end = headEnd else { return .closed }
        if end > limits.maxHeadBytes { return Self.headTooLarge(limits) }
        let headBytes = pending[..<end]
        pending.removeFirst(end)
        guard let head = Self.parseHead(headBytes) else {
            return .refused(code: 400, phrase: "Bad Request", body: "400 Bad Request: the request line or a header is malformed.\n")
        }
        if head.headers[.transferEncoding] != nil {
            return .refused(code: 501, phrase: "Not Implemented", body: "501 Not Implemented: the preview server takes no chunked request bodies.\n")
        }
        var length = 0
        if let text = head.headers[.contentLength] {
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 0 else {
                return .refused(code: 400, phrase: "Bad Request", body: "400 Bad Request: Content-Length is not a number.\n")
            }
            length = value
        }
        if length > limits.maxBodyBytes {
            return .refused(code: 413, phrase: "Content Too Large", body: "413 Content Too Large: the preview server takes at most \(limits.maxBodyBytes) bytes of request body.\n")
        }
        while pending.count < length {
            guard let more = await read(until: deadline) else { return Self.timedOut }
            if more.isEmpty { return .closed }
            pending += more
        }
        let body = Data(pending[..<length])
        pending.removeFirst(length)
        return .request(HTTPRequest(method: head.method, version: head.version, target: head.target, headers: head.headers, body: HTTPBodySequence(data: body)))
    }

    static let timedOut = Outcome.refused(code: 408, phrase: "Request Timeout", body: "408 Request Timeout: the request did not arrive in time.\n")

    static func headTooLarge(_ limits: ConnectionLimits) -> Outcome {
        .refused(code: 431, phrase: "Request Header Fields Too Large", body: "431 Request Header Fields Too Large: the request line and headers may take at most \(limits.maxHeadBytes) bytes.\n")
    }

    /// Bytes read within `seconds`: empty when the client closed, `nil` when the time ran out.
    private func read(within seconds: Double) async -> [UInt8]? {
        let socket = self.socket
        do {
            return try await PreviewHTTPServer.within(seconds) { try await socket.read(atMost: 65536) }
        } catch is PreviewHTTPServer.DeadlinePassed {
            return nil
        } catch {
            return []
        }
    }

    private func read(until deadline: ContinuousClock.Instant) async -> [UInt8]? {
        let left = deadline - ContinuousClock.now
        guard left > .zero else { return nil }
        return await read(within: PreviewHTTPServer.seconds(left))
    }

    /// The offset just past the blank line that ends a request head (`\r\n\r\n`, or `\n\n` from
    /// lenient clients), searching from `start`.
    static func endOfHead(in bytes: [UInt8], from start: Int) -> Int? {
        var index = max(0, start)
        while index < bytes.count {
            if bytes[index] == 0x0A {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { return index + 2 }
                if index + 2 < bytes.count, bytes[index + 1] == 0x0D, bytes[index + 2] == 0x0A { return index + 3 }
            }
            index += 1
        }
        return nil
    }

    struct Head {
        var method: HTTPMethod
        var version: HTTPVersion
        var target: HTTPRequest.Target
        var headers: HTTPHeaders
    }

    /// Parses `METHOD target HTTP/1.x` and `Name: value` lines; `nil` when malformed.
    static func parseHead(_ bytes: ArraySlice<UInt8>) -> Head? {
        // Split on LF bytes (a String would see CR LF as one character), then drop each CR.
        var lines: [Substring] = []
        for raw in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let line = raw.last == 0x0D ? raw.dropLast() : raw
            guard let text = String(bytes: line, encoding: .utf8) ?? String(bytes: line, encoding: .isoLatin1) else { return nil }
            lines.append(Substring(text))
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let requestLine = lines.first else { return nil }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1."), parts[1].first == "/" || parts[1] == "*" else { return nil }
        let target = parts[1].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { return nil }
            let name = line[..<colon]
            guard !name.contains(" ") else { return nil }
            headers.addValue(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces), for: HTTPHeader(String(name)))
        }
        return Head(
            method: HTTPMethod(String(parts[0])), version: HTTPVersion(String(parts[2])),
            target: HTTPRequest.Target(path: String(target[0]), query: target.count > 1 ? String(target[1]) : ""), headers: headers)
    }
}
