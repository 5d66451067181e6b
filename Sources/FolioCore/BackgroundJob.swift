import Dispatch

/// One throwing job run on a background thread while the caller goes on; ``result()`` waits for it.
public final class BackgroundJob<Value: Sendable>: @unchecked Sendable {
    // Proof of Sendable: `outcome` is written once by the job before `group` leaves, and read
    // only after `group.wait()`.
    private var outcome: Result<Value, any Error>?
    private let group = DispatchGroup()

    public init() {}

    /// Starts `job` on a background thread. Call at most once.
    public func start(_ job: @escaping @Sendable () throws -> Value) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            self.outcome = Result { try job() }
            self.group.leave()
        }
    }

    /// Waits for the job, if one was started.
    public func wait() { group.wait() }

    /// The job's result after waiting for it, or `nil` when no job was started.
    public func result() throws -> Value? {
        group.wait()
        return try outcome?.get()
    }

    /// Like ``result()``, and lets go of the result: the caller becomes its only owner, so a large
    /// value is freed as soon as the caller is done with it.
    public func takeResult() throws -> Value? {
        group.wait()
        defer { outcome = nil }
        return try outcome?.get()
    }
}
