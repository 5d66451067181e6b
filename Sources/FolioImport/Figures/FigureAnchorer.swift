import FolioContent
import FolioCore
import Foundation

/// Turns figure and table captions into anchored blocks, tab-separated tables into GFM tables,
/// and in-text references ("see Table 1", "Fig. 2", "Display 2") into links to those anchors.
///
/// Every caption form of the corpus is recognised (`Figure 1:`, `[Figure 5: …]`, `Fig.2`,
/// `**Table 1 …**` above or below its table, `Display 2`, `Chart 1`, `图1`/`表1`, captions
/// written as headings). A figure whose image was lost becomes
/// `<figure id="figure-3" class="figure-missing">…</figure>`; a table with data becomes an anchor
/// paragraph `<p id="table-1" class="table-caption">…</p>` followed by a GFM table. Ids are
/// `<kind>-<number>`, unique per article. Captions that cut a sentence in two are moved after
/// the rejoined paragraph. Findings carry `FIG` codes.
public struct FigureAnchorer: DocumentStep {
    public let name = "figures"

    /// How many non-blank lines may separate a caption from its table.
    public var tableDistance: Int
    /// How many lines around "the graph above/below" are searched for a figure.
    public var deicticWindow: Int

    /// Creates the step.
    /// - Parameters:
    ///   - tableDistance: non-blank lines allowed between a caption and its table (default 2).
    ///   - deicticWindow: lines searched for a figure near "the graph above/below" (default 12).
    public init(tableDistance: Int = 2, deicticWindow: Int = 12) {
        self.tableDistance = tableDistance
        self.deicticWindow = deicticWindow
    }

    public func apply(to document: inout DocumentDraft, findings: inout [ImportFinding]) {
        for index in document.articles.indices {
            document.articles[index].lines = Self.droppingChartTables(document.articles[index].lines, article: index, findings: &findings)
            var article = FigureArticle(lines: document.articles[index].lines, article: index, tableDistance: tableDistance, deicticWindow: deicticWindow)
            article.statedReferenced = document.metadata.conventions?.figuresReferenced
            let slug = document.articles[index].slug
            article.images = Dictionary(
                document.figureImages.filter { $0.article == slug }.map { (FigureImage.key($0.figure), $0) }, uniquingKeysWith: { first, _ in first })
            document.articles[index].lines = article.anchor(findings: &findings)
            for image in document.figureImages where image.article == slug && !article.usedImages.contains(FigureImage.key(image.figure)) {
                findings.append(ImportFinding(
                    code: "COR003", severity: .warning,
                    message: "the image `\(image.image)` (corrections.yml:\(image.entryLine)) matched no lost “\(image.figure)” in this article",
                    hint: "name a figure whose image the source lost by its printed label, e.g. `figure: \"Figure 2\"`", sourceLine: document.articles[index].sourceLines.lowerBound, articleIndex: index))
            }
        }
        for image in document.figureImages where !document.articles.contains(where: { $0.slug == image.article }) {
            findings.append(ImportFinding(
                code: "COR003", severity: .warning,
                message: "the image `\(image.image)` (corrections.yml:\(image.entryLine)) names no article `\(image.article)` of this document",
                hint: "use the article's slug, as in its front matter", sourceLine: 1))
        }
    }
}

extension FigureAnchorer {
    /// Marks that stand for values in a chart: bullets, dots, stars.
    static let chartMarks: Set<Character> = ["•", "·", "●", "○", "◦", "٠", "*", "‧", "∙", "⋅", "▪", "■", "□"]

