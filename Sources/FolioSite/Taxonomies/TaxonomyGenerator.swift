import FolioContent
import FolioCore
import FolioEntities
import FolioMarkdown
import FolioModel
import Foundation

/// Writes the index pages: `companies/`, `cities/`, `sdgs/`, `technologies/` overviews and one
/// page per term, listing every article that mentions it with counts and keyword-in-context
/// snippets that link to the nearest heading.
public struct TaxonomyGenerator: SiteGenerator {
    public var name: String { "taxonomies" }
    /// The gazetteers; when `nil` they are loaded from `Content/data` under the site's project root.
    public var gazetteers: Gazetteers?

    public init(gazetteers: Gazetteers? = nil) {
        self.gazetteers = gazetteers
    }

    /// Whether there is anything to index: gazetteers given, or `Content/data/companies.yml` present.
    private func hasGazetteers(_ site: SiteSnapshot) -> Bool {
        hasGazetteers(projectRoot: site.projectRoot, content: site.config.content)
    }

    private func hasGazetteers(projectRoot: URL?, content: String) -> Bool {
        if gazetteers != nil { return true }
        guard let projectRoot else { return false }
        let file = projectRoot.appendingPathComponent(content).appendingPathComponent("data/companies.yml")
        return FileManager.default.fileExists(atPath: file.path)
    }

    public func navigationEntries(for site: SiteSnapshot) -> [NavigationEntry] {
        guard hasGazetteers(site) else { return [] }
        // Data files that could not be read give no index pages: the build reports why.
        if let files = site.prepared as? DataFiles, files.problem != nil || files.failure != nil { return [] }
        return [
            NavigationEntry(title: "Companies", path: "companies/index.html", summary: "Every company and organisation the reports name"),
            NavigationEntry(title: "Places", path: "cities/index.html", summary: "Cities, provinces, countries and regions, on a map"),
            NavigationEntry(title: "Goals", path: "sdgs/index.html", summary: "The 17 UN Sustainable Development Goals and the articles that serve them"),
            NavigationEntry(title: "Technologies", path: "technologies/index.html", summary: "From AI and 5G to hydrogen and digital twins"),
        ]
    }

    /// The data files the indexes are made of, read while the content loads.
    struct DataFiles: Sendable {
        var gazetteers: Gazetteers?
        var baseMap: BaseMap?
        /// Why a data file could not be read; the indexes are then left out.
        var problem: Diagnostic?
        /// An error that stops the build (thrown again by ``generate(_:writer:)``).
        var failure: (any Error)?
    }

    public func prepare(projectRoot: URL, config: FolioConfig, cache: BuildCache?) -> (any Sendable)? {
        readDataFiles(projectRoot: projectRoot, content: config.content, cache: cache)
    }

    func readDataFiles(projectRoot: URL?, content: String, cache: BuildCache? = nil) -> DataFiles {
        var files = DataFiles()
        let data = projectRoot?.appendingPathComponent(content).appendingPathComponent("data")
        // The base map is read on another thread while the gazetteers load.
        let baseMap = BackgroundJob<Result<BaseMap?, DiagnosticError>>()
        if let data {
            baseMap.start { Result { () throws(DiagnosticError) -> BaseMap? in try BaseMap.load(from: data, displayDirectory: "\(content)/data", cache: cache) } }
        }
        if let given = self.gazetteers {
            files.gazetteers = given
        } else if let data, hasGazetteers(projectRoot: projectRoot, content: content) {
            do {
                files.gazetteers = try Gazetteers.load(from: data, displayDirectory: "\(content)/data", cache: cache)
            } catch let error as EntitiesError {
                files.problem = error.diagnostic
                return files
            } catch {
                files.failure = error
                return files
            }
        }
        switch try? baseMap.result() {
        case let .success(map): files.baseMap = map
        case let .failure(error): files.problem = error.diagnostic
        case nil: break
        }
        return files
    }

