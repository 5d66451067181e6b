import FolioContent
import FolioCore
import FolioEntities
import FolioMarkdown
import FolioModel
import FolioValidate
import Foundation
import Synchronization

/// Builds the site: loads `Content/`, renders every page with cmark-gfm, applies the templates,
/// runs the generators (indexes, search, report), validates, and swaps the result into the output
/// directory only when the build succeeded.
public struct SiteBuilder: Sendable {
    /// What to build and how.
    public struct Options: Sendable {
        /// The project root containing `folio.yml`, `Content/` and `Templates/`.
        public var projectRoot: URL
        public var config: FolioConfig
        /// Fail on warnings too.
        public var strict: Bool
        /// Write the site (`true`) or only run the pipeline and its checks (`false`, for `folio check`).
        public var writeOutput: Bool
        /// Overrides `config.output`.
        public var outputDirectory: URL?
        /// Where the files go instead of the output directory (a ``MemoryOutput`` for bundles and
        /// previews). With a sink the output directory is neither checked nor replaced; `nil`
        /// stages the files beside the output directory and swaps them in.
        public var sink: (any OutputSink)?
        /// Publish pages marked `draft: true` too.
        public var drafts: Bool
        /// Results of earlier builds to reuse (`.folio-cache/`, or memory under `folio serve`);
        /// nil computes everything. Saved after a successful build that writes its output.
        public var cache: BuildCache?
        /// Called after each phase with its name and the seconds since the build started (for a
        /// progress line on a terminal).
        public var progress: (@Sendable (_ phase: String, _ elapsed: Double) -> Void)?

        public init(projectRoot: URL, config: FolioConfig, strict: Bool = false, writeOutput: Bool = true, outputDirectory: URL? = nil, sink: (any OutputSink)? = nil, drafts: Bool = false) {
            self.drafts = drafts
            self.projectRoot = projectRoot
            self.config = config
            self.strict = strict
            self.writeOutput = writeOutput
            self.outputDirectory = outputDirectory
            self.sink = sink
        }

        /// The output directory: the override, else `config.output` under the project root.
        public var output: URL {
            outputDirectory ?? projectRoot.appendingPathComponent(config.output, isDirectory: true)
        }
    }

    /// What a build did.
    public struct Result: Sendable {
        /// Every finding, sorted by file and line.
        public var diagnostics: [Diagnostic]
        /// Content pages rendered.
        public var pageCount: Int
        /// Files written (or that would have been written).
        public var fileCount: Int
        /// Wall time of each phase, in seconds, in order.
        public var timings: [(phase: String, seconds: Double)]
        /// Whether the output was published: the output directory replaced, or every file in the sink.
        public var published: Bool
        /// The output directory.
        public var output: URL
        /// Whether the build failed (errors, or warnings under strict).
        public var failed: Bool
        /// Re-renders one edited page of this build alone (for `folio serve`); nil when nothing was written.
        public var refresher: PageRefresher?
    }

    /// The generators run after the content pages, in order.
    public var generators: [any SiteGenerator]

    /// The most pages a site may have to be built with everything at hand. A larger site is
    /// built to hold less at once: its pages' Markdown is let go after the content checks (the
    /// mentions' source lines are worked out while rendering), and the search generator
    /// tokenizes the content pages after the index pages rather than beside them (at 10,000
    /// pages, about 300 MB of tokens beside the index and open data tables). A smaller site
    /// lets its Markdown go after the index pages. The site is the same either way.
    public var largeSitePages = 2_000

    public init(generators: [any SiteGenerator] = SiteBuilder.standardGenerators) {
        self.generators = generators
    }

    /// The generators of a standard Folio site. Search runs after the taxonomies so it indexes
    /// their pages; the validation report comes last.
    public static var standardGenerators: [any SiteGenerator] { [TaxonomyGenerator(), SearchGenerator(), ValidationReportGenerator()] }

