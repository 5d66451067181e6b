import Dispatch
import Foundation

/// Maps over an array on all cores, keeping the order of the input.
public enum ConcurrentMap {
    /// `items.map(transform)`, with the calls spread over every core.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let results = ResultBox<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, transform(items[index]))
        }
        return results.values
    }

    /// `items.map(transform)` with a throwing transform, spread over every core. Every item is
    /// transformed; the error of the first failing item (in input order) is rethrown.
    public static func tryMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) throws -> R) throws -> [R] {
        try map(items) { item in Result { try transform(item) } }.map { try $0.get() }
    }

    /// Fixed-size results written from several threads.
    final class ResultBox<R>: @unchecked Sendable {
        // Proof of Sendable: each index is written exactly once, under `lock`; read after all writers finish.
        private var storage: [R?]
        private let lock = NSLock()

        init(count: Int) { storage = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: R) {
            lock.lock()
            storage[index] = value
            lock.unlock()
        }

        var values: [R] { storage.compactMap { $0 } }
    }
}
