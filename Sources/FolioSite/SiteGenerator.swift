import FolioContent
import FolioCore
import FolioEntities
import FolioMarkdown
import FolioModel
import Foundation

/// A named part of the site produced after the content pages: index pages, search, reports.
/// The builder runs its generators in order, each writing through the same ``PageWriter``.
public protocol SiteGenerator: Sendable {
    /// Short name for timing output, e.g. `taxonomies`.
    var name: String { get }
    /// Links this generator adds to the header navigation (site-relative paths ending in `index.html`).
    func navigationEntries(for site: SiteSnapshot) -> [NavigationEntry]
    /// Links this generator adds to the footer.
    func footerEntries(for site: SiteSnapshot) -> [NavigationEntry]
    /// Work that needs only the project's own files (data to parse), run on another thread from
    /// the start of the build; its result reaches ``generate(_:writer:)`` as `site.prepared`.
    /// `cache` holds results of earlier builds (nil: compute everything).
    func prepare(projectRoot: URL, config: FolioConfig, cache: BuildCache?) -> (any Sendable)?
    /// Writes the generator's pages.
    func generate(_ site: SiteSnapshot, writer: PageWriter) throws -> [Diagnostic]
}

extension SiteGenerator {
    public func navigationEntries(for site: SiteSnapshot) -> [NavigationEntry] { [] }
    public func footerEntries(for site: SiteSnapshot) -> [NavigationEntry] { [] }
    public func prepare(projectRoot: URL, config: FolioConfig, cache: BuildCache?) -> (any Sendable)? { nil }
}

/// A link in the site navigation.
public struct NavigationEntry: Sendable, Equatable {
    public var title: String
    /// Site-relative path, e.g. `companies/index.html`.
    public var path: String
    /// One line shown on the home page.
    public var summary: String?

    public init(title: String, path: String, summary: String? = nil) {
        self.title = title
        self.path = path
        self.summary = summary
    }
}

/// What a large build keeps on disk instead of in memory, by `Content/` path: each page's HTML
/// and text blocks from rendering until its page is written and search reads its text (the
/// content checks read them back a document at a time). A page whose part is set aside has it
/// empty in its ``RenderedPage``.
public struct SetAsidePages: Sendable {
    public let store: SpilledText
    public var html: [String: SpilledText.Handle] = [:]
    public var textBlocks: [String: SpilledText.Handle] = [:]

    public init(store: SpilledText) {
        self.store = store
    }

    /// The body HTML of a published page, read back from disk when it was set aside.
    public func bodyHTML(of page: PublishedPage) throws -> String {
        guard page.rendered.html.isEmpty, let handle = html[page.page.path] else { return page.rendered.html }
        return try store.read(handle)
    }

    /// Writes a page's text blocks to `store`, in the form ``textBlocks(of:)`` reads back; nil
    /// when the write fails.
    public static func store(_ blocks: [TextBlock], in store: SpilledText) -> SpilledText.Handle? {
        var archive = ArchiveWriter()
        archive.write(blocks)
        return store.store(archive.data)
    }

    /// The text blocks of a published page, read back from disk when they were set aside.
    public func textBlocks(of page: PublishedPage) throws -> [TextBlock] {
        guard page.rendered.textBlocks.isEmpty, let handle = textBlocks[page.page.path] else { return page.rendered.textBlocks }
        var archive = ArchiveReader(try store.readData(handle))
        return try archive.readArray()
    }
}

/// What generators see of a build: configuration, content and every rendered content page.
public struct SiteSnapshot: Sendable {
    public var config: FolioConfig
    public var content: ContentSet
    /// Every published content page (document indexes, articles, hand-written pages), in site order.
    public var pages: [PublishedPage]
    /// Diagnostics collected so far (content loading, rendering).
    public var diagnostics: [Diagnostic]
    /// The project root, for generators that read data files (`Content/data`).
    public var projectRoot: URL?
    /// The build's map from article lines to source lines (sources read once per build), for
    /// generators that cite the source behind a page (open data).
    public var sourceMapper: SourceLineMapper?
    /// Each tagged page's entities by `Content/` path, from the build's one tagging pass.
    public var entities: [String: ArticleEntities] = [:]
    /// For each tagged page with `source`, by `Content/` path: the source line behind each body
    /// line that holds a mention, worked out while rendering (the pages' Markdown is let go
    /// after the content checks).
    public var mentionSourceLines: [String: [Int: Int]] = [:]
    /// What the running generator's ``SiteGenerator/prepare(projectRoot:config:cache:)`` returned.
    public var prepared: (any Sendable)?
    /// What a large build keeps on disk instead of in memory (see ``SetAsidePages``).
    public var setAside: SetAsidePages?

    public init(config: FolioConfig, content: ContentSet, pages: [PublishedPage], diagnostics: [Diagnostic]) {
        self.config = config
        self.content = content
        self.pages = pages
        self.diagnostics = diagnostics
    }

    /// Published articles, in document and article order.
    public var articles: [PublishedPage] { pages.filter { $0.page.kind == .article } }

    /// The published page for a `Content/` path.
    public func page(at contentPath: String) -> PublishedPage? { pages.first { $0.page.path == contentPath } }

    /// The body HTML of a published page, read back from disk when the build set it aside.
    public func bodyHTML(of page: PublishedPage) throws -> String {
        try setAside?.bodyHTML(of: page) ?? page.rendered.html
    }

    /// The text blocks of a published page, read back from disk when the build set them aside.
    public func textBlocks(of page: PublishedPage) throws -> [TextBlock] {
        try setAside?.textBlocks(of: page) ?? page.rendered.textBlocks
    }

    /// Lets go of every page's Markdown (``Page/body``), in ``pages`` and ``content``: the build
    /// does so once the content checks are done, so generators read pages through their
    /// rendering, tagging and ``mentionSourceLines`` only.
    public mutating func releasePageBodies() {
        for index in pages.indices { pages[index].page.body = "" }
        content.releaseBodies()
    }
}
