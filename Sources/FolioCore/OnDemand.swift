import Foundation

/// A value made the first time it is asked for, then kept: a caller that may not need a costly
/// value (a tagger when every page comes from the build cache) never makes it. Safe to ask from
/// several threads at once; the value is made once.
public final class OnDemand<Value: Sendable>: @unchecked Sendable {
    // Proof of Sendable: `made` is read and written only while `lock` is held.
    private let lock = NSLock()
    private var made: Value?
    private let make: @Sendable () -> Value

    public init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    /// The value, made now if no caller asked for it before.
    public var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make()
        made = value
        return value
    }
}