    /// Writes the overview and term pages, the redirects and the open data.
    ///
    /// The generator reads pages only as ``IndexedPage``s. With a build cache, what it wrote is
    /// recorded under the digest of those pages, the gazetteers, the base map, the templates and
    /// the layout; a later build with the same digest keeps those files as the output holds them
    /// (when none was changed since) instead of writing them again. An edit that changes no
    /// mention, heading or term of any page therefore redoes none of the index pages.
    public func generate(_ site: SiteSnapshot, writer: PageWriter) throws -> [Diagnostic] {
        let files = site.prepared as? DataFiles ?? readDataFiles(projectRoot: site.projectRoot, content: site.config.content)
        if let failure = files.failure { throw failure }
        if let problem = files.problem { return [problem] }
        guard let gazetteers = files.gazetteers else { return [] }
        let baseMap = files.baseMap
        let maker = IndexedPageMaker(site: site, gazetteers: gazetteers)
        var key: BuildCache.Key?
        var worked: [IndexedPage?] = []
        if let cache = writer.cache {
            let digests = Self.indexedDigests(of: site, gazetteers: gazetteers, cache: cache, maker: maker)
            worked = digests.map(\.page)
            key = Self.outputsKey(digests: digests.map(\.digest), gazetteers: gazetteers, baseMap: baseMap, writer: writer)
        }
        if let replayed = writer.replayOutputs(Self.outputsNamespace, key) { return replayed }
        let pages = Self.indexedPages(of: site, worked: worked, maker: maker)
        return try writer.recordingOutputs(Self.outputsNamespace, key) {
            let index = TaxonomyIndex.build(pages: pages, gazetteers: gazetteers)
            let taxonomyPages = TaxonomyPages(index: index, maps: PlaceMaps(index: index, baseMap: baseMap, cache: writer.cache), writer: writer)
            try taxonomyPages.writeAll()
            try OpenData(index: index, pages: pages).write(to: writer)
            return try taxonomyPages.writeRedirects(for: pages)
        }
    }

    /// The build cache's namespace of the generator's recorded outputs.
    static let outputsNamespace = "taxonomy-outputs"

    /// Works out what the generator reads of a published page, with one linker and one source
    /// line mapper for the whole site. Pages the build did not tag (it had no gazetteers of its
    /// own) are tagged here; the linker makes its tagger only when a page needs it.
    struct IndexedPageMaker: Sendable {
        let site: SiteSnapshot
        let linker: TermLinker
        let mapper: SourceLineMapper?

        init(site: SiteSnapshot, gazetteers: Gazetteers) {
            self.site = site
            linker = TermLinker(gazetteers: gazetteers)
            mapper = site.sourceMapper ?? site.projectRoot.map { SourceLineMapper(projectRoot: $0) }
        }

        func callAsFunction(_ published: PublishedPage) -> IndexedPage {
            let page = published.page
            let entities = TermLinker.tags(page) ? site.entities[page.path] ?? linker.analyze(page) : nil
            return IndexedPage(published, entities: entities, mapper: mapper, mentionLines: site.mentionSourceLines[page.path])
        }
    }

    /// What the generator reads of each published page, in site order, on all cores. `worked`
    /// holds pages already worked out (by ``indexedDigests(of:gazetteers:cache:maker:)``), in the
    /// same order.
    static func indexedPages(of site: SiteSnapshot, worked: [IndexedPage?], maker: IndexedPageMaker) -> [IndexedPage] {
        ConcurrentMap.map(Array(site.pages.indices)) { index in
            if index < worked.count, let page = worked[index] { return page }
            return maker(site.pages[index])
        }
    }