    /// Runs the build.
    /// - Throws: ``FolioError`` for configuration and I/O problems (a bad template, an unreadable
    ///   folder, a refused output directory). Content problems are diagnostics in the result.
    public func build(_ options: Options) throws -> Result {
        var timings: [(String, Double)] = []
        var clock = Date()
        let started = clock
        func lap(_ phase: String) {
            // What the phase freed goes back to the system: the next phase starts from the data
            // still in use, not from the last phase's peak.
            FreedMemory.returnToSystem()
            let now = Date()
            timings.append((phase, now.timeIntervalSince(clock)))
            clock = now
            options.progress?(phase, now.timeIntervalSince(started))
        }
        let root = options.projectRoot
        let config = options.config
        options.cache?.beginBuild()
        let contentURL = root.appendingPathComponent(config.content, isDirectory: true)
        let output = options.output.standardizedFileURL
        let toDisk = options.writeOutput && options.sink == nil
        try Self.requireContentFolder(contentURL, display: config.content)
        if toDisk {
            try OutputGuard.check(output: output, projectRoot: root, contentDirectory: contentURL)
        }

        // Generators' own data files and the templates are read on other threads while the
        // content loads.
        let cache = options.cache
        let templatesURL = root.appendingPathComponent(config.templates, isDirectory: true)
        let readingTemplates = BackgroundJob<TemplateLibrary>()
        readingTemplates.start { try TemplateLibrary(directory: templatesURL, displayDirectory: config.templates) }
        let preparing = generators.map { generator in
            let job = BackgroundJob<(any Sendable)?>()
            job.start { generator.prepare(projectRoot: root, config: config, cache: cache) }
            return job
        }

        // Load
        var diagnostics: [Diagnostic] = []
        var content: ContentSet
        do {
            var loader = ContentLoader(projectRoot: root, contentDirectory: config.content, includeDrafts: options.drafts, cache: options.cache)
            loader.bodiesUpTo = largeSitePages
            let (loaded, found) = try loader.load()
            content = loaded
            diagnostics += found
        } catch let error as ContentError {
            throw FolioError.configuration(file: error.diagnostic.location?.file ?? config.content, line: error.diagnostic.location?.line, message: error.diagnostic.message, hint: error.diagnostic.hint)
        }
        let templates = try readingTemplates.result() ?? TemplateLibrary(directory: templatesURL, displayDirectory: config.templates)
        lap("load")

        // Tag each article once (its first mentions of indexed terms linked to their pages) and
        // render the Markdown, on all cores.
        // A large site works out its mentions' source lines here, so that the pages' Markdown
        // can go once the content checks are done.
        let linker = try termLinker(preparing, cache: cache)
        let sourceMapper = SourceLineMapper(projectRoot: root)
        var published: [PublishedPage] = []
        var entities: [String: ArticleEntities] = [:]
        var mentionSourceLines: [String: [Int: Int]] = [:]
        var setAside: SetAsidePages?
        let boundsMemory: Bool
        // Pages whose Markdown or set-aside text could not be read again (a file changed or
        // removed during the build, a failed read): the build stops rather than use less.
        let unreadable = UnreadablePages()
        do {
            let allPages = content.allPages
            boundsMemory = allPages.count > largeSitePages || !content.bodiesLoaded
            // A large site keeps each page's HTML and text on disk from the moment they are made
            // until they are used, next to the output (or in the temporary folder when nothing
            // is written); its pages' Markdown is read again for rendering and for the checks.
            let spill = boundsMemory ? SpilledText(in: toDisk ? output.deletingLastPathComponent() : FileManager.default.temporaryDirectory) : nil
            let bodiesLoaded = content.bodiesLoaded
            let renderer = MarkdownRenderer()
            let rendered = ConcurrentMap.map(allPages) { page in
                var page = page
                // A page that cannot be read again renders empty; the build stops after rendering.
                if !bodiesLoaded, let body = unreadable.body(of: page, projectRoot: root) { page.body = body }
                var (result, analysis, key) = TermLinker.render(page, linker: linker, renderer: renderer, cache: cache)
                let lines = boundsMemory ? analysis.map { IndexedPage.mentionSourceLines(of: page, entities: $0, mapper: sourceMapper) } : nil
                let html = spill?.store(result.html)
                if html != nil { result.html = "" }
                let text = spill.flatMap { SetAsidePages.store(result.textBlocks, in: $0) }
                if text != nil { result.textBlocks = [] }
                return (result, analysis, key, lines, html, text)
            }
            if let spill { setAside = SetAsidePages(store: spill) }
            for (page, (result, analysis, key, lines, html, text)) in zip(allPages, rendered) {
                published.append(PublishedPage(page: page, urlPath: page.urlPath, rendered: result, renderingKey: key))
                diagnostics += result.diagnostics
                if let analysis { entities[page.path] = analysis }
                if let lines, !lines.isEmpty { mentionSourceLines[page.path] = lines }
                if let html { setAside?.html[page.path] = html }
                if let text { setAside?.textBlocks[page.path] = text }
            }
        }
        try unreadable.stopTheBuild()
        diagnostics += Self.urlCollisions(published)
        lap("render")
        let stated = (content.manifest?.documents ?? []).reduce(into: [String: DocumentConventions]()) { $0[$1.slug] = $1.conventions }
        var validator = ContentValidator(projectRoot: root, sourceMapper: sourceMapper, conventions: stated, cache: cache)
        if boundsMemory {
            // The checks read a document's pages whole, one document at a time.
            let bodiesLoaded = content.bodiesLoaded
            let reading = setAside
            validator.restoring = { published in
                var whole = published
                if !bodiesLoaded {
                    guard let body = unreadable.body(of: published.page, projectRoot: root) else { return published }
                    whole.page.body = body
                }
                do {
                    if let reading { whole.rendered.textBlocks = try reading.textBlocks(of: published) }
                } catch {
                    unreadable.add(published.page.path)
                }
                return whole
            }
        }
        var contentFindings = validator.validate(published)
        try unreadable.stopTheBuild()
        diagnostics += contentFindings.diagnostics
        if boundsMemory {
            for index in published.indices { published[index].page.body = "" }
            content.releaseBodies()
            contentFindings.releasePageBodies()
        }
        lap("check content")

        // Write pages.
        let staged: StagedDirectoryOutput? = toDisk ? try StagedDirectoryOutput(destination: output) : nil
        // A build that writes nothing (a check) takes what earlier builds recorded for the same inputs.
        let sink: any OutputSink = options.writeOutput ? (options.sink ?? staged ?? DiscardingOutput()) : DiscardingOutput(trustingRecords: options.cache != nil)
        do {
            var snapshot = SiteSnapshot(config: config, content: content, pages: published, diagnostics: diagnostics)
            snapshot.projectRoot = root
            snapshot.sourceMapper = sourceMapper
            snapshot.entities = entities
            snapshot.mentionSourceLines = mentionSourceLines
            snapshot.setAside = setAside
            entities = [:]
            mentionSourceLines = [:]
            setAside = nil
            // Each generator sees what it prepared, so one whose data files failed links nowhere.
            let prepared = try preparing.map { try $0.result() ?? nil }
            var navigation: [NavigationEntry] = [], footer: [NavigationEntry] = []
            for (index, generator) in generators.enumerated() {
                var site = snapshot
                site.prepared = prepared[index]
                navigation += generator.navigationEntries(for: site)
                footer += generator.footerEntries(for: site)
            }
            let layout = Self.layoutContext(config: config, snapshot: snapshot, navigation: navigation, footer: footer)
            let writer = PageWriter(templates: templates, sink: sink, layout: layout, cache: options.cache)
            // Top-level sections the generators publish (`companies`, `search`…); pages link only to these.
            let sections = Set((navigation + footer).compactMap { $0.path.split(separator: "/").first.map(String.init) })
            diagnostics += try ContentPageWriter(snapshot: snapshot, writer: writer, sections: sections).writeAll()
            // The pages are written: the generators read the pages' headings, text blocks and
            // anchors, never their HTML nor what only writing and checking them read (links,
            // captions, findings), so those are released here (a fifth of the build's memory).
            let pageCount = published.count
            published = []
            snapshot.setAside?.html = [:]
            snapshot.pages = snapshot.pages.map { page in
                var page = page
                page.rendered.html = ""
                page.rendered.links = []
                page.rendered.captions = []
                page.rendered.diagnostics = []
                return page
            }
            try AssetCopier.copy(from: root.appendingPathComponent(config.templates, isDirectory: true), displayDirectory: config.templates, to: "assets", writer: writer)
            try AssetCopier.copyMedia(from: root.appendingPathComponent(config.content, isDirectory: true), writer: writer)
            lap("pages")

            // The search generator collects and tokenizes the content pages on another thread
            // while the earlier generators write; it then only adds the pages they wrote.
            // A large site tokenizes after them instead, so the two never hold their data at once.
            let searchIndex = generators.firstIndex { $0 is SearchGenerator }
            let tokenizing = BackgroundJob<SearchGenerator.Prepared>()
            // What the search generator tokenizes at its turn (a large site), nil when it is done beside.
            var searchSite: SiteSnapshot?
            if let searchIndex, let search = generators[searchIndex] as? SearchGenerator {
                var tagless = snapshot
                tagless.entities = [:]
                tagless.releasePageBodies()
                if boundsMemory {
                    searchSite = tagless
                } else {
                    let site = tagless
                    tokenizing.start { try search.prepare(site, cache: cache) }
                }
            }
            for (index, generator) in generators.enumerated() {
                snapshot.diagnostics = diagnostics
                snapshot.prepared = prepared[index]
                if index == searchIndex, let search = generator as? SearchGenerator {
                    let tokens = try searchSite.map { try search.prepare($0, cache: cache) } ?? tokenizing.takeResult()
                    searchSite = nil
                    diagnostics += try search.generate(snapshot, writer: writer, prepared: tokens)
                    // Search was the last reader of what the build set aside.
                    snapshot.setAside = nil
                } else {
                    diagnostics += try generator.generate(snapshot, writer: writer)
                }
                // The taxonomy generator is the tagging's and the Markdown's last reader: both
                // are let go once the index pages are written.
                if generator is TaxonomyGenerator {
                    snapshot.entities = [:]
                    snapshot.mentionSourceLines = [:]
                    snapshot.releasePageBodies()
                    content = snapshot.content
                    contentFindings.releasePageBodies()
                }
                lap(generator.name)
            }
            if config.baseURL.isEmpty {
                // The sitemap protocol requires absolute URLs: without base_url there is none.
                diagnostics.append(Diagnostic(code: "SITE020", severity: .info, message: "no sitemap.xml was written: base_url is empty, and a sitemap needs absolute URLs", location: SourceLocation(file: "folio.yml", line: 0), hint: "set `base_url:` in folio.yml (or pass `folio build --base-url URL`) to publish a sitemap"))
            } else {
                try writer.write(Sitemap.xml(for: snapshot, extraPaths: writer.writtenPaths), to: "sitemap.xml")
            }

            // Bundles are written by `folio bundle` after the build; links to them count as existing.
            let announced = Set(DownloadCatalog.linked(config: config, documents: content.documents).map { $0.path })
            diagnostics += OutputLinkValidator().validate(writer.writtenHTML, existingPaths: writer.writtenPaths.union(announced), reportedLinks: contentFindings.reportedLinks, cache: options.cache)
            lap("validate")

            // Baseline entries that are gone are reported by `folio check`, which also sees import findings.
            diagnostics = try DiagnosticPolicy.load(projectRoot: root, validation: config.validation).evaluate(contentFindings.attachingSources(diagnostics)).active
            let summary = DiagnosticSummary(diagnostics)
            let failed = summary.fails(strict: options.strict || config.validation.strict)
            let fileCount = writer.writtenPaths.count
            if let staged {
                if failed {
                    staged.discard()
                } else {
                    // Bundles are written by `folio bundle`, not by the build: keep the last ones.
                    try staged.commit(preserving: [DownloadCatalog.directory])
                }
            }
            // A build that publishes prunes what it did not use (a check reads the cache only).
            if !failed && options.writeOutput { options.cache?.save() }
            snapshot.prepared = nil
            lap("publish")
            let refresher = options.writeOutput
                ? PageRefresher(snapshot: snapshot, templates: templates, layout: layout, sections: sections, linker: linker, includeDrafts: options.drafts) : nil
            return Result(
                diagnostics: diagnostics, pageCount: pageCount, fileCount: fileCount, timings: timings, published: options.writeOutput && !failed, output: output, failed: failed,
                refresher: refresher
            )
        } catch {
            staged?.discard()
            throw error
        }
    }

