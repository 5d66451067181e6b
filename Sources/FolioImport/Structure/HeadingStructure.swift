import FolioCore
import Foundation

/// Rebuilds one article's heading outline from its structure rather than the converter's
/// random `#` counts: the title is the only H1; numbered sections nest by their numbering
/// scheme; known labels and bold-only lines are promoted; captions, sentences and salutations
/// are demoted; emphasis is removed from headings; internal tables of contents and repeated
/// titles are dropped.
struct HeadingStructure: Sendable {
    /// Section labels (comparison keys) promoted to headings wherever they stand alone.
    var labels: Set<String>
    /// Comparison key of the document title, to drop repeated title pages.
    var documentTitleKey: String

    static let defaultLabels: [String] = [
        "Abstract", "Summary", "Executive Summary", "Introduction", "Background", "Conclusion", "Conclusions",
        "Results", "References", "Acknowledgements", "Outlook", "Recommendations", "Description of the technology",
        "Detailed description of the technology", "Overview", "Preface", "Foreword", "Appendix", "Concluding Remarks",
        "Conclusion and recommendations", "Conclusions and recommendations",
    ]

    /// Labels that always sit directly under the title, whatever numbering came before.
    static let topLabels: Set<String> = Set([
        "Abstract", "Summary", "Executive Summary", "References", "Acknowledgements", "Conclusion", "Conclusions",
        "Concluding Remarks", "Preface", "Foreword", "Appendix", "Bibliography", "Notes", "References:",
    ].map(TextNormalizer.key))

    func apply(to article: inout ArticleDraft, articleIndex: Int, findings: inout [ImportFinding]) {
        let titleKey = TextNormalizer.key(article.title)
        var out: [SourceLine] = []
        out.reserveCapacity(article.lines.count + 2)
        var stack: [(scheme: String, level: Int)] = []
        var skippingTOC = false
        let lines = article.lines
        for (i, line) in lines.enumerated() {
            let text = line.text
            let blankBefore = i == 0 || lines[i - 1].text.isEmpty
            let blankAfter = i + 1 >= lines.count || lines[i + 1].text.isEmpty
            var headingText: String?
            if TextNormalizer.headingLevel(text) != nil {
                headingText = TextNormalizer.stripMarkup(text)
            } else if blankBefore && blankAfter && !text.contains("\t") {
                if TextNormalizer.isBoldOnly(text) {
                    let inner = TextNormalizer.stripMarkup(text)
                    if inner.count <= 120 && !TextNormalizer.endsSentence(inner) && !Self.isCaption(inner) {
                        headingText = inner
                        findings.append(ImportFinding(code: "IMP011", severity: .info, message: "promoted the bold-only line `\(inner)` to a heading", sourceLine: line.number, articleIndex: articleIndex))
                    }
                } else if labels.contains(TextNormalizer.key(text)) && text.count <= 60 {
                    headingText = TextNormalizer.stripMarkup(text)
                    findings.append(ImportFinding(code: "IMP011", severity: .info, message: "promoted the label `\(headingText ?? "")` to a heading", sourceLine: line.number, articleIndex: articleIndex))
                }
            }
            guard var heading = headingText else {
                if skippingTOC {
                    if text.isEmpty || Self.looksLikeTOCLine(text) { continue }
                    skippingTOC = false
                }
                out.append(line)
                continue
            }
            skippingTOC = false
            while heading.hasPrefix("•") || heading.hasPrefix("·") { heading = String(heading.dropFirst()).trimmingCharacters(in: .whitespaces) }
            heading = Self.normaliseNumbering(heading)
            let key = TextNormalizer.key(heading)
            if key.isEmpty { continue }
            if key == titleKey || (key.count >= 10 && documentTitleKey.hasPrefix(key)) {
                findings.append(ImportFinding(code: "IMP012", severity: .info, message: "removed a repeated title `\(heading)`", sourceLine: line.number, articleIndex: articleIndex))
                continue
            }
            if ["contents", "tableofcontents", "index"].contains(key) {
                findings.append(ImportFinding(code: "IMP015", severity: .info, message: "removed an internal table of contents; the site generates one from the headings", sourceLine: line.number, articleIndex: articleIndex))
                skippingTOC = true
                continue
            }
            if let reason = demotionReason(heading) {
                findings.append(ImportFinding(code: "IMP013", severity: .info, message: "demoted a \(reason) written as a heading to a paragraph", sourceLine: line.number, articleIndex: articleIndex))
                out.append(SourceLine(reason == "caption" ? heading : "**\(heading)**", number: line.number))
                continue
            }
            let scheme = Self.scheme(of: heading)
            var level: Int
            if Self.topLabels.contains(key) {
                stack = [(scheme, 2)]
                level = 2
            } else if let existing = stack.lastIndex(where: { $0.scheme == scheme }) {
                level = stack[existing].level
                stack.removeSubrange((existing + 1)...)
            } else if scheme == "none" {
                level = min((stack.last?.level ?? 1) + 1, 6)
                if stack.isEmpty || stack.allSatisfy({ $0.scheme == "none" }) { level = 2; stack = [] }
                stack.append((scheme, level))
            } else {
                // A new numbering scheme nests under the nearest numbered section, or sits
                // directly under the title when there is none.
                while stack.last?.scheme == "none" { stack.removeLast() }
                level = min((stack.last?.level ?? 1) + 1, 6)
                stack.append((scheme, level))
            }
            out.append(SourceLine(String(repeating: "#", count: level) + " " + heading, number: line.number))
        }
        article.lines = out
    }

