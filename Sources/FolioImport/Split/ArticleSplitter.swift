import FolioContent
import FolioCore
import Foundation

/// Cuts a cleaned document into article units: finds each unit's start from the table of
/// contents, the anchors and case labels of its hints, reads titles and bylines, and drops
/// the cover, imprint, table of contents and back cover from the articles.
struct ArticleSplitter: Sendable {
    var hints: ImportHints.Document
    var companies: CompanyResolver
    var metadata: CorpusDocument
    /// Comparison keys of known section labels.
    var labels: Set<String> = []

    /// Where an article begins and what its heading lines say.
    struct Start: Sendable, Equatable {
        var index: Int
        /// Lines holding the title (and merged continuation), removed from the body.
        var titleLines: [Int]
        var title: String
        var subtitle: String?
        var company: String?
        /// Company text as the table of contents gives it, for cross-checking.
        var tocCompany: String?
        /// The printed page the table of contents gives for the unit.
        var page: String?
        var caseStudy = false
        /// A theme line above a case, rewritten as a section heading of that case.
        var themeLine: Int?
    }

    /// The split result: articles plus what was removed and the imprint collected for the index.
    struct Result: Sendable {
        var articles: [ArticleDraft]
        var toc: TableOfContents?
        var imprint: [SourceLine]
    }

