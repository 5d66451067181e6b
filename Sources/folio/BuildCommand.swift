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

    @Option(help: "Absolute URL where the site is published, overriding base_url from folio.yml (used for sitemap.xml and 404.html).")
    var baseURL: String?

    @Flag(help: "Publish pages marked `draft: true` too.")
    var drafts = false

    @Flag(help: "Ignore the build cache (.folio-cache/, left as it is): compute every file anew.")
    var clean = false

    @Option(help: "Least severe finding printed: info, warning or error (default: validation.min_severity, else warning for text and info for json).")
    var minSeverity: Severity?

    func validate() throws {
        if let baseURL, !baseURL.isEmpty {
            guard let url = URL(string: baseURL), let scheme = url.scheme, ["http", "https"].contains(scheme.lowercased()), url.host != nil else {
                throw ValidationError("--base-url must be an absolute http(s) URL such as https://example.org/reports/, not `\(baseURL)`")
            }
        }
    }

    func run() async throws {
        var reporter = Reporter(global: global, diagnosticFormat: format.diagnosticFormat, minSeverity: minSeverity)
        reporter.strict = strict
        try global.requireRoot(reporter)
        let start = Date()
        var (config, configDiagnostics) = try await reporter.guarding { try loadConfig(global, reporter: reporter) }
        if let baseURL { config.baseURL = baseURL }
        reporter.configMinSeverity = config.validation.minSeverity
        reporter.strict = strict || config.validation.strict
        let outputURL = output.map { URL(fileURLWithPath: $0, relativeTo: global.projectRoot).standardizedFileURL }
        let cleanup = InterruptCleanup(output: outputURL ?? global.projectRoot.appendingPathComponent(config.output, isDirectory: true))
        defer { withExtendedLifetime(cleanup) {} }
        let progress = ProgressLine(label: "folio build", quiet: global.quiet)
        let result = try await reporter.guarding {
            var options = SiteBuilder.Options(projectRoot: global.projectRoot, config: config, strict: strict, writeOutput: true, outputDirectory: outputURL, drafts: drafts)
            // `--clean` computes everything: it neither reads nor changes the cache.
            if !clean { options.cache = BuildCache(directory: BuildCache.directory(in: global.projectRoot)) }
            options.progress = { phase, elapsed in progress.update(phase, elapsed) }
            defer { progress.clear() }
            do {
                return try SiteBuilder().build(options)
            } catch {
                InterruptCleanup.stopping.yieldToSignalHandler()
                throw error
            }
        }
        let diagnostics = Diagnostic.sortedForOutput(configDiagnostics + result.diagnostics)
        reporter.report(diagnostics)
        reporter.timings(result.timings)
        let summary = DiagnosticSummary(diagnostics)
        if result.failed {
            let cause = summary.errors > 0 ? "" : " (warnings fail the build under --strict)"
            reporter.failure("Build failed: \(DiagnosticFormatter.summaryLine(summary))\(cause); the previous \(result.output.lastPathComponent)/ was left untouched.")
            throw ExitCode(1)
        }
        reporter.status("Built \(result.pageCount) pages (\(result.fileCount) files) into \(result.output.path) in \(elapsedMilliseconds(since: start)) ms — \(DiagnosticFormatter.summaryLine(summary)).")
        // The build is over and so is the process: its memory goes back to the system whole,
        // instead of the site's pages, tagging and templates being released value by value.
        withExtendedLifetime(result) { Foundation.exit(0) }
    }
}