    /// A Markdown table whose cells are mostly runs of bullets is a chart the converter read as
    /// text (dots standing for values): its numbers are lost, and as a table it only misleads.
    /// It is removed, so its caption becomes that of a lost figure, and reported (`FIG113`).
    static func droppingChartTables(_ lines: [SourceLine], article: Int, findings: inout [ImportFinding]) -> [SourceLine] {
        var out: [SourceLine] = []
        var i = 0
        // A row: a Markdown table row, or a line of tab-separated cells.
        func isRow(_ text: String) -> Bool { text.hasPrefix("|") || text.utf8.count(where: { $0 == 0x09 }) >= 2 }
        func cells(_ text: String) -> [String] {
            let all = text.hasPrefix("|") ? text.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } : TableBlock.cells(text)
            return all.filter { !$0.isEmpty && !$0.allSatisfy { "-: ".contains($0) } }
        }
        while i < lines.count {
            guard isRow(lines[i].text) else {
                out.append(lines[i])
                i += 1
                continue
            }
            var end = i
            while end < lines.count, isRow(lines[end].text) { end += 1 }
            let cells = lines[i..<end].flatMap { cells($0.text) }
            let marks = cells.filter { cell in cell.allSatisfy { chartMarks.contains($0) || $0 == " " } }
            if end - i >= 3, cells.count >= 12, marks.count * 2 >= cells.count {
                // The finding stands on the caption the chart had, when there is one.
                let caption = out.last(where: { !$0.text.isEmpty }).flatMap { Caption.parse($0.text) }
                    ?? lines[end...].first(where: { !$0.text.isEmpty }).flatMap { Caption.parse($0.text) }
                findings.append(ImportFinding(
                    code: "FIG113", severity: .warning,
                    message: "a table of \(end - i) rows whose cells are mostly bullet marks (\(marks.count) of \(cells.count)) is a chart read as text; it was removed and its values are lost",
                    hint: "add the chart as an image (Content/media/) or its values as a table with a correction",
                    sourceLine: lines[i].number, articleIndex: article, markers: caption.map { ["\($0.label)</span>"] } ?? []))
                i = end
                continue
            }
            out += lines[i..<end]
            i = end
        }
        return out
    }
}

/// One caption found in an article, with the lines it occupies and what it became.
struct PlacedCaption {
    var index: Int
    var extraLines: [Int] = []
    var caption: Caption
    var chineseSubcaption: String?
    var id = ""
    /// Table rows (line indices) the caption labels, when it labels a table.
    var tableRows: [Int]?
    var referenced = false
    var unnumbered = false
}

struct FigureArticle {
    var lines: [SourceLine]
    var article: Int
    var tableDistance: Int
    var deicticWindow: Int
    /// Whether the corpus entry states that the text refers to figures by number (else learnt).
    var statedReferenced: Bool?
    /// Images supplied for this article's lost figures, by ``FigureImage/key(_:)`` of their label.
    var images: [String: FigureImage] = [:]
    /// The keys of the images placed.
    private(set) var usedImages: Set<String> = []

