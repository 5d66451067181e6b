import FolioCore
import Foundation

/// Turns every footnote encoding of the corpus into GFM footnotes: `[^n]` references with their
/// `[^n]: …` definitions collected, in label order, at the end of the article that cites them.
///
/// It reads superscript markers (also mangled ones such as `<sup>&</sup>lt;sup>1</sup>`,
/// `<sup>t27</sup>o` or `<sup>33 33</sup>`), bracketed `[n]` citations of a reference list,
/// plain-number definition lines in footnote blocks, and endnote lists. Definitions placed on
/// the wrong page or in another article are moved to the article that cites them. Markers
/// without a definition stay visible as text (`⁽⁷⁶⁾`); every repair and defect is a finding
/// with a stable `FN` code. Ordinals, units, powers and trademarks are left to ``InlineRepairer``.
public struct NoteResolver: DocumentStep {
    public let name = "notes"

    /// Creates the step; it has no configuration.
    public init() {}

    public func apply(to document: inout DocumentDraft, findings: inout [ImportFinding]) {
        for index in document.articles.indices {
            Self.moveTitleMarkers(&document.articles[index], articleIndex: index, findings: &findings)
        }
        var run = NoteRun(articles: document.articles.map(\.lines))
        run.resolve(findings: &findings)
        for index in document.articles.indices {
            document.articles[index].lines = run.articles[index]
            document.articles[index].title = Self.titleWithoutMarkers(document.articles[index].title)
        }
    }
}

extension NoteResolver {
    /// A note marker in the article title (`Cardboard<sup>25</sup>`) cites from the first paragraph.
    static func moveTitleMarkers(_ article: inout ArticleDraft, articleIndex: Int, findings: inout [ImportFinding]) {
        guard article.title.contains("<sup>") || article.title.contains("&lt;sup") else { return }
        let title = NoteMarkup.repairMangled(article.title) ?? article.title
        let markers = NoteMarkup.spans(of: "sup", in: title).filter { MarkerPayload.parse($0.payload) != nil }
        guard !markers.isEmpty else { return }
        // When the title heading is among the lines, the heading rule moves the marker instead.
        if article.lines.contains(where: { LineShape.isHeading($0.text) && $0.text.contains(String(title[markers[0].range])) }) { return }
        guard let target = article.lines.firstIndex(where: { !LineShape.isBlank($0.text) && !LineShape.isHeading($0.text) }) else { return }
        var text = article.lines[target].text
        while text.last == " " { text.removeLast() }
        article.lines[target].text = text + markers.map { String(title[$0.range]) }.joined()
        findings.append(
            ImportFinding(
                code: "FN111", severity: .info,
                message: "Moved a footnote reference out of the article title to its first paragraph.",
                hint: nil, sourceLine: article.lines[target].number, articleIndex: articleIndex))
    }

