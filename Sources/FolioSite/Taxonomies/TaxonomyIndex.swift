import FolioContent
import FolioCore
import FolioEntities
import FolioModel

/// One article's entry on a term page: how often it mentions the term and where.
public struct TermArticle: Sendable {
    /// The published article (or hand-written page).
    public var page: PublishedPage
    /// What the tagger found; `nil` when the term comes only from the page's front matter.
    public var occurrence: TermOccurrence?
    /// The organisation wrote this article (company pages list these first).
    public var isAuthor: Bool

    public init(page: PublishedPage, occurrence: TermOccurrence?, isAuthor: Bool) {
        self.page = page
        self.occurrence = occurrence
        self.isAuthor = isAuthor
    }

    /// Body and footnote mentions together (0 for front-matter-only entries).
    public var count: Int { occurrence?.count ?? 0 }
}

/// Every term with the articles that mention it: the data behind the index pages.
public struct TaxonomyIndex: Sendable {
    public var gazetteers: Gazetteers
    /// Articles per term, sorted: authored papers first, then by mentions, then site order.
    public var articles: [TermID: [TermArticle]]
    /// Terms per article URL path, for the company × technology matrix.
    public var termsByPage: [String: Set<TermID>]

    /// Groups the tagging of every article and hand-written page by term. Pages' front matter
    /// terms are included even when the text does not name them.
    /// - Parameter analyses: the build's tagging by `Content/` path; a page missing from it is
    ///   tagged here (on all cores).
    public static func build(pages: [PublishedPage], gazetteers: Gazetteers, analyses known: [String: ArticleEntities] = [:]) -> TaxonomyIndex {
        let candidates = pages.filter { TermLinker.tags($0.page) }
        let linker = TermLinker(gazetteers: gazetteers)
        let analyses = ConcurrentMap.map(candidates) { page in
            known[page.page.path] ?? linker.analyze(page.page)
        }
        // Organisations found by their shape in the text become company terms of their own.
        let gazetteers = gazetteers.adding(organisations: analyses.flatMap(\.organisations))
            .adding(technologies: analyses.flatMap(\.technologies))
        var articles: [TermID: [TermArticle]] = [:]
        var termsByPage: [String: Set<TermID>] = [:]
        var order: [String: Int] = [:]
        for (position, (page, analysis)) in zip(candidates, analyses).enumerated() {
            order[page.urlPath] = position
            var ids = Set(analysis.occurrences.map(\.term))
            let fm = page.page.frontMatter
            let listed: [(EntityKind, [String])] = [
                (.company, fm.companies ?? []), (.place, fm.cities ?? []),
                (.technology, fm.technologies ?? []), (.sdg, (fm.sdgs ?? []).map { String($0) }),
            ]
            for (kind, names) in listed {
                for name in names {
                    let term = kind == .sdg ? gazetteers.goal(Int(name) ?? 0) : gazetteers.term(kind: kind, named: name)
                    if let term { ids.insert(term.id) }
                }
            }
            var author: TermID?
            if let company = fm.company, let name = gazetteers.canonicalCompanyName(for: company) ?? (gazetteers.term(kind: .company, named: company)?.name),
               let term = gazetteers.term(kind: .company, named: name) {
                author = term.id
                ids.insert(term.id)
            }
            // A place page lists every article naming the place; front matter alone also counts.
            for id in ids {
                let occurrence = analysis.occurrence(of: id)
                articles[id, default: []].append(TermArticle(page: page, occurrence: occurrence, isAuthor: id == author))
            }
            termsByPage[page.urlPath] = ids
        }
        for (id, list) in articles {
            articles[id] = list.sorted { a, b in
                if a.isAuthor != b.isAuthor { return a.isAuthor }
                if a.count != b.count { return a.count > b.count }
                return (order[a.page.urlPath] ?? 0) < (order[b.page.urlPath] ?? 0)
            }
        }
        return TaxonomyIndex(gazetteers: gazetteers, articles: articles, termsByPage: termsByPage)
    }

    /// The articles of one term (empty when none mentions it).
    public func articles(for id: TermID) -> [TermArticle] { articles[id] ?? [] }

    /// Terms of `kind` that at least one article mentions, in gazetteer order; goals always all 17.
    public func terms(of kind: EntityKind) -> [Term] {
        gazetteers.terms(of: kind).filter { kind == .sdg || !(articles[$0.id] ?? []).isEmpty }
    }

    /// Articles that mention both terms.
    public func coOccurrences(_ a: TermID, _ b: TermID) -> Int {
        termsByPage.values.reduce(0) { $0 + ($1.contains(a) && $1.contains(b) ? 1 : 0) }
    }
}
