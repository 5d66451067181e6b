import ArgumentParser
import FolioCore
import FolioValidate
import Foundation

/// Output formats for diagnostics of build, import and bundle.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json

    var diagnosticFormat: DiagnosticFormat { self == .json ? .json : .text }
}

extension Severity: ExpressibleByArgument {}

/// Prints diagnostics, progress and timing the same way for every command: text on stderr
/// (coloured only on a terminal and never with `NO_COLOR`), other formats on stdout.
///
/// Which findings are printed: `--min-severity`, else `validation.min_severity`, else the
/// format's default (text: warnings, infos too with `--verbose`; JSON: everything; SARIF,
/// JUnit and GitHub: warnings). `--quiet` leaves text output with only what fails the run.
/// Errors are always printed.
struct Reporter {
    var format: DiagnosticFormat = .text
    var quiet = false
    var verbose = false
    /// `--min-severity` from the command line.
    var minSeverity: Severity?
    /// `validation.min_severity` from folio.yml, once it is loaded.
    var configMinSeverity: Severity?
    /// Whether warnings fail the run (so `--quiet` still shows them).
    var strict = false

    init(global: GlobalOptions, format: OutputFormat = .text) {
        self.init(global: global, diagnosticFormat: format.diagnosticFormat)
    }

    init(global: GlobalOptions, diagnosticFormat: DiagnosticFormat, minSeverity: Severity? = nil) {
        format = diagnosticFormat
        quiet = global.quiet
        verbose = global.verbose
        self.minSeverity = minSeverity
    }

    var useColor: Bool {
        ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(STDERR_FILENO) != 0
    }

    /// The least severe finding printed.
    var threshold: Severity {
        if let minSeverity { return minSeverity }
        if let configMinSeverity { return configMinSeverity }
        switch format {
        case .text: return verbose ? .info : .warning
        case .json: return .info
        case .sarif, .junit, .github: return .warning
        }
    }

    /// The findings this reporter prints, of `diagnostics`.
    func shown(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { d in
            if d.severity == .error { return true }
            if quiet && format == .text { return strict && d.severity == .warning && !d.baselined }
            if d.baselined && format == .text && !verbose { return false }
            return d.severity >= threshold || (d.code == "BAS001" && format == .text)
        }
    }

    /// Prints `diagnostics` (those at or above the threshold) in the chosen format: text on
    /// stderr, anything else as one document on stdout. The summary counts all of them.
    /// - Parameter accepted: findings the baseline accepted: listed in SARIF (as suppressed
    ///   results) and in text with `--verbose`, counted in the JSON summary.
    func report(_ diagnostics: [Diagnostic], accepted: [Diagnostic] = []) {
        let shown = shown(diagnostics)
        switch format {
        case .text:
            let all = shown + (verbose && !quiet ? accepted : [])
            if !all.isEmpty { err(DiagnosticFormatter.text(all, color: useColor)) }
        case .json:
            var summary = DiagnosticSummary(diagnostics)
            summary.baselined = accepted.count
            out(DiagnosticFormatter.json(shown, summary: summary))
        case .sarif:
            out(format.render(shown + accepted.filter { $0.severity >= threshold }, strict: strict, toolVersion: Folio.version))
        default:
            out(format.render(shown, strict: strict, toolVersion: Folio.version))
        }
    }

    /// A progress or summary line on stderr, unless `--quiet`.
    func status(_ line: String) {
        guard !quiet else { return }
        err(line + "\n")
    }

    /// Why a run failed, on stderr: printed even with `--quiet`.
    func failure(_ line: String) {
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

    /// Reports an error that stops the run in the chosen format, so `--format json|sarif|junit`
    /// still gives a valid document, then returns its exit code.
    func fatal(_ error: FolioError) -> ExitCode {
        if format == .text {
            err(error.description + "\n")
        } else {
            report([error.diagnostic])
            err(error.description + "\n")
        }
        return ExitCode(error.exitCode)
    }

    /// Runs `body`, turning a ``FolioError`` into a report in the chosen format.
    func guarding<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as FolioError {
            throw fatal(error)
        }
    }

    private func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    private func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
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