    mutating func anchor(findings: inout [ImportFinding]) -> [SourceLine] {
        var captions = findCaptions()
        for placed in captions where placed.caption.text.hasSuffix("⁾") && !lines[placed.index].text.contains("⁾") {
            findings.append(
                ImportFinding(
                    code: "FN101", severity: .warning,
                    message: "\(placed.caption.label) ends with a bare footnote marker that has no definition; it is kept as text.",
                    hint: "Add the note with a correction, or remove the marker.", sourceLine: lines[placed.index].number, articleIndex: article))
        }
        let captionLines = Set(captions.flatMap { [$0.index] + $0.extraLines })
        let blocks = TableBlock.find(in: lines, skip: captionLines)
        var blockOwner: [Int: Int] = [:]  // block index → caption index
        pairTables(&captions, blocks: blocks, owner: &blockOwner, findings: &findings)
        assignIds(&captions, findings: &findings)
        reportGaps(captions, findings: &findings)

        var anchors: [String: Int] = [:]
        for (k, placed) in captions.enumerated() where placed.caption.number != nil {
            let key = "\(placed.caption.kind.rawValue)-\(placed.caption.number ?? 0)"
            if anchors[key] == nil { anchors[key] = k }
        }
        // Lines that start a table (first row of a block) and lines swallowed by tables.
        var tableStart: [Int: (rows: [Int], caption: Int?)] = [:]
        var swallowed = Set<Int>()
        for (b, block) in blocks.enumerated() {
            if let owner = blockOwner[b], let rows = captions[owner].tableRows {
                if rows.first == block.rows.first { tableStart[block.first] = (rows, owner) }
            } else if !blockOwner.keys.contains(b) {
                tableStart[block.first] = (block.rows, nil)
                findings.append(
                    ImportFinding(
                        code: "FIG111", severity: .info, message: "Table without a caption converted to a GFM table.",
                        hint: "Add a caption with a correction if the table should be referenced.",
                        sourceLine: lines[block.first].number, articleIndex: article))
            }
            for i in block.first...block.last { swallowed.insert(i) }
        }
        var captionAt: [Int: Int] = [:]
        var skip = Set<Int>()
        for (k, placed) in captions.enumerated() {
            captionAt[placed.index] = k
            skip.formUnion(placed.extraLines)
        }

        var out: [SourceLine] = []
        var consumed = Set<Int>()
        var linker = ReferenceLinker(anchors: anchors, captions: captions)
        for (i, line) in lines.enumerated() {
            if consumed.contains(i) || skip.contains(i) { continue }
            if let start = tableStart[i] {
                let rendered = TableBlock.render(rows: start.rows, in: lines)
                appendBlank(&out, number: line.number)
                if let owner = start.caption {
                    out.append(SourceLine(Self.tableAnchor(captions[owner]), number: lines[captions[owner].index].number))
                    out.append(SourceLine("", number: line.number))
                }
                out.append(contentsOf: rendered.lines)
                out.append(SourceLine("", number: line.number))
                if rendered.merged > 0 {
                    findings.append(
                        ImportFinding(
                            code: "FIG112", severity: .info, message: "Merged \(rendered.merged) wrapped table row(s) into the row above.",
                            hint: nil, sourceLine: line.number, articleIndex: article))
                }
                continue
            }
            if swallowed.contains(i) { continue }
            if let k = captionAt[i] {
                let placed = captions[k]
                if placed.tableRows != nil { continue }  // anchored before its table
                rejoinAround(caption: i, out: &out, consumed: &consumed, findings: &findings)
                appendBlank(&out, number: line.number)
                let body = nextContentLine(after: placed.extraLines.last ?? i)
                let hasBody = body.map { LineShape.isListItem(lines[$0].text) } ?? false
                let block: String
                if hasBody {
                    block = Self.captionParagraph(placed)
                } else {
                    let image = images[FigureImage.key(placed.caption.label)]
                    if image != nil { usedImages.insert(FigureImage.key(placed.caption.label)) }
                    block = Self.figureBlock(placed, image: image)
                }
                out.append(SourceLine(block, number: line.number))
                out.append(SourceLine("", number: line.number))
                if let notes = placed.notes {
                    out.append(SourceLine(notes, number: line.number))
                    out.append(SourceLine("", number: line.number))
                }
                continue
            }
            var text = line.text
            if !LineShape.isHeading(text) {
                text = linker.link(text, sourceLine: line.number, article: article, findings: &findings)
                linker.checkDeictic(
                    text, at: i, lines: lines, captions: captions, blocks: blocks, window: deicticWindow, sourceLine: line.number, article: article,
                    findings: &findings)
            }
            out.append(SourceLine(text, number: line.number))
        }
        // An article that refers to fewer than half of its numbered figures does not refer to
        // figures by number at all (a convention of the document): an unreferenced one is no finding.
        let numbered = captions.indices.filter { !captions[$0].unnumbered }
        let refersByNumber = statedReferenced ?? (numbered.filter { linker.linked.contains($0) }.count * 2 >= numbered.count)
        for (k, placed) in captions.enumerated() where refersByNumber && !linker.linked.contains(k) && !placed.unnumbered {
            findings.append(
                ImportFinding(
                    code: "FIG108", severity: .info, message: "\(placed.caption.label) is never referenced in the text.",
                    hint: nil, sourceLine: lines[placed.index].number, articleIndex: article))
        }
        return collapse(out)
    }

