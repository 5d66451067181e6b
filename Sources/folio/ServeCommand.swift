import ArgumentParser
import FolioCore
import FolioServe
import Foundation

/// `folio serve`: builds the site, serves it locally and rebuilds it when the sources change.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on 127.0.0.1 and rebuild and reload pages on every change.",
        discussion: "Watches Content/, Templates/ and folio.yml. The site is built into memory and served from there. A failed rebuild keeps serving the last good site and shows the diagnostics in the browser and here. Stop with Ctrl-C."
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .shortAndLong, help: "Port to listen on; 0 picks a free port.")
    var port: UInt16 = 8000

    @Option(help: "Address to listen on. Anything but loopback exposes the preview to the network.")
    var host: String = "127.0.0.1"

    @Option(name: .shortAndLong, help: "Also write each good build to this directory (by default the site is served from memory and nothing is written).")
    var output: String?

    @Flag(help: "Fail builds on warnings as well as errors.")
    var strict = false

    @Flag(help: "Open the served site in the default browser (xdg-open) once it is listening.")
    var open = false

    func run() async throws {
        let reporter = Reporter(global: global)
        try global.requireRoot(reporter)
        let options = PreviewOptions(
            projectRoot: global.projectRoot, host: host, port: port, strict: strict,
            outputDirectory: output.map { URL(fileURLWithPath: $0, relativeTo: global.projectRoot).standardizedFileURL }
        )
        if !options.isLoopback {
            reporter.status("warning: listening on \(host) makes the preview reachable from other machines; it is meant for local use only.")
        }
        let server = PreviewServer(options: options)
        let signals = SignalStop(signals: [SIGINT, SIGTERM]) { _ in
            Task { await server.stop() }
        }
        defer { signals.cancel() }
        do {
            try await server.run { event in
                switch event {
                case let .listening(url):
                    reporter.status("Serving \(url)  (Ctrl-C to stop)")
                    FileHandle.standardOutput.write(Data("\(url)\n".utf8))
                    if open { Self.openInBrowser(url, reporter: reporter) }
                case let .changed(paths):
                    reporter.status("Changed: \(paths.prefix(3).joined(separator: ", "))\(paths.count > 3 ? " and \(paths.count - 3) more" : "")")
                case let .refreshed(paths, milliseconds):
                    reporter.status("Refreshed \(paths.filter { $0.hasSuffix(".html") }.joined(separator: ", ")) in \(milliseconds) ms; rebuilding the site.")
                case let .built(generation, pageCount, milliseconds, diagnostics):
                    reporter.report(diagnostics)
                    reporter.status("Build \(generation): \(pageCount) pages in \(milliseconds) ms — \(DiagnosticFormatter.summaryLine(DiagnosticSummary(diagnostics))); changed pages reloaded.")
                case let .failed(diagnostics, message):
                    reporter.report(diagnostics)
                    if let message { reporter.status(message) }
                    reporter.status("Build failed: \(DiagnosticFormatter.summaryLine(DiagnosticSummary(diagnostics))); still serving the last good site.")
                }
            }
        } catch let error as ServeError {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        }
        reporter.status("Stopped.")
    }

    /// Asks the desktop to open `url` (`xdg-open`, or `open` on macOS); says so when it cannot.
    static func openInBrowser(_ url: String, reporter: Reporter) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        #if os(macOS)
        process.arguments = ["open", url]
        #else
        process.arguments = ["xdg-open", url]
        #endif
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            reporter.status("warning: could not open a browser (\(error.localizedDescription)); open \(url) yourself.")
        }
    }
}

/// Runs `handler` with the signal's number when one of `signals` arrives, instead of the default
/// of dying; ``cancel()`` restores the default.
final class SignalStop: @unchecked Sendable {
    // Proof of Sendable: `sources` and `numbers` are set once in init and only read afterwards.
    private let sources: [any DispatchSourceSignal]
    private let numbers: [Int32]

    init(signals: [Int32], handler: @escaping @Sendable (Int32) -> Void) {
        numbers = signals
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { handler(number) }
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
        for number in numbers { signal(number, SIG_DFL) }
    }
}
