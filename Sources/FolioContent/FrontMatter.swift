/// The YAML front matter of a content page: what the page is and where it came from.
///
/// Generated articles carry every field of the DESIGN.md contract; hand-written pages need
/// only `title`. Unknown keys are kept out (and reported) so typos do not pass silently.
public struct FrontMatter: Sendable, Equatable, Codable {
    /// Page title; the article's single H1.
    public var title: String
    /// Slug of the source document (`cmia-2021`); absent on hand-written pages.
    public var document: String?
    /// Position in the document, starting at 1 (0 for the document's own index page).
    public var order: Int?
    /// Canonical name of the organisation that wrote the article, where there is one.
    public var company: String?
    /// People credited in the byline, with their roles where the source names them.
    public var authors: [Author]?
    /// Where in the raw source the article came from.
    public var source: SourceRange?
    /// Canonical company names mentioned, from the gazetteer.
    public var companies: [String]?
    /// Canonical place names mentioned.
    public var cities: [String]?
    /// UN Sustainable Development Goals (1–17) the article is tagged with.
    public var sdgs: [Int]?
    /// Canonical technology names mentioned.
    public var technologies: [String]?
    /// `true` for files written by `folio import`; such files are regenerated, not hand-edited.
    public var generated: Bool?
    /// Hash of what import wrote, so a later import can tell a hand edit from its own output.
    public var hash: String?
    /// A short summary shown on lists and in search results.
    public var summary: String?
    /// Optional subtitle.
    public var subtitle: String?
    /// Language of the page when it differs from the site's.
    public var language: String?
    /// Explicit URL slug; defaults to the file name without its order prefix.
    public var slug: String?
    /// Hide the page from lists and the sitemap.
    public var draft: Bool?
    /// Routine repairs the import made in the document, counted by code (a document's
    /// `index.md` only); the validation report shows them folded.
    public var repairs: [String: Int]?

    public init(title: String) {
        self.title = title
    }

    /// Every key the front matter understands.
    public static let knownKeys: Set<String> = [
        "title", "document", "order", "company", "authors", "source", "companies", "cities", "sdgs",
        "technologies", "generated", "hash", "summary", "subtitle", "language", "slug", "draft", "repairs",
    ]
}

/// A credited person: name and, where the source gives it, their role.
public struct Author: Sendable, Equatable, Codable {
    public var name: String
    public var role: String?

    public init(name: String, role: String? = nil) {
        self.name = name
        self.role = role
    }
}

/// A source file and the inclusive, 1-based line range an article was imported from.
public struct SourceRange: Sendable, Equatable, Codable {
    /// Repository-relative path, e.g. `Content/sources/cmia-2021-penetrating-insights.txt`.
    public var file: String
    /// `[first, last]`, inclusive and 1-based.
    public var lines: [Int]
    /// The exact source line of each body line that holds text, written by the importer:
    /// `body:source` pairs separated by spaces, body lines counted from the line after the
    /// closing `---`. A hand edit that moves lines makes it stale; readers then fall back to
    /// matching the text.
    public var map: String?
    /// The page of the printed report the article starts on (`37`, `iv`), from its contents.
    public var page: String?

    public init(file: String, lines: [Int], map: String? = nil, page: String? = nil) {
        self.file = file
        self.lines = lines
        self.map = map
        self.page = page
    }

    /// The pairs of ``map`` as body line → source line.
    public var exactLines: [Int: Int] {
        var result: [Int: Int] = [:]
        for pair in (map ?? "").split(separator: " ") {
            let parts = pair.split(separator: ":")
            if parts.count == 2, let body = Int(parts[0]), let source = Int(parts[1]) { result[body] = source }
        }
        return result
    }

    /// First line of the range.
    public var firstLine: Int { lines.first ?? 1 }
}