    // MARK: Captions

    private func findCaptions() -> [PlacedCaption] {
        var result: [PlacedCaption] = []
        var i = 0
        while i < lines.count {
            let text = lines[i].text
            guard !text.hasPrefix("<"), !text.hasPrefix("|"), var caption = Caption.parse(text) else {
                i += 1
                continue
            }
            // A bare label ("Figure 1.") after a sentence that is not finished ("… the single
            // panel plot in") is that sentence's end, wrapped onto its own line, not a caption.
            if caption.text.isEmpty, let previous = lines[..<i].last(where: { !LineShape.isBlank($0.text) }),
               previous.text.last.map({ $0.isLetter || $0 == "," }) == true, !LineShape.isHeading(previous.text) {
                i += 1
                continue
            }
            var placed = PlacedCaption(index: i, caption: caption)
            // A bold caption continued on the next line after a hard break.
            if text.components(separatedBy: "**").count % 2 == 0, i + 1 < lines.count, !LineShape.isBlank(lines[i + 1].text),
                lines[i + 1].text.trimmingCharacters(in: .whitespaces).hasSuffix("**")
            {
                caption.text = Caption.clean(caption.text + " " + lines[i + 1].text)
                placed.caption = caption
                placed.extraLines = [i + 1]
            }
            // A Chinese caption right after another caption is its original-language label.
            if caption.chinese, let previous = result.last, previous.index >= i - 3, previous.chineseSubcaption == nil {
                result[result.count - 1].chineseSubcaption = caption.label + " " + caption.text
                result[result.count - 1].extraLines.append(i)
                i += 1
                continue
            }
            placed.caption.text = Self.markBareNoteMarker(placed.caption.text)
            result.append(placed)
            i = (placed.extraLines.last ?? i) + 1
        }
        return mergeSentenceCutters(into: result)
    }

    /// `… (2020)1`: a footnote digit glued to a caption's closing parenthesis, with no
    /// superscript markup, stays visible as a marker (`(2020)⁽¹⁾`).
    static func markBareNoteMarker(_ text: String) -> String {
        let digits = text.reversed().prefix(while: \.isASCIIDigit)
        guard (1...2).contains(digits.count), text.dropLast(digits.count).last == ")" else { return text }
        return String(text.dropLast(digits.count)) + ScriptText.visibleMarker(String(digits.reversed()))
    }

    /// A short unlabelled line standing alone between the two halves of a sentence is the
    /// caption of a lost image (photo captions carry no "Figure n").
    private func mergeSentenceCutters(into captions: [PlacedCaption]) -> [PlacedCaption] {
        let taken = Set(captions.flatMap { [$0.index] + $0.extraLines })
        var found: [PlacedCaption] = []
        var previous: Int?
        for i in lines.indices {
            let text = lines[i].text
            if LineShape.isBlank(text) { continue }
            defer { previous = i }
            guard !taken.contains(i), let p = previous, p < i - 1 else { continue }
            var n = i + 1
            while n < lines.count, LineShape.isBlank(lines[n].text) { n += 1 }
            guard n < lines.count, n > i + 1 else { continue }
            let before = lines[p].text
            let after = lines[n].text
            let length = text.utf8.count
            // A caption names what the picture shows in a few words at least ("NA handling", a
            // group label of a function table, is no caption).
            let words = TextNormalizer.stripMarkup(text).split(separator: " ").count
            guard length >= 15, length <= 400, words >= 3, text.count <= 200, let first = text.first, first.isUppercase,
                !LineShape.endsClause(text), !text.hasSuffix("."), !LineShape.isHeading(text), !LineShape.isListItem(text),
                !text.hasPrefix("<"), !text.hasPrefix("|"), !text.hasPrefix("**"), !TextSearch.contains(text, byte: 0x09),
                before.count >= 60, !LineShape.isHeading(before), !LineShape.isListItem(before), !before.hasPrefix("<"), !before.hasPrefix("|"),
                !LineShape.endsClause(before), Caption.parse(before) == nil, after.first?.isLowercase == true,
                !LineShape.isHeading(after), !LineShape.isListItem(after)
            else { continue }
            let caption = Caption(kind: .figure, number: nil, label: CaptionKind.figure.word, text: Caption.clean(text), chinese: false)
            found.append(PlacedCaption(index: i, caption: caption))
        }
        guard !found.isEmpty else { return captions }
        return (captions + found).sorted { $0.index < $1.index }
    }

