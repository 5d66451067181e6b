import FolioContent
import FolioCore
import Foundation

/// Links in-text figure and table references to their anchors and reports the ones that do
/// not resolve, plus "the graph above/below" with no figure nearby.
struct ReferenceLinker {
    /// `figure-3` → index of its caption.
    var anchors: [String: Int]
    var captions: [PlacedCaption]
    /// Captions that some reference links to.
    var linked = Set<Int>()
    private var reportedMissing = Set<String>()

    init(anchors: [String: Int], captions: [PlacedCaption]) {
        self.anchors = anchors
        self.captions = captions
    }

    private static let stems = ["Fig", "Table", "Chart", "Graph", "Display", "Exhibit", "Diagram"]
    private static let words = [
        "Figures", "Figure", "Fig.", "Fig", "Tables", "Table", "Charts", "Chart", "Graphs", "Graph", "Displays", "Display", "Exhibit", "Diagram",
    ]

    /// Rewrites `Figure 3` as `[Figure 3](#figure-3)` when the anchor exists in this article.
    mutating func link(_ text: String, sourceLine: Int, article: Int, findings: inout [ImportFinding]) -> String {
        var starts: [String.Index] = []
        for stem in Self.stems {
            var search = text.startIndex
            while let found = TextSearch.range(of: stem, in: text, from: search) {
                starts.append(found.lowerBound)
                search = found.upperBound
            }
        }
        guard !starts.isEmpty else { return text }
        starts.sort()
        let protected = Self.protectedRanges(in: text)
        var out = ""
        var cursor = text.startIndex
        for index in starts {
            guard index >= cursor, let (word, kind) = Self.word(at: index, in: text) else { continue }
            let afterWord = text.index(index, offsetBy: word.count)
            var numberStart = afterWord
            while numberStart < text.endIndex, text[numberStart] == " " || text[numberStart] == "\u{00A0}" { numberStart = text.index(after: numberStart) }
            let digits = text[numberStart...].prefix(while: \.isASCIIDigit)
            let end = text.index(numberStart, offsetBy: digits.count)
            let precededByLetter = index > text.startIndex && text[text.index(before: index)].isLetter
            let followedBadly =
                end < text.endIndex
                && (text[end].isLetter || text[end].isASCIIDigit
                    || (text[end] == "." && text.index(after: end) < text.endIndex && text[text.index(after: end)].isASCIIDigit))
            guard !digits.isEmpty, digits.count <= 3, !precededByLetter, !followedBadly, let n = Int(digits),
                !protected.contains(where: { $0.contains(index) })
            else { continue }
            // "Figure 8 of the National Plan" cites someone else's figure.
            let tail = text[end...].prefix(9).lowercased()
            if tail.hasPrefix(" of the ") || tail.hasPrefix(" in the ") { continue }
            let key = "\(kind.rawValue)-\(n)"
            if let k = anchors[key] {
                out += text[cursor..<index]
                out += "[\(text[index..<end])](#\(captions[k].id))"
                linked.insert(k)
                cursor = end
            } else if reportedMissing.insert(key).inserted {
                let label = "\(kind.word) \(n)"
                var hint = "Add the caption with a correction, or fix the number."
                if kind == .figure, anchors["table-\(n)"] != nil { hint = "This article has Table \(n); the source may mean it." }
                if kind == .table, anchors["figure-\(n)"] != nil { hint = "This article has Figure \(n); the source may mean it." }
                findings.append(
                    ImportFinding(
                        code: "FIG101", severity: .warning, message: "The text refers to \(label), which has no caption in this article.",
                        hint: hint, sourceLine: sourceLine, articleIndex: article))
            }
        }
        out += text[cursor...]
        return out
    }

    private static func word(at index: String.Index, in text: String) -> (String, CaptionKind)? {
        let c = text[index]
        guard "FTCGDE".contains(c) else { return nil }
        for word in words where text[index...].hasPrefix(word) {
            guard let kind = CaptionKind.from(word: word) else { continue }
            return (word, kind)
        }
        return nil
    }

    /// Link targets, autolinks and footnote labels are never rewritten.
    static func protectedRanges(in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var search = text.startIndex
        while let open = TextSearch.range(of: "](", in: text, from: search) {
            let close = text[open.upperBound...].firstIndex(of: ")") ?? text.endIndex
            ranges.append(open.lowerBound..<close)
            search = close
        }
        search = text.startIndex
        while let open = TextSearch.range(of: "<", in: text, from: search) {
            let close = text[open.upperBound...].firstIndex(of: ">") ?? text.endIndex
            ranges.append(open.lowerBound..<close)
            search = close
        }
        // Existing link texts `[...]` too.
        search = text.startIndex
        while let open = TextSearch.range(of: "[", in: text, from: search) {
            guard let close = text[open.upperBound...].firstIndex(of: "]") else { break }
            let next = text.index(after: close)
            if next < text.endIndex, text[next] == "(" { ranges.append(open.lowerBound..<close) }
            search = next
        }
        return ranges
    }

    private static let deictic = [
        "graph above", "graph below", "figure above", "figure below", "chart above", "chart below",
        "table above", "table below", "diagram above", "diagram below", "picture above", "picture below",
        "image above", "image below", "above graph", "above figure", "above chart", "above table",
        "following figure", "following chart", "following graph", "following table", "following diagram",
    ]

    /// Reports "the graph above" (or below) when no figure or table is within `window` lines.
    func checkDeictic(
        _ text: String, at index: Int, lines: [SourceLine], captions: [PlacedCaption], blocks: [TableBlock], window: Int,
        sourceLine: Int, article: Int, findings: inout [ImportFinding]
    ) {
        guard TextSearch.contains(text, "above") || TextSearch.contains(text, "below") || TextSearch.contains(text, "following") else { return }
        let lower = text.lowercased()
        guard let phrase = Self.deictic.first(where: { TextSearch.contains(lower, $0) }) else { return }
        let lookBelow = phrase.contains("below") || phrase.contains("following")
        let range = lookBelow ? index...min(lines.count - 1, index + window) : max(0, index - window)...index
        let near = captions.contains { range.contains($0.index) } || blocks.contains { range.contains($0.first) || range.contains($0.last) }
        if !near {
            findings.append(
                ImportFinding(
                    code: "FIG105", severity: .warning, message: "The text refers to “the \(phrase)”, but no figure or table is nearby.",
                    hint: "The image was probably lost in conversion; reword the sentence or add the figure.",
                    sourceLine: sourceLine, articleIndex: article))
        }
    }
}