    /// A title carries no footnote markers (they live in the heading's section instead).
    static func titleWithoutMarkers(_ title: String) -> String {
        guard title.contains("<sup>") || title.contains("&lt;sup") else { return title }
        var text = NoteMarkup.repairMangled(title) ?? title
        for span in NoteMarkup.spans(of: "sup", in: text).reversed() where MarkerPayload.parse(span.payload) != nil {
            text.removeSubrange(span.range)
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}

/// The state of one resolution over a document.
struct NoteRun {
    var articles: [[SourceLine]]
    var definitions: [NoteDefinition] = []
    var references: [NoteReference] = []
    /// Lines claimed by definitions, per article.
    var claimed: [Set<Int>]
    /// Markers that could not be read, reported with the other findings.
    var unreadable: [ImportFinding] = []

    init(articles: [[SourceLine]]) {
        self.articles = articles
        self.claimed = Array(repeating: [], count: articles.count)
    }

    mutating func resolve(findings: inout [ImportFinding]) {
        repairMarkup(findings: &findings)
        findExplicitDefinitions()
        let explicitLabels = Set(definitions.filter { $0.style != .bracket }.map(\.label))
        findReferences(definedLabels: explicitLabels)
        findContextualDefinitions(findings: &findings)
        findings.append(contentsOf: unreadable)
        relabelDuplicates(findings: &findings)
        bind(findings: &findings)
        reportSequence(findings: &findings)
        reportDefinitionText(findings: &findings)
        rewrite(findings: &findings)
    }

    // MARK: 1. Mangled markup

    mutating func repairMarkup(findings: inout [ImportFinding]) {
        for a in articles.indices {
            for i in articles[a].indices {
                if let fixed = NoteMarkup.repairMangled(articles[a][i].text) {
                    findings.append(
                        ImportFinding(
                            code: "FN113", severity: .info,
                            message: "Repaired entity-mangled superscript markup.",
                            hint: nil, sourceLine: articles[a][i].number, articleIndex: a))
                    articles[a][i].text = fixed
                }
            }
        }
    }

    // MARK: 2. Definitions with an explicit marker

    mutating func findExplicitDefinitions() {
        for a in articles.indices {
            let lines = articles[a]
            var i = 0
            while i < lines.count {
                if claimed[a].contains(i) {
                    i += 1
                    continue
                }
                guard let start = NoteScanner.explicitStart(lines[i].text) else {
                    i += 1
                    continue
                }
                let label = start.payload.labels[0]
                var parts = splitGlued(start.body, label: label)
                let more = NoteScanner.continuation(of: parts[parts.count - 1].text, after: i, in: lines, claimed: claimed[a])
                for j in more { parts[parts.count - 1].text = NoteScanner.joinFragments(parts[parts.count - 1].text, lines[j].text) }
                for (k, part) in parts.enumerated() {
                    definitions.append(
                        NoteDefinition(
                            article: a, lineIndices: k == parts.count - 1 ? [i] + more : [i],
                            label: part.label, text: part.text, sourceLine: lines[i].number,
                            style: start.style, garbled: start.payload.garbled && k == 0))
                }
                claimed[a].insert(i)
                for j in more { claimed[a].insert(j) }
                i = (more.last ?? i) + 1
            }
        }
    }

    /// Splits `Text A <sup>8</sup>Text B` (two definitions glued on one line) when the inner
    /// marker continues the label sequence.
    private func splitGlued(_ body: String, label: Int) -> [(label: Int, text: String)] {
        var parts: [(Int, String)] = []
        var rest = body
        var current = label
        while true {
            let spans = NoteMarkup.spans(of: "sup", in: rest)
            guard let span = spans.first(where: { MarkerPayload.parse($0.payload)?.labels == [current + 1] }) else { break }
            let after = rest[span.range.upperBound...].trimmingCharacters(in: .whitespaces)
            guard let lead = after.first, lead.isUppercase || !lead.isLetter else { break }
            parts.append((current, rest[rest.startIndex..<span.range.lowerBound].trimmingCharacters(in: .whitespaces)))
            current += 1
            rest = after
        }
        parts.append((current, rest))
        // The first part keeps `label`; later parts carry their own.
        return parts.map { (label: $0.0, text: $0.1) }
    }

    // MARK: 3. References

    mutating func findReferences(definedLabels: Set<Int>) {
        for a in articles.indices {
            let bracketLabels = Set(definitions.filter { $0.article == a && $0.style == .bracket }.map(\.label))
            for (i, line) in articles[a].enumerated() {
                if claimed[a].contains(i) { continue }
                let inHeading = LineShape.isHeading(line.text)
                var cleaned = line.text
                for span in NoteMarkup.spans(of: "sup", in: line.text).reversed() where NoteScanner.isUnreadableMarker(span.payload) {
                    // In a heading it would glue to the last word (`reference121/31`) and enter
                    // the heading's id and the contents: it goes, and the finding keeps it.
                    if inHeading { cleaned.removeSubrange(span.range) }
                    unreadable.append(
                        ImportFinding(
                            code: "FN105", severity: .warning,
                            message: inHeading
                                ? "Unreadable footnote marker “\(span.payload)” was removed from a heading."
                                : "Unreadable footnote marker “\(span.payload)” is kept as text.",
                            hint: "Replace the marker with the right note number in corrections.yml.",
                            sourceLine: line.number, articleIndex: a))
                }
                if cleaned != line.text { articles[a][i].text = cleaned.trimmingCharacters(in: .whitespaces) }
                for found in NoteScanner.references(in: line.text, skipLeadingMarker: false, definedLabels: definedLabels) {
                    references.append(
                        NoteReference(
                            article: a, lineIndex: i, range: found.range, labels: found.payload.labels,
                            bracketed: found.payload.bracketed, leadingLetters: found.payload.leadingLetters,
                            garbled: found.payload.garbled, droppedRemnant: found.droppedRemnant,
                            sourceLine: line.number, raw: found.raw))
                }
                for found in NoteScanner.bracketCitations(in: line.text, labels: bracketLabels) {
                    if references.contains(where: { $0.article == a && $0.lineIndex == i && $0.range.overlaps(found.range) }) { continue }
                    references.append(
                        NoteReference(
                            article: a, lineIndex: i, range: found.range, labels: [found.label], bracketed: true,
                            leadingLetters: "", garbled: false, droppedRemnant: false, sourceLine: line.number,
                            raw: "[\(found.label)]"))
                }
            }
        }
        references.sort { ($0.article, $0.lineIndex, $0.range.lowerBound) < ($1.article, $1.lineIndex, $1.range.lowerBound) }
    }

    // MARK: 4. Plain-number definitions and endnote lists

    mutating func findContextualDefinitions(findings: inout [ImportFinding]) {
        let explicit = Set(definitions.filter { $0.style != .bracket }.map(\.label))
        let referenced = Set(references.filter { !$0.bracketed }.flatMap(\.labels))
        let wanted = referenced.subtracting(explicit)
        guard !wanted.isEmpty else { return }
        var firstCitation: [Int: Int] = [:]  // label → source line of its first citation
        for ref in references where !ref.bracketed {
            for label in ref.labels where firstCitation[label] == nil { firstCitation[label] = ref.sourceLine }
        }
        var accepted: [NoteDefinition] = []
        for a in articles.indices {
            let lines = articles[a]
            // Endnote lists: runs of `n. Text` items with consecutive numbers.
            var i = 0
            while i < lines.count {
                guard !claimed[a].contains(i), let first = NoteScanner.endnoteStart(lines[i].text) else {
                    i += 1
                    continue
                }
                var items: [(index: Int, label: Int, body: String)] = [(i, first.label, first.body)]
                var j = i + 1
                while j < lines.count {
                    if LineShape.isBlank(lines[j].text) {
                        j += 1
                        continue
                    }
                    guard let next = NoteScanner.endnoteStart(lines[j].text), next.label == (items.last?.label ?? 0) + 1 else { break }
                    items.append((j, next.label, next.body))
                    j += 1
                }
                let hits = items.filter { wanted.contains($0.label) }.count
                if items.count >= 3, hits * 2 >= items.count || (hits >= 3 && items[0].label == 1), !items.contains(where: { claimed[a].contains($0.index) }) {
                    for item in items {
                        accepted.append(
                            NoteDefinition(
                                article: a, lineIndices: [item.index], label: item.label, text: item.body,
                                sourceLine: lines[item.index].number, style: .endnote, garbled: false))
                        claimed[a].insert(item.index)
                    }
                }
                i = max(j, i + 1)
            }
            // Plain-number lines in footnote blocks.
            var endsAt: [Int: Int] = [:]  // last line of a definition → its label
            for def in definitions where def.article == a { if let last = def.lineIndices.last { endsAt[last] = def.label } }
            for def in accepted where def.article == a { if let last = def.lineIndices.last { endsAt[last] = def.label } }
            var previousLabel: Int?
            var previousEnd = -2
            var lastBreak = -2
            for (index, line) in lines.enumerated() {
                let text = line.text
                if LineShape.isBlank(text) { continue }
                if LineShape.isThematicBreak(text) {
                    lastBreak = index
                    continue
                }
                if let label = endsAt[index] {
                    previousLabel = label
                    previousEnd = index
                    continue
                }
                if claimed[a].contains(index) { continue }
                defer { lastBreak = -2 }
                guard let plain = NoteScanner.plainStart(text), !explicit.contains(plain.label) else {
                    previousLabel = nil
                    continue
                }
                let afterBreak = lastBreak >= 0 && onlyBlank(lines, from: lastBreak + 1, to: index)
                let continuesRun = previousLabel == plain.label - 1 && onlyBlank(lines, from: previousEnd + 1, to: index)
                // Without a separator, a cited label whose first citation comes shortly before still reads as a definition.
                let citedBefore = wanted.contains(plain.label) && firstCitation[plain.label].map { (1...400).contains(line.number - $0) } == true
                guard afterBreak || continuesRun || citedBefore else {
                    previousLabel = nil
                    continue
                }
                // The block must hold at least one label the text cites.
                guard wanted.contains(plain.label) || chainCites(lines, from: index, label: plain.label, wanted: wanted) else {
                    previousLabel = nil
                    continue
                }
                let more = NoteScanner.continuation(of: plain.body, after: index, in: lines, claimed: claimed[a])
                var body = plain.body
                for j in more { body = NoteScanner.joinFragments(body, lines[j].text) }
                let def = NoteDefinition(
                    article: a, lineIndices: [index] + more, label: plain.label, text: body,
                    sourceLine: line.number, style: .plain, garbled: false)
                accepted.append(def)
                for j in def.lineIndices { claimed[a].insert(j) }
                previousLabel = plain.label
                previousEnd = def.lineIndices.last ?? index
            }
        }
        definitions.append(contentsOf: accepted)
        references.removeAll { claimed[$0.article].contains($0.lineIndex) }
    }

    /// A run of `n Text` lines numbered on from `label` contains a cited label.
    private func chainCites(_ lines: [SourceLine], from index: Int, label: Int, wanted: Set<Int>) -> Bool {
        var expected = label + 1
        var k = index + 1
        var budget = 16
        while k < lines.count, budget > 0 {
            let text = lines[k].text
            if let next = NoteScanner.plainStart(text) {
                guard next.label == expected else { return false }
                if wanted.contains(next.label) { return true }
                expected += 1
            } else if LineShape.isHeading(text) || LineShape.isThematicBreak(text) {
                return false
            }
            k += 1
            budget -= 1
        }
        return false
    }

    private func onlyBlank(_ lines: [SourceLine], from: Int, to: Int) -> Bool {
        guard from <= to else { return false }
        for k in from..<to where !LineShape.isBlank(lines[k].text) { return false }
        return true
    }

    // MARK: 5. Duplicate labels

    mutating func relabelDuplicates(findings: inout [ImportFinding]) {
        for a in articles.indices {
            let referenced = Set(references.filter { $0.article == a }.flatMap(\.labels))
            var byLabel: [LabelKey: [Int]] = [:]
            for (id, def) in definitions.enumerated() where def.article == a {
                byLabel[LabelKey(label: def.label, bracket: def.style == .bracket), default: []].append(id)
            }
            for key in byLabel.keys.sorted(by: { ($0.label, $0.bracket ? 1 : 0) < ($1.label, $1.bracket ? 1 : 0) }) {
                guard let ids = byLabel[key], ids.count >= 2 else { continue }
                let label = key.label
                let sorted = ids.sorted { definitions[$0].position < definitions[$1].position }
                let (first, second) = (sorted[0], sorted[1])
                let defined = Set(definitions.filter { $0.article == a && ($0.style == .bracket) == key.bracket }.map(\.label))
                if referenced.contains(label + 1), !defined.contains(label + 1) {
                    definitions[second].label = label + 1
                    findings.append(
                        ImportFinding(
                            code: "FN103", severity: .warning,
                            message: "Footnote \(label) is defined twice; the second definition is read as the missing note \(label + 1).",
                            hint: "Check the label in the source and correct it in corrections.yml.",
                            sourceLine: definitions[second].sourceLine, articleIndex: a, markers: ScriptText.noteMarkers(label + 1)))
                } else if label > 1, referenced.contains(label - 1), !defined.contains(label - 1) {
                    definitions[first].label = label - 1
                    findings.append(
                        ImportFinding(
                            code: "FN103", severity: .warning,
                            message: "Footnote \(label) is defined twice; the first definition is read as the missing note \(label - 1).",
                            hint: "Check the label in the source and correct it in corrections.yml.",
                            sourceLine: definitions[first].sourceLine, articleIndex: a, markers: ScriptText.noteMarkers(label - 1)))
                } else if normalized(definitions[first].text) == normalized(definitions[second].text) {
                    definitions[second].mergedInto = first
                    findings.append(
                        ImportFinding(
                            code: "FN103", severity: .info,
                            message: "Footnote \(label) is defined twice with the same text; the copies were merged.",
                            hint: nil, sourceLine: definitions[second].sourceLine, articleIndex: a))
                } else if sorted.count <= 3 {
                    findings.append(
                        ImportFinding(
                            code: "FN103", severity: .warning,
                            message:
                                "Footnote \(label) is defined \(sorted.count) times with different text; each reference uses the nearest definition after it.",
                            hint: "Check which definition belongs to which reference.",
                            sourceLine: definitions[second].sourceLine, articleIndex: a, markers: ScriptText.noteMarkers(label)))
                }
            }
        }
    }

    // MARK: 6. Binding references to definitions

    mutating func bind(findings: inout [ImportFinding]) {
        var local: [Int: [Int: [Int]]] = [:]  // article → label → definition ids by position
        for (id, def) in definitions.enumerated() where def.mergedInto == nil {
            local[def.article, default: [:]][def.label, default: []].append(id)
        }
        var refLabels: [Int: Set<Int>] = [:]
        for ref in references { refLabels[ref.article, default: []].formUnion(ref.labels) }
        var bound = Set<Int>()

        func candidate(for ref: NoteReference, label: Int) -> Int? {
            if let ids = local[ref.article]?[label], !ids.isEmpty {
                let preferred = ids.filter { (definitions[$0].style == .bracket) == ref.bracketed }
                let pool = preferred.isEmpty ? ids : preferred
                return pool.first(where: { definitions[$0].position > ref.lineIndex }) ?? pool.last
            }
            // Borrow from another article that does not cite this label or its neighbours.
            var best: Int?
            var bestDistance = Int.max
            for article in local.keys.sorted() where article != ref.article {
                guard let labels = local[article] else { continue }
                guard let ids = labels[label] else { continue }
                let cites = refLabels[article] ?? []
                if cites.contains(label) || cites.contains(label - 1) || cites.contains(label + 1) { continue }
                let distance = article > ref.article ? (article - ref.article) * 2 : (ref.article - article) * 2 + 1
                for id in ids where (definitions[id].style == .bracket) == ref.bracketed && distance < bestDistance {
                    best = id
                    bestDistance = distance
                }
            }
            return best
        }

        for r in references.indices {
            references[r].targets = references[r].labels.map { candidate(for: references[r], label: $0) }
            for target in references[r].targets.compactMap({ $0 }) { bound.insert(target) }
        }
        // Damaged numbers (`752` for 52): try the number's tail or head against unused definitions.
        for r in references.indices where !references[r].bracketed {
            for (k, label) in references[r].labels.enumerated() where references[r].targets[k] == nil && label >= 10 {
                let digits = String(label)
                var options: [Int] = []
                for cut in 1..<digits.count {
                    if let tail = Int(digits.dropFirst(cut)), tail > 0 { options.append(tail) }
                    if let head = Int(digits.dropLast(cut)), head > 0 { options.append(head) }
                }
                let cited = refLabels[references[r].article] ?? []
                for option in options where !cited.contains(option) {
                    var probe = references[r]
                    probe.labels[k] = option
                    if let id = candidate(for: probe, label: option), !bound.contains(id) {
                        references[r].labels[k] = option
                        references[r].targets[k] = id
                        bound.insert(id)
                        findings.append(
                            ImportFinding(
                                code: "FN105", severity: .warning,
                                message: "Garbled footnote marker \(label) read as note \(option).",
                                hint: "Correct the marker in corrections.yml if this is wrong.",
                                sourceLine: references[r].sourceLine, articleIndex: references[r].article))
                        break
                    }
                }
            }
        }
    }

    // MARK: 7. Findings on numbering and definition text

    mutating func reportSequence(findings: inout [ImportFinding]) {
        var highest = 0
        var seen = Set<Int>()
        var bracketHighest: [Int: Int] = [:]
        var bracketSeen: [Int: Set<Int>] = [:]
        for ref in references {
            for label in ref.labels {
                if ref.bracketed {
                    let top = bracketHighest[ref.article] ?? 0
                    if bracketSeen[ref.article, default: []].insert(label).inserted {
                        check(label: label, highest: top, ref: ref, findings: &findings)
                        bracketHighest[ref.article] = max(top, label)
                    }
                    continue
                }
                if label == 1 && highest > 1 {
                    highest = 0
                    seen = []
                }
                guard seen.insert(label).inserted else { continue }
                check(label: label, highest: highest, ref: ref, findings: &findings)
                highest = max(highest, label)
            }
        }
    }

    private func check(label: Int, highest: Int, ref: NoteReference, findings: inout [ImportFinding]) {
        if label > highest + 1 && highest > 0 {
            let missing = label - highest - 1 == 1 ? "\(highest + 1)" : "\(highest + 1)–\(label - 1)"
            findings.append(
                ImportFinding(
                    code: "FN104", severity: .warning,
                    message: "Footnote numbering jumps from \(highest) to \(label); note \(missing) is never cited.",
                    hint: "A marker was probably lost in conversion; restore it with a correction.",
                    sourceLine: ref.sourceLine, articleIndex: ref.article, markers: ["[^\(label)]"]))
        } else if label < highest {
            findings.append(
                ImportFinding(
                    code: "FN104", severity: .warning,
                    message: "Footnote \(label) is first cited after note \(highest) (out of order).",
                    hint: "Check the marker in the source.",
                    sourceLine: ref.sourceLine, articleIndex: ref.article))
        }
    }

    mutating func reportDefinitionText(findings: inout [ImportFinding]) {
        var firstByText: [String: Int] = [:]
        for (id, def) in definitions.enumerated() where def.mergedInto == nil {
            let text = def.text.trimmingCharacters(in: .whitespaces)
            if def.garbled {
                findings.append(
                    ImportFinding(
                        code: "FN105", severity: .info, message: "Repaired garbled marker of footnote definition \(def.label).",
                        hint: nil, sourceLine: def.sourceLine, articleIndex: def.article, markers: ScriptText.noteMarkers(def.label)))
            }
            if text.count < 4 || text.hasSuffix(":") || text.hasSuffix("(") || text.hasSuffix("[") {
                findings.append(
                    ImportFinding(
                        code: "FN115", severity: .warning,
                        message: "Footnote \(def.label) looks truncated: “\(String(text.suffix(60)))”.",
                        hint: "The rest of the citation was lost in conversion; complete it with a correction.",
                        sourceLine: def.sourceLine, articleIndex: def.article, markers: ScriptText.noteMarkers(def.label)))
            }
            if text.localizedCaseInsensitiveContains("(link)") {
                findings.append(
                    ImportFinding(
                        code: "FN107", severity: .warning,
                        message: "Footnote \(def.label) has a “(link)” placeholder where the URL was lost.",
                        hint: "Add the URL with a correction.",
                        sourceLine: def.sourceLine, articleIndex: def.article, markers: ScriptText.noteMarkers(def.label)))
            }
            let key = text.utf8.count >= 30 ? normalized(text) : ""
            if key.count >= 30 {
                if let other = firstByText[key], definitions[other].article == def.article, definitions[other].label != def.label {
                    findings.append(
                        ImportFinding(
                            code: "FN106", severity: .info,
                            message: "Footnote \(def.label) repeats the text of footnote \(definitions[other].label).",
                            hint: "If the label is wrong, correct it; otherwise this is a repeated citation.",
                            sourceLine: def.sourceLine, articleIndex: def.article,
                            markers: ScriptText.noteMarkers(def.label) + ScriptText.noteMarkers(definitions[other].label)))
                } else if firstByText[key] == nil {
                    firstByText[key] = id
                }
            }
        }
    }

    private func normalized(_ text: String) -> String {
        text.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}

struct LabelKey: Hashable {
    var label: Int
    var bracket: Bool
}
