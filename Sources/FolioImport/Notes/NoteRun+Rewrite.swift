import FolioCore
import Foundation

extension NoteRun {
    /// Writes `[^n]` references, removes definition blocks from the text flow (rejoining the
    /// paragraphs they cut), and appends each article's definitions at its end.
    mutating func rewrite(findings: inout [ImportFinding]) {
        var emitted: [Int: [Int]] = [:]
        var used = Set<Int>()
        for ref in references {
            for target in ref.targets.compactMap({ $0 }) {
                if !(emitted[ref.article]?.contains(target) ?? false) { emitted[ref.article, default: []].append(target) }
                used.insert(target)
            }
        }
        // Output labels: the source number, suffixed when one article reuses it.
        var outLabel: [Int: [Int: String]] = [:]
        for article in emitted.keys.sorted() {
            let ids = emitted[article] ?? []
            var taken = Set<String>()
            for id in ids.sorted(by: {
                (definitions[$0].label, definitions[$0].article, definitions[$0].position) < (
                    definitions[$1].label, definitions[$1].article, definitions[$1].position
                )
            }) {
                let def = definitions[id]
                var label = String(def.label)
                var n = 2
                while taken.contains(label) {
                    label = "\(def.label)-\(n)"
                    n += 1
                }
                if n > 2 {
                    findings.append(
                        ImportFinding(
                            code: "FN110", severity: .info,
                            message: "Footnote label \(def.label) is used for two different notes in one article; this one is [^\(label)].",
                            hint: nil, sourceLine: def.sourceLine, articleIndex: article, markers: ScriptText.noteMarkers(def.label)))
                }
                taken.insert(label)
                outLabel[article, default: [:]][id] = label
                if def.article != article {
                    findings.append(
                        ImportFinding(
                            code: "FN109", severity: .info,
                            message: "Definition of footnote \(def.label) was found in another article and moved to the article that cites it.",
                            hint: nil, sourceLine: def.sourceLine, articleIndex: article, markers: ScriptText.noteMarkers(def.label)))
                }
            }
        }
        let refsByLine = Dictionary(grouping: references, by: { RefKey(article: $0.article, line: $0.lineIndex) })

        for a in articles.indices {
            let lines = articles[a]
            var removed = Set<Int>()
            var inPlace: [Int: String] = [:]
            var orphans: [Int] = []
            var unusedEntries = 0
            var bracketEntries = 0
            var firstBracketLine: Int?
            for (id, def) in definitions.enumerated() where def.article == a {
                removed.formUnion(def.lineIndices)
                if def.mergedInto != nil { continue }
                if def.style == .bracket {
                    bracketEntries += 1
                    if firstBracketLine == nil { firstBracketLine = def.sourceLine }
                    if !used.contains(id) {
                        unusedEntries += 1
                        inPlace[def.position] = "- \\[\(def.label)\\] " + def.text
                    }
                } else if !used.contains(id) {
                    orphans.append(id)
                    findings.append(
                        ImportFinding(
                            code: "FN102", severity: .warning,
                            message: "Footnote \(def.label) is defined but never cited; it is kept as a plain note at the end of the article.",
                            hint: "A marker was probably lost in conversion; restore it with a correction.",
                            sourceLine: def.sourceLine, articleIndex: a, markers: ScriptText.noteMarkers(def.label)))
                }
            }
            if bracketEntries > 0, let line = firstBracketLine {
                if unusedEntries == bracketEntries {
                    findings.append(
                        ImportFinding(
                            code: "FN108", severity: .info,
                            message: "Reference list with \(bracketEntries) entries is never cited in the text; it is kept as a list.",
                            hint: nil, sourceLine: line, articleIndex: a))
                } else if unusedEntries > 0 {
                    findings.append(
                        ImportFinding(
                            code: "FN108", severity: .info,
                            message: "\(unusedEntries) of \(bracketEntries) reference-list entries are never cited; they stay in the list.",
                            hint: nil, sourceLine: line, articleIndex: a))
                }
            }
            // Separators (`---`) and blank lines that only introduced a definition block go too.
            for index in removed.sorted() {
                var k = index - 1
                while k >= 0, LineShape.isBlank(lines[k].text) { k -= 1 }
                if k >= 0, LineShape.isThematicBreak(lines[k].text) { removed.insert(k) }
            }

            var out: [(line: SourceLine, gap: Bool)] = []
            var gap = false
            for (i, line) in lines.enumerated() {
                if let kept = inPlace[i] {
                    out.append((SourceLine(kept, number: line.number), false))
                    continue
                }
                if removed.contains(i) {
                    gap = true
                    continue
                }
                var text = line.text
                if let refs = refsByLine[RefKey(article: a, line: i)] {
                    text = replaceReferences(in: text, refs: refs, labels: outLabel[a] ?? [:], findings: &findings)
                }
                if LineShape.isBlank(text) {
                    out.append((SourceLine("", number: line.number), false))
                } else {
                    out.append((SourceLine(text, number: line.number), gap))
                    gap = false
                }
            }
            rejoin(&out, article: a, findings: &findings)
            moveReferencesOutOfHeadings(&out, article: a, findings: &findings)

            var result = out.map(\.line)
            let ids = (emitted[a] ?? []).sorted { (outLabel[a]?[$0] ?? "").localizedStandardCompare(outLabel[a]?[$1] ?? "") == .orderedAscending }
            if !ids.isEmpty || !orphans.isEmpty {
                while let last = result.last, LineShape.isBlank(last.text) { result.removeLast() }
                for id in ids {
                    let def = definitions[id]
                    result.append(SourceLine("", number: def.sourceLine))
                    result.append(SourceLine("[^\(outLabel[a]?[id] ?? String(def.label))]: \(def.text)", number: def.sourceLine))
                }
                for id in orphans {
                    let def = definitions[id]
                    result.append(SourceLine("", number: def.sourceLine))
                    result.append(SourceLine("\(ScriptText.visibleMarker(String(def.label))) \(def.text)", number: def.sourceLine))
                }
            }
            articles[a] = collapseBlankRuns(result)
        }
    }