    /// Pairs table captions (and figure captions sitting on a table) with the nearest
    /// tab-separated block above or below; merges a table split around its caption.
    private func pairTables(_ captions: inout [PlacedCaption], blocks: [TableBlock], owner: inout [Int: Int], findings: inout [ImportFinding]) {
        for k in captions.indices {
            let c = captions[k].extraLines.last ?? captions[k].index
            let start = captions[k].index
            var below = blocks.indices.first { blocks[$0].first > c }
            if let b = below, owner.keys.contains(b) || !within(c, blocks[b].first) { below = nil }
            var above = blocks.indices.last { blocks[$0].last < start }
            if let a = above, owner.keys.contains(a) || !within(blocks[a].last, start) { above = nil }
            var rows: [Int]?
            if let a = above, let b = below,
                TableBlock.columnCount(of: blocks[a], in: lines) == TableBlock.columnCount(of: blocks[b], in: lines),
                nonBlankBetween(blocks[a].last, start) == 0
            {
                rows = blocks[a].rows + blocks[b].rows
                owner[a] = k
                owner[b] = k
                findings.append(
                    ImportFinding(
                        code: "FIG112", severity: .info, message: "Rejoined \(captions[k].caption.label), split around its caption at a page break.",
                        hint: nil, sourceLine: lines[start].number, articleIndex: article))
            } else if let b = below, captions[k].caption.kind == .table || above == nil {
                rows = blocks[b].rows
                owner[b] = k
            } else if let a = above {
                rows = blocks[a].rows
                owner[a] = k
            }
            guard let tableRows = rows else { continue }
            captions[k].tableRows = tableRows
            if captions[k].caption.kind != .table {
                findings.append(
                    ImportFinding(
                        code: "FIG107", severity: .info, message: "\(captions[k].caption.label) labels a table, not an image.",
                        hint: nil, sourceLine: lines[start].number, articleIndex: article))
            }
        }
    }

    /// At most `tableDistance` non-blank lines lie between lines `a` and `b`.
    private func within(_ a: Int, _ b: Int) -> Bool {
        var count = 0
        var k = a + 1
        while k < b {
            if !LineShape.isBlank(lines[k].text) {
                count += 1
                if count > tableDistance { return false }
            }
            k += 1
        }
        return true
    }

    private func nonBlankBetween(_ a: Int, _ b: Int) -> Int {
        guard b > a + 1 else { return 0 }
        return (a + 1..<b).filter { !LineShape.isBlank(lines[$0].text) }.count
    }

