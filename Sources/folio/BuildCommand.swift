import ArgumentParser
import FolioCore
import FolioSite
import Foundation

/// `folio build`: renders `Content/` into the site directory.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render Content/ into a static site, validating it on the way.",
        discussion: "The site is written to a temporary directory and swapped into place only when the build succeeds; a failed build leaves the previous site untouched."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Fail on warnings as well as errors.")
    var strict = false

    @Option(name: .shortAndLong, help: "Output directory (default: `output` from folio.yml, usually Site).")
    var output: String?

    @Option(help: "Diagnostics format: text (stderr) or json (stdout).")
    var format: OutputFormat = .text

    func run() async throws {
        let reporter = Reporter(global: global, format: format)
        let start = Date()
        let (config, configDiagnostics) = try loadConfig(global, reporter: reporter)
        let outputURL = output.map { URL(fileURLWithPath: $0, relativeTo: global.projectRoot).standardizedFileURL }
        let result = try SiteBuilder().build(.init(projectRoot: global.projectRoot, config: config, strict: strict, writeOutput: true, outputDirectory: outputURL))
        let diagnostics = Diagnostic.sortedForOutput(configDiagnostics + result.diagnostics)
        reporter.report(diagnostics)
        reporter.timings(result.timings)
        let summary = DiagnosticSummary(diagnostics)
        if result.failed {
            reporter.status("Build failed: \(DiagnosticFormatter.summaryLine(summary)); the previous \(result.output.lastPathComponent)/ was left untouched.")
            throw ExitCode(1)
        }
        reporter.status("Built \(result.pageCount) pages (\(result.fileCount) files) into \(result.output.path) in \(elapsedMilliseconds(since: start)) ms — \(DiagnosticFormatter.summaryLine(summary)).")
    }
}
