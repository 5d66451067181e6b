import FolioContent
import FolioCore
import FolioEntities
import FolioModel

/// One article's entry on a term page: how often it mentions the term and where.
public struct TermArticle: Sendable {
    /// What the index reads of the article (or hand-written page).
    var page: IndexedPage { shared.page }
    /// The page, held once for all the entries of its terms: an index has tens of thousands of
    /// entries, and copying a page's every field into each one cost more than building the index.
    private let shared: SharedPage
    /// What the tagger found; `nil` when the term comes only from the page's front matter.
    public var occurrence: TermOccurrence?
    /// The organisation wrote this article (company pages list these first).
    public var isAuthor: Bool

    init(shared: SharedPage, occurrence: TermOccurrence?, isAuthor: Bool) {
        self.shared = shared
        self.occurrence = occurrence
        self.isAuthor = isAuthor
    }

    /// Body and footnote mentions together (0 for front-matter-only entries).
    public var count: Int { occurrence?.count ?? 0 }
}

/// One indexed page behind the entries of all its terms.
final class SharedPage: Sendable {
    let page: IndexedPage

    init(_ page: IndexedPage) {
        self.page = page
    }
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
    static func build(pages: [IndexedPage], gazetteers: Gazetteers) -> TaxonomyIndex {
        let tagging = pages.compactMap { page in page.isTagged ? page.entities.map { (page, $0) } : nil }
        // Organisations found by their shape in the text become company terms of their own.
        let gazetteers = gazetteers.adding(organisations: tagging.flatMap(\.1.organisations))
            .adding(technologies: tagging.flatMap(\.1.technologies))
        // Each entry keeps its page's position in site order, the last sort key.
        var entries: [TermID: [(position: Int, article: TermArticle)]] = [:]
        var termsByPage: [String: Set<TermID>] = [:]
        for (position, (page, analysis)) in tagging.enumerated() {
            let shared = SharedPage(page)
            var occurrences: [TermID: TermOccurrence] = [:]
            for occurrence in analysis.occurrences where occurrences[occurrence.term] == nil {
                occurrences[occurrence.term] = occurrence
            }
            var ids = Set(occurrences.keys)
            let listed: [(EntityKind, [String])] = [
                (.company, page.companies ?? []), (.place, page.cities ?? []),
                (.technology, page.technologies ?? []), (.sdg, (page.sdgs ?? []).map { String($0) }),
            ]
            for (kind, names) in listed {
                for name in names {
                    let term = kind == .sdg ? gazetteers.goal(Int(name) ?? 0) : gazetteers.term(kind: kind, named: name)
                    if let term { ids.insert(term.id) }
                }
            }
            var author: TermID?
            if let company = page.company, let name = gazetteers.canonicalCompanyName(for: company) ?? (gazetteers.term(kind: .company, named: company)?.name),
               let term = gazetteers.term(kind: .company, named: name) {
                author = term.id
                ids.insert(term.id)
            }
            // A place page lists every article naming the place; front matter alone also counts.
            for id in ids {
                entries[id, default: []].append((position, TermArticle(shared: shared, occurrence: occurrences[id], isAuthor: id == author)))
            }
            termsByPage[page.urlPath] = ids
        }
        var articles: [TermID: [TermArticle]] = [:]
        articles.reserveCapacity(entries.count)
        for (id, list) in entries {
            articles[id] = list.sorted { a, b in
                if a.article.isAuthor != b.article.isAuthor { return a.article.isAuthor }
                if a.article.count != b.article.count { return a.article.count > b.article.count }
                return a.position < b.position
            }.map(\.article)
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
        // Only the pages of `a` can count: each URL once, with the terms of the page published there.
        Set(articles(for: a).map(\.page.urlPath)).reduce(0) { count, url in
            count + (termsByPage[url].map { $0.contains(a) && $0.contains(b) } == true ? 1 : 0)
        }
    }
}
