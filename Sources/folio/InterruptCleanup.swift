import Dispatch
import FolioCore
import Foundation

/// Stops a build cleanly on SIGINT (Ctrl-C) or SIGTERM: removes this process's staging folder
/// beside the output, leaves the previous output as it was, and exits 130 or 143 as shells expect.
/// Keep the value alive for as long as the build runs.
final class InterruptCleanup: @unchecked Sendable {
    // Proof of Sendable: both properties are set once in `init` and only read afterwards.
    private let sources: [any DispatchSourceSignal]
    private let output: URL

    init(output: URL) {
        self.output = output
        let queue = DispatchQueue(label: "folio.signals")
        var sources: [any DispatchSourceSignal] = []
        for (number, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            let destination = output
            source.setEventHandler {
                StagedDirectoryOutput.removeOwnStaging(beside: destination)
                FileHandle.standardError.write(Data("\nfolio: stopped by signal; the previous \(destination.lastPathComponent)/ was left untouched.\n".utf8))
                exit(status)
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    deinit {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
