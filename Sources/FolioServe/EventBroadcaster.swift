import FlyingFox
import FlyingSocks
import Foundation

/// Sends server-sent events to every open page. Server state, so a class; thread-safe.
final class EventBroadcaster: @unchecked Sendable {
    // Proof of Sendable: `subscribers`, `nextID` and `finished` are only touched under `lock`.
    private let lock = NSLock()
    private var subscribers: [Int: AsyncStream<Data>.Continuation] = [:]
    private var nextID = 0
    private var finished = false

    /// A new stream of encoded events that starts with `greeting`.
    func subscribe(greeting: Data) -> AsyncStream<Data> {
        let (stream, continuation) = AsyncStream<Data>.makeStream(bufferingPolicy: .bufferingNewest(64))
        continuation.yield(greeting)
        lock.lock()
        if finished {
            lock.unlock()
            continuation.finish()
            return stream
        }
        let id = nextID
        nextID += 1
        subscribers[id] = continuation
        lock.unlock()
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        return stream
    }

    private func remove(_ id: Int) {
        lock.lock()
        subscribers[id] = nil
        lock.unlock()
    }

    /// Number of open streams.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return subscribers.count
    }

    /// Sends `data` (already encoded) to every subscriber.
    func send(_ data: Data) {
        lock.lock()
        let all = Array(subscribers.values)
        lock.unlock()
        for continuation in all { continuation.yield(data) }
    }

    /// Ends every stream, for shutdown.
    func finishAll() {
        lock.lock()
        finished = true
        let all = Array(subscribers.values)
        subscribers = [:]
        lock.unlock()
        for continuation in all { continuation.finish() }
    }

    /// One event in the `text/event-stream` format.
    static func encode(event: String, data: String) -> Data {
        var text = "event: \(event)\n"
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) { text += "data: \(line)\n" }
        return Data((text + "\n").utf8)
    }
}

/// Adapts a stream of byte chunks to the buffered sequence FlyingFox writes as a chunked body,
/// one chunk per event, as soon as it arrives.
struct EventStreamBody: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let stream: AsyncStream<Data>

    func makeAsyncIterator() -> Iterator { Iterator(base: stream.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<Data>.Iterator
        var pending: [UInt8] = []

        mutating func next() async throws -> UInt8? {
            if pending.isEmpty {
                guard let chunk = await base.next() else { return nil }
                pending = Array(chunk)
            }
            return pending.isEmpty ? nil : pending.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            if !pending.isEmpty {
                defer { pending = [] }
                return pending
            }
            while let chunk = await base.next() {
                if !chunk.isEmpty { return Array(chunk) }
            }
            return nil
        }
    }
}
