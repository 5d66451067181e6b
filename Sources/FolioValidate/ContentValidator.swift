import FolioContent
import FolioCore
import FolioMarkdown
import FolioModel
import Foundation

/// Runs every offline content check (citations, figures and tables, structure, links and URLs)
/// over the published pages, from the facts collected while rendering and the Markdown lines;
/// never by parsing HTML. Each finding gets its `Content/` file and line and, for imported
/// articles, the `Content/sources/` line it came from.
public struct ContentValidator: Sendable {
    /// The project root, to find image files and raw sources.
    public var projectRoot: URL
    /// Maps article lines back to raw source lines.
    public var sourceMapper: SourceLineMapper
    /// Conventions the corpus entries state, by document slug; they win over what is learnt.
    public var conventions: [String: DocumentConventions]
    /// Findings of earlier builds about pages on their own, by the page's rendering key.
    public var cache: BuildCache?
    /// Gives back what a large build let go of a page (its Markdown, its text blocks) for the
    /// time its document is checked; nil when pages come whole.
    public var restoring: (@Sendable (PublishedPage) -> PublishedPage)?

    /// - Parameter projectRoot: the directory holding `Content/`.
    /// - Parameter sourceMapper: defaults to one that reads the sources the pages name.
    /// - Parameter conventions: stated conventions by document slug (from `corpus.yml`).
    /// - Parameter cache: where the findings of checks that read only the page itself are kept.
    public init(projectRoot: URL, sourceMapper: SourceLineMapper? = nil, conventions: [String: DocumentConventions] = [:], cache: BuildCache? = nil) {
        self.projectRoot = projectRoot
        self.sourceMapper = sourceMapper ?? SourceLineMapper(projectRoot: projectRoot)
        self.conventions = conventions
        self.cache = cache
    }

    /// What validation found.
    public struct Result: Sendable {
        /// Every finding, with source locations attached.
        public var diagnostics: [Diagnostic]
        /// Links already reported at their Markdown line, so the built-site link check does not
        /// report them a second time: `Content/path#fragment` for missing anchors and
        /// `Content/path url` for missing images.
        public var reportedLinks: Set<String>
        /// Each page by `Content/` path (the pages' rendering is not kept).
        var pages: [String: Page]
        let mapper: SourceLineMapper
        /// The project root, to read a page's Markdown again once it was let go.
        let projectRoot: URL

        /// Adds the raw source line to findings of other stages (rendering, page writing) that
        /// point into an imported article and have none yet.
        public func attachingSources(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
            ContentValidator.attachingSources(diagnostics, pages: pages, mapper: mapper, projectRoot: projectRoot)
        }

        /// Lets go of the pages' Markdown: ``attachingSources(_:)`` then reads the file of a page
        /// that a finding points into again (a file that changed since is given no source line).
        public mutating func releasePageBodies() {
            for key in pages.keys { pages[key]?.body = "" }
        }
    }

    /// `diagnostics` with the raw source line added to those that point into an imported article
    /// of `pages` and have none yet. Each page's lines are split once, on all cores.
    static func attachingSources(_ diagnostics: [Diagnostic], pages: [String: Page], mapper: SourceLineMapper, projectRoot: URL? = nil) -> [Diagnostic] {
        var byFile: [String: [Int]] = [:]
        for (index, diagnostic) in diagnostics.enumerated() where diagnostic.source == nil {
            if let file = diagnostic.location?.file, pages[file] != nil { byFile[file, default: []].append(index) }
        }
        guard !byFile.isEmpty else { return diagnostics }
        let work = byFile.sorted { $0.key < $1.key }
        let found = ConcurrentMap.map(work) { file, indices -> [(Int, SourceLocation?)] in
            guard var page = pages[file] else { return [] }
            if page.body.isEmpty, let projectRoot {
                // The Markdown was let go after the checks: read it again.
                guard let body = ContentLoader.reloadBody(of: page, projectRoot: projectRoot) else { return [] }
                page.body = body
            }
            let lines = TextLines.split(page.body)
            return indices.map { index in
                guard let line = diagnostics[index].location?.line else { return (index, nil) }
                let bodyLine = line - page.bodyStartLine + 1
                return (index, mapper.sourceLocation(for: page, bodyLine: bodyLine, bodyLines: lines, note: note(named: diagnostics[index].message, on: lines, bodyLine)))
            }
        }
        var result = diagnostics
        for (index, source) in found.flatMap({ $0 }) { result[index].source = source }
        return result
    }

