import CMarkGFM
import FolioCore
import Foundation

/// Renders GitHub-flavoured Markdown to HTML with cmark-gfm and collects the page's facts.
///
/// Tables, strikethrough, autolinks, tagfilter and footnotes are on; every heading gets a stable
/// id (a slug of its text, unique in the page, or an explicit trailing `{#id}`); raw HTML is
/// sanitized (``HTMLSanitizer``) and dangerous link URLs are neutralised. This is the only type
/// that touches cmark; no cmark pointer leaves this file.
public struct MarkdownRenderer: Sendable {
    /// Where diagnostics point: the Markdown file and the file line of the first Markdown line.
    public struct Origin: Sendable {
        public var file: String
        public var firstLine: Int

        public init(file: String, firstLine: Int = 1) {
            self.file = file
            self.firstLine = firstLine
        }
    }

    public init() {
        _ = Self.registration
    }

    /// Registers the GFM extensions exactly once per process.
    /// Serialises `cmark_parser_finish`, which is not re-entrant in cmark-gfm 0.29 (see `render`).
    private static let finishLock = NSLock()

    private static let registration: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]
    private static let parseOptions = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8
    // Raw HTML is sanitized node by node before rendering, so the renderer may pass it through.
    private static let renderOptions = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES

    /// Renders `markdown`.
    /// - Parameters:
    ///   - origin: used only for diagnostic locations.
    ///   - written: the Markdown as its file has it, when `markdown` is a rewrite of it on the same
    ///     lines (index links inserted): footnotes and caption markup are read from it, so their
    ///     columns are the file's.
    public func render(_ markdown: String, origin: Origin = Origin(file: ""), written: String? = nil) -> RenderedPage {
        _ = Self.registration
        guard let parser = cmark_parser_new(Self.parseOptions) else {
            preconditionFailure("cmark_parser_new failed: out of memory")
        }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            guard let ext = cmark_find_syntax_extension(name) else {
                preconditionFailure("cmark-gfm extension \(name) is not registered")
            }
            cmark_parser_attach_syntax_extension(parser, ext)
        }
        markdown.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        // cmark-gfm 0.29 keeps the inline parser's special-character table in a process-wide
        // array that `cmark_parser_finish` changes (extension characters are added, then removed);
        // parsers finishing at the same time lose autolinks at random (github/cmark-gfm#176).
        Self.finishLock.lock()
        let finished = cmark_parser_finish(parser)
        Self.finishLock.unlock()
        guard let document = finished else {
            preconditionFailure("cmark_parser_finish failed: out of memory")
        }
        defer { cmark_node_free(document) }

        var collector = FactCollector(origin: origin)
        collector.collect(document)

        guard let rendered = cmark_render_html(document, Self.renderOptions, cmark_parser_get_syntax_extensions(parser)) else {
            preconditionFailure("cmark_render_html failed: out of memory")
        }
        var html = String(cString: rendered)
        free(rendered)
        html = Self.tightenHeadings(html, collector.headings)

        let lines = TextLines.split(written ?? markdown)
        let fenced = TextLines.fenced(lines)
        let footnotes = Footnotes.scan(lines, fenced: fenced, firstLine: origin.firstLine)
        let markup = CaptionMarkup.scan(lines, fenced: fenced, firstLine: origin.firstLine)
        return RenderedPage(
            html: html,
            headings: collector.headings,
            anchorIDs: Self.ids(in: html),
            links: collector.links,
            footnoteDefinitions: footnotes.definitions,
            footnoteReferences: footnotes.references,
            captions: markup.captions,
            rawAnchors: markup.anchors,
            textBlocks: collector.blocks,
            tables: collector.tables,
            diagnostics: collector.diagnostics
        )
    }

    /// Custom blocks render with line breaks inside the heading tags; removes them in one pass.
    static func tightenHeadings(_ html: String, _ headings: [RenderedHeading]) -> String {
        guard !headings.isEmpty else { return html }
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        let n = bytes.count
        var i = 0
        func isLevel(_ b: UInt8) -> Bool { b >= 0x31 && b <= 0x36 }
        while i < n {
            let b = bytes[i]
            // "\n</hN>" → "</hN>"
            if b == 0x0A, i + 4 < n, bytes[i + 1] == 0x3C, bytes[i + 2] == 0x2F, bytes[i + 3] == 0x68, isLevel(bytes[i + 4]) {
                i += 1
                continue
            }
            out.append(b)
            // "<hN id=\"…\">\n" → "<hN id=\"…\">"
            if b == 0x3C, i + 8 < n, bytes[i + 1] == 0x68, isLevel(bytes[i + 2]), bytes[i + 3] == 0x20, bytes[i + 4] == 0x69, bytes[i + 5] == 0x64 {
                var j = i + 1
                while j < n, bytes[j] != 0x3E { j += 1 }
                if j < n {
                    out.append(contentsOf: bytes[(i + 1)...j])
                    i = j + 1
                    if i < n, bytes[i] == 0x0A { i += 1 }
                    continue
                }
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Every `id="…"` value in `html`, in one linear scan.
    static func ids(in html: String) -> Set<String> {
        var ids = Set<String>()
        let bytes = Array(html.utf8)
        let pattern: [UInt8] = Array(" id=\"".utf8)
        var i = 0
        let n = bytes.count
        while i + pattern.count < n {
            if bytes[i] == 0x20 && bytes[i + 1] == 0x69 && bytes[i + 2] == 0x64 && bytes[i + 3] == 0x3D && bytes[i + 4] == 0x22 {
                var j = i + 5
                while j < n && bytes[j] != 0x22 { j += 1 }
                ids.insert(String(decoding: bytes[(i + 5)..<j], as: UTF8.self))
                i = j
            }
            i += 1
        }
        return ids
    }
}

/// Walks a parsed cmark tree once: assigns heading ids, sanitizes raw HTML, neutralises unsafe
/// URLs and records headings, links and text blocks.
private struct FactCollector {
    let origin: MarkdownRenderer.Origin
    var headings: [RenderedHeading] = []
    var links: [RenderedLink] = []
    var blocks: [TextBlock] = []
    var tables: [Int] = []
    var diagnostics: [Diagnostic] = []
    var slugger = UniqueSlugger()
    let sanitizer = HTMLSanitizer()

    init(origin: MarkdownRenderer.Origin) {
        self.origin = origin
    }

    func location(_ node: OpaquePointer) -> SourceLocation {
        let line = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        return SourceLocation(file: origin.file, line: line + origin.firstLine - 1, column: column > 0 ? column : nil)
    }

    mutating func collect(_ document: OpaquePointer) {
        // First pass: gather nodes (mutating the tree while iterating is unsafe).
        var headingNodes: [OpaquePointer] = []
        var htmlNodes: [OpaquePointer] = []
        guard let iter = cmark_iter_new(document) else { return }
        var currentHeadingIndex: Int?
        var pendingBlocks: [(OpaquePointer, Int?)] = []
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_HEADING:
                headingNodes.append(node)
                currentHeadingIndex = headingNodes.count - 1
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                htmlNodes.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = String(cString: cmark_node_get_url(node))
                let text = Self.plainText(of: node)
                let isAutolink = text == url || "mailto:\(text)" == url || "http://\(text)" == url
                let kind: RenderedLink.Kind = type == CMARK_NODE_IMAGE ? .image : (isAutolink ? .autolink : .link)
                let loc = location(node)
                links.append(RenderedLink(kind: kind, destination: url, text: text, line: loc.line, column: loc.column))
                if !URLSafety.isSafe(url, allowDataImages: type == CMARK_NODE_IMAGE) {
                    cmark_node_set_url(node, "#")
                    diagnostics.append(Diagnostic(code: "MD002", severity: .warning, message: "unsafe link URL `\(url.prefix(40))` removed", location: loc, hint: "use an http(s) or relative URL"))
                }
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_CODE_BLOCK:
                pendingBlocks.append((node, currentHeadingIndex))
            default:
                if let name = cmark_node_get_type_string(node) {
                    switch String(cString: name) {
                    case "table_cell": pendingBlocks.append((node, currentHeadingIndex))
                    case "table": tables.append(location(node).line)
                    default: break
                    }
                }
            }
        }
        cmark_iter_free(iter)

        for node in htmlNodes { sanitize(node) }
        var headingIDs: [String] = []
        for node in headingNodes { headingIDs.append(assignID(node)) }
        // Sized once: the build keeps every page's blocks until the search index is written.
        blocks.reserveCapacity(blocks.count + pendingBlocks.count)
        for (node, headingIndex) in pendingBlocks {
            let text = Self.plainText(of: node)
            guard !text.isEmpty else { continue }
            blocks.append(TextBlock(text: text, headingID: headingIndex.map { headingIDs[$0] }, line: location(node).line))
        }
    }

    /// Replaces a heading node with a custom block that renders `<hN id="…">` around the same inlines.
    mutating func assignID(_ heading: OpaquePointer) -> String {
        let level = Int(cmark_node_get_heading_level(heading))
        var explicitID: String?
        // A trailing `{#id}` in the last text node sets the id explicitly.
        if let last = cmark_node_last_child(heading), cmark_node_get_type(last) == CMARK_NODE_TEXT,
           let literal = cmark_node_get_literal(last) {
            let text = String(cString: literal)
            if let open = text.range(of: "{#", options: .backwards), text.hasSuffix("}") {
                let candidate = String(text[open.upperBound..<text.index(before: text.endIndex)])
                if !candidate.isEmpty, candidate.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
                    explicitID = candidate
                    var rest = String(text[..<open.lowerBound])
                    while rest.hasSuffix(" ") { rest.removeLast() }
                    cmark_node_set_literal(last, rest)
                }
            }
        }
        let text = Self.plainText(of: heading)
        let id = slugger.unique(explicitID ?? Slug.make(text))
        let loc = location(heading)
        headings.append(RenderedHeading(level: level, text: text, id: id, line: loc.line))

        guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return id }
        cmark_node_set_on_enter(custom, "<h\(level) id=\"\(HTMLSanitizer.escapeAttribute(id))\">")
        cmark_node_set_on_exit(custom, "</h\(level)>")
        while let child = cmark_node_first_child(heading) {
            cmark_node_unlink(child)
            cmark_node_append_child(custom, child)
        }
        cmark_node_replace(heading, custom)
        cmark_node_free(heading)
        return id
    }

    mutating func sanitize(_ node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node) else { return }
        let raw = String(cString: literal)
        let (clean, removed) = sanitizer.sanitize(raw)
        if !removed.isEmpty {
            let what = Array(Set(removed.map(\.what))).sorted().joined(separator: ", ")
            diagnostics.append(Diagnostic(code: "MD001", severity: .warning, message: "unsafe raw HTML removed: \(what)", location: location(node), hint: "use Markdown, or only the allowed HTML tags and attributes"))
        }
        if clean != raw { cmark_node_set_literal(node, clean) }
    }

    /// Concatenated text of a node's descendants (code spans and soft breaks included).
    /// The pieces are gathered as bytes and made one string of exactly their length: the build
    /// keeps every page's text blocks until the search index is written, and a string grown by
    /// appending holds up to twice its length.
    static func plainText(of node: OpaquePointer) -> String {
        guard let iter = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iter) }
        var bytes: [UInt8] = []
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iter) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                if let literal = cmark_node_get_literal(child) {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal)))
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                bytes.append(0x20)
            default:
                break
            }
        }
        return trimmed(String(decoding: bytes, as: UTF8.self))
    }

    /// `text.trimmingCharacters(in: .whitespacesAndNewlines)`, without the Foundation round trip
    /// when both ends are visible ASCII (nothing to trim).
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        func isPlain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte) }
        if isPlain(first) && isPlain(last) { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

}
