import FolioContent
import FolioCore
import FolioMarkdown
import FolioModel
import Foundation

/// One published page as the checks read it: its Markdown lines (for the line-based checks),
/// and the rendered page's captions and raw ids in the terms the checks use (kind and number,
/// body lines). Built once per page.
struct PageSource: Sendable {
    let published: PublishedPage
    /// Body lines (1-based body line `n` is `lines[n - 1]`).
    let lines: [Substring]
    /// Whether each body line is inside a fenced code block.
    let fenced: [Bool]
    /// Figure and table captions in body order (caption markup and `Figure N:` paragraphs).
    let captions: [Caption]
    /// File lines of paragraphs that are captions themselves.
    let plainCaptionLines: Set<Int>
    /// `id="…"` values written in raw HTML, with their body lines.
    let rawIDs: [(id: String, bodyLine: Int)]

    var page: Page { published.page }
    var rendered: RenderedPage { published.rendered }
    /// Footnote definitions in file order, with their text and file lines.
    var definitions: [FootnoteDefinition] { rendered.footnoteDefinitions }
    /// Footnote references in file order, whether or not a definition exists.
    var references: [FootnoteReference] { rendered.footnoteReferences }
    /// References without a definition (left as text by the renderer).
    var danglingReferences: [FootnoteReference] { rendered.danglingFootnotes }

    /// A figure or table caption.
    struct Caption: Sendable {
        /// Normalised kind: `figure`, `table`, `graph`, `chart`, `exhibit`, `display`.
        var kind: String
        var number: Int?
        /// The anchor id, when the caption has one.
        var id: String?
        var label: String
        var bodyLine: Int
    }

    init(_ published: PublishedPage) {
        self.published = published
        let lines = TextLines.split(published.page.body)
        self.lines = lines
        let fenced = TextLines.fenced(lines)
        self.fenced = fenced
        let firstLine = published.page.bodyStartLine
        var captions = published.rendered.captions.map { marked -> Caption in
            let (kind, number) = Self.parseLabel(marked.label)
            return Caption(kind: kind ?? (marked.table ? "table" : "figure"), number: number, id: marked.id, label: marked.label, bodyLine: marked.line - firstLine + 1)
        }
        let rawIDs = published.rendered.rawAnchors.map { (id: $0.id, bodyLine: $0.line - firstLine + 1) }
        // Paragraphs that are captions themselves (`Figure 3: …`), where content has no caption markup.
        var plainCaptionLines = Set<Int>()
        for block in published.rendered.textBlocks {
            guard let (kind, number) = TextPatterns.plainCaption(block.text) else { continue }
            let bodyLine = block.line - firstLine + 1
            plainCaptionLines.insert(block.line)
            if !captions.contains(where: { $0.bodyLine == bodyLine }) {
                captions.append(Caption(kind: kind, number: number, id: nil, label: "\(kind) \(number)", bodyLine: bodyLine))
            }
        }
        captions.sort { $0.bodyLine < $1.bodyLine }
        self.captions = captions
        self.rawIDs = rawIDs
        self.plainCaptionLines = plainCaptionLines
    }

    /// File line of a body line.
    func fileLine(_ bodyLine: Int) -> Int { page.fileLine(forBodyLine: bodyLine) }

    /// Location in `Content/` of a body line.
    func location(bodyLine: Int, column: Int? = nil) -> SourceLocation {
        SourceLocation(file: page.path, line: fileLine(bodyLine), column: column)
    }

    /// Location in `Content/` of a line the renderer reported (already a file line).
    func location(fileLine: Int, column: Int? = nil) -> SourceLocation {
        SourceLocation(file: page.path, line: fileLine, column: column)
    }

    /// Body line of a file line.
    func bodyLine(_ fileLine: Int) -> Int { fileLine - page.bodyStartLine + 1 }

    /// Whether a rendered text block belongs to a footnote definition (cmark may report such
    /// blocks without a usable line, so their text is matched too).
    func isInDefinition(_ block: TextBlock) -> Bool {
        if block.line >= page.bodyStartLine, rendered.footnoteDefinition(atLine: block.line) != nil { return true }
        guard !definitions.isEmpty else { return false }
        let probe = String(block.text.prefix(40))
        return block.line < page.bodyStartLine || definitions.contains { $0.text.has(probe) }
    }

    /// The file line of a rendered link. cmark-gfm reports no usable line for links inside
    /// footnote definitions; those are placed on the line of the definition that contains them.
    func fileLine(of link: RenderedLink) -> (line: Int, inDefinition: Bool) {
        if link.line >= page.bodyStartLine {
            return (link.line, rendered.footnoteDefinition(atLine: link.line) != nil)
        }
        let match = definitions.first { $0.text.has(link.destination) } ?? definitions.first { !link.text.isEmpty && $0.text.has(link.text) }
        return (match.map { $0.lines.lowerBound } ?? page.bodyStartLine, true)
    }

    /// Splits `Figure 3`, `Fig. 2`, `Table 1`, `Graph 10` into a normalised kind and a number.
    static func parseLabel(_ label: String) -> (String?, Int?) {
        let letters = label.prefix { $0.isLetter }
        let kind = CaptionKind.from(word: String(letters))?.numbering
        let digits = label.drop { !$0.isNumber }.prefix { $0.isNumber }
        return (kind, Int(digits))
    }
}