    /// The ``IndexedPage/digest`` of each published page, in site order, with the page where it
    /// had to be worked out. A digest is kept in the build cache under everything the page's
    /// indexed facts are made from: its rendering and tagging (``PublishedPage/renderingKey``:
    /// its text, path, URL and the gazetteers the build tagged with), its front matter, its
    /// document, whether the build tagged it, the gazetteers, and the bytes of the source file
    /// its mentions' source lines are read from.
    static func indexedDigests(of site: SiteSnapshot, gazetteers: Gazetteers, cache: BuildCache, maker: IndexedPageMaker) -> [(digest: Data, page: IndexedPage?)] {
        // Each source file is hashed once.
        let files = Array(Set(site.pages.compactMap { $0.page.frontMatter.source?.file })).sorted()
        let fileDigests = Dictionary(uniqueKeysWithValues: zip(files, ConcurrentMap.map(files) { file in
            site.projectRoot.flatMap { FileDigest.sha256(atPath: $0.appendingPathComponent(file).path) } ?? Data()
        }))
        return ConcurrentMap.map(site.pages) { published in
            let page = published.page
            var key: BuildCache.Key?
            if let rendering = published.renderingKey, let gazetteersDigest = gazetteers.sourceDigest {
                var builder = CacheKeyBuilder(indexedDigestNamespace)
                builder.add(rendering.bytes)
                builder.add(gazetteersDigest)
                builder.add(page.frontMatter.archived)
                builder.add(page.documentSlug ?? "")
                builder.add(site.entities[page.path] == nil ? 0 : 1)
                builder.add(page.frontMatter.source.flatMap { fileDigests[$0.file] } ?? Data())
                key = builder.key()
            }
            if let key, let digest = cache.value(indexedDigestNamespace, key), digest.count == 32 { return (digest, nil) }
            let indexed = maker(published)
            let digest = indexed.digest
            if let key { cache.store(indexedDigestNamespace, key, digest) }
            return (digest, indexed)
        }
    }

    /// The build cache's namespace of pages' indexed-facts digests.
    static let indexedDigestNamespace = "indexed-digests"

    /// The digest of everything the generator's files are made from, given the digests of the
    /// pages' indexed facts; nil when one part has no digest (gazetteers, base map or templates
    /// made in code).
    static func outputsKey(digests: [Data], gazetteers: Gazetteers, baseMap: BaseMap?, writer: PageWriter) -> BuildCache.Key? {
        guard let gazetteersDigest = gazetteers.sourceDigest, let layout = writer.layoutFingerprint else { return nil }
        var key = CacheKeyBuilder(outputsNamespace)
        key.add(gazetteersDigest)
        if let baseMap {
            guard let digest = baseMap.digest else { return nil }
            key.add(digest)
        } else {
            key.add("no base map")
        }
        key.add(layout)
        key.add(digests.count)
        for digest in digests { key.add(digest) }
        return key.key()
    }
}

/// Renders the taxonomy templates for one ``TaxonomyIndex``.
struct TaxonomyPages: Sendable {
    let index: TaxonomyIndex
    let maps: PlaceMaps
    let writer: PageWriter
    /// The first term of each kind and canonical name, for links between term pages.
    private let byName: [EntityKind: [String: Term]]
    /// Names of the terms whose parent is the key (same kind), in gazetteer order.
    private let children: [TermID: [String]]
    /// Names of the terms that list the key as related (same kind), in gazetteer order.
    private let relatedBy: [TermID: [String]]

    init(index: TaxonomyIndex, maps: PlaceMaps, writer: PageWriter) {
        self.index = index
        self.maps = maps
        self.writer = writer
        var byName: [EntityKind: [String: Term]] = [:]
        var children: [TermID: [String]] = [:]
        var relatedBy: [TermID: [String]] = [:]
        for kind in EntityKind.allCases {
            let terms = index.gazetteers.terms(of: kind)
            var names: [String: Term] = [:]
            for term in terms where names[term.name] == nil { names[term.name] = term }
            byName[kind] = names
            // Every term with a given name gets the same lists, as a scan by name would give.
            var childNames: [String: [String]] = [:]
            var relatedNames: [String: [String]] = [:]
            for term in terms {
                if let parent = term.parent { childNames[parent, default: []].append(term.name) }
                for name in Set(term.related) { relatedNames[name, default: []].append(term.name) }
            }
            for term in terms {
                children[term.id] = childNames[term.name] ?? []
                relatedBy[term.id] = relatedNames[term.name] ?? []
            }
        }
        self.byName = byName
        self.children = children
        self.relatedBy = relatedBy
    }

