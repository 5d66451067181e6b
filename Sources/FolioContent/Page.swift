/// One Markdown file of `Content/`: its front matter, its body and where it lives.
public struct Page: Sendable, Equatable {
    /// What kind of page this is, which decides its URL and template.
    public enum Kind: String, Sendable, Equatable, Codable {
        /// `Content/articles/<document>/<nn>-<slug>.md`
        case article
        /// `Content/articles/<document>/index.md`
        case documentIndex
        /// `Content/pages/<slug>.md`, written by hand.
        case page
    }

    public var kind: Kind
    /// Repository-relative path, e.g. `Content/articles/cmia-2021/07-schneider-electric.md`.
    public var path: String
    public var frontMatter: FrontMatter
    /// The Markdown after the front matter.
    public var body: String
    /// The 1-based line of the file on which `body` starts, so body line numbers map to file lines.
    public var bodyStartLine: Int
    /// The document slug (the folder under `articles/`), or `nil` for hand-written pages.
    public var documentSlug: String?
    /// The URL slug of the page within its document (or of the page itself).
    public var slug: String

    public init(kind: Kind, path: String, frontMatter: FrontMatter, body: String, bodyStartLine: Int, documentSlug: String?, slug: String) {
        self.kind = kind
        self.path = path
        self.frontMatter = frontMatter
        self.body = body
        self.bodyStartLine = bodyStartLine
        self.documentSlug = documentSlug
        self.slug = slug
    }

    /// The site-relative directory this page is published at, ending in `/` (empty for the home page).
    /// Articles: `<document>/<slug>/`; document index pages: `<document>/`; pages: `<slug>/`.
    public var urlPath: String {
        switch kind {
        case .article: "\(documentSlug ?? "")/\(slug)/"
        case .documentIndex: "\(documentSlug ?? slug)/"
        case .page: slug == "index" ? "" : "\(slug)/"
        }
    }

    /// Converts a 1-based line of ``body`` to a 1-based line of the file.
    public func fileLine(forBodyLine line: Int) -> Int { bodyStartLine + line - 1 }
}
