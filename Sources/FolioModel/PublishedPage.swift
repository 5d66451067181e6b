import FolioContent
import FolioCore
import FolioMarkdown

/// A content page as the site publishes it: the page, its URL and the facts of its rendering.
public struct PublishedPage: Sendable, Equatable {
    public var page: Page
    /// Site-relative directory URL, e.g. `cmia-2021/schneider-electric/`.
    public var urlPath: String
    /// Rendering facts. The HTML may be emptied once written, to keep memory bounded.
    public var rendered: RenderedPage
    /// A digest of everything the rendering was made from (the page's kind, path, URL and text,
    /// and the gazetteers that tagged it), when the build knows one: results made from the page's
    /// text and rendering alone may be cached under it.
    public var renderingKey: BuildCache.Key?

    public init(page: Page, urlPath: String, rendered: RenderedPage, renderingKey: BuildCache.Key? = nil) {
        self.page = page
        self.urlPath = urlPath
        self.rendered = rendered
        self.renderingKey = renderingKey
    }
}

/// The ids and references of one file written to `Site/`, and the content page behind it.
public struct OutputFileFacts: Sendable, Equatable {
    /// Site-relative path, e.g. `cmia-2021/schneider-electric/index.html`.
    public var path: String
    public var facts: HTMLFacts
    /// The `Content/` file the page was rendered from, when there is one.
    public var contentPath: String?

    public init(path: String, facts: HTMLFacts, contentPath: String?) {
        self.path = path
        self.facts = facts
        self.contentPath = contentPath
    }
}