    func writeAll() throws {
        for kind in EntityKind.allCases {
            try writeOverview(kind)
        }
        // Term pages are independent: render them on all cores.
        let terms = EntityKind.allCases.flatMap { index.terms(of: $0) }
        _ = try ConcurrentMap.tryMap(terms) { term in try writeTermPage(term) }
    }

    /// Front matter may name a term by an alias (`Isuzu Motors`, `Hitachi ABB Power Grids`);
    /// article pages link to `companies/<slug of that name>/`, so that URL redirects to the
    /// canonical page. Names that match no term are reported.
    func writeRedirects(for pages: [IndexedPage]) throws -> [Diagnostic] {
        var done: Set<String> = []
        var diagnostics: [Diagnostic] = []
        let gazetteers = index.gazetteers
        for page in pages {
            var named: [(EntityKind, String)] = (page.companies ?? []).map { (.company, $0) } + (page.cities ?? []).map { (.place, $0) }
                + (page.technologies ?? []).map { (.technology, $0) }
            if let company = page.company { named.append((.company, company)) }
            for (kind, name) in named {
                let slug = Slug.make(name)
                let path = "\(kind.section)/\(slug)/"
                guard done.insert(path).inserted else { continue }
                let term = gazetteers.term(kind: kind, named: name)
                    ?? (kind == .company ? gazetteers.canonicalCompanyName(for: name).flatMap { gazetteers.term(kind: .company, named: $0) } : nil)
                guard let term else {
                    diagnostics.append(Diagnostic(
                        code: "TAX001", severity: .warning,
                        message: "`\(name)` is not in the \(kind.section) gazetteer, so it has no index page",
                        location: SourceLocation(file: page.path, line: 1),
                        hint: "add it (or an alias) to Content/data/\(kind.section).yml"
                    ))
                    continue
                }
                guard term.id.slug != slug, !index.articles(for: term.id).isEmpty || kind == .company else { continue }
                try writer.writePage(urlPath: path, template: "taxonomy-redirect", context: [
                    "pageTitle": term.name, "title": term.name,
                    "target": SiteURL.link(from: path, to: term.id.path),
                ])
            }
        }
        return diagnostics
    }

    private static let intros: [EntityKind: String] = [
        .company: "Companies, government bodies and other organisations named in the reports. Authors of papers are marked; the matrix shows which technologies each company's articles discuss.",
        .place: "Cities, districts, provinces, countries and economic regions named in the reports, on maps of the country they name most and of the world. Coordinates come from GeoNames, country outlines from Natural Earth.",
        .sdg: "The 17 UN Sustainable Development Goals. An article is listed under a goal when it names the goal or when enough of the goal's target language appears in it.",
        .technology: "Technologies the reports discuss, with their abbreviations, grouped by broader category.",
    ]