    /// Why a heading is not a heading: a figure/table caption, a sentence, a salutation.
    func demotionReason(_ heading: String) -> String? {
        if Self.isCaption(heading) { return "caption" }
        if heading.hasSuffix("!") { return "salutation" }
        if heading.count > 160 { return "long sentence" }
        if heading.hasSuffix(".") && !heading.hasSuffix("etc.") && (heading.count > 90 || heading.contains(", ")) { return "sentence" }
        return nil
    }

    /// `Figure 3 …`, `Fig.2 …`, `Table 1 …`, `[Figure 5] …`, `Display 1: …`, `(Source: …)`.
    static func isCaption(_ text: String) -> Bool {
        var t = Substring(text)
        if t.hasPrefix("[") || t.hasPrefix("(") { t = t.dropFirst() }
        let lower = t.lowercased()
        for word in ["figure", "fig.", "fig ", "table", "chart", "graph", "display", "exhibit", "图", "表"] where lower.hasPrefix(word) {
            let rest = lower.dropFirst(word.count).drop(while: { $0 == " " || $0 == "." })
            if rest.first?.isNumber == true { return true }
        }
        return lower.hasPrefix("source:") || lower.hasPrefix("data source")
    }

    /// A line of an internal table of contents: an entry with a page number or a list of section titles.
    static func looksLikeTOCLine(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.contains("\t") { return true }
        if t.hasPrefix("- ") || t.first?.isNumber == true { return t.count < 200 }
        return false
    }

    /// `1 . Focus` → `1. Focus`; `1.To` → `1. To`; `2.2.` → `2.2`.
    static func normaliseNumbering(_ text: String) -> String {
        var t = text
        if let r = t.range(of: #"^(\d+) \. "#, options: .regularExpression) {
            t.replaceSubrange(r, with: t[r].replacingOccurrences(of: " .", with: "."))
        }
        if let r = t.range(of: #"^(\d+(\.\d+)*)\.(?=[A-Za-z])"#, options: .regularExpression) {
            t.replaceSubrange(r, with: t[r] + " ")
        }
        if let r = t.range(of: #"^\d+\.\d+(\.\d+)*\. "#, options: .regularExpression) {
            t.replaceSubrange(r, with: String(t[r].dropLast(2)) + " ")
        }
        return t
    }

    /// The numbering scheme of a heading: `dec1`, `dec2` (`1.1`), `roman`, `paren` (`(1)`),
    /// `rparen` (`1)`), `circled`, `letter`, `part`, `chapter`, `case`, or `none`.
    static func scheme(of heading: String) -> String {
        let lower = heading.lowercased()
        for word in ["chapter", "part", "section", "case study", "case", "suggestion", "topic", "phase", "step"] where lower.hasPrefix(word + " ") || lower.hasPrefix(word + ":") {
            return word
        }
        if let first = heading.unicodeScalars.first, (0x2460...0x2473).contains(first.value) { return "circled" }
        if let number = SectionNumbering.leadingNumber(heading) {
            return "dec\(number.split(separator: ".").count)"
        }
        if heading.range(of: #"^\d+(\.\d+)*[.:]?\s"#, options: .regularExpression) != nil {
            let n = heading.prefix { $0.isNumber || $0 == "." }.split(separator: ".").count
            return "dec\(n)"
        }
        if heading.range(of: #"^\(\d+\)"#, options: .regularExpression) != nil { return "paren" }
        if heading.range(of: #"^\d+\)"#, options: .regularExpression) != nil { return "rparen" }
        if heading.range(of: #"^\d+-\d+"#, options: .regularExpression) != nil { return "dash2" }
        if heading.range(of: #"^[IVX]+[.:\s]"#, options: .regularExpression) != nil { return "roman" }
        if heading.range(of: #"^\([IVX]+\)"#, options: .regularExpression) != nil { return "proman" }
        if heading.range(of: #"^[a-z][.)]\s"#, options: .regularExpression) != nil { return "letter" }
        if heading.range(of: #"^[A-Z][.)]\s"#, options: .regularExpression) != nil { return "uletter" }
        if heading.range(of: #"^(First|Second|Third|Fourth|Fifth|Sixth|Finally|Firstly|Secondly|Thirdly|Lastly)\b"#, options: .regularExpression) != nil { return "ordinal" }
        return "none"
    }
}
