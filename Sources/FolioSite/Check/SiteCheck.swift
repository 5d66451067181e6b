import FolioContent
import FolioCore
import FolioMarkdown
import FolioModel
import FolioValidate
import Foundation

/// `folio check`: the build pipeline without writing the site, optionally external links,
/// then the validation policy (overrides, ignores, baseline) applied once to everything.
public struct SiteCheck: Sendable {
    /// What to check and how.
    public struct Options: Sendable {
        public var projectRoot: URL
        public var config: FolioConfig
        public var strict: Bool
        /// Check external links over HTTP(S).
        public var external: Bool
        /// Baseline file (project-relative) overriding `validation.baseline`; empty for none.
        public var baseline: String?
        /// Record every current error and warning as the new baseline.
        public var writeBaseline: Bool
        /// Rewrite the baseline with the findings it accepts now, as version 2 (fingerprints):
        /// migrates version-1 files and drops entries that are gone; adds nothing new.
        public var updateBaseline: Bool
        /// Findings of other stages (import) to include, already located.
        public var extraDiagnostics: [Diagnostic]

        public init(projectRoot: URL, config: FolioConfig, strict: Bool = false, external: Bool = false, baseline: String? = nil, writeBaseline: Bool = false, updateBaseline: Bool = false, extraDiagnostics: [Diagnostic] = []) {
            self.updateBaseline = updateBaseline
            self.projectRoot = projectRoot
            self.config = config
            self.strict = strict
            self.external = external
            self.baseline = baseline
            self.writeBaseline = writeBaseline
            self.extraDiagnostics = extraDiagnostics
        }
    }

    /// What a check found.
    public struct Result: Sendable {
        /// Findings that count, sorted, plus `BAS001` infos for baseline entries that are gone.
        public var diagnostics: [Diagnostic]
        /// Findings the baseline accepted (marked ``Diagnostic/baselined``), sorted.
        public var acceptedDiagnostics: [Diagnostic]
        /// Findings the baseline accepted.
        public var accepted: Int { acceptedDiagnostics.count }
        /// Baseline entries no longer found.
        public var gone: Int
        /// External URLs checked.
        public var externalLinks: Int
        /// Whether the baseline in use is of version 1 (run `--update-baseline` to migrate it).
        public var baselineNeedsMigration: Bool
        /// The baseline file written, with `writeBaseline` or `updateBaseline`.
        public var baselineWritten: String?
        public var timings: [(phase: String, seconds: Double)]
        /// Whether the check fails (errors, or warnings under strict).
        public var failed: Bool
    }

    public init() {}

    /// Runs the check.
    /// - Throws: ``FolioError`` for configuration and I/O problems.
    public func run(_ options: Options) async throws -> Result {
        let baselinePath = options.baseline ?? options.config.validation.baseline
        // A baseline named on the command line must exist; the configured one is optional.
        if let explicit = options.baseline, !explicit.isEmpty, !options.writeBaseline,
           !FileManager.default.fileExists(atPath: projectPath(explicit, in: options.projectRoot).path) {
            throw FolioError.configuration(file: explicit, line: nil, message: "baseline file not found", hint: "check the path given to --baseline, or create the file with `folio check --write-baseline --baseline \(explicit)`")
        }
        var buildConfig = options.config
        buildConfig.validation.baseline = ""
        // Pages the last `folio build` rendered are reused; the check itself leaves the cache as it is.
        var build = SiteBuilder.Options(projectRoot: options.projectRoot, config: buildConfig, strict: options.strict, writeOutput: false)
        build.cache = BuildCache(directory: BuildCache.directory(in: options.projectRoot), readOnly: true)
        let built = try SiteBuilder().build(build)
        var timings = built.timings
        var diagnostics = options.extraDiagnostics + built.diagnostics
        var externalCount = 0
        if options.external {
            let start = Date()
            let links = try Self.externalLinks(options)
            externalCount = links.count
            let external = options.config.validation.external
            let checker = ExternalLinkChecker(config: external, cacheFile: external.cache.isEmpty ? nil : projectPath(external.cache, in: options.projectRoot))
            diagnostics += await checker.check(links)
            timings.append(("external links", Date().timeIntervalSince(start)))
        }
        var validation = options.config.validation
        validation.baseline = options.writeBaseline ? "" : baselinePath
        let policy = try DiagnosticPolicy.load(projectRoot: options.projectRoot, validation: validation, externalChecked: options.external)
        let outcome = policy.evaluate(diagnostics)
        var written: String?
        let path = baselinePath.isEmpty ? ".folio-baseline.json" : baselinePath
        if options.writeBaseline || options.updateBaseline {
            if options.updateBaseline && policy.baseline == nil {
                throw FolioError.configuration(file: path, line: nil, message: "there is no baseline to update", hint: "create one with `folio check --write-baseline`")
            }
            let kept = options.writeBaseline ? outcome.beforeBaseline : outcome.accepted
            let url = projectPath(path, in: options.projectRoot)
            do {
                try Baseline(accepting: kept).encoded().write(to: url, options: .atomic)
            } catch {
                throw FolioError.io(path: path, message: "cannot write the baseline: \(error.localizedDescription)")
            }
            written = path
        }
        var acceptedDiagnostics = outcome.accepted
        var active = outcome.active + (options.updateBaseline ? [] : policy.goneDiagnostics(outcome.gone))
        if options.writeBaseline {
            acceptedDiagnostics = outcome.active.filter { $0.severity != .info }.map { var d = $0; d.baselined = true; return d }
            active = outcome.active.filter { $0.severity == .info }
        }
        // One finding per cause, after the baseline matched each finding on its own.
        // A finding that follows from an accepted one is folded into it and accepted with it.
        let folded = FindingCauses.fold(active + acceptedDiagnostics.map { var d = $0; d.baselined = true; return d })
        active = folded.filter { !$0.baselined }
        acceptedDiagnostics = folded.filter(\.baselined)
        let failed = DiagnosticSummary(active).fails(strict: options.strict || options.config.validation.strict)
        return Result(
            diagnostics: active, acceptedDiagnostics: Diagnostic.sortedForOutput(acceptedDiagnostics),
            gone: options.updateBaseline ? 0 : outcome.gone.count, externalLinks: externalCount,
            baselineNeedsMigration: !options.updateBaseline && (policy.baseline?.needsMigration ?? false),
            baselineWritten: written, timings: timings, failed: failed
        )
    }

    /// Loads and renders the content to collect its external links.
    static func externalLinks(_ options: Options) throws -> [ExternalLink] {
        let content: ContentSet
        do {
            content = try ContentLoader(projectRoot: options.projectRoot, contentDirectory: options.config.content).load().0
        } catch let error as ContentError {
            throw FolioError.configuration(file: error.diagnostic.location?.file ?? options.config.content, line: error.diagnostic.location?.line, message: error.diagnostic.message, hint: error.diagnostic.hint)
        }
        let renderer = MarkdownRenderer()
        let pages = content.allPages.map { page in
            PublishedPage(page: page, urlPath: page.urlPath, rendered: renderer.render(page.body, origin: .init(file: page.path, firstLine: page.bodyStartLine)))
        }
        return ExternalLink.collect(from: pages, excluding: options.config.validation.external.exclude, mapper: SourceLineMapper(projectRoot: options.projectRoot))
    }
}
