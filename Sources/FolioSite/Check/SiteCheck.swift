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
        /// Findings of other stages (import) to include, already located.
        public var extraDiagnostics: [Diagnostic]

        public init(projectRoot: URL, config: FolioConfig, strict: Bool = false, external: Bool = false, baseline: String? = nil, writeBaseline: Bool = false, extraDiagnostics: [Diagnostic] = []) {
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
        /// Findings the baseline accepted.
        public var accepted: Int
        /// Baseline entries no longer found.
        public var gone: Int
        /// External URLs checked.
        public var externalLinks: Int
        /// The baseline file written, with `writeBaseline`.
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
            throw FolioError.io(path: explicit, message: "baseline file not found")
        }
        var buildConfig = options.config
        buildConfig.validation.baseline = ""
        let built = try SiteBuilder().build(.init(projectRoot: options.projectRoot, config: buildConfig, strict: options.strict, writeOutput: false))
        var timings = built.timings
        var diagnostics = FindingOverlap.merging(imported: options.extraDiagnostics, checked: built.diagnostics)
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
        if options.writeBaseline {
            let path = baselinePath.isEmpty ? ".folio-baseline.json" : baselinePath
            let url = projectPath(path, in: options.projectRoot)
            do {
                try Baseline(accepting: outcome.beforeBaseline.filter { $0.code != "BAS001" }).encoded().write(to: url, options: .atomic)
            } catch {
                throw FolioError.io(path: path, message: "cannot write the baseline: \(error.localizedDescription)")
            }
            written = path
        }
        let active = options.writeBaseline ? outcome.active.filter { $0.severity == .info } : outcome.active + policy.goneDiagnostics(outcome.gone)
        let failed = DiagnosticSummary(active).fails(strict: options.strict || options.config.validation.strict)
        return Result(diagnostics: active, accepted: options.writeBaseline ? outcome.active.count - active.count : outcome.accepted.count, gone: outcome.gone.count, externalLinks: externalCount, baselineWritten: written, timings: timings, failed: failed)
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