    private func replaceReferences(in line: String, refs: [NoteReference], labels: [Int: String], findings: inout [ImportFinding]) -> String {
        var text = ""
        var cursor = line.startIndex
        for ref in refs.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            guard ref.range.lowerBound >= cursor else { continue }
            text += line[cursor..<ref.range.lowerBound]
            for (k, label) in ref.labels.enumerated() {
                if let target = ref.targets[k], let out = labels[target] {
                    text += "[^\(out)]"
                } else {
                    text += ref.bracketed ? "\\[\(label)\\]" : ScriptText.visibleMarker(String(label))
                    findings.append(
                        ImportFinding(
                            code: "FN101", severity: .warning,
                            message: "Footnote \(label) is cited but has no definition; the marker is kept as text.",
                            hint: "Add the missing definition with a correction, or remove the marker.",
                            sourceLine: ref.sourceLine, articleIndex: ref.article, markers: [ref.bracketed ? "\\[\(label)\\]" : ScriptText.visibleMarker(String(label))]))
                }
            }
            if ref.garbled || ref.droppedRemnant {
                findings.append(
                    ImportFinding(
                        code: "FN105", severity: .info,
                        message: "Repaired garbled footnote marker “\(ref.raw)”.",
                        hint: nil, sourceLine: ref.sourceLine, articleIndex: ref.article))
            }
            if !ref.leadingLetters.isEmpty { text += " " + ref.leadingLetters }
            cursor = ref.range.upperBound
        }
        text += line[cursor...]
        return text
    }

    /// Rejoins a paragraph that a removed footnote block cut in two.
    private func rejoin(_ out: inout [(line: SourceLine, gap: Bool)], article: Int, findings: inout [ImportFinding]) {
        var previous: Int?
        var dead = Set<Int>()
        for index in out.indices {
            let text = out[index].line.text
            if LineShape.isBlank(text) { continue }
            defer { if !dead.contains(index) { previous = index } }
            guard out[index].gap, let p = previous else { continue }
            let before = out[p].line.text
            guard !LineShape.isHeading(before), !LineShape.isThematicBreak(before), !before.contains("\t"),
                !LineShape.endsClause(before), !before.hasPrefix("[^"), !before.hasPrefix("<"),
                LineShape.startsContinuation(text), !LineShape.isHeading(text), !LineShape.isListItem(text), !text.contains("\t")
            else { continue }
            var left = before
            while let last = left.last, last == " " || last == "\t" { left.removeLast() }
            let right = text.drop(while: { $0 == " " })
            let glue = left.hasSuffix("-") && (left.dropLast().last?.isLetter ?? false) ? "" : " "
            out[p].line.text = left + glue + right
            dead.insert(index)
            findings.append(
                ImportFinding(
                    code: "FN112", severity: .info,
                    message: "Rejoined a paragraph that a footnote block had cut in two.",
                    hint: nil, sourceLine: out[index].line.number, articleIndex: article))
        }
        if !dead.isEmpty {
            out = out.enumerated().filter { !dead.contains($0.offset) }.map(\.element)
        }
    }

    /// Footnote references do not belong in headings (they end up in slugs and tables of
    /// contents): move them to the end of the first paragraph of the section.
    private func moveReferencesOutOfHeadings(_ out: inout [(line: SourceLine, gap: Bool)], article: Int, findings: inout [ImportFinding]) {
        for index in out.indices where LineShape.isHeading(out[index].line.text) && out[index].line.text.contains("[^") {
            let (stripped, tokens) = Self.extractFootnoteReferences(out[index].line.text)
            guard !tokens.isEmpty else { continue }
            // The first paragraph of the section, past any sub-headings.
            guard let target = out.indices.first(where: { $0 > index && !LineShape.isBlank(out[$0].line.text) && !LineShape.isHeading(out[$0].line.text) })
            else { continue }
            out[index].line.text = stripped
            var body = out[target].line.text
            while body.last == " " { body.removeLast() }
            out[target].line.text = body + tokens.joined()
            findings.append(
                ImportFinding(
                    code: "FN111", severity: .info,
                    message: "Moved footnote reference \(tokens.joined(separator: " ")) out of a heading to the first paragraph of its section.",
                    hint: nil, sourceLine: out[index].line.number, articleIndex: article))
        }
    }

    /// Removes `[^label]` tokens from `text`, returning the rest and the tokens.
    static func extractFootnoteReferences(_ text: String) -> (String, [String]) {
        var rest = ""
        var tokens: [String] = []
        var index = text.startIndex
        while let open = text.range(of: "[^", range: index..<text.endIndex) {
            guard let close = text[open.upperBound...].firstIndex(of: "]") else { break }
            rest += text[index..<open.lowerBound]
            tokens.append(String(text[open.lowerBound...close]))
            index = text.index(after: close)
        }
        rest += text[index...]
        while rest.last == " " { rest.removeLast() }
        // `**Title[^1]**` leaves `**Title**`; nothing else to tidy.
        return (rest, tokens)
    }

    private func collapseBlankRuns(_ lines: [SourceLine]) -> [SourceLine] {
        var result: [SourceLine] = []
        result.reserveCapacity(lines.count)
        for line in lines {
            if LineShape.isBlank(line.text), let last = result.last, LineShape.isBlank(last.text) { continue }
            result.append(line)
        }
        return result
    }
}

struct RefKey: Hashable {
    var article: Int
    var line: Int
}
