import Foundation

/// One entry of a document's reference list (References, Bibliography, Works cited…).
struct ReferenceEntry: Sendable, Equatable {
    enum Style: Sendable, Equatable {
        /// `[12] …`, `12. …`: cited by number.
        case numbered(Int)
        /// `[Bla93] …`: cited by its label.
        case label(String)
        /// `Lee J (2021) …`, `Lee, J., & Wang, L. (2021). …`: cited by author and year.
        case authorYear(surnames: [String], year: String)
    }

    var style: Style
    /// Anchor id without `#`, e.g. `ref-12`, `ref-bla93`, `ref-lee-2021`.
    var anchor: String
    /// The entry's text, as printed.
    var text: String
    /// Where the entry stands: article index and line index in that article.
    var article: Int
    var line: Int
    var sourceLine: Int
}

/// Finds and parses the reference lists of a document.
enum ReferenceListParser {
    /// Comparison keys of the headings that open a reference list.
    static let titles: Set<String> = [
        "references", "reference", "bibliography", "workscited", "sources", "literature", "literaturecited", "referencesandnotes", "selectedbibliography",
        "furtherreading", "citedworks", "literaturverzeichnis", "bibliographie", "referencias",
    ]

    /// `[Bla93] …`, `[12] …`, `- [12] …`.
    static let bracketStart = try! NSRegularExpression(pattern: #"^(?:[-*] )?\\?\[([^\]\[]{1,14})\\?\]\s+(\S.*)$"#)
    /// `12. …`, `12) …`.
    static let numberStart = try! NSRegularExpression(pattern: #"^(?:[-*] )?(\d{1,3})[.)]\s+(\S.*)$"#)
    /// An author–year entry: a capitalised surname (possibly `van der …`, hyphenated, with
    /// initials), then within the first 200 characters a year: `(2021)`, `2021.`, `2021a,`.
    static let authorYearStart = try! NSRegularExpression(
        pattern: #"^(?:[-*] )?((?:(?:van|von|de|der|den|du|da|di|le|la) )*(?:\p{Lu}[\p{L}'’\-]+|\p{Lu}(?= \p{Lu}[\p{L}]+ \p{Lu}[\p{L}]+ \())(?: \p{Lu}[\p{L}'’\-]+)*)[ ,].{0,200}?[(\s]((?:19|20)\d\d[a-z]?)(?:\)|[.,;:])"#)
    /// Surname-like words of an author list: capitalised words that are not initials.
    static let surnameWord = try! NSRegularExpression(pattern: #"(?:(?:van|von|de|der|den|du|da|di|le|la) )*\p{Lu}[\p{Ll}'’\-][\p{L}'’\-]+"#)

    /// The reference-list sections: (article index, heading line index, end line index exclusive).
    static func sections(in document: DocumentDraft) -> [(article: Int, heading: Int, end: Int)] {
        var result: [(Int, Int, Int)] = []
        for (a, article) in document.articles.enumerated() {
            let lines = article.lines
            var i = 0
            while i < lines.count {
                if let level = TextNormalizer.headingLevel(lines[i].text), titles.contains(TextNormalizer.key(lines[i].text)) {
                    var end = i + 1
                    while end < lines.count {
                        if let l = TextNormalizer.headingLevel(lines[end].text), l <= level { break }
                        end += 1
                    }
                    result.append((a, i, end))
                    i = end
                    continue
                }
                i += 1
            }
        }
        return result
    }

    /// The entries of one section; continuation paragraphs are merged into their entry. Only
    /// paragraphs of the list's own kind (the commonest: numbered, labelled or author–year)
    /// start entries, so a wrapped line that happens to look like another kind continues one.
    /// - Returns: the entries and, per entry, the line indices its text came from.
    static func entries(in article: ArticleDraft, articleIndex: Int, lines range: Range<Int>) -> [(ReferenceEntry, [Int])] {
        var candidates: [(line: Int, style: ReferenceEntry.Style?)] = []
        for i in range {
            let text = article.lines[i].text.trimmingCharacters(in: .whitespaces)
            if text.isEmpty || TextNormalizer.headingLevel(text) != nil { continue }
            candidates.append((i, style(of: text)))
        }
        func kind(_ s: ReferenceEntry.Style?) -> Int {
            switch s {
            case .numbered?: 1
            case .label?: 2
            case .authorYear?: 3
            case nil: 0
            }
        }
        var counts = [0, 0, 0, 0]
        for c in candidates { counts[kind(c.style)] += 1 }
        let main = (1...3).max { counts[$0] < counts[$1] } ?? 0
        var result: [(ReferenceEntry, [Int])] = []
        for c in candidates {
            // A caption after the list (a table page at the end of a paper) ends it.
            if c.style == nil, ConvertedTextNormalizer.isCaption(article.lines[c.line].text) { break }
            let text = article.lines[c.line].text.trimmingCharacters(in: .whitespaces)
            if let style = c.style, kind(style) == main {
                // A list item becomes the entry's own paragraph.
                let text = text.hasPrefix("- ") || text.hasPrefix("* ") ? String(text.dropFirst(2)) : text
                result.append((ReferenceEntry(style: style, anchor: "", text: text, article: articleIndex, line: c.line, sourceLine: article.lines[c.line].number), [c.line]))
            } else if var last = result.popLast() {
                last.0.text = ConvertedTextNormalizer.joinWrapped(last.0.text, text)
                last.1.append(c.line)
                result.append(last)
            }
        }
        return result
    }

    /// How an entry paragraph cites: numbered, labelled, author–year, or nil (a continuation).
    static func style(of text: String) -> ReferenceEntry.Style? {
        let ns = NSRange(text.startIndex..., in: text)
        if let m = bracketStart.firstMatch(in: text, range: ns), let r = Range(m.range(at: 1), in: text) {
            let label = String(text[r])
            if let n = Int(label), n > 0 { return .numbered(n) }
            return label.contains(" ") && label.count > 8 ? nil : .label(label)
        }
        if let m = numberStart.firstMatch(in: text, range: ns), let r = Range(m.range(at: 1), in: text), let n = Int(text[r]), n > 0 {
            return .numbered(n)
        }
        if let m = authorYearStart.firstMatch(in: text, range: ns), let y = Range(m.range(at: 2), in: text) {
            let names = surnames(in: String(text[..<y.lowerBound]))
            if !names.isEmpty { return .authorYear(surnames: names, year: String(text[y])) }
        }
        return nil
    }

    /// Surnames in the author part of an entry (`Zeileis A, Grothendieck G` → Zeileis,
    /// Grothendieck; `R Core Team` → R Core Team as one name when nothing else is found).
    static func surnames(in authors: String) -> [String] {
        let ns = NSRange(authors.startIndex..., in: authors)
        var names = surnameWord.matches(in: authors, range: ns).compactMap { Range($0.range, in: authors).map { String(authors[$0]) } }
        names = names.filter { !["And", "Eds", "Ed", "In"].contains($0) }
        if let first = authors.split(separator: " ").first, first.count <= 2, first.first?.isUppercase == true {
            // An organisation written with a short first word (`R Core Team`).
            let org = authors.components(separatedBy: CharacterSet(charactersIn: "(,.")).first?.trimmingCharacters(in: .whitespaces) ?? ""
            if !org.isEmpty { names.insert(org, at: 0) }
        }
        return names
    }

    /// A surname folded for comparison: lower case, no diacritics.
    static func fold(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).replacingOccurrences(of: "’", with: "'")
    }
}
