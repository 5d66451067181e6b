import FolioCore

/// A caption as the importer marks it up in raw HTML: a label span
/// (`<span class="figure-label">Figure 3</span>`, `<span class="table-label">`) inside a
/// `<figure id="…">` or a `<p class="table-caption" id="…">`, or a `<figure>` without a label.
public struct MarkedCaption: Sendable, Equatable {
    /// The label as written (`Figure 3`, `Fig. 2`); empty for a figure without one.
    public var label: String
    /// The id of the caption's figure or table caption element, when it has one.
    public var id: String?
    /// Whether the line marks a table caption (`table-label`).
    public var table: Bool
    /// Markdown file line.
    public var line: Int

    public init(label: String, id: String?, table: Bool, line: Int) {
        self.label = label
        self.id = id
        self.table = table
        self.line = line
    }
}

/// An `id="…"` written in raw HTML, with its Markdown file line.
public struct RawAnchor: Sendable, Equatable {
    public var id: String
    public var line: Int

    public init(id: String, line: Int) {
        self.id = id
        self.line = line
    }
}

/// Reads captions and raw HTML ids from Markdown lines, outside fenced code: the caption markup
/// the importer writes is recognised here, once, for validation, anchors and bundles.
public enum CaptionMarkup {
    /// Captions and raw ids of `lines`, with file lines counted from `firstLine`.
    public static func scan(_ lines: [Substring], fenced: [Bool], firstLine: Int) -> (captions: [MarkedCaption], anchors: [RawAnchor]) {
        var captions: [MarkedCaption] = []
        var anchors: [RawAnchor] = []
        var openFigure: (id: String?, line: Int, labelled: Bool)?
        for (offset, line) in lines.enumerated() where !fenced[offset] && line.utf8.contains(0x3C) {
            let fileLine = offset + firstLine
            let text = String(line)
            for id in attributeValues("id", in: text) { anchors.append(RawAnchor(id: id, line: fileLine)) }
            if let start = text.utf8Range(of: "<figure") {
                let tag = String(text[start.lowerBound...].prefix { $0 != ">" })
                openFigure = (attributeValues("id", in: tag).first, fileLine, false)
            }
            let table = text.has("table-label")
            for label in spanTexts(class: "figure-label", in: text) + spanTexts(class: "table-label", in: text) {
                var id: String?
                if table, let pid = captionElementID(in: text, cls: "table-caption") {
                    id = pid
                } else if let figure = openFigure {
                    id = figure.id
                    openFigure?.labelled = true
                }
                captions.append(MarkedCaption(label: label, id: id, table: table, line: fileLine))
            }
            if text.has("</figure>"), let figure = openFigure {
                if !figure.labelled {
                    captions.append(MarkedCaption(label: "", id: figure.id, table: false, line: figure.line))
                }
                openFigure = nil
            }
        }
        return (captions, anchors)
    }

    /// Values of `name="…"` attributes in `text`, in order.
    static func attributeValues(_ name: String, in text: String) -> [String] {
        var values: [String] = []
        var rest = text[...]
        let needle = " \(name)=\""
        while let range = rest.utf8Range(of: needle) {
            guard let end = rest[range.upperBound...].firstIndex(of: "\"") else { break }
            values.append(String(rest[range.upperBound..<end]))
            rest = rest[rest.index(after: end)...]
        }
        return values
    }

    /// Inner text of `<span class="cls">…</span>` elements, without surrounding spaces and tabs.
    static func spanTexts(class cls: String, in text: String) -> [String] {
        var values: [String] = []
        var rest = text[...]
        while let range = rest.utf8Range(of: "class=\"\(cls)\"") {
            guard let gt = rest[range.upperBound...].firstIndex(of: ">"),
                  let end = rest[gt...].utf8Range(of: "</span>") else { break }
            values.append(Footnotes.trimmingSpaces(rest[rest.index(after: gt)..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return values
    }

    /// The id of the element carrying class `cls` in `text`.
    static func captionElementID(in text: String, cls: String) -> String? {
        guard let range = text.utf8Range(of: "class=\"\(cls)\"") else { return nil }
        let start = text[..<range.lowerBound].lastIndex(of: "<") ?? text.startIndex
        let tag = String(text[start...].prefix { $0 != ">" })
        return attributeValues("id", in: tag).first
    }
}
