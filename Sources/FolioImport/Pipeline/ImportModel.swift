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
    /// The page of the printed report the article starts on, as its contents entry gives it.
    public var printedPage: String?

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
    /// The entries of the document's table of contents, when it has one.
    public var contents: [TOCEntry] = []
    /// Whether citations are linked to the reference list (``CitationLinker``).
    public var linkCitations = true
    /// Images supplied in `corrections.yml` for this document's lost figures.
    public var figureImages: [FigureImage] = []

    public init(metadata: CorpusDocument, articles: [ArticleDraft]) {
        self.metadata = metadata
        self.articles = articles
    }
}

/// Something import repaired or could not repair, tied to a raw source line. The writer turns
/// each finding into a ``Diagnostic`` with the article file and line that the source line became.
public struct ImportFinding: Sendable, Equatable {
    /// Stable code, e.g. `FN101`.
    public var code: String
    public var severity: Severity
    public var message: String
    public var hint: String?
    /// 1-based raw source line.
    public var sourceLine: Int
    /// Index into ``DocumentDraft/articles`` when the finding belongs to an article.
    public var articleIndex: Int?
    /// The front matter key the source text became (a byline becomes `company` and `authors`):
    /// the finding points at that key's line, where the text now is.
    public var frontMatterKey: String?
    /// Text the finding is about as the article writes it (a note's marker, in order of
    /// preference): when one source line became several article lines, the finding points at
    /// the line that holds it.
    public var markers: [String]

    public init(code: String, severity: Severity, message: String, hint: String? = nil, sourceLine: Int, articleIndex: Int? = nil, frontMatterKey: String? = nil, markers: [String] = []) {
        self.frontMatterKey = frontMatterKey
        self.markers = markers
        self.code = code
        self.severity = severity
        self.message = message
        self.hint = hint
        self.sourceLine = sourceLine
        self.articleIndex = articleIndex
    }
}

/// One named step of the import pipeline that rewrites a whole document's articles
/// (notes, figures, inline repairs…). Steps run in a fixed order after splitting.
public protocol DocumentStep: Sendable {
    /// Short name used in timing output, e.g. `notes`.
    var name: String { get }
    /// Rewrites `document` in place and appends what it repaired or could not repair.
    func apply(to document: inout DocumentDraft, findings: inout [ImportFinding])
}
