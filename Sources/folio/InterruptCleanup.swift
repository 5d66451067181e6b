import FolioCore
import Foundation

/// Stops a build cleanly on SIGINT (Ctrl-C) or SIGTERM: removes this process's staging folder
/// beside the output, leaves the previous output as it was, and exits 130 or 143 as shells expect.
/// Keep the value alive for as long as the build runs.
final class InterruptCleanup: Sendable {
    private let stop: SignalStop

    /// Set once a stop signal arrived: the build's own failure (its writes fail once the staging
    /// folder is gone) must not exit first with its own status.
    static let stopping = StopFlag()

    init(output: URL) {
        stop = SignalStop(signals: [SIGINT, SIGTERM]) { number in
            InterruptCleanup.stopping.set()
            StagedDirectoryOutput.removeOwnStaging(beside: output)
            FileHandle.standardError.write(Data("\nfolio: stopped by signal; the previous \(output.lastPathComponent)/ was left untouched.\n".utf8))
            exit(128 + number)
        }
    }

    deinit { stop.cancel() }
}

/// A flag set from a signal handler and read by the build.
final class StopFlag: @unchecked Sendable {
    // Proof of Sendable: `value` is only read and written while holding `lock`.
    private let lock = NSLock()
    private var value = false

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    /// When a stop signal arrived, waits for its handler to clean up and exit (130 or 143), so a
    /// failure the stop itself caused never decides the exit status.
    func yieldToSignalHandler() {
        guard isSet else { return }
        while true { sleep(1) }
    }
}
