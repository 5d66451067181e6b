import FolioContent
import FolioCore
import FolioEntities
import FolioMarkdown
import Foundation

/// Tags every article once per build, before it is rendered: the first mention of each indexed
/// term is linked to the term's index page, and the same tagging feeds the index pages. The
/// Markdown in `Content/` holds no site URLs, so links follow the gazetteers and the URL scheme
/// of the build that renders them.
struct TermLinker: Sendable {
    /// The tagger is made when a page is first tagged: a build whose pages all come from the
    /// build cache never makes it.
    private let madeTagger: OnDemand<EntityTagger>
    var tagger: EntityTagger { madeTagger.value }
    /// The digest of the gazetteer files the tagger was made from; nil for gazetteers made in
    /// code, whose taggings are not cached.
    let fingerprint: Data?

    /// - Parameter cache: where the tagger's compiled patterns are kept between builds.
    init(gazetteers: Gazetteers, cache: BuildCache? = nil) {
        // Organisations found by their shape come from `organisations-found.yml` (import found them once).
        madeTagger = OnDemand { EntityTagger(gazetteers: gazetteers, findsOrganisations: false, cache: cache) }
        fingerprint = gazetteers.sourceDigest
    }

    /// Whether pages of this kind are tagged: articles and hand-written pages.
    static func tags(_ page: Page) -> Bool {
        page.kind == .article || page.kind == .page
    }

    /// The tagging of `page`; an article's Markdown comes back with first mentions linked,
    /// relative to the page's URL (hand-written pages are counted, not linked).
    func analyze(_ page: Page) -> ArticleEntities {
        tagger.analyze(markdown: page.body, linkPrefix: SiteURL.root(from: page.urlPath), linking: page.kind == .article)
    }

    /// Renders `page` as the build does: tagged and linked by `linker` when there is one. The
    /// tagging comes back without its linked Markdown, which is only needed for rendering.
    ///
    /// With a `cache`, a page whose text, place and gazetteers are unchanged since an earlier
    /// build comes back from that build's archive instead of being tagged and rendered again.
    /// - Returns: also the digest of the rendering's inputs, when the gazetteers have one.
    static func render(_ page: Page, linker: TermLinker?, renderer: MarkdownRenderer, cache: BuildCache? = nil) -> (RenderedPage, ArticleEntities?, BuildCache.Key?) {
        let key = cacheKey(page, linker: linker)
        guard let cache, let key else {
            let (rendered, analysis) = render(page, linker: linker, renderer: renderer)
            return (rendered, analysis, key)
        }
        let cached = cache.archived(cacheNamespace, key) {
            let (rendered, analysis) = render(page, linker: linker, renderer: renderer)
            return CachedRendering(rendered: rendered, entities: analysis)
        }
        return (cached.rendered, cached.entities, key)
    }

    /// The build cache's namespace of rendered and tagged pages.
    static let cacheNamespace = "rendered"

    /// The digest of everything rendering and tagging `page` reads; nil when the gazetteers have
    /// no digest.
    static func cacheKey(_ page: Page, linker: TermLinker?) -> BuildCache.Key? {
        var builder = CacheKeyBuilder(cacheNamespace)
        if let linker {
            guard let fingerprint = linker.fingerprint else { return nil }
            builder.add(fingerprint)
        } else {
            builder.add("untagged")
        }
        builder.add(page.kind.rawValue)
        builder.add(page.path)
        builder.add(page.urlPath)
        builder.add(page.bodyStartLine)
        builder.add(page.body)
        return builder.key()
    }

    private static func render(_ page: Page, linker: TermLinker?, renderer: MarkdownRenderer) -> (RenderedPage, ArticleEntities?) {
        var analysis = linker.flatMap { tags(page) ? $0.analyze(page) : nil }
        let rendered = renderer.render(analysis?.markdown ?? page.body, origin: .init(file: page.path, firstLine: page.bodyStartLine), written: analysis == nil ? nil : page.body)
        analysis?.markdown = ""
        return (rendered, analysis)
    }
}

/// A page's rendering and tagging as the build cache keeps them.
struct CachedRendering: BinaryArchivable {
    var rendered: RenderedPage
    var entities: ArticleEntities?

    func archive(into archive: inout ArchiveWriter) {
        archive.write(rendered)
        archive.write(entities)
    }

    init(rendered: RenderedPage, entities: ArticleEntities?) {
        self.rendered = rendered
        self.entities = entities
    }

    init(from archive: inout ArchiveReader) throws {
        rendered = try archive.read()
        entities = try archive.readOptional()
    }
}