    /// The term linker of the taxonomy generator, once its gazetteers are read; nil without one.
    private func termLinker(_ preparing: [BackgroundJob<(any Sendable)?>], cache: BuildCache?) throws -> TermLinker? {
        guard let index = generators.firstIndex(where: { $0 is TaxonomyGenerator }),
              let files = try preparing[index].result() as? TaxonomyGenerator.DataFiles,
              files.problem == nil, files.failure == nil, let gazetteers = files.gazetteers
        else { return nil }
        return TermLinker(gazetteers: gazetteers, cache: cache)
    }

    /// Two pages that would be written to the same URL.
    static func urlCollisions(_ pages: [PublishedPage]) -> [Diagnostic] {
        var seen: [String: String] = [:]
        var seenFolded: [String: (path: String, url: String)] = [:]
        var diagnostics: [Diagnostic] = []
        for page in pages {
            if let other = seen[page.urlPath] {
                diagnostics.append(Diagnostic(code: "SITE001", severity: .error, message: "`\(page.page.path)` and `\(other)` would both be published at `\(page.urlPath)`", location: SourceLocation(file: page.page.path, line: 1), hint: "give one of them a different `slug:` in its front matter"))
                continue
            }
            seen[page.urlPath] = page.page.path
            // macOS and Windows disks ignore case: `Corning/` and `corning/` are one folder there.
            let folded = page.urlPath.lowercased()
            if let other = seenFolded[folded] {
                diagnostics.append(Diagnostic(code: "SITE002", severity: .error, message: "`\(page.page.path)` is published at `\(page.urlPath)` and `\(other.path)` at `\(other.url)`, which differ only in case and overwrite each other on case-insensitive disks", location: SourceLocation(file: page.page.path, line: 1), hint: "give one of them a different `slug:` in its front matter"))
            } else {
                seenFolded[folded] = (page.page.path, page.urlPath)
            }
        }
        return diagnostics
    }

