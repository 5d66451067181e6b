import FolioContent
import FolioEntities
import FolioMarkdown

/// Tags every article once per build, before it is rendered: the first mention of each indexed
/// term is linked to the term's index page, and the same tagging feeds the index pages. The
/// Markdown in `Content/` holds no site URLs, so links follow the gazetteers and the URL scheme
/// of the build that renders them.
struct TermLinker: Sendable {
    let tagger: EntityTagger

    init(gazetteers: Gazetteers) {
        // Organisations found by their shape come from `organisations-found.yml` (import found them once).
        tagger = EntityTagger(gazetteers: gazetteers, findsOrganisations: false)
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
    static func render(_ page: Page, linker: TermLinker?, renderer: MarkdownRenderer) -> (RenderedPage, ArticleEntities?) {
        var analysis = linker.flatMap { tags(page) ? $0.analyze(page) : nil }
        let rendered = renderer.render(analysis?.markdown ?? page.body, origin: .init(file: page.path, firstLine: page.bodyStartLine), written: analysis == nil ? nil : page.body)
        analysis?.markdown = ""
        return (rendered, analysis)
    }
}
