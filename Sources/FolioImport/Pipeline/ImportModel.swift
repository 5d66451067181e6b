import FolioContent
import FolioCore

/// One line of working text, remembering the raw source line it came from.
public struct SourceLine: Sendable, Equatable {
    /// The (possibly repaired) text, without its newline.
    public var text: String
    /// 1-based line number in the raw source file.
    public var number: Int

    public init(_ text: String, number: Int) {
        self.text = text
        self.number = number
    }
}

/// One article on its way from raw source to Markdown.
public struct ArticleDraft: Sendable, Equatable {
    public var title: String
    public var slug: String
    /// Position in the document, starting at 1.
    public var order: Int
    /// Canonical author organisation, where there is one.
    public var company: String?
    public var authors: [Author]
    public var subtitle: String?
    /// Body lines (Markdown), each tied to its source line.
    public var lines: [SourceLine]
    /// Inclusive source line range the article was cut from.
    public var sourceLines: ClosedRange<Int>

    public init(title: String, slug: String, order: Int, company: String? = nil, authors: [Author] = [], subtitle: String? = nil, lines: [SourceLine], sourceLines: ClosedRange<Int>) {
        self.title = title
        self.slug = slug
        self.order = order
        self.company = company
        self.authors = authors
        self.subtitle = subtitle
        self.lines = lines
        self.sourceLines = sourceLines
    }
}

/// One source document on its way through import: its metadata and its articles.
public struct DocumentDraft: Sendable, Equatable {
    public var metadata: CorpusDocument
    public var articles: [ArticleDraft]

    public init(metadata: CorpusDocument, articles: [ArticleDraft]) {
        self.metadata = metadata
        self.articles = articles
    }
}