    static func layoutContext(config: FolioConfig, snapshot: SiteSnapshot, navigation: [NavigationEntry], footer: [NavigationEntry]) -> [String: any Sendable] {
        let aboutPages = snapshot.content.pages.map { NavigationEntry(title: $0.frontMatter.title, path: SiteURL.file(for: $0.urlPath)) }
        func entries(_ list: [NavigationEntry]) -> [[String: String]] {
            list.map { e in
                var d = ["title": e.title, "path": e.path]
                if let s = e.summary { d["summary"] = s }
                return d
            }
        }
        return [
            "site": [
                "title": config.title,
                "description": config.description,
                "baseURL": config.baseURL,
                "version": FolioVersion.current,
            ] as [String: String],
            "language": config.language,
            "navigation": entries(navigation),
            "footerLinks": entries(aboutPages + footer),
            "hasSearch": navigation.contains { $0.path.hasPrefix("search/") } || footer.contains { $0.path.hasPrefix("search/") },
            "hasSitemap": !config.baseURL.isEmpty,
        ]
    }
}

/// Folio's version, shown in `--version` and the `generator` meta tag.
public enum FolioVersion {
    public static let current = "0.1.0"
}


/// Pages of a large build whose Markdown or set-aside text could not be read again (a file
/// changed or removed while the build ran, a failed read), noted from any thread.
final class UnreadablePages: Sendable {
    private let paths = Mutex<[String]>([])

    func add(_ path: String) {
        paths.withLock { $0.append(path) }
    }

    /// The Markdown of `page` read again from its file, or nil (the page noted) when it cannot be.
    func body(of page: Page, projectRoot: URL) -> String? {
        guard let body = ContentLoader.reloadBody(of: page, projectRoot: projectRoot) else {
            add(page.path)
            return nil
        }
        return body
    }

    /// Stops the build, naming the first such page, when there is one.
    func stopTheBuild() throws {
        guard let first = paths.withLock({ $0.sorted().first }) else { return }
        throw FolioError.io(path: first, message: "the file changed or could not be read again while the build was running; build again")
    }
}
