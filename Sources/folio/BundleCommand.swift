import ArgumentParser
import FolioBundle
import FolioCore
import Foundation

/// `folio bundle`: writes the offline bundles (site zip, EPUB 3, single-file HTML).
struct BundleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Write offline bundles: a zip of the site, EPUB 3 books and single-file HTML documents.",
        discussion: """
        Bundles go into <output>/downloads/ (linked from the site when folio.yml has `bundles: true`) \
        or into --output DIR. Files are written to temporary names and renamed into place only when \
        all of them were made, so a failure leaves earlier bundles untouched. Two runs on the same \
        content give byte-identical files; --check exits 1 when any bundle is missing or stale.
        """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .shortAndLong, help: "Directory to write bundles into (default: <output>/downloads, usually Site/downloads).")
    var output: String?

    @Flag(help: "Write nothing; exit 1 and list the bundles that are missing or out of date.")
    var check = false

    @Option(name: .customLong("only"), parsing: .upToNextOption, help: "Bundle formats to make: zip, epub, html (default: `bundles.formats` from folio.yml, else all).")
    var formats: [String] = []

    @Option(help: "Diagnostics format: text (stderr) or json (stdout).")
    var format: OutputFormat = .text

    func validate() throws {
        for name in formats where BundleConfig.Format(rawValue: name) == nil {
            throw ValidationError("unknown bundle format `\(name)`; use zip, epub or html")
        }
    }

    func run() async throws {
        let reporter = Reporter(global: global, format: format)
        try global.requireRoot(reporter)
        let start = Date()
        let (config, configDiagnostics) = try await reporter.guarding { try loadConfig(global, reporter: reporter) }
        let outputURL = output.map { URL(fileURLWithPath: $0, relativeTo: global.projectRoot).standardizedFileURL }
        let chosen = formats.isEmpty ? nil : formats.compactMap(BundleConfig.Format.init(rawValue:))
        let result: Bundler.Result
        do {
            result = try Bundler().run(.init(projectRoot: global.projectRoot, config: config, outputDirectory: outputURL, formats: chosen, checkOnly: check))
        } catch let error as BundleError {
            if case let .siteFailed(diagnostics) = error {
                reporter.report(Diagnostic.sortedForOutput(configDiagnostics + diagnostics))
                FileHandle.standardError.write(Data("error: the content has errors (\(DiagnosticFormatter.summaryLine(DiagnosticSummary(diagnostics)))), so no bundle was written\n".utf8))
            } else {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
            }
            throw ExitCode(error.exitCode)
        }
        reporter.report(Diagnostic.sortedForOutput(configDiagnostics + result.diagnostics))
        reporter.timings(result.timings)
        let display = result.output.path
        if check {
            if result.stale.isEmpty {
                reporter.status("All \(result.bundles.count) bundles in \(display) are up to date.")
                return
            }
            for bundle in result.stale {
                FileHandle.standardError.write(Data("\(bundle.missing ? "missing" : "stale"): \(display)/\(bundle.fileName)\n".utf8))
            }
            let missing = result.stale.filter(\.missing).count
            let stale = result.stale.count - missing
            var parts: [String] = []
            if missing > 0 { parts.append("\(missing) missing (never built)") }
            if stale > 0 { parts.append("\(stale) out of date") }
            reporter.failure("\(result.stale.count) of \(result.bundles.count) bundles need `folio bundle`: \(parts.joined(separator: ", ")).")
            throw ExitCode(1)
        }
        if global.verbose {
            for bundle in result.bundles { reporter.status("  \(bundle.fileName)  \(bundle.size) bytes") }
        }
        reporter.status("Wrote \(result.bundles.count) bundles (\(result.bundles.reduce(0) { $0 + $1.size }) bytes) into \(display) in \(elapsedMilliseconds(since: start)) ms.")
    }
}