    /// Validates `pages` (in site order) and returns the findings.
    ///
    /// Pages are checked by document: each page on its own, then the document as a whole
    /// (numbering across articles, duplicates, tables of contents). With a cache, a document
    /// whose pages, stated conventions, image files, linked anchors and raw sources are those of
    /// an earlier build gets that build's findings without being checked again.
    public func validate(_ pages: [PublishedPage]) -> Result {
        var byPath: [String: PublishedPage] = [:]
        for page in pages { byPath[page.page.path] = page }
        let context = CheckContext(projectRoot: projectRoot, pagesByPath: byPath, conventions: conventions)
        // Documents in site order; pages outside any document form one group of their own.
        var groups: [(slug: String?, pages: [PublishedPage])] = []
        var position: [String: Int] = [:]
        for page in pages {
            let slug = page.page.documentSlug
            if let at = position[slug ?? ""] {
                groups[at].pages.append(page)
            } else {
                position[slug ?? ""] = groups.count
                groups.append((slug, [page]))
            }
        }
        let sourceDigests = cache == nil ? [:] : Self.sourceDigests(pages, projectRoot: projectRoot)
        let keys = groups.map { group in cache == nil ? nil : Self.documentKey(group.slug, group.pages, context: context, sourceDigests: sourceDigests) }
        let kept = keys.map { key in key.flatMap { cache?.value(Self.documentFindingsNamespace, $0) }.flatMap(DocumentFindings.unarchived) }
        // Read and normalise the raw sources of the documents to check, on all cores, while
        // nothing else needs them.
        let toCheck = zip(groups, kept).filter { $1 == nil }.flatMap(\.0.pages)
        let mapper = sourceMapper
        _ = ConcurrentMap.map(Self.sourceFiles(of: toCheck)) { mapper.preload($0) }
        var diagnostics: [Diagnostic] = []
        var reported = Set<String>()
        for (group, (key, kept)) in zip(groups, zip(keys, kept)) {
            let found = kept ?? check(group.slug, group.pages, context: context, key: key)
            diagnostics += found.diagnostics
            reported.formUnion(found.reported)
        }
        return Result(diagnostics: diagnostics, reportedLinks: reported, pages: byPath.mapValues(\.page), mapper: sourceMapper, projectRoot: projectRoot)
    }

    /// The findings about one document's pages (or the pages outside any document, `slug` nil),
    /// with their source lines; kept in the cache under `key`.
    func check(_ slug: String?, _ pages: [PublishedPage], context: CheckContext, key: BuildCache.Key?) -> DocumentFindings {
        let mapper = sourceMapper
        let restoring = self.restoring
        let sources = ConcurrentMap.map(pages) { PageSource(restoring?($0) ?? $0) }
        let cache = self.cache
        let perPage = ConcurrentMap.map(sources) { source -> ([Diagnostic], Set<String>) in
            let repeatsCitations = context.conventions(of: source.published)?.citationsRepeat == true
            let page = Self.pageFindings(source, context: context, cache: cache)
            let citations = page.citations.filter { !repeatsCitations || !["FN006", "FN007"].contains($0.code) }
            return (citations + page.figures + page.structure + page.links, page.reported)
        }
        var diagnostics = perPage.flatMap(\.0)
        let reported = perPage.reduce(into: Set<String>()) { $0.formUnion($1.1) }
        // Document-level checks: numbering across articles, duplicates, tables of contents.
        if let slug {
            let articles = sources.filter { $0.page.kind == .article }
            let repeatsCitations = conventions[slug]?.citationsRepeat == true
            diagnostics += CitationCheck.document(articles).filter { !repeatsCitations || !["FN006", "FN007"].contains($0.code) }
            diagnostics += FigureCheck.document(articles, stated: conventions[slug])
            if let index = sources.first(where: { $0.page.kind == .documentIndex }) {
                diagnostics += StructureCheck.tableOfContents(index, articles: articles)
            }
        }
        let byPath = Dictionary(sources.map { ($0.page.path, $0.page) }, uniquingKeysWith: { _, b in b })
        let found = DocumentFindings(diagnostics: Self.attachingSources(diagnostics, pages: byPath, mapper: mapper), reported: reported)
        if let cache, let key { cache.store(Self.documentFindingsNamespace, key, found.archived) }
        return found
    }

    /// The digest of everything the findings about a document's pages are made from: each page's
    /// ``pageFindingsKey(_:context:)`` (its rendering, front matter, images and linked anchors),
    /// the document's stated conventions and the raw sources its pages name.
    static func documentKey(_ slug: String?, _ pages: [PublishedPage], context: CheckContext, sourceDigests: [String: Data]) -> BuildCache.Key? {
        var key = CacheKeyBuilder(documentFindingsNamespace)
        key.add(slug ?? "")
        key.add(slug == nil ? 0 : 1)
        key.add(json: slug.flatMap { context.conventions[$0] })
        key.add(pages.count)
        for page in pages {
            guard let pageKey = pageFindingsKey(page, context: context) else { return nil }
            key.add(pageKey.bytes)
            if let file = page.page.frontMatter.source?.file {
                key.add(file)
                key.add(sourceDigests[file] ?? Data())
            }
        }
        return key.key()
    }

    /// The SHA-256 of each raw source file the pages name (an empty digest for one that cannot be read).
    static func sourceDigests(_ pages: [PublishedPage], projectRoot: URL) -> [String: Data] {
        let files = sourceFiles(of: pages)
        let digests = ConcurrentMap.map(files) { FileDigest.sha256(atPath: projectRoot.appendingPathComponent($0).path) ?? Data() }
        return Dictionary(uniqueKeysWithValues: zip(files, digests))
    }