    private func assignIds(_ captions: inout [PlacedCaption], findings: inout [ImportFinding]) {
        var taken = Set<String>()
        var unnumbered = 0
        // An unnumbered caption is a finding only where the article numbers its other captions of
        // the kind; some reports never number their photos.
        let numberedKinds = Set(captions.filter { $0.caption.number != nil }.map { $0.caption.kind.rawValue })
        for k in captions.indices {
            let caption = captions[k].caption
            var id: String
            if let n = caption.number {
                id = "\(caption.kind.rawValue)-\(n)"
                if taken.contains(id) {
                    var suffix = 2
                    while taken.contains("\(id)-\(suffix)") { suffix += 1 }
                    id = "\(id)-\(suffix)"
                    findings.append(
                        ImportFinding(
                            code: "FIG103", severity: .warning, message: "\(caption.label) appears twice in this article; the second is anchored as #\(id).",
                            hint: "Renumber the caption with a correction.", sourceLine: lines[captions[k].index].number, articleIndex: article))
                }
            } else {
                unnumbered += 1
                id = "\(caption.kind.rawValue)-u\(unnumbered)"
                captions[k].unnumbered = true
                if numberedKinds.contains(caption.kind.rawValue) {
                    findings.append(
                        ImportFinding(
                            code: "FIG102", severity: .warning, message: "Caption “\(String(caption.text.prefix(60)))” has no number, but the article's other \(caption.kind.rawValue) captions are numbered.",
                            hint: "In-text references cannot point to it; number it with a correction.",
                            sourceLine: lines[captions[k].index].number, articleIndex: article))
                }
            }
            taken.insert(id)
            captions[k].id = id
        }
    }

    private func reportGaps(_ captions: [PlacedCaption], findings: inout [ImportFinding]) {
        for kind in CaptionKind.allCases {
            let numbered = captions.filter { $0.caption.kind == kind && $0.caption.number != nil && !$0.caption.chinese }
            var previous = 0
            for placed in numbered {
                guard let n = placed.caption.number else { continue }
                if n > previous + 1, previous > 0 {
                    let missing = n - previous == 2 ? "\(previous + 1)" : "\(previous + 1)–\(n - 1)"
                    findings.append(
                        ImportFinding(
                            code: "FIG104", severity: .warning,
                            message: "\(kind.word) numbering jumps from \(previous) to \(n); \(kind.word) \(missing) has no caption.",
                            hint: "The caption was probably lost in conversion.", sourceLine: lines[placed.index].number, articleIndex: article))
                } else if n < previous {
                    findings.append(
                        ImportFinding(
                            code: "FIG104", severity: .warning, message: "\(kind.word) \(n) follows \(kind.word) \(previous) (out of order).",
                            hint: nil, sourceLine: lines[placed.index].number, articleIndex: article))
                }
                previous = max(previous, n)
            }
        }
    }

    // MARK: Output

    /// A caption that cuts a sentence: join the halves and put the figure after the paragraph.
    private func rejoinAround(caption c: Int, out: inout [SourceLine], consumed: inout Set<Int>, findings: inout [ImportFinding]) {
        guard let p = out.lastIndex(where: { !LineShape.isBlank($0.text) }) else { return }
        var n = c + 1
        while n < lines.count, LineShape.isBlank(lines[n].text) || consumed.contains(n) { n += 1 }
        guard n < lines.count else { return }
        let before = out[p].text
        let after = lines[n].text
        guard !LineShape.isHeading(before), !before.hasPrefix("<"), !before.hasPrefix("|"), !before.contains("\t"), !LineShape.endsClause(before),
            LineShape.startsContinuation(after), !LineShape.isHeading(after), !LineShape.isListItem(after), !after.contains("\t"),
            Caption.parse(after) == nil
        else { return }
        var left = before
        while left.last == " " { left.removeLast() }
        out[p].text = left + " " + after.drop(while: { $0 == " " })
        consumed.insert(n)
        findings.append(
            ImportFinding(
                code: "FIG106", severity: .info, message: "Moved a caption that cut a sentence in two after the rejoined paragraph.",
                hint: nil, sourceLine: lines[c].number, articleIndex: article))
    }

    private func appendBlank(_ out: inout [SourceLine], number: Int) {
        if let last = out.last, !LineShape.isBlank(last.text) { out.append(SourceLine("", number: number)) }
    }

