import FolioCore

/// The HTML of one Markdown page together with the facts collected while rendering it, so
/// validation and indexing never need to parse HTML again.
///
/// Every line number is a line of the Markdown *file*: the renderer's `Origin.firstLine` (the
/// line where the body starts after the front matter) is already applied.
public struct RenderedPage: Sendable, Equatable {
    /// The body HTML (no surrounding layout).
    public var html: String
    /// Headings in document order.
    public var headings: [RenderedHeading]
    /// Every `id` the HTML defines (headings, footnotes, figures, raw HTML anchors).
    public var anchorIDs: Set<String>
    /// Links and images in document order.
    public var links: [RenderedLink]
    /// Footnote definitions as written, in order (including ones never referenced).
    public var footnoteDefinitions: [FootnoteDefinition]
    /// Footnote references as written, in order, each with whether its label is defined.
    public var footnoteReferences: [FootnoteReference]
    /// Figure and table captions as the importer marks them up, in order.
    public var captions: [MarkedCaption]
    /// `id="…"` values written in raw HTML, in order.
    public var rawAnchors: [RawAnchor]
    /// Plain text of each block, for search and snippets, with the anchor of the heading above it.
    public var textBlocks: [TextBlock]
    /// Markdown lines where GFM tables start, in order.
    public var tables: [Int]
    /// Problems found while rendering (unsafe HTML removed, dangerous URLs neutralised).
    public var diagnostics: [Diagnostic]

    public init(html: String, headings: [RenderedHeading], anchorIDs: Set<String>, links: [RenderedLink], footnoteDefinitions: [FootnoteDefinition], footnoteReferences: [FootnoteReference], captions: [MarkedCaption] = [], rawAnchors: [RawAnchor] = [], textBlocks: [TextBlock], tables: [Int] = [], diagnostics: [Diagnostic]) {
        self.html = html
        self.headings = headings
        self.anchorIDs = anchorIDs
        self.links = links
        self.footnoteDefinitions = footnoteDefinitions
        self.footnoteReferences = footnoteReferences
        self.captions = captions
        self.rawAnchors = rawAnchors
        self.textBlocks = textBlocks
        self.tables = tables
        self.diagnostics = diagnostics
    }

    /// References whose label has no definition: cmark-gfm leaves them as text.
    public var danglingFootnotes: [FootnoteReference] { footnoteReferences.filter { !$0.defined } }

    /// The definition covering a Markdown file line, if any.
    public func footnoteDefinition(atLine line: Int) -> FootnoteDefinition? {
        footnoteDefinitions.first { $0.lines.contains(line) }
    }

    /// The first level-1 heading, which is the page title in generated articles.
    public var titleHeading: RenderedHeading? { headings.first { $0.level == 1 } }
}

/// A heading with its stable id (unique within the page) and its 1-based Markdown line.
public struct RenderedHeading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var id: String
    public var line: Int

    public init(level: Int, text: String, id: String, line: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
    }
}

/// A link or image destination as written in the Markdown, with its position.
public struct RenderedLink: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case link, image, autolink, rawHTML
    }

    public var kind: Kind
    public var destination: String
    /// The link text (alt text for images).
    public var text: String
    /// 1-based Markdown line.
    public var line: Int
    /// 1-based UTF-8 column, when cmark reports it.
    public var column: Int?

    public init(kind: Kind, destination: String, text: String, line: Int, column: Int?) {
        self.kind = kind
        self.destination = destination
        self.text = text
        self.line = line
        self.column = column
    }
}

/// Plain text of one paragraph-level block and the id of the nearest heading before it.
public struct TextBlock: Sendable, Equatable {
    public var text: String
    /// Id of the heading above the block, or `nil` before the first heading.
    public var headingID: String?
    public var line: Int

    public init(text: String, headingID: String?, line: Int) {
        self.text = text
        self.headingID = headingID
        self.line = line
    }
}