    /// The raw source files `pages` name in their front matter, each once, sorted.
    static func sourceFiles(of pages: [PublishedPage]) -> [String] {
        Array(Set(pages.compactMap { $0.page.frontMatter.source?.file })).sorted()
    }

    /// The build cache's namespace of findings about whole documents.
    static let documentFindingsNamespace = "document-findings"
}

/// The findings about one document's pages, as the build cache keeps them.
struct DocumentFindings: BinaryArchivable {
    var diagnostics: [Diagnostic]
    /// Links reported here (`Content/path#fragment`, `Content/path url`), not to report again.
    var reported: Set<String>

    init(diagnostics: [Diagnostic], reported: Set<String>) {
        self.diagnostics = diagnostics
        self.reported = reported
    }

    func archive(into archive: inout ArchiveWriter) {
        archive.write(diagnostics)
        archive.write(reported.sorted())
    }

    init(from archive: inout ArchiveReader) throws {
        diagnostics = try archive.readArray()
        reported = Set(try archive.readStrings())
    }
}

extension ContentValidator {
    /// The findings of the checks of one page on its own: citations and structure (they read the
    /// page alone), figures and links (they also read its document's stated conventions, whether
    /// its images exist and whether the pages it links to have the anchors it names). With a
    /// cache, an earlier build's findings when all of those are the same.
    static func pageFindings(_ source: PageSource, context: CheckContext, cache: BuildCache?) -> PageFindings {
        func check() -> PageFindings {
            let (figures, images) = FigureCheck.page(source, context: context)
            let (links, fragments) = LinkCheck.page(source, context: context)
            return PageFindings(citations: CitationCheck.page(source), structure: StructureCheck.page(source), figures: figures, links: links, reported: fragments.union(images))
        }
        guard let cache, let key = pageFindingsKey(source.published, context: context) else { return check() }
        return cache.archived(pageFindingsNamespace, key, compute: check)
    }

    /// The digest of everything ``pageFindings(_:context:cache:)`` reads; nil when the page's
    /// rendering has no key.
    static func pageFindingsKey(_ page: PublishedPage, context: CheckContext) -> BuildCache.Key? {
        guard let rendering = page.renderingKey else { return nil }
        var key = CacheKeyBuilder(pageFindingsNamespace)
        key.add(rendering.bytes)
        key.add(page.page.frontMatter.archived)
        key.add(json: context.conventions(of: page))
        for link in page.rendered.links {
            if link.kind == .image {
                guard let file = FigureCheck.imageFile(link.destination, of: page.page, projectRoot: context.projectRoot) else { continue }
                key.add(link.destination)
                key.add(FileManager.default.fileExists(atPath: file) ? 1 : 0)
            } else if let (path, _, decoded, target) = LinkCheck.fragmentTarget(link.destination, of: page, context: context), !path.isEmpty {
                key.add(link.destination)
                key.add(target.map { $0.rendered.anchorIDs.contains(decoded) ? 1 : 0 } ?? 2)
            }
        }
        return key.key()
    }

    /// The build cache's namespace of findings about single pages.
    static let pageFindingsNamespace = "page-findings"
}

/// The findings about one page, as the build cache keeps them.
struct PageFindings: BinaryArchivable {
    var citations: [Diagnostic]
    var structure: [Diagnostic]
    var figures: [Diagnostic]
    var links: [Diagnostic]
    /// Links reported here (`Content/path#fragment`, `Content/path url`), not to report again.
    var reported: Set<String>

    init(citations: [Diagnostic], structure: [Diagnostic], figures: [Diagnostic], links: [Diagnostic], reported: Set<String>) {
        self.citations = citations
        self.structure = structure
        self.figures = figures
        self.links = links
        self.reported = reported
    }

    func archive(into archive: inout ArchiveWriter) {
        archive.write(citations)
        archive.write(structure)
        archive.write(figures)
        archive.write(links)
        archive.write(reported.sorted())
    }

    init(from archive: inout ArchiveReader) throws {
        citations = try archive.readArray()
        structure = try archive.readArray()
        figures = try archive.readArray()
        links = try archive.readArray()
        reported = Set(try archive.readStrings())
    }
}

/// What checks may look up beyond their own page.
struct CheckContext: Sendable {
    let projectRoot: URL
    let pagesByPath: [String: PublishedPage]
    let conventions: [String: DocumentConventions]

    /// The conventions the corpus entry of `page`'s document states, if any.
    func conventions(of page: PublishedPage) -> DocumentConventions? {
        page.page.documentSlug.flatMap { conventions[$0] }
    }
}


extension ContentValidator {
    /// The first footnote the message names (`[^7]`) whose reference is in the text of the
    /// finding's line (not a definition): the marker its source line must hold.
    static func note(named message: String, on lines: [Substring], _ bodyLine: Int) -> Int? {
        guard message.contains("[^"), bodyLine >= 1, bodyLine <= lines.count, !lines[bodyLine - 1].hasPrefix("[^") else { return nil }
        let line = lines[bodyLine - 1]
        for match in message.matches(of: /\[\^(\d+)\]/) where line.contains(match.output.0) {
            return Int(match.output.1)
        }
        return nil
    }
}