    func writeOverview(_ kind: EntityKind) throws {
        let urlPath = "\(kind.section)/"
        let terms = index.terms(of: kind)
        let groupLabel = kind == .technology ? "Category" : kind == .sdg ? "" : "Type"
        var rowsHTML = "", tilesHTML = ""
        for term in terms {
            let list = index.articles(for: term.id)
            let row = TaxonomyHTML.OverviewRow(
                name: term.name,
                url: SiteURL.link(from: urlPath, to: term.id.path),
                articleCount: list.count,
                mentionCount: list.reduce(0) { $0 + $1.count },
                group: term.type ?? "",
                detail: detail(term),
                aliases: term.displayAliases.prefix(4).joined(separator: ", "),
                author: list.contains { $0.isAuthor }
            )
            TaxonomyHTML.overviewRow(row, groupColumn: !groupLabel.isEmpty, into: &rowsHTML)
            if kind == .sdg, let goal = term.goal {
                TaxonomyHTML.goalTile(row, goal: goal, textColour: Self.textColour(on: goal.colour), into: &tilesHTML)
            }
        }
        var chart = ""
        switch kind {
        case .sdg: chart = TaxonomyCharts.sdgCoverage(index) { SiteURL.link(from: urlPath, to: "sdgs/\($0)/") }
        case .company, .technology: chart = TaxonomyCharts.companyTechnologyMatrix(index) { SiteURL.link(from: urlPath, to: $0.path) }
        case .place: chart = maps.overview { SiteURL.link(from: urlPath, to: $0.path) }
        }
        let table = kind == .company ? "organisations" : kind == .place ? "places" : kind.section
        let data = "../\(OpenData.folder)/"
        let dataHTML = "Open data: <a href=\"\(data)\(table).csv\">\(table).csv</a> · <a href=\"\(data)\(table).json\">\(table).json</a>"
            + " · <a href=\"\(data)mentions.csv\">mentions.csv</a> · <a href=\"\(data)datapackage.json\">datapackage.json</a>"
            + " · <a href=\"\(data)\(OpenData.databaseFile)\">\(OpenData.databaseFile)</a> (all tables, SQLite)"
        try writer.writePage(urlPath: urlPath, template: "taxonomy-overview", context: [
            "dataHTML": dataHTML,
            "pageTitle": kind.title,
            "title": kind.title,
            "intro": Self.intros[kind] ?? "",
            "section": kind.section,
            "isGoals": kind == .sdg,
            "groupLabel": groupLabel,
            "rowsHTML": rowsHTML,
            "tilesHTML": tilesHTML,
            "termCount": terms.count,
            "chart": chart,
            "breadcrumbs": [["title": "Home", "url": "../index.html"], ["title": kind.title, "url": ""]],
        ])
    }

    private func detail(_ term: Term) -> String {
        switch term.id.kind {
        case .company: [term.country, term.parent.map { "part of \($0)" }].compactMap { $0 }.joined(separator: " · ")
        case .place: term.parent.map { "in \($0)" } ?? ""
        case .technology: term.parent.map { "a kind of \($0)" } ?? ""
        case .sdg: term.goal?.title ?? ""
        }
    }

