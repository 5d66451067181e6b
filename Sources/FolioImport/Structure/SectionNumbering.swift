import FolioCore
import Foundation

/// Restores dots lost from section numbers (`1.42` → `1.4.2`) when the surrounding
/// structure proves them: the parent `1.4` or a sibling `1.4.1` is a heading or a
/// table-of-contents entry of the same document.
struct SectionNumbering: Sendable {
    /// Section numbers seen so far (`1.4`, `1.4.1`).
    private(set) var seen: Set<String> = []

    /// The leading section number of a heading text, e.g. `2.2.1` in `2.2.1 Baowu …`.
    static func leadingNumber(_ text: String) -> Substring? {
        let end = text.firstIndex(where: { !($0.isNumber || $0 == ".") }) ?? text.endIndex
        let number = text[..<end]
        guard number.first?.isNumber == true, end < text.endIndex, text[end] == " " else { return nil }
        return number.hasSuffix(".") ? number.dropLast() : number
    }

    mutating func note(_ number: Substring) {
        seen.insert(String(number))
    }

    /// The repaired number for `number`, or nil when it needs no repair.
    func repaired(_ number: Substring) -> String? {
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, let last = parts[1].last, last != "0" else { return nil }
        let parent = "\(parts[0]).\(parts[1].first!)"
        let sibling = parent + "." + String((Int(String(last)) ?? 1) > 1 ? String((Int(String(last)) ?? 2) - 1) : "2")
        let proof = seen.contains(parent) || seen.contains(sibling)
        // `1.10` after `1.9` is a real two-digit section, not a lost dot.
        let twoDigit = seen.contains("\(parts[0]).9")
        return proof && !twoDigit ? "\(parent).\(last)" : nil
    }

    /// Repairs every heading and bold heading line of a document in one pass, recording a finding per repair.
    static func restore(_ lines: inout [SourceLine], tocNumbers: [String], findings: inout [ImportFinding]) {
        var numbering = SectionNumbering()
        for n in tocNumbers { numbering.note(Substring(n)) }
        for i in lines.indices {
            let text = lines[i].text
            guard TextNormalizer.headingLevel(text) != nil || TextNormalizer.isBoldOnly(text) else { continue }
            let plain = TextNormalizer.stripMarkup(text)
            guard let number = leadingNumber(plain) else { continue }
            if let fixed = numbering.repaired(number), let range = text.range(of: String(number) + " ") ?? text.range(of: String(number)) {
                lines[i].text = text.replacingCharacters(in: range, with: text[range].replacingOccurrences(of: String(number), with: fixed))
                findings.append(
                    ImportFinding(code: "IMP014", severity: .info, message: "restored the dots of section number `\(number)` → `\(fixed)`", sourceLine: lines[i].number))
                numbering.note(Substring(fixed))
            } else {
                numbering.note(number)
            }
        }
    }
}
