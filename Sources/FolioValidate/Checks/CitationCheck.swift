import FolioContent
import FolioCore
import FolioMarkdown
import Foundation

/// Footnotes and citations: undefined and unreferenced notes, duplicate labels, numbering,
/// duplicate texts and URLs, malformed URLs, lost-URL placeholders and garbled markers.
enum CitationCheck {
    /// Checks within one page.
    static func page(_ source: PageSource) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let rendered = source.rendered
        // FN001: references left as text because no definition exists.
        for mark in source.danglingReferences {
            found.append(CheckCatalog.make("FN001", "footnote reference [^\(mark.label)] has no definition", at: source.location(fileLine: mark.line, column: mark.column), hint: "add a `[^\(mark.label)]: …` definition to this article, or remove the reference"))
        }
        // FN003: one label defined twice.
        var firstDefinition: [String: Int] = [:]
        for definition in source.definitions {
            if let earlier = firstDefinition[definition.label] {
                found.append(CheckCatalog.make("FN003", "footnote [^\(definition.label)] is defined twice (first at line \(earlier))", at: source.location(fileLine: definition.lines.lowerBound), hint: "give the second definition its own label, or remove it; only the first is shown"))
            } else {
                firstDefinition[definition.label] = definition.lines.lowerBound
            }
        }
        // FN002: definitions never referenced.
        let referenced = Set(source.references.map { $0.label.lowercased() })
        var reportedUnreferenced = Set<String>()
        for definition in source.definitions where !referenced.contains(definition.label.lowercased()) && reportedUnreferenced.insert(definition.label).inserted {
            found.append(CheckCatalog.make("FN002", "footnote [^\(definition.label)] is defined but never referenced", at: source.location(fileLine: definition.lines.lowerBound), hint: "add the missing `[^\(definition.label)]` where the note belongs (the marker was probably lost), or remove the definition"))
        }
        // FN005: out-of-order first references.
        var highest = 0
        var seen = Set<String>()
        for mark in source.references where seen.insert(mark.label).inserted {
            guard let n = Int(mark.label) else { continue }
            if n < highest {
                found.append(CheckCatalog.make("FN005", "footnote [^\(n)] is first referenced after [^\(highest)]", at: source.location(fileLine: mark.line, column: mark.column), hint: "renumber the notes in order of first reference, or check for a misplaced marker"))
            }
            highest = max(highest, n)
        }
        // FN008, FN009 in definitions.
        for definition in source.definitions {
            let at = source.location(fileLine: definition.lines.lowerBound)
            for problem in URLText.problems(in: definition.text) {
                found.append(CheckCatalog.make("FN008", "footnote [^\(definition.label)]: \(problem.message)", at: at, hint: problem.hint))
            }
            if let placeholder = TextPatterns.placeholder(in: definition.text) {
                found.append(CheckCatalog.make("FN009", "footnote [^\(definition.label)] has the placeholder “\(placeholder)” where a URL was lost", at: at, hint: "restore the URL from the original publication, or remove the placeholder"))
            }
        }
        // FN009 in body text, FN010 garbled markers on every line.
        for block in rendered.textBlocks {
            if source.isInDefinition(block) { continue }
            if let placeholder = TextPatterns.placeholder(in: block.text) {
                found.append(CheckCatalog.make("FN009", "the placeholder “\(placeholder)” stands where a URL was lost", at: source.location(fileLine: block.line), hint: "restore the URL from the original publication, or remove the placeholder"))
            }
        }
        for (offset, line) in source.lines.enumerated() where !source.fenced[offset] {
            for problem in TextPatterns.garbledMarkers(in: line) {
                found.append(CheckCatalog.make("FN010", problem.message, at: source.location(bodyLine: offset + 1, column: problem.column), hint: problem.hint))
            }
        }
        return found
    }

    /// Checks across the articles of one document, in order: numbering gaps and duplicates.
    static func document(_ articles: [PageSource]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // All numeric labels referenced or defined anywhere in the document.
        var known = Set<Int>()
        for article in articles {
            for mark in article.references { if let n = Int(mark.label) { known.insert(n) } }
        }
        // FN004: gaps in the sequence of first references, continuing across articles; a
        // number at or below the previous one starts a new (per-article) sequence.
        // What became of a missing number: a definition without a marker (the marker was lost),
        // a note kept as plain text (`⁽4⁾ …`, also without a marker), or nothing at all.
        var defined = Set<Int>()
        for article in articles {
            for definition in article.definitions { if let n = Int(definition.label) { defined.insert(n) } }
            for line in article.lines where line.hasPrefix("⁽") {
                if let match = line.prefixMatch(of: /⁽([⁰¹²³⁴⁵⁶⁷⁸⁹]+)⁾/), let n = Int(String(match.1.map { Self.superscriptDigit[$0] ?? "?" })) { defined.insert(n) }
            }
        }
        var previous = 0
        for article in articles {
            var seen = Set<String>()
            for mark in article.references where seen.insert(mark.label).inserted {
                guard let n = Int(mark.label) else { continue }
                if previous > 0, n > previous + 1 {
                    let missing = ((previous + 1)..<n).filter { !known.contains($0) }
                    if !missing.isEmpty {
                        let list = missing.count > 5 ? "\(missing[0])–\(missing[missing.count - 1])" : missing.map(String.init).joined(separator: ", ")
                        let note = missing.count == 1 ? "note \(list)" : "notes \(list)"
                        let (what, hint) = missing.allSatisfy(defined.contains)
                            ? ("\(note) \(missing.count == 1 ? "is" : "are") defined but never referenced: the marker is missing", "the marker was probably lost in conversion; restore `[^\(missing[0])]` where the note belongs")
                            : missing.contains(where: defined.contains)
                                ? ("\(note) \(missing.count == 1 ? "is" : "are") never referenced, and some are not defined either", "restore the lost markers and definitions from the original publication")
                                : ("no `[^\(missing[0])]` marker\(missing.count == 1 ? "" : " (or later ones)") and no definition of \(note) in this document", "a marker left as plain text is reported by the import as FN101; restore the note from the original publication, or renumber if the original skips the number")
                        found.append(CheckCatalog.make("FN004", "footnote numbering jumps from \(previous) to \(n): \(what)", at: article.location(fileLine: mark.line, column: mark.column), hint: hint))
                    }
                }
                if n > previous || n == 1 { previous = n }
            }
        }
        // FN006 / FN007: same text or same URL under different labels.
        var byText: [String: (label: String, source: PageSource, line: Int)] = [:]
        var byURL: [String: (label: String, source: PageSource, line: Int, text: String)] = [:]
        for article in articles {
            for definition in article.definitions {
                let key = TextPatterns.normalisedText(definition.text)
                let line = definition.lines.lowerBound
                let urls = URLText.urls(in: definition.text)
                // Notes identical only because their URLs were lost ("Source: (link)") are the
                // placeholder's problem (FN009), not a copied note.
                if key.count >= 30 || !urls.isEmpty, TextPatterns.placeholder(in: definition.text) == nil {
                    if let other = byText[key] {
                        if other.label != definition.label {
                            var d = CheckCatalog.make("FN006", "footnote [^\(definition.label)] repeats the text of [^\(other.label)]", at: article.location(fileLine: line), hint: "reference the first note again, or correct the copied text")
                            d.related = [RelatedLocation(file: other.source.page.path, line: other.line, message: "footnote [^\(other.label)]")]
                            found.append(d)
                        }
                        continue
                    }
                    byText[key] = (definition.label, article, line)
                }
                for url in Set(urls) {
                    let urlKey = url.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "/"))
                    if let other = byURL[urlKey] {
                        if other.label != definition.label && TextPatterns.normalisedText(other.text) != key
                            && !TextPatterns.citeSameWork(other.text, definition.text) {
                            var d = CheckCatalog.make("FN007", "footnote [^\(definition.label)] cites the same URL as [^\(other.label)] with a different text", at: article.location(fileLine: line), hint: "one of the two URLs is probably wrong; check it against the cited work")
                            d.related = [RelatedLocation(file: other.source.page.path, line: other.line, message: "footnote [^\(other.label)]")]
                            found.append(d)
                        }
                    } else {
                        byURL[urlKey] = (definition.label, article, line, definition.text)
                    }
                }
            }
        }
        return found
    }

    /// Superscript digits as digits, for notes kept as plain text (`⁽¹²⁾`).
    static let superscriptDigit: [Character: Character] = [
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
    ]
}
