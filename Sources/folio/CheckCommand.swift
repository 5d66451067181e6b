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

    @Flag(help: "Record every current error and warning as accepted in the baseline file, then exit 0.")
    var writeBaseline = false

    @Option(help: "Baseline file to use instead of validation.baseline from folio.yml.")
    var baseline: String?

    func run() async throws {
        let reporter = Reporter(global: global)
        let (config, configDiagnostics) = try loadConfig(global, reporter: reporter)
        // Import runs in check mode (it writes nothing): its findings on the sources, and stale
        // generated articles, are part of the check.
        let sources = global.projectRoot.appendingPathComponent(config.content).appendingPathComponent("sources")
        let importDiagnostics = FileManager.default.fileExists(atPath: sources.path)
            ? try Importer().run(.init(projectRoot: global.projectRoot, contentDirectory: config.content, check: true)).diagnostics
            : []
        let result = try await SiteCheck().run(.init(
            projectRoot: global.projectRoot, config: config, strict: strict, external: external,
            baseline: baseline, writeBaseline: writeBaseline, extraDiagnostics: configDiagnostics + importDiagnostics
        ))
        var shown = result.diagnostics
        if format == .text {
            shown = shown.filter { global.quiet ? $0.severity == .error : (global.verbose || $0.severity != .info || $0.code == "BAS001") }
        }
        let output = format.render(shown, strict: strict || config.validation.strict, color: format == .text && reporter.useColor, toolVersion: Folio.version)
        if format == .text {
            FileHandle.standardError.write(Data(output.utf8))
        } else {
            FileHandle.standardOutput.write(Data(output.utf8))
        }
        reporter.timings(result.timings)
        let summary = DiagnosticSummary(result.diagnostics)
        var line = DiagnosticFormatter.summaryLine(summary)
        if result.accepted > 0 { line += ", \(result.accepted) accepted by the baseline" }
        if result.gone > 0 { line += ", \(result.gone) baseline \(result.gone == 1 ? "entry" : "entries") gone" }
        if external { line += ", \(result.externalLinks) external links checked" }
        if let written = result.baselineWritten {
            reporter.status("Wrote \(written): \(result.accepted) accepted findings.")
            return
        }
        reporter.status((result.failed ? "Check failed: " : "Check passed: ") + line + ".")
        if result.failed { throw ExitCode(1) }
    }
}
