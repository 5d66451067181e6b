import FolioCore
import Foundation

/// Links in-text citations to the entries of the document's reference list, before notes are
/// resolved, so a citation is never read as a footnote.
///
/// The list (under References, Bibliography, Works cited, Sources or Literature) becomes a
/// Markdown list, one item per entry, each opening with an anchor (`<span id="ref-12"></span>`). Numbered
/// (`[13]`, `[1, 4]`, `[2–5]`, superscripts in a numbered-reference document), labelled
/// (`[Bla93]`) and author–year citations (`(Lee, 2021)`, `Lee et al. (2021)`,
/// `(Lee 2021; Wang 2020)`) become links to their entry, titled with the entry's text so the
/// site shows it on hover. Findings: `REF001` cited but missing, `REF002` listed but never
/// cited, `REF003` duplicate entry, `REF004` ambiguous author–year citation, `REF010` list found.
struct CitationLinker: DocumentStep {
    var name: String { "citations" }

    /// Link titles show at most this many characters of the entry.
    static let titleLength = 180

    static let bracket = try! NSRegularExpression(pattern: #"(?<![\^!\\\]\w])\[([^\[\]\^]{1,60})\](?![(\[])"#)
    static let superscript = try! NSRegularExpression(pattern: #"<sup>(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)</sup>"#)
    static let narrative = try! NSRegularExpression(
        pattern: #"((?:(?:van|von|de|der) )?\p{Lu}[\p{L}'’\-]+)((?:,? (?:and|&) (?:(?:van|von|de|der) )?\p{Lu}[\p{L}'’\-]+|, \p{Lu}[\p{L}'’\-]+)*)( _?et al\.?_?)?,? \(((?:19|20)\d\d[a-z]?(?:, ?(?:19|20)\d\d[a-z]?)*)\)"#)
    static let parenthetical = try! NSRegularExpression(pattern: #"\(([^()]{4,300}?(?:19|20)\d\d[a-z]?[^()]{0,40})\)"#)
    static let citationPart = try! NSRegularExpression(
        pattern: #"^(?:(?:e\.g\.|see|cf\.|i\.e\.|also|see also)[, ]+)*((?:(?:van|von|de|der) )?\p{Lu}[\p{L}'’\-]*(?: \p{Lu}[\p{L}'’\-]+){0,2})((?:,? (?:and|&) (?:(?:van|von|de|der) )?\p{Lu}[\p{L}'’\-]+|, \p{Lu}[\p{L}'’\-]+)*)(?: _?et al\.?_?)?,? ((?:19|20)\d\d[a-z]?(?:, ?(?:19|20)\d\d[a-z]?)*)(?:,? (?:p|pp|ch|sec)\. ?[\d–\-]+)?(?:,.*)?$"#)
    /// A citation closing a longer parenthetical remark (`(… introduced by Ryan and Ulrich 2014)`).
    static let trailingCitation = try! NSRegularExpression(
        pattern: #"((?:(?:van|von|de|der) )?\p{Lu}[\p{L}'’\-]+)((?:,? (?:and|&) \p{Lu}[\p{L}'’\-]+|, \p{Lu}[\p{L}'’\-]+)*)(?: _?et al\.?_?)? ((?:19|20)\d\d[a-z]?)[,. ]*$"#)
    static let year = try! NSRegularExpression(pattern: #"(?:19|20)\d\d[a-z]?"#)

    struct Replacement {
        var range: Range<String.Index>
        var text: String
    }

    func apply(to document: inout DocumentDraft, findings: inout [ImportFinding]) {
        guard document.linkCitations else { return }
        let sections = ReferenceListParser.sections(in: document)
        guard !sections.isEmpty else { return }
        var entries: [ReferenceEntry] = []
        var sectionLines = Set<String>()
        for section in sections {
            let parsed = ReferenceListParser.entries(in: document.articles[section.article], articleIndex: section.article, lines: (section.heading + 1)..<section.end)
            guard parsed.count >= 2 else { continue }
            for i in section.heading..<section.end { sectionLines.insert("\(section.article):\(i)") }
            for (entry, lineIndices) in parsed {
                entries.append(entry)
                for extra in lineIndices.dropFirst() { document.articles[section.article].lines[extra].text = "" }
            }
            findings.append(
                ImportFinding(
                    code: "REF010", severity: .info, message: "reference list with \(parsed.count) entries found", sourceLine: document.articles[section.article].lines[section.heading].number,
                    articleIndex: section.article))
        }
        guard entries.count >= 2 else { return }
        assignAnchors(&entries, findings: &findings)
        let numbered = entries.contains { if case .numbered = $0.style { return true } else { return false } }
        let hasFootnoteDefinitions = document.articles.contains { a in a.lines.contains { $0.text.hasPrefix("<sup>") || $0.text.hasPrefix("[^") } }
        let index = ReferenceIndex(entries)
        var cited = Set<String>()
        for a in document.articles.indices {
            for l in document.articles[a].lines.indices where !sectionLines.contains("\(a):\(l)") {
                let text = document.articles[a].lines[l].text
                if text.isEmpty || TextNormalizer.headingLevel(text) != nil || text.hasPrefix("    ") { continue }
                let replacements = citations(
                    in: text, entries: index, article: a, document: document, numbered: numbered, superscripts: numbered && !hasFootnoteDefinitions, cited: &cited,
                    sourceLine: document.articles[a].lines[l].number, findings: &findings)
                guard !replacements.isEmpty else { continue }
                var rewritten = text
                for r in replacements.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) { rewritten.replaceSubrange(r.range, with: r.text) }
                document.articles[a].lines[l].text = rewritten
            }
        }
        // The list: one anchored paragraph per entry.
        for entry in entries {
            document.articles[entry.article].lines[entry.line].text = "- <span id=\"\(entry.anchor)\"></span>" + entry.text
            if !cited.contains(entry.anchor) {
                findings.append(
                    ImportFinding(
                        code: "REF002", severity: .warning, message: "reference `\(Self.summary(entry.text, 80))` is listed but never cited", hint: "cite it in the text, or remove it from the list",
                        sourceLine: entry.sourceLine, articleIndex: entry.article))
            }
        }
    }

    /// Gives every entry a unique anchor; a repeated key is a duplicate entry (`REF003`).
    func assignAnchors(_ entries: inout [ReferenceEntry], findings: inout [ImportFinding]) {
        var used: [String: Int] = [:]
        for i in entries.indices {
            let base: String
            switch entries[i].style {
            case .numbered(let n): base = "ref-\(n)"
            case .label(let label): base = "ref-" + Slug.make(label, maxLength: 30)
            case .authorYear(let surnames, let year): base = "ref-" + Slug.make((surnames.first ?? "x") + "-" + year, maxLength: 40)
            }
            if let n = used[base] {
                used[base] = n + 1
                entries[i].anchor = "\(base)-\(n + 1)"
                let sameText = entries.prefix(i).contains { TextNormalizer.key($0.text) == TextNormalizer.key(entries[i].text) }
                if case .authorYear = entries[i].style, !sameText { continue }
                findings.append(
                    ImportFinding(
                        code: "REF003", severity: .warning, message: "duplicate reference entry `\(Self.summary(entries[i].text, 60))`",
                        hint: sameText ? "remove the repeated entry" : "number or label the entries uniquely", sourceLine: entries[i].sourceLine, articleIndex: entries[i].article))
            } else {
                used[base] = 1
                entries[i].anchor = base
            }
        }
    }

    // MARK: Finding citations in a line

    func citations(
        in text: String, entries: ReferenceIndex, article: Int, document: DocumentDraft, numbered: Bool, superscripts: Bool, cited: inout Set<String>, sourceLine: Int,
        findings: inout [ImportFinding]
    ) -> [Replacement] {
        var result: [Replacement] = []
        let ns = NSRange(text.startIndex..., in: text)
        func link(_ label: String, _ entry: ReferenceEntry) -> String {
            cited.insert(entry.anchor)
            let target = entry.article == article ? "" : Self.fileName(document.articles[entry.article])
            return "[\(label)](\(target)#\(entry.anchor) \"\(Self.title(entry.text))\")"
        }
        func overlaps(_ r: Range<String.Index>) -> Bool { result.contains { $0.range.overlaps(r) } }
        // `[13]`, `[1, 4]`, `[2–5]`, `[Bla93]`, `[BW01, Has01]`.
        if text.utf8.contains(0x5B) {
            for m in Self.bracket.matches(in: text, range: ns) {
                guard let whole = Range(m.range, in: text), let inner = Range(m.range(at: 1), in: text) else { continue }
                // `[x]: …` opening a line is a link reference definition, not a citation.
                if whole.lowerBound == text.startIndex, text[whole.upperBound...].hasPrefix(":") { continue }
                let parts = text[inner].split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }
                var resolved: [(String, ReferenceEntry?)] = []
                var ok = !parts.isEmpty
                for part in parts {
                    if let range = Self.numberRange(part), numbered {
                        for n in range { resolved.append(("\(n)", entries.byNumber[n])) }
                    } else if let entry = entries.byLabel[part] {
                        resolved.append((part, entry))
                    } else {
                        ok = false
                    }
                }
                guard ok, !resolved.isEmpty else { continue }
                let missing = resolved.filter { $0.1 == nil }.map(\.0)
                for label in missing {
                    findings.append(
                        ImportFinding(
                            code: "REF001", severity: .warning, message: "citation [\(label)] has no entry in the reference list", hint: "add the entry, or correct the citation",
                            sourceLine: sourceLine, articleIndex: article))
                }
                let links = resolved.map { label, entry in entry.map { link(label, $0) } ?? label }
                result.append(Replacement(range: whole, text: "[" + links.joined(separator: ", ") + "]"))
            }
        }
        // Superscript numbers in a numbered-reference document without footnotes.
        if superscripts, text.contains("<sup>") {
            for m in Self.superscript.matches(in: text, range: ns) {
                guard let whole = Range(m.range, in: text), let inner = Range(m.range(at: 1), in: text) else { continue }
                let parts = text[inner].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                var links: [String] = []
                for part in parts {
                    for n in Self.numberRange(part).map(Array.init) ?? [] {
                        if let entry = entries.byNumber[n] { links.append(link("\(n)", entry)) }
                    }
                }
                // Written as a bracketed citation: superscript markup is the notes' channel.
                if !links.isEmpty { result.append(Replacement(range: whole, text: "[" + links.joined(separator: ", ") + "]")) }
            }
        }
        // Author–year: `Lee et al. (2021)`, then `(Lee, 2021; Wang 2020)`.
        guard entries.hasAuthorYear, text.contains("(") else { return result }
        for m in Self.narrative.matches(in: text, range: ns) {
            guard let whole = Range(m.range, in: text), !overlaps(whole), let first = Range(m.range(at: 1), in: text), let years = Range(m.range(at: 4), in: text) else { continue }
            let others = Range(m.range(at: 2), in: text).map { Self.names(in: String(text[$0])) } ?? []
            let yearList = Self.years(in: String(text[years]))
            var links: [String] = []
            var any = false
            // `Recently, Cribari-Neto (2004)`: the first capitalised word may not be a name.
            var lead = String(text[first])
            var rest = others
            var silent: [ImportFinding] = []
            while case .notCitation = resolve(lead, rest, yearList.first ?? "", entries, sourceLine: sourceLine, article: article, findings: &silent), !rest.isEmpty {
                lead = rest.removeFirst()
            }
            for y in yearList {
                switch resolve(lead, rest, y, entries, sourceLine: sourceLine, article: article, findings: &findings) {
                case .found(let entry):
                    links.append(link(y, entry))
                    any = true
                case .notCitation: links.append(y)
                case .unresolved: links.append(y)
                }
            }
            if any {
                let head = text[whole.lowerBound..<text.index(before: years.lowerBound)]
                result.append(Replacement(range: whole, text: head + "(" + links.joined(separator: ", ") + ")"))
            }
        }
        for m in Self.parenthetical.matches(in: text, range: ns) {
            guard let whole = Range(m.range, in: text), !overlaps(whole), let inner = Range(m.range(at: 1), in: text) else { continue }
            let parts = text[inner].components(separatedBy: ";")
            var rewritten: [String] = []
            var any = false
            for part in parts {
                let trimmed = part.trimmingCharacters(in: .whitespaces)
                let pns = NSRange(trimmed.startIndex..., in: trimmed)
                guard let pm = Self.citationPart.firstMatch(in: trimmed, range: pns), let first = Range(pm.range(at: 1), in: trimmed), let years = Range(pm.range(at: 3), in: trimmed)
                else {
                    // `… introduced by Ryan and Ulrich 2014, .`: a citation at the end of a remark.
                    if let tm = Self.trailingCitation.firstMatch(in: trimmed, range: pns), let name = Range(tm.range(at: 1), in: trimmed), let y = Range(tm.range(at: 3), in: trimmed),
                        let whole = Range(tm.range, in: trimmed)
                    {
                        let others = Range(tm.range(at: 2), in: trimmed).map { Self.names(in: String(trimmed[$0])) } ?? []
                        if case .found(let entry) = resolve(String(trimmed[name]), others, String(trimmed[y]), entries, sourceLine: sourceLine, article: article, findings: &findings) {
                            let leading = part.prefix { $0 == " " }
                            rewritten.append(leading + trimmed[..<whole.lowerBound] + link(String(trimmed[name.lowerBound..<y.upperBound]), entry) + trimmed[y.upperBound...])
                            any = true
                            continue
                        }
                    }
                    rewritten.append(part)
                    continue
                }
                let others = Range(pm.range(at: 2), in: trimmed).map { Self.names(in: String(trimmed[$0])) } ?? []
                let yearList = Self.years(in: String(trimmed[years]))
                var pieces: [String] = []
                var partLinked = false
                for (k, y) in yearList.enumerated() {
                    let label = k == 0 ? String(trimmed[..<years.lowerBound]) + y : y
                    if case .found(let entry) = resolve(String(trimmed[first]), others, y, entries, sourceLine: sourceLine, article: article, findings: &findings) {
                        pieces.append(link(label, entry))
                        partLinked = true
                    } else {
                        pieces.append(label)
                    }
                }
                if partLinked {
                    any = true
                    let leading = part.prefix { $0 == " " }
                    rewritten.append(leading + pieces.joined(separator: ", ") + String(trimmed[years.upperBound...]))
                } else {
                    rewritten.append(part)
                }
            }
            if any { result.append(Replacement(range: whole, text: "(" + rewritten.joined(separator: ";") + ")")) }
        }
        return result
    }

    enum Resolution {
        case found(ReferenceEntry)
        case notCitation
        case unresolved
    }

    /// The entry a surname (plus co-authors) and year name; reports missing and ambiguous ones.
    func resolve(_ first: String, _ others: [String], _ year: String, _ index: ReferenceIndex, sourceLine: Int, article: Int, findings: inout [ImportFinding]) -> Resolution {
        let key = ReferenceListParser.fold(first)
        let byAuthor = index.byLead[key] ?? index.leads.filter { l, entry in
            guard case .authorYear(let surnames, _) = entry.style else { return false }
            return l.hasPrefix(key + " ") || (surnames.count > 1 && key.count > 3 && l.hasSuffix(" " + key))
        }.map(\.1)
        guard !byAuthor.isEmpty else { return .notCitation }
        var matches = byAuthor.filter { if case .authorYear(_, let y) = $0.style { return y == year } else { return false } }
        // An entry printed twice (a duplicate, reported as REF003) is one work.
        var seen = Set<String>()
        matches = matches.filter { seen.insert(TextNormalizer.key($0.text)).inserted }
        if matches.count > 1 && !others.isEmpty {
            let wanted = Set(others.map(ReferenceListParser.fold))
            let narrowed = matches.filter { entry in
                guard case .authorYear(let surnames, _) = entry.style else { return false }
                return wanted.isSubset(of: Set(surnames.dropFirst().map(ReferenceListParser.fold)))
            }
            if !narrowed.isEmpty { matches = narrowed }
        }
        if matches.count > 1 && others.isEmpty {
            let solo = matches.filter { if case .authorYear(let s, _) = $0.style { return s.count == 1 } else { return false } }
            if solo.count == 1 { matches = solo }
        }
        switch matches.count {
        case 1: return .found(matches[0])
        case 0:
            findings.append(
                ImportFinding(
                    code: "REF001", severity: .warning, message: "citation \(first) \(year) has no entry in the reference list", hint: "add the entry, or correct the author or year",
                    sourceLine: sourceLine, articleIndex: article))
            return .unresolved
        default:
            findings.append(
                ImportFinding(
                    code: "REF004", severity: .warning, message: "citation \(first) \(year) matches \(matches.count) reference entries", hint: "add a letter to the years (\(year)a, \(year)b) in the list and the text",
                    sourceLine: sourceLine, articleIndex: article))
            return .unresolved
        }
    }

    // MARK: Helpers

    /// The entries of a document's reference lists, indexed by number, label and folded lead
    /// surname, so each citation is resolved in constant time.
    struct ReferenceIndex {
        var byNumber: [Int: ReferenceEntry] = [:]
        var byLabel: [String: ReferenceEntry] = [:]
        var byLead: [String: [ReferenceEntry]] = [:]
        /// Folded lead surname of every author–year entry, for prefix matches (`R Core Team`).
        var leads: [(String, ReferenceEntry)] = []
        var hasAuthorYear: Bool { !leads.isEmpty }

        init(_ entries: [ReferenceEntry]) {
            for entry in entries {
                switch entry.style {
                case .numbered(let n): if byNumber[n] == nil { byNumber[n] = entry }
                case .label(let label): if byLabel[label] == nil { byLabel[label] = entry }
                case .authorYear(let surnames, _):
                    guard let lead = surnames.first else { continue }
                    let folded = ReferenceListParser.fold(lead)
                    byLead[folded, default: []].append(entry)
                    leads.append((folded, entry))
                }
            }
        }
    }

    /// `4` → [4]; `2–5` → [2, 3, 4, 5]; nil when not a number or range.
    static func numberRange(_ part: String) -> ClosedRange<Int>? {
        if let n = Int(part), n > 0, n < 1000 { return n...n }
        for dash in ["–", "-", "—"] where part.contains(dash) {
            let ends = part.components(separatedBy: dash).map { $0.trimmingCharacters(in: .whitespaces) }
            if ends.count == 2, let a = Int(ends[0]), let b = Int(ends[1]), a > 0, b >= a, b - a < 50 { return a...b }
        }
        return nil
    }

    static func names(in text: String) -> [String] {
        text.components(separatedBy: CharacterSet(charactersIn: ",&")).flatMap { $0.components(separatedBy: " and ") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    static func years(in text: String) -> [String] {
        year.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }

    static func fileName(_ article: ArticleDraft) -> String {
        (article.order < 10 ? "0\(article.order)" : "\(article.order)") + "-\(article.slug).md"
    }

    /// The entry as a link title: plain text, quotes made safe, shortened.
    static func title(_ text: String) -> String {
        var plain = text.replacingOccurrences(of: #"\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
        plain = TextNormalizer.stripMarkup(plain).replacingOccurrences(of: "\"", with: "'").replacingOccurrences(of: "\\", with: "")
        return summary(plain, titleLength)
    }

    static func summary(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
