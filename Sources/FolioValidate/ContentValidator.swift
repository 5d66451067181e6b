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
        /// Each page's Markdown lines, by `Content/` path (the pages' rendering is not kept).
        let pages: [String: PageLines]
        let mapper: SourceLineMapper

        /// Adds the raw source line to findings of other stages (rendering, page writing) that
        /// point into an imported article and have none yet.
        public func attachingSources(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
            let chunks = stride(from: 0, to: diagnostics.count, by: 64).map { Array(diagnostics[$0..<min($0 + 64, diagnostics.count)]) }
            let pages = pages
            let mapper = mapper
            return ConcurrentMap.map(chunks) { chunk in
                chunk.map { diagnostic in
                    var d = diagnostic
                    if d.source == nil, let loc = d.location, let source = pages[loc.file] {
                        let bodyLine = loc.line - source.page.bodyStartLine + 1
                        d.source = mapper.sourceLocation(for: source.page, bodyLine: bodyLine, bodyLines: source.lines, note: ContentValidator.note(named: d.message, on: source.lines, bodyLine))
                    }
                    return d
                }
            }.flatMap { $0 }
        }
    }

    /// Validates `pages` (in site order) and returns the findings.
    public func validate(_ pages: [PublishedPage]) -> Result {
        let sources = ConcurrentMap.map(pages) { PageSource($0) }
        // Read and normalise the raw sources on all cores while nothing else needs them.
        let sourceFiles = Array(Set(pages.compactMap { $0.page.frontMatter.source?.file })).sorted()
        let mapper = sourceMapper
        _ = ConcurrentMap.map(sourceFiles) { mapper.preload($0) }
        var byPath: [String: PageSource] = [:]
        for source in sources { byPath[source.page.path] = source }
        let context = CheckContext(projectRoot: projectRoot, pagesByPath: byPath, conventions: conventions)
        let cache = self.cache
        var perPage = ConcurrentMap.map(sources) { source -> ([Diagnostic], Set<String>) in
            let repeatsCitations = context.conventions(of: source)?.citationsRepeat == true
            let page = Self.pageFindings(source, context: context, cache: cache)
            let citations = page.citations.filter { !repeatsCitations || !["FN006", "FN007"].contains($0.code) }
            return (citations + page.figures + page.structure + page.links, page.reported)
        }
        var diagnostics = perPage.flatMap(\.0)
        let fragments = perPage.reduce(into: Set<String>()) { $0.formUnion($1.1) }
        perPage.removeAll()
        // Document-level checks: numbering across articles, duplicates, tables of contents.
        var documents: [String: [PageSource]] = [:]
        var order: [String] = []
        for source in sources {
            guard let slug = source.page.documentSlug else { continue }
            if documents[slug] == nil { order.append(slug) }
            documents[slug, default: []].append(source)
        }
        for slug in order {
            let members = documents[slug] ?? []
            let articles = members.filter { $0.page.kind == .article }
            let repeatsCitations = conventions[slug]?.citationsRepeat == true
            diagnostics += CitationCheck.document(articles).filter { !repeatsCitations || !["FN006", "FN007"].contains($0.code) }
            diagnostics += FigureCheck.document(articles, stated: conventions[slug])
            if let index = members.first(where: { $0.page.kind == .documentIndex }) {
                diagnostics += StructureCheck.tableOfContents(index, articles: articles)
            }
        }
        var result = Result(diagnostics: [], reportedLinks: fragments, pages: byPath.mapValues { PageLines(page: $0.page, lines: $0.lines) }, mapper: sourceMapper)
        result.diagnostics = result.attachingSources(diagnostics)
        return result
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
        guard let cache, let key = pageFindingsKey(source, context: context) else { return check() }
        return cache.archived(pageFindingsNamespace, key, compute: check)
    }

    /// The digest of everything ``pageFindings(_:context:cache:)`` reads; nil when the page's
    /// rendering has no key.
    static func pageFindingsKey(_ source: PageSource, context: CheckContext) -> BuildCache.Key? {
        guard let rendering = source.published.renderingKey else { return nil }
        var key = CacheKeyBuilder(pageFindingsNamespace)
        key.add(rendering.bytes)
        key.add(source.page.frontMatter.archived)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        key.add(context.conventions(of: source).flatMap { try? encoder.encode($0) } ?? Data())
        for link in source.rendered.links {
            if link.kind == .image {
                guard let file = FigureCheck.imageFile(link.destination, of: source, projectRoot: context.projectRoot) else { continue }
                key.add(link.destination)
                key.add(FileManager.default.fileExists(atPath: file) ? 1 : 0)
            } else if let (path, _, decoded, target) = LinkCheck.fragmentTarget(link.destination, of: source, context: context), !path.isEmpty {
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

/// A page and its Markdown body lines: what mapping a finding to its source line needs.
struct PageLines: Sendable {
    let page: Page
    let lines: [Substring]
}

/// What checks may look up beyond their own page.
struct CheckContext: Sendable {
    let projectRoot: URL
    let pagesByPath: [String: PageSource]
    let conventions: [String: DocumentConventions]

    /// The conventions the corpus entry of `source`'s document states, if any.
    func conventions(of source: PageSource) -> DocumentConventions? {
        source.page.documentSlug.flatMap { conventions[$0] }
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
