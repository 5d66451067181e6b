import FolioCore
import Foundation

/// Stops a build cleanly on SIGINT (Ctrl-C) or SIGTERM: removes this process's staging folder
/// beside the output, leaves the previous output as it was, and exits 130 or 143 as shells expect.
/// Keep the value alive for as long as the build runs.
final class InterruptCleanup: Sendable {
    private let stop: SignalStop

    init(output: URL) {
        stop = SignalStop(signals: [SIGINT, SIGTERM]) { number in
            StagedDirectoryOutput.removeOwnStaging(beside: output)
            FileHandle.standardError.write(Data("\nfolio: stopped by signal; the previous \(output.lastPathComponent)/ was left untouched.\n".utf8))
            exit(128 + number)
        }
    }

    deinit { stop.cancel() }
}