    func writeTermPage(_ term: Term) throws {
        let urlPath = term.id.path
        let list = index.articles(for: term.id)
        func link(_ name: String?) -> TaxonomyHTML.Link? {
            guard let name else { return nil }
            if let target = byName[term.id.kind]?[name], !index.articles(for: target.id).isEmpty {
                return TaxonomyHTML.Link(name: name, url: SiteURL.link(from: urlPath, to: target.id.path))
            }
            return TaxonomyHTML.Link(name: name, url: "")
        }
        let related = term.related + (children[term.id] ?? []) + (relatedBy[term.id] ?? [])
        var seen: Set<String> = [term.name]
        let relatedLinks = related.filter { seen.insert($0).inserted }.compactMap { link($0) }
        var authoredHTML = "", articlesHTML = ""
        for item in list {
            if item.isAuthor {
                TaxonomyHTML.entry(entry(for: item, from: urlPath), into: &authoredHTML)
            } else {
                TaxonomyHTML.entry(entry(for: item, from: urlPath), into: &articlesHTML)
            }
        }
        var facts: [(label: String, value: String)] = []
        if let type = term.type, term.id.kind != .sdg { facts.append((term.id.kind == .technology ? "Category" : "Type", type)) }
        if let country = term.country { facts.append(("Country", country)) }
        if let foundBy = term.foundBy { facts.append(("Found by", foundBy)) }
        if let domain = term.domain { facts.append(("Field", domain)) }
        if let c = term.coordinates {
            let origin = c.basis.map { "\($0); " } ?? ""
            facts.append(("Coordinates", String(format: "%.3f° %@, %.3f° %@ (%@%@%@)", abs(c.latitude), c.latitude >= 0 ? "N" : "S", abs(c.longitude), c.longitude >= 0 ? "E" : "W", origin, c.source, c.geonamesID.map { " \($0)" } ?? "")))
        }
        let threshold = "\(index.gazetteers.sdgMinimumOccurrences) occurrences of at least \(index.gazetteers.sdgMinimumDistinctPhrases) different phrases"
        let factsHTML = TaxonomyHTML.facts(
            aliases: term.displayAliases, formerNames: term.formerNames.joined(separator: ", "), parent: link(term.parent),
            facts: facts, related: relatedLinks, goal: term.goal.map { ($0.phrases.joined(separator: ", "), threshold) }
        )
        var context: [String: Any] = [
            "pageTitle": term.name,
            "title": term.name,
            "kindTitle": term.id.kind.title,
            "kindURL": "../index.html",
            "factsHTML": factsHTML,
            "mapHTML": term.id.kind == .place ? maps.locator(for: term) ?? "" : "",
            "hasAuthored": !authoredHTML.isEmpty,
            "authoredHTML": authoredHTML,
            "hasArticles": !articlesHTML.isEmpty,
            "articlesHTML": articlesHTML,
            "articleCount": list.count,
            "mentionCount": list.reduce(0) { $0 + $1.count },
            "breadcrumbs": [
                ["title": "Home", "url": "../../index.html"],
                ["title": term.id.kind.title, "url": "../index.html"],
                ["title": term.name, "url": ""],
            ],
        ]
        if let goal = term.goal {
            context["goal"] = [
                "number": goal.number, "shortTitle": goal.shortTitle, "title": goal.title,
                "colour": goal.colour, "textColour": Self.textColour(on: goal.colour),
            ] as [String: Any]
        }
        try writer.writePage(urlPath: urlPath, template: "taxonomy-term", context: context)
    }

    private func entry(for item: TermArticle, from urlPath: String) -> TaxonomyHTML.Entry {
        let page = item.page
        let pageURL = SiteURL.link(from: urlPath, to: page.urlPath)
        var snippets: [TaxonomyHTML.Snippet] = []
        for mention in (item.occurrence?.mentions ?? []).prefix(3) {
            let heading = page.heading(forBodyLine: mention.line)
            snippets.append(TaxonomyHTML.Snippet(
                before: mention.before, match: mention.text, after: mention.after,
                // `SiteURL.link(from:to:fragment:)`, without recomputing the page's link.
                url: heading.flatMap { $0.id.isEmpty ? nil : pageURL + "#" + $0.id } ?? pageURL,
                section: heading?.text ?? "",
                inFootnote: mention.region == .footnote
            ))
        }
        return TaxonomyHTML.Entry(
            title: page.title,
            url: pageURL,
            document: page.documentSlug ?? "",
            company: page.company ?? "",
            bodyCount: item.occurrence?.bodyCount ?? 0,
            footnoteCount: item.occurrence?.footnoteCount ?? 0,
            frontMatterOnly: item.occurrence == nil,
            evidence: item.occurrence?.evidence?.summary,
            snippets: snippets
        )
    }

    /// White or near-black text, whichever has the higher WCAG contrast ratio on `hex`.
    static func textColour(on hex: String) -> String {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, let value = Int(digits, radix: 16) else { return "#fff" }
        func channel(_ v: Int) -> Double {
            let c = Double(v & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(value >> 16) + 0.7152 * channel(value >> 8) + 0.0722 * channel(value)
        let dark = 0.0137 // relative luminance of #1d1f23
        let onWhite = 1.05 / (luminance + 0.05), onDark = (luminance + 0.05) / (dark + 0.05)
        return onDark > onWhite ? "#1d1f23" : "#fff"
    }
}