    private func collapse(_ lines: [SourceLine]) -> [SourceLine] {
        var result: [SourceLine] = []
        for line in lines {
            if LineShape.isBlank(line.text), let last = result.last, LineShape.isBlank(last.text) { continue }
            result.append(line)
        }
        return result
    }

    /// A figure with its caption: the editor's image when `corrections.yml` gives one (with its
    /// credit), else the caption alone, saying once that the source lost the image (no empty frame).
    static func figureBlock(_ placed: PlacedCaption, image: FigureImage? = nil) -> String {
        let note = image.map { $0.credit.map { " <span class=\"figure-note\">(\(html($0)))</span>" } ?? "" }
            ?? " <span class=\"figure-note\">(image not included in the source)</span>"
        return "<figure id=\"\(placed.id)\" class=\"\(image == nil ? "figure-missing" : "figure")\">\(image?.imageTag ?? "")"
            + "<figcaption><span class=\"figure-label\">\(html(placed.caption.label))</span>" + captionText(placed) + note + "</figcaption></figure>"
    }

    /// A caption whose content (a list) is in the source: an anchored caption paragraph.
    static func captionParagraph(_ placed: PlacedCaption) -> String {
        "<p id=\"\(placed.id)\" class=\"figure-caption\"><span class=\"figure-label\">\(html(placed.caption.label))</span>" + captionText(placed) + "</p>"
    }

    private func nextContentLine(after index: Int) -> Int? {
        var k = index + 1
        while k < lines.count, LineShape.isBlank(lines[k].text) { k += 1 }
        return k < lines.count ? k : nil
    }

    static func tableAnchor(_ placed: PlacedCaption) -> String {
        "<p id=\"\(placed.id)\" class=\"table-caption\"><span class=\"table-label\">\(html(placed.caption.label))</span>" + captionText(placed) + "</p>"
    }

    static func captionText(_ placed: PlacedCaption) -> String {
        let (text, _) = NoteRun.extractFootnoteReferences(placed.caption.text)
        var result = text.isEmpty ? "" : " " + html(unescape(text))
        if let zh = placed.chineseSubcaption {
            result += " <span lang=\"zh\">" + html(zh) + "</span>"
        }
        return result
    }

    /// Markdown backslash escapes mean nothing inside raw HTML.
    private static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var out = ""
        var escaping = false
        for ch in text {
            if escaping {
                out.append(ch)
                escaping = false
            } else if ch == "\\" {
                escaping = true
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// Escapes text for HTML, keeping the `<sup>`/`<sub>` markup the inline step renders as text.
    static func html(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(ch)
            }
        }
        guard TextSearch.contains(escaped, byte: 0x26) else { return escaped }
        for tag in ["sup", "sub"] where TextSearch.contains(escaped, "&lt;\(tag)&gt;") {
            escaped = escaped.replacingOccurrences(of: "&lt;\(tag)&gt;", with: "<\(tag)>").replacingOccurrences(of: "&lt;/\(tag)&gt;", with: "</\(tag)>")
        }
        for tag in ["b", "i", "u", "strong", "em"] where TextSearch.contains(escaped, "&lt;\(tag)&gt;") || TextSearch.contains(escaped, "&lt;/\(tag)&gt;") {
            escaped = escaped.replacingOccurrences(of: "&lt;\(tag)&gt;", with: "").replacingOccurrences(of: "&lt;/\(tag)&gt;", with: "")
        }
        return escaped
    }
}

extension PlacedCaption {
    /// Footnote references that were in the caption, as a paragraph to place after the block
    /// (raw HTML is not parsed for footnotes).
    var notes: String? {
        let (_, tokens) = NoteRun.extractFootnoteReferences(caption.text)
        return tokens.isEmpty ? nil : "Note to \(caption.label).\(tokens.joined())"
    }
}
