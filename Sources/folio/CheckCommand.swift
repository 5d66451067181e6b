import ArgumentParser
import FolioCore
import FolioImport
import FolioSite
import FolioValidate
import Foundation

extension DiagnosticFormat: ExpressibleByArgument {}

/// `folio check`: every check of the build, without writing the site, for CI.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate citations, figures, structure and links without writing the site.",
        discussion: "Exits 0 when clean, 1 on errors (or warnings with --strict), 2 on usage or configuration errors, 3 on I/O failures. Findings accepted in the baseline do not fail the check."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Output format: text, json, sarif, junit or github.")
    var format: DiagnosticFormat = .text

    @Flag(help: "Fail on warnings as well as errors.")
    var strict = false

    @Flag(help: "Also check external http(s) links (network; cached per validation.external).")
    var external = false

    @Option(help: "Least severe finding printed: info, warning or error (default: validation.min_severity, else warning; json prints infos too).")
    var minSeverity: Severity?

    @Flag(help: "Record every current error and warning as accepted in the baseline file, then exit 0.")
    var writeBaseline = false

    @Flag(help: "Rewrite the baseline with the findings it still accepts (drops gone entries, adds nothing; migrates old baselines to fingerprints).")
    var updateBaseline = false

    @Option(help: "Baseline file to use instead of validation.baseline from folio.yml.")
    var baseline: String?

    func validate() throws {
        if writeBaseline && updateBaseline { throw ValidationError("--write-baseline and --update-baseline exclude each other") }
    }

    func run() async throws {
        var reporter = Reporter(global: global, diagnosticFormat: format, minSeverity: minSeverity)
        reporter.strict = strict
        try global.requireRoot(reporter)
        let (config, configDiagnostics) = try await reporter.guarding { try loadConfig(global, reporter: reporter) }
        reporter.configMinSeverity = config.validation.minSeverity
        reporter.strict = strict || config.validation.strict
        let result = try await reporter.guarding {
            // Import runs in check mode (it writes nothing): its findings on the sources, and
            // stale generated articles, are part of the check.
            let sources = global.projectRoot.appendingPathComponent(config.content).appendingPathComponent("sources")
            // Routine repairs are not findings (`folio import --log FILE` lists them).
            let importDiagnostics = FileManager.default.fileExists(atPath: sources.path)
                ? RepairLog.split(try importFindings(global.projectRoot, content: config.content)).findings
                : []
            return try await SiteCheck().run(.init(
                projectRoot: global.projectRoot, config: config, strict: strict, external: external,
                baseline: baseline, writeBaseline: writeBaseline, updateBaseline: updateBaseline,
                extraDiagnostics: configDiagnostics + importDiagnostics
            ))
        }
        // New findings, then (for formats that show them) the accepted ones, then gone entries.
        reporter.report(result.diagnostics, accepted: result.acceptedDiagnostics)
        reporter.timings(result.timings)
        let summary = DiagnosticSummary(result.diagnostics)
        var line = DiagnosticFormatter.summaryLine(summary).replacingOccurrences(of: "error", with: "new error").replacingOccurrences(of: "warning", with: "new warning")
        line += ", \(result.accepted) accepted by the baseline"
        line += ", \(result.gone) baseline \(result.gone == 1 ? "entry" : "entries") gone"
        if external { line += ", \(result.externalLinks) external links checked" }
        if let written = result.baselineWritten {
            reporter.status("Wrote \(written): \(result.accepted) accepted findings.")
            return
        }
        if result.baselineNeedsMigration {
            reporter.status("note: the baseline identifies findings by message (version 1); run `folio check --update-baseline` to rewrite it with fingerprints.")
        }
        if result.failed {
            reporter.failure("Check failed: " + line + ".")
            throw ExitCode(1)
        }
        reporter.status("Check passed: " + line + ".")
    }
}

/// Import's findings in check mode (it writes nothing).
func importFindings(_ root: URL, content: String) throws -> [Diagnostic] {
    do {
        // An earlier import of the same inputs answers from the build cache, which check only reads.
        let cache = BuildCache(directory: BuildCache.directory(in: root), readOnly: true)
        return try Importer().run(.init(projectRoot: root, contentDirectory: content, check: true, cache: cache)).diagnostics
    } catch let error as ImportError {
        throw error.folioError
    }
}
