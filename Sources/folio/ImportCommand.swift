import ArgumentParser
import FolioCore
import FolioImport
import FolioValidate
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

    @Option(help: "Least severe finding printed: info, warning or error (default: validation.min_severity, else warning; --verbose shows the repairs).")
    var minSeverity: Severity?

    @Option(name: .customLong("log"), help: ArgumentHelp("Write every routine repair as JSON lines (code, article line, source line, before, after) to FILE.", valueName: "FILE"))
    var repairLog: String?

    func run() async throws {
        var reporter = Reporter(global: global, diagnosticFormat: format.diagnosticFormat, minSeverity: minSeverity)
        reporter.strict = strict
        try global.requireRoot(reporter)
        let start = DispatchTime.now().uptimeNanoseconds
        let (config, _) = try await reporter.guarding { try loadConfig(global, reporter: reporter) }
        reporter.configMinSeverity = config.validation.minSeverity
        // The repairs are infos: JSON lists them only with --verbose or an explicit threshold.
        if format == .json && minSeverity == nil && config.validation.minSeverity == nil && !global.verbose { reporter.minSeverity = .warning }
        let result: ImportResult = try await reporter.guarding {
            do {
                // The repair log quotes the generated articles, so it needs a whole import.
                let cache = repairLog == nil ? BuildCache(directory: BuildCache.directory(in: global.projectRoot)) : nil
                return try Importer().run(ImportOptions(projectRoot: global.projectRoot, contentDirectory: config.content, check: check, force: force, cache: cache))
            } catch let error as ImportError {
                throw error.folioError
            }
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        // The same baseline as build and check: accepted findings are counted, not printed.
        // Routine repairs are logged, not reported: findings are what needs a person.
        let (findings, repairs) = RepairLog.split(result.diagnostics)
        if let repairLog {
            let texts = Dictionary(result.files.map { ($0.path, $0.text) }, uniquingKeysWith: { first, _ in first })
            let log = RepairLog.jsonLines(repairs, projectRoot: global.projectRoot, articleTexts: texts)
            try await reporter.guarding {
                do {
                    try Data(log.utf8).write(to: URL(fileURLWithPath: repairLog, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)), options: .atomic)
                } catch {
                    throw FolioError.io(path: repairLog, message: "cannot write the repair log: \(error.localizedDescription)")
                }
            }
        }
        let outcome = try await reporter.guarding {
            try DiagnosticPolicy.load(projectRoot: global.projectRoot, validation: config.validation).evaluate(findings, sameDefect: true)
        }
        reporter.report(outcome.active, accepted: outcome.accepted)
        let summary = DiagnosticSummary(outcome.active)
        var line = "import: \(result.fileCount) files"
        if check {
            line += result.stale.isEmpty ? ", up to date" : ", \(result.stale.count) stale"
        } else {
            line += ", \(result.written.count) written"
        }
        line += "; \(DiagnosticFormatter.summaryLine(summary))"
        if !outcome.accepted.isEmpty { line += ", \(outcome.accepted.count) accepted by the baseline" }
        line += ", \(repairs.count) routine repairs" + (repairLog.map { " logged to \($0)" } ?? " (list them with --log FILE)")
        line += " in \(String(format: "%.0f", elapsed)) ms"
        if global.verbose {
            for t in result.timings { line += "\n  \(t.name): \(String(format: "%.1f", t.seconds * 1000)) ms" }
        }
        if summary.fails(strict: strict) {
            reporter.failure(line)
            throw ExitCode(1)
        }
        reporter.status(line)
    }
}