    func split(_ lines: [SourceLine], findings: inout [ImportFinding]) -> Result {
        var removed = [Bool](repeating: false, count: lines.count)
        let toc = hints.toc.flatMap { TableOfContents.parse(lines, heading: $0) }
        if let toc {
            for i in toc.range { removed[i] = true }
        } else if let heading = hints.toc {
            findings.append(
                ImportFinding(code: "TOC004", severity: .warning, message: "no table of contents headed `\(heading)` found", hint: "check `toc:` in corpus.yml", sourceLine: 1))
        }
        let candidates = lines.indices.filter { isCandidate(lines, $0) && !removed[$0] }
        var prepared: [Int: (text: String, key: String)] = [:]
        for c in candidates {
            let text = TextNormalizer.stripMarkup(lines[c].text)
            prepared[c] = (text, TextNormalizer.key(text))
        }
        var starts: [Start] = []

        // 1. Table-of-contents entries that start articles.
        let filter = hints.articles.flatMap { try? NSRegularExpression(pattern: $0) }
        let articleEntries = (toc?.entries ?? []).filter { entry in
            if hints.topLevelEntries { return entry.level == 1 }
            guard let filter else { return true }
            let text = entry.fullText
            return filter.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        var cursor = 0
        var missing: [TOCEntry] = []
        for entry in articleEntries {
            var found: Start?
            var ci = cursor
            while ci < candidates.count {
                if let m = match(entry, candidate: candidates[ci], prepared: prepared[candidates[ci]] ?? ("", ""), lines: lines, findings: &findings) {
                    found = m
                    break
                }
                ci += 1
            }
            if let found {
                starts.append(found)
                cursor = candidates.firstIndex { $0 > (found.titleLines.last ?? found.index) } ?? candidates.count
            } else {
                missing.append(entry)
                // A chapter without a heading: when the table of contents itself stands between
                // the previous unit and the rest, the unit starts right after it.
                if let toc, let previous = starts.last, previous.index < toc.range.lowerBound,
                    let first = (toc.range.upperBound + 1..<lines.count).first(where: { !lines[$0].text.isEmpty })
                {
                    starts.append(Start(index: first, titleLines: [], title: entry.title, page: entry.page))
                    findings.append(
                        ImportFinding(
                            code: "TOC002", severity: .warning,
                            message: "table-of-contents entry `\(entry.title)` has no heading in the body; the unit starts after the table of contents",
                            hint: "the title is taken from the table of contents", sourceLine: lines[first].number
                        ))
                    cursor = candidates.firstIndex { $0 > first } ?? candidates.count
                } else {
                    findings.append(
                        ImportFinding(
                            code: "TOC003", severity: .error,
                            message: "table-of-contents entry `\(entry.title)` matches no heading in the body; its text stays in the previous article",
                            hint: "add an anchor in corpus.yml or a correction", sourceLine: entry.sourceLine
                        ))
                }
            }
        }

        // Entries that are sections, not articles, must still exist in the body.
        if let toc, filter != nil || hints.topLevelEntries {
            var keys = Set<String>()
            for c in candidates where c > toc.range.upperBound { keys.insert(prepared[c]?.key ?? "") }
            for entry in toc.entries where !articleEntries.contains(entry) {
                let k = TextNormalizer.key(entry.fullText)
                if !keys.contains(k) && !keys.contains(TextNormalizer.key(entry.title)) {
                    findings.append(
                        ImportFinding(
                            code: "TOC005", severity: .warning, message: "table-of-contents entry `\(entry.fullText)` has no matching heading in the body",
                            sourceLine: entry.sourceLine))
                }
            }
        }

        // 2. Anchors named in the hints.
        for anchor in hints.anchors {
            guard let regex = try? NSRegularExpression(pattern: anchor.match) else { continue }
            let hit = candidates.first { i in
                let t = TextNormalizer.stripMarkup(lines[i].text)
                return regex.firstMatch(in: t, range: NSRange(t.startIndex..., in: t)) != nil && !starts.contains { $0.index == i }
            }
            if let hit {
                starts.append(Start(index: hit, titleLines: [hit], title: anchor.title ?? TextNormalizer.stripMarkup(lines[hit].text)))
            } else {
                findings.append(
                    ImportFinding(code: "SPL001", severity: .error, message: "no line matches the anchor `\(anchor.match)`", hint: "check `anchors:` in corpus.yml", sourceLine: 1))
            }
        }

        // 3. Case studies anchored on a label every case carries.
        if let label = hints.cases {
            starts += caseStarts(lines, label: TextNormalizer.key(label), removed: &removed, findings: &findings)
        }

        starts.sort { $0.index < $1.index }
        var unique: [Start] = []
        for s in starts where unique.last?.index != s.index { unique.append(s) }
        starts = unique
        guard let first = starts.first else {
            findings.append(ImportFinding(code: "SPL002", severity: .error, message: "no article starts found in the document", sourceLine: 1))
            return Result(articles: [], toc: toc, imprint: [])
        }

        // Cover, title and imprint before the first article.
        if first.index > 0 {
            for i in 0..<first.index { removed[i] = true }
            findings.append(
                ImportFinding(
                    code: "IMP001", severity: .info,
                    message: "removed the cover, title and imprint block (source lines 1–\(lines[first.index - 1].number)); document metadata comes from corpus.yml",
                    sourceLine: 1
                ))
        }
        let backCover = backCoverStart(lines, frontEnd: first.index)
        if let backCover {
            for i in backCover..<lines.count { removed[i] = true }
            findings.append(
                ImportFinding(code: "IMP003", severity: .info, message: "removed the back cover (a repeat of the cover and imprint)", sourceLine: lines[backCover].number))
        }
        // Prose in the cover and imprint block (about the publisher, disclaimers) is kept for the index.
        var imprint: [SourceLine] = []
        var seenProse = Set<String>()
        for i in 0..<first.index where !(toc?.range.contains(i) ?? false) {
            let text = lines[i].text
            guard ParagraphJoiner.isParagraph(text), text.split(separator: " ").count >= 12 else { continue }
            if seenProse.insert(TextNormalizer.key(text)).inserted { imprint.append(lines[i]) }
        }
        imprint += imprintSections(lines, removed: &removed)

        // Build the drafts.
        var slugger = UniqueSlugger(reserved: ["index"])
        var articles: [ArticleDraft] = []
        let parser = BylineParser(companies: companies, labels: labels)
        let tocCompanies = hints.byline == "toc-company"
        for (n, start) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1].index : (backCover ?? lines.count)
            for i in start.titleLines { removed[i] = true }
            var company = start.company
            var authors: [Author] = []
            let afterTitle = (start.titleLines.last ?? (start.index - 1)) + 1
            if tocCompanies || start.caseStudy == false {
                let byline = parser.parse(lines, from: afterTitle, limit: end)
                // The byline's own line (never the blank line after the title) is where its findings point.
                let bylineLine = byline.consumed.sorted().first { !lines[$0].text.allSatisfy(\.isWhitespace) }.map { lines[$0].number }
                    ?? lines[min(afterTitle, lines.count - 1)].number
                if tocCompanies || byline.company != nil || !byline.authors.isEmpty {
                    if tocCompanies {
                        for i in byline.consumed { removed[i] = true }
                        authors = byline.authors
                        if let bylineCompany = byline.company, let tocCompany = company, bylineCompany != tocCompany {
                            findings.append(
                                ImportFinding(
                                    code: "IMP041", severity: .info,
                                    message: "the table of contents names `\(start.tocCompany ?? tocCompany)`, the byline `\(bylineCompany)`; using `\(tocCompany)`",
                                    sourceLine: bylineLine, articleIndex: n, frontMatterKey: "company"))
                        }
                        company = company ?? byline.company
                        if authors.isEmpty {
                            findings.append(
                                ImportFinding(
                                    code: "IMP040", severity: .warning, message: "the byline names no person\(company.map { ", only the company \($0)" } ?? "")",
                                    sourceLine: bylineLine, articleIndex: n, frontMatterKey: "company"))
                        }
                    }
                }
            }
            if company == nil && hints.companyFromTitle {
                let plain = Self.titleWithoutNumber(start.title)
                if let dash = plain.range(of: " – ") ?? plain.range(of: "– ") ?? plain.range(of: "- ") ?? plain.range(of: " - ") {
                    let name = String(plain[..<dash.lowerBound]).trimmingCharacters(in: .whitespaces)
                    company = companies.exact(name) ?? name
                }
            }
            if company == nil && tocCompanies {
                findings.append(
                    ImportFinding(
                        code: "IMP042", severity: .warning, message: "no company found for `\(start.title)`", hint: "add its spelling to `companies:` in corpus.yml",
                        sourceLine: lines[start.index].number, articleIndex: n))
            }
            var body: [SourceLine] = []
            var last = start.index
            // A back cover or next start found before this start (damaged input) leaves the unit empty.
            for i in start.index..<max(start.index, end) where !removed[i] {
                if i == start.themeLine {
                    body.append(SourceLine("## " + TextNormalizer.stripMarkup(lines[i].text), number: lines[i].number))
                } else {
                    body.append(lines[i])
                }
                if !lines[i].text.isEmpty { last = i }
            }
            while body.first?.text.isEmpty == true { body.removeFirst() }
            while body.last?.text.isEmpty == true { body.removeLast() }
            // Titles live in front matter: footnote markers move to the end of the first paragraph.
            var title = start.title
            if title.utf8.contains(60) {
                let (plain, markers) = TextNormalizer.splitSuperscripts(title)
                title = TextNormalizer.removeTags(plain)
                if !markers.isEmpty, let first = body.firstIndex(where: { ParagraphJoiner.isParagraph($0.text) }) {
                    body[first].text += markers.joined()
                    findings.append(
                        ImportFinding(
                            code: "IMP017", severity: .info,
                            message: "moved the footnote marker \(markers.joined(separator: ", ")) from the title to the end of the first paragraph",
                            sourceLine: lines[start.index].number, articleIndex: n))
                }
            }
            let slugBase = (tocCompanies ? company.map { Slug.make($0, maxLength: 40) } : nil) ?? Slug.make(Self.titleWithoutNumber(title), maxLength: 50)
            articles.append(
                ArticleDraft(
                    title: title, slug: slugger.unique(slugBase), order: n + 1, company: company, authors: authors,
                    subtitle: start.subtitle, lines: body, sourceLines: lines[start.index].number...lines[max(last, start.index)].number
                ))
            articles[articles.count - 1].printedPage = start.page.flatMap { Int($0) != nil || $0.allSatisfy({ "ivxlcdm".contains($0.lowercased()) }) ? $0 : nil }
        }
        // A study by one author: every chapter is theirs.
        if let only = metadata.authors, only.count == 1 {
            for i in articles.indices where articles[i].authors.isEmpty && articles[i].company == nil {
                articles[i].authors = [Author(name: only[0])]
            }
        }
        return Result(articles: articles, toc: toc, imprint: imprint)
    }

    // MARK: Candidates and matching

    /// Headings, bold-only lines and short stand-alone lines can hold a title.
    func isCandidate(_ lines: [SourceLine], _ i: Int) -> Bool {
        let text = lines[i].text
        if text.isEmpty || text.utf8.contains(9) { return false }
        if TextNormalizer.headingLevel(text) != nil || TextNormalizer.isBoldOnly(text) { return true }
        let blankBefore = i == 0 || lines[i - 1].text.isEmpty
        return blankBefore && text.utf8.count <= 300 && !text.hasPrefix("- ") && !text.hasPrefix("<") && !TextNormalizer.endsSentence(text)
    }

    func match(_ entry: TOCEntry, candidate c: Int, prepared: (text: String, key: String), lines: [SourceLine], findings: inout [ImportFinding]) -> Start? {
        let ctext = prepared.text
        let ck = prepared.key
        guard !ck.isEmpty else { return nil }
        let ek = TextNormalizer.key(entry.title)
        let en = TextNormalizer.key(entry.fullText)
        func makeStart() -> Start {
            let tocCompany = entry.company.flatMap { companies.exact($0) ?? companies.mentioned(in: $0) }
            return Start(index: c, titleLines: [c], title: ctext, company: tocCompany, tocCompany: entry.company, page: entry.page)
        }
        if ck == ek || ck == en { return makeStart() }
        // A title split over two lines: heading + heading (merged) or heading + plain subtitle.
        if ek.hasPrefix(ck) || en.hasPrefix(ck), let next = nextNonBlank(lines, after: c), companies.exact(TextNormalizer.stripMarkup(lines[next].text)) == nil {
            let ntext = TextNormalizer.stripMarkup(lines[next].text)
            let joined = ck + TextNormalizer.key(ntext)
            if joined == ek || joined == en {
                var start = makeStart()
                start.titleLines = [c, next]
                if TextNormalizer.headingLevel(lines[next].text) != nil || TextNormalizer.headingLevel(lines[c].text) == nil || TextNormalizer.isBoldOnly(lines[next].text) {
                    start.title = Self.join(ctext, ntext)
                    findings.append(ImportFinding(code: "IMP010", severity: .info, message: "merged a title split over two lines: `\(start.title)`", sourceLine: lines[c].number))
                } else {
                    start.subtitle = ntext
                }
                return start
            }
        }
        // The table of contents adds the company after the title (`… in Chongqing Wilmar International`).
        if ek.hasPrefix(ck) && ck.count * 10 >= ek.count * 6 {
            var start = makeStart()
            let rest = String(ek.dropFirst(ck.count))
            if start.company == nil { start.company = companies.exact(rest) ?? companies.mentioned(in: entry.title.suffix(rest.count + 20).description) }
            if start.company == nil || TextNormalizer.key(start.company ?? "") != rest {
                if companies.exact(rest) == nil {
                    findings.append(
                        ImportFinding(
                            code: "TOC001", severity: .warning, message: "table-of-contents title `\(entry.title)` differs from the body title `\(ctext)`",
                            sourceLine: lines[c].number))
                }
            }
            return start
        }
        // The table of contents truncates the title, or the body prefixes it.
        if (ck.hasPrefix(ek) && ek.count >= 12) || (ck.hasSuffix(ek) && ek.count >= 20) {
            findings.append(
                ImportFinding(
                    code: "TOC001", severity: .warning, message: "table-of-contents title `\(entry.title)` differs from the body title `\(ctext)`", sourceLine: lines[c].number))
            return makeStart()
        }
        // Small spelling differences (`Inti roduction`).
        if ek.count >= 6, TextNormalizer.distance(ck, ek, limit: max(1, ek.count / 12)) != nil {
            findings.append(
                ImportFinding(
                    code: "TOC001", severity: .warning, message: "table-of-contents title `\(entry.title)` differs from the body title `\(ctext)`", sourceLine: lines[c].number))
            return makeStart()
        }
        return nil
    }

    func nextNonBlank(_ lines: [SourceLine], after i: Int) -> Int? {
        var j = i + 1
        while j < lines.count && lines[j].text.isEmpty { j += 1 }
        return j < lines.count && j <= i + 3 ? j : nil
    }

    /// `Chapter 2` + `Activating …` → `Chapter 2: Activating …`.
    static func join(_ a: String, _ b: String) -> String {
        let trimmed = a.trimmingCharacters(in: .whitespaces)
        if let last = trimmed.last, ":-–—".contains(last) { return trimmed + " " + b }
        return trimmed + ": " + b
    }

    /// `2.2.1 Baowu …` → `Baowu …`, for slugs.
    static func titleWithoutNumber(_ title: String) -> String {
        let parts = title.split(separator: " ", maxSplits: 1)
        if parts.count == 2, parts[0].first?.isNumber == true, parts[0].allSatisfy({ $0.isNumber || $0 == "." }) {
            return String(parts[1])
        }
        return title
    }

    // MARK: Cases, back cover, imprint

    func caseStarts(_ lines: [SourceLine], label: String, removed: inout [Bool], findings: inout [ImportFinding]) -> [Start] {
        var result: [Start] = []
        func previous(_ i: Int) -> Int? {
            var j = i - 1
            while j >= 0 && lines[j].text.isEmpty { j -= 1 }
            return j >= 0 ? j : nil
        }
        for i in lines.indices where !lines[i].text.isEmpty && lines[i].text.utf8.count <= label.utf8.count * 3 + 12 && TextNormalizer.key(lines[i].text) == label {
            guard let t = previous(i), let c = previous(t) else { continue }
            let title = TextNormalizer.stripMarkup(lines[t].text)
            let companyText = TextNormalizer.stripMarkup(lines[c].text)
            var start = Start(index: c, titleLines: [c, t], title: title, company: companies.exact(companyText) ?? companyText, caseStudy: true)
            if let r = previous(c), TextNormalizer.key(lines[r].text) == "representativeactions" {
                removed[r] = true
                findings.append(
                    ImportFinding(code: "IMP033", severity: .info, message: "removed the section label `Representative Actions` above a case", sourceLine: lines[r].number))
                // A theme (short title line and one introductory paragraph) opens the first case of its theme.
                if let p = previous(r), let t = previous(p), ParagraphJoiner.isParagraph(lines[p].text) {
                    let theme = TextNormalizer.stripMarkup(lines[t].text)
                    if theme.utf8.count < 60, !TextNormalizer.endsSentence(theme), !labels.contains(TextNormalizer.key(theme)), !theme.isEmpty {
                        start.index = t
                        start.themeLine = t
                        findings.append(
                            ImportFinding(
                                code: "IMP034", severity: .info, message: "the theme introduction `\(theme)` opens the first case of its theme", sourceLine: lines[t].number))
                    }
                }
            }
            start.tocCompany = companyText
            result.append(start)
        }
        return result
    }

    /// A trailing run of short lines that begins by repeating a line of the cover.
    func backCoverStart(_ lines: [SourceLine], frontEnd: Int) -> Int? {
        guard frontEnd > 0 else { return nil }
        var cover = Set<String>()
        for i in 0..<frontEnd where !lines[i].text.isEmpty {
            let key = TextNormalizer.key(lines[i].text)
            if key.count >= 4 { cover.insert(key) }
        }
        var candidate: Int?
        var i = lines.count - 1
        while i >= frontEnd {
            let text = lines[i].text
            if !text.isEmpty {
                if text.utf8.count > 160 || TextNormalizer.headingLevel(text) != nil { break }
                if cover.contains(TextNormalizer.key(text)) && (i == 0 || lines[i - 1].text.isEmpty) { candidate = i }
            }
            i -= 1
        }
        return candidate
    }

    /// Sections under imprint headings (`About …`, credits): removed from articles, kept for the index.
    func imprintSections(_ lines: [SourceLine], removed: inout [Bool]) -> [SourceLine] {
        let wanted = Set(hints.imprint.map(TextNormalizer.key))
        let titleKey = TextNormalizer.key(metadata.title)
        var collected: [SourceLine] = []
        var inImprint: Int?
        for i in lines.indices {
            let text = lines[i].text
            if removed[i] {
                if inImprint != nil && TextNormalizer.headingLevel(text) != nil { inImprint = nil }
                continue
            }
            if let level = TextNormalizer.headingLevel(text) {
                let key = TextNormalizer.key(text)
                if wanted.contains(key) {
                    inImprint = level
                    removed[i] = true
                    collected.append(SourceLine("### " + TextNormalizer.stripMarkup(text), number: lines[i].number))
                    continue
                }
                if key.count >= 8 && titleKey.contains(key) {
                    // A repeated title page inside the imprint area.
                    if inImprint != nil {
                        removed[i] = true
                        continue
                    }
                }
                if let open = inImprint, level <= open { inImprint = nil }
            }
            if inImprint != nil {
                removed[i] = true
                if !text.isEmpty && text != "---" { collected.append(lines[i]) }
            }
        }
        return collected
    }
}
