import FolioCore
import Foundation

/// Line-level cleanup of a whole document before it is split: stray presentational HTML,
/// whitespace-only lines, lone page numbers, OCR debris and running headers.
struct SourceCleaner: Sendable {
    /// Section labels that repeat legitimately and are never running headers.
    var labels: Set<String>

    /// Cleans `lines` in place; lines to drop become empty and are reported.
    func clean(_ lines: inout [SourceLine], findings: inout [ImportFinding]) {
        var standaloneCounts: [String: Int] = [:]
        for i in lines.indices {
            var text = lines[i].text
            if TextNormalizer.trim(text).isEmpty {
                lines[i].text = ""
                continue
            }
            if text.utf8.contains(60) {
                let stripped = Self.stripPresentationalHTML(text)
                if stripped != text {
                    findings.append(ImportFinding(code: "IMP030", severity: .info, message: "removed stray HTML formatting tags (<b>, <u>, <i>)", sourceLine: lines[i].number))
                    text = stripped
                }
            }
            if text.hasSuffix(" ") && !text.hasSuffix("  ") {
                while text.hasSuffix(" ") { text.removeLast() }
            }
            // `• item` paragraphs are list items the conversion flattened.
            if text.hasPrefix("• ") || text.hasPrefix("● ") || text.hasPrefix("▪ ") {
                text = "- " + text.dropFirst(2)
            }
            lines[i].text = text
            let trimmed = TextNormalizer.trim(text)
            let blankAround = (i == 0 || lines[i - 1].text.isEmpty) && (i + 1 >= lines.count || TextNormalizer.trim(lines[i + 1].text).isEmpty)
            if Self.isLocalImage(trimmed) {
                findings.append(
                    ImportFinding(
                        code: "IMP035", severity: .info, message: "removed a reference to an image the source does not include (`\(trimmed)`)", sourceLine: lines[i].number))
                lines[i].text = ""
                continue
            }
            if blankAround && Self.isPageArtefact(trimmed) {
                findings.append(ImportFinding(code: "IMP031", severity: .info, message: "removed page artefact `\(trimmed)`", sourceLine: lines[i].number))
                lines[i].text = ""
                continue
            }
            if blankAround && trimmed.utf8.count <= 60 && TextNormalizer.headingLevel(trimmed) == nil && !trimmed.utf8.contains(9) {
                standaloneCounts[trimmed, default: 0] += 1
            }
        }
        // Running headers: a short stand-alone line repeated on many pages that is not a label.
        let headers = Set(standaloneCounts.filter { $0.value >= 4 && !labels.contains(TextNormalizer.key($0.key)) && !Self.isLabelLike($0.key) }.keys)
        guard !headers.isEmpty else { return }
        for i in lines.indices where headers.contains(TextNormalizer.trim(lines[i].text)) {
            let blankAround = (i == 0 || lines[i - 1].text.isEmpty) && (i + 1 >= lines.count || lines[i + 1].text.isEmpty)
            guard blankAround else { continue }
            findings.append(ImportFinding(code: "IMP032", severity: .info, message: "removed running header `\(lines[i].text)`", sourceLine: lines[i].number))
            lines[i].text = ""
        }
    }

    /// `<b>`, `</b>`, `<u>`, `</u>` removed; `<i>x</i>` becomes `*x*`; `<br>` kept.
    static func stripPresentationalHTML(_ text: String) -> String {
        var s = text
        if s.contains("<i>") { s = s.replacingOccurrences(of: "<i>", with: "*").replacingOccurrences(of: "</i>", with: "*") }
        return TextNormalizer.removeTags(s, tags: ["b", "u", "strong", "em"])
    }

    /// A lone page number, a bare bullet or a line of symbols without letters or digits.
    static func isPageArtefact(_ text: String) -> Bool {
        if text.isEmpty { return false }
        if text.utf8.count <= 9 && text.count <= 3 && text.allSatisfy(\.isNumber) { return true }
        if text == "---" || text == "***" { return false }
        if text.utf8.count <= 9 && text.count <= 3
            && text.unicodeScalars.allSatisfy({ !CharacterSet.alphanumerics.contains($0) && !TextNormalizer.isCJK($0) && $0 != "|" && $0 != "-" && $0 != ">" })
        {
            return true
        }
        return false
    }

    /// A line that is only an image with a relative target (`![](_page_236_Figure_5.jpeg)`):
    /// the converter's reference to an extracted image that is not part of the corpus.
    static func isLocalImage(_ text: String) -> Bool {
        guard text.hasPrefix("!["), text.hasSuffix(")"), let open = text.range(of: "](") else { return false }
        let target = text[open.upperBound...].dropLast()
        return !target.contains("://") && !target.contains(" ") && !target.isEmpty
    }

    /// Headings and numbered lines are never running headers.
    static func isLabelLike(_ text: String) -> Bool {
        // Thematic breaks (`---`) separate footnote blocks; they are never running headers.
        TextNormalizer.isBoldOnly(text) || text.first?.isNumber == true || text.hasPrefix("- ") || text.hasPrefix("|")
            || text.allSatisfy { "-*_= ".contains($0) }
    }
}
