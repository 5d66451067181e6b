import ArgumentParser
import FolioCore
import Foundation

/// Output formats for diagnostics on the command line.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Prints diagnostics, progress and timing the same way for every command: text on stderr
/// (coloured only on a terminal and never with `NO_COLOR`), JSON on stdout.
struct Reporter {
    var format: OutputFormat = .text
    var quiet = false
    var verbose = false

    init(global: GlobalOptions, format: OutputFormat = .text) {
        self.format = format
        quiet = global.quiet
        verbose = global.verbose
    }

    var useColor: Bool {
        ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(STDERR_FILENO) != 0
    }

    /// Prints `diagnostics`: all of them as JSON, or as text the errors and warnings (infos with `--verbose`).
    func report(_ diagnostics: [Diagnostic]) {
        switch format {
        case .json:
            FileHandle.standardOutput.write(Data(DiagnosticFormatter.json(diagnostics).utf8))
        case .text:
            let shown = diagnostics.filter { d in
                if quiet { return d.severity == .error }
                return verbose || d.severity != .info
            }
            if !shown.isEmpty { err(DiagnosticFormatter.text(shown, color: useColor)) }
        }
    }

    /// A progress or summary line on stderr, unless `--quiet`.
    func status(_ line: String) {
        guard !quiet else { return }
        err(line + "\n")
    }

    /// Per-phase timings on stderr, only with `--verbose`.
    func timings(_ timings: [(phase: String, seconds: Double)]) {
        guard verbose, !quiet else { return }
        for (phase, seconds) in timings {
            let name = phase.padding(toLength: max(phase.count, 12), withPad: " ", startingAt: 0)
            err("  \(name) \(String(format: "%7.1f", seconds * 1000)) ms\n")
        }
    }

    private func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Loads `folio.yml` from the project root, reporting unknown keys.
func loadConfig(_ global: GlobalOptions, reporter: Reporter) throws -> (FolioConfig, [Diagnostic]) {
    let path = global.projectRoot.appendingPathComponent("folio.yml").path
    return try FolioConfig.load(from: path, displayPath: "folio.yml")
}

/// Milliseconds since `start`, for summaries.
func elapsedMilliseconds(since start: Date) -> Int {
    Int((Date().timeIntervalSince(start) * 1000).rounded())
}
