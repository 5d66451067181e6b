import ArgumentParser
import FolioCore
import FolioImport
import Foundation

/// `folio import`: raw sources → `Content/articles/**.md`.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import the raw sources listed in Content/corpus.yml into Content/articles."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Write nothing; exit 1 and list the files that differ when Content/articles is stale.")
    var check = false

    @Flag(help: "Overwrite generated files even when they were edited by hand since the last import.")
    var force = false

    @Option(help: "Diagnostics format: text (stderr) or json (stdout).")
    var format: OutputFormat = .text

    @Flag(help: "Treat warnings as errors for the exit code.")
    var strict = false

    enum OutputFormat: String, ExpressibleByArgument, Sendable {
        case text, json
    }

    func run() async throws {
        let start = DispatchTime.now().uptimeNanoseconds
        let result: ImportResult
        do {
            result = try Importer().run(ImportOptions(projectRoot: global.projectRoot, check: check, force: force))
        } catch let error as ImportError {
            throw error.folioError
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        // Text output honours --quiet; JSON is for tools and always carries errors and warnings
        // (and the repairs, as infos, with --verbose).
        let shown = result.diagnostics.filter { d in
            if global.verbose { return true }
            if global.quiet && format == .text { return d.severity == .error }
            return d.severity >= .warning
        }
        switch format {
        case .json:
            FileHandle.standardOutput.write(Data(DiagnosticFormatter.json(shown).utf8))
        case .text:
            let color = isatty(2) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            FileHandle.standardError.write(Data(DiagnosticFormatter.text(shown, color: color).utf8))
        }
        let summary = DiagnosticSummary(result.diagnostics)
        if !global.quiet {
            var line = "import: \(result.files.count) files"
            if check {
                line += result.stale.isEmpty ? ", up to date" : ", \(result.stale.count) stale"
            } else {
                line += ", \(result.written.count) written"
            }
            line += "; \(DiagnosticFormatter.summaryLine(summary)) in \(String(format: "%.0f", elapsed)) ms\n"
            if global.verbose {
                for t in result.timings { line += "  \(t.name): \(String(format: "%.1f", t.seconds * 1000)) ms\n" }
            }
            FileHandle.standardError.write(Data(line.utf8))
        }
        if summary.fails(strict: strict) { throw ExitCode(1) }
    }
}
