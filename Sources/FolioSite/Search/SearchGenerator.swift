import FolioContent
import FolioCore
import FolioMarkdown
import FolioModel
import Foundation

/// Writes the site's static search: the index under `search/index/` (see ``SearchIndex``) and the
/// `search/index.html` page (template `search`, script `assets/search.js`).
///
/// Indexes every content page by section and, when earlier generators wrote them, the index
/// pages of companies, cities, SDGs and technologies. Run it after those generators.
public struct SearchGenerator: SiteGenerator {
    public var name: String { "search" }

    public init() {}

    public func navigationEntries(for site: SiteSnapshot) -> [NavigationEntry] {
        [NavigationEntry(title: "Search", path: "search/index.html", summary: "Full-text search of every report, offline too.")]
    }

    public func generate(_ site: SiteSnapshot, writer: PageWriter) throws -> [Diagnostic] {
        try generate(site, writer: writer, prepared: try prepare(site))
    }

    /// Collects and tokenizes the content-page sections and numbers their terms; it needs no
    /// page of another generator, so the builder runs it while the earlier generators write.
    ///
    /// With a cache, each page is tokenized on its own and its tokens are kept under the page's
    /// rendering key and title (all the tokens come from), so an unchanged page is not tokenized again.
    func prepare(_ site: SiteSnapshot, cache: BuildCache? = nil) throws -> Prepared {
        guard let cache else {
            let sections = try Self.contentSections(of: site)
            return Prepared(sections: sections, tokens: SearchIndex.tokenize(sections))
        }
        let pages = try Self.contentPages(of: site)
        let tokens = ConcurrentMap.map(pages) { page -> TokenizedChunk in
            let run = page.sections
            guard let rendering = page.renderingKey else { return SearchIndex.tokenize(run, run.indices) }
            var key = CacheKeyBuilder(Self.tokensNamespace)
            key.add(rendering.bytes)
            key.add(run.first?.title ?? "")
            let built = key.key()
            if let data = cache.value(Self.tokensNamespace, built), let restored = CachedPageTokens.unarchived(data)?.restoring(run) {
                return restored
            }
            let chunk = SearchIndex.tokenize(run, run.indices)
            cache.store(Self.tokensNamespace, built, CachedPageTokens(chunk).archived)
            return chunk
        }
        return Prepared(sections: pages.flatMap(\.sections), tokens: consume tokens)
    }

    /// The build cache's namespace of pages' search tokens.
    static let tokensNamespace = "search-tokens"

    /// The tokens of the index pages' sections. With a cache, they are kept as one run under
    /// the digest of everything tokenizing reads (titles, headings, text, page numbers), which
    /// an edit that changes no index entry leaves as it was.
    static func tokenize(_ sections: [SearchSection], cache: BuildCache?) -> [TokenizedChunk] {
        guard let cache, !sections.isEmpty else { return SearchIndex.tokenize(sections) }
        var key = CacheKeyBuilder(indexPageTokensNamespace)
        key.add(sections.count)
        for section in sections {
            key.add(section.page)
            key.add(section.title)
            key.add(section.heading ?? "")
            key.add(section.heading == nil ? 0 : 1)
            key.add(section.blocks.count)
            for block in section.blocks { key.add(block) }
        }
        let built = key.key()
        if let data = cache.value(indexPageTokensNamespace, built), let restored = restoring(data, sections) { return restored }
        let chunks = SearchIndex.tokenize(sections)
        var archive = ArchiveWriter()
        archive.write(chunks.count)
        for chunk in chunks { archive.write(CachedPageTokens(chunk).archived) }
        cache.store(indexPageTokensNamespace, built, archive.data)
        return chunks
    }

    /// The chunks of tokens archived in `data` with their sentences cut again from `sections`,
    /// on all cores; nil when they do not fit the sections.
    private static func restoring(_ data: Data, _ sections: [SearchSection]) -> [TokenizedChunk]? {
        var archive = ArchiveReader(data)
        var runs: [(CachedPageTokens, Range<Int>)] = []
        var start = 0
        do {
            for _ in 0..<(try archive.readCount()) {
                guard let cached = CachedPageTokens.unarchived(try archive.readData()) else { return nil }
                let end = start + cached.chunk.sections.count
                guard end <= sections.count else { return nil }
                runs.append((cached, start..<end))
                start = end
            }
        } catch {
            return nil
        }
        guard archive.isAtEnd, start == sections.count else { return nil }
        let restored = ConcurrentMap.map(runs) { cached, range in cached.restoring(Array(sections[range])) }
        return restored.contains { $0 == nil } ? nil : restored.compactMap { $0 }
    }

    /// The build cache's namespace of the index pages' search tokens.
    static let indexPageTokensNamespace = "index-page-tokens"

    /// Adds the taxonomy pages found in `writer.writtenPaths` to the prepared content sections and
    /// writes the index and the search page.
    /// The prepared tokens are consumed, so they are never held twice.
    ///
    /// The index is made from the sections alone. With a build cache, what the generator wrote is
    /// recorded under the digest of every section and of the templates and layout; a later build
    /// whose sections are the same keeps those files as the output holds them instead of
    /// indexing again.
    func generate(_ site: SiteSnapshot, writer: PageWriter, prepared: consuming Prepared?) throws -> [Diagnostic] {
        var content = try (consume prepared) ?? Prepared(sections: Self.contentSections(of: site), tokens: nil)
        var extra = Self.taxonomySections(of: site, writtenPaths: writer.writtenPaths, firstPage: Self.pageCount(content.sections))
        var sections = content.sections + extra
        content.sections = []
        let key = writer.cache == nil ? nil : Self.outputsKey(sections, writer: writer)
        if let replayed = writer.replayOutputs(Self.outputsNamespace, key) { return replayed }
        return try writer.recordingOutputs(Self.outputsNamespace, key) {
            let index: SearchIndex
            if var tokens = content.tokens.take() {
                var extraTokens = Self.tokenize(extra, cache: writer.cache)
                extra = []
                tokens.add(&extraTokens)
                // The tokens hold the text from here on, for as long as the excerpts need it; the
                // index's files show only the sections' links, titles and headings.
                for position in sections.indices { sections[position].blocks = [] }
                index = tokens.index(of: sections)
            } else {
                index = SearchIndex.build(sections)
            }
            // Each batch's files are written side by side: writing one compares it with the
            // previous build's file first.
            try index.writeFileBatches { files in
                _ = try ConcurrentMap.tryMap(files) { file in try writer.write(file.text, to: "search/\(file.path)") }
            }
            try writer.writePage(urlPath: "search/", template: "search", context: [
                "pageTitle": "Search",
                "title": "Search",
                "description": "Search the full text of the reports.",
                "sectionCount": sections.count,
                "pageCount": (sections.last?.page ?? -1) + 1,
                "breadcrumbs": [["title": "Home", "url": "../index.html"], ["title": "Search"]],
            ])
            return []
        }
    }

    /// The build cache's namespace of the generator's recorded outputs.
    static let outputsNamespace = "search-outputs"

    /// The digest of everything the index and the search page are made from: every field of every
    /// section (digested a page at a time on all cores), the templates and the layout; nil when
    /// the templates or the layout have no digest.
    static func outputsKey(_ sections: [SearchSection], writer: PageWriter) -> BuildCache.Key? {
        guard let layout = writer.layoutFingerprint else { return nil }
        var pages: [Range<Int>] = []
        var start = 0
        for index in sections.indices where index + 1 == sections.count || sections[index + 1].page != sections[index].page {
            pages.append(start..<(index + 1))
            start = index + 1
        }
        let digests = ConcurrentMap.map(pages) { range -> Data in
            var key = CacheKeyBuilder(outputsNamespace)
            for section in sections[range] {
                key.add(section.url)
                key.add(section.title)
                key.add(section.heading == nil ? 0 : 1)
                key.add(section.heading ?? "")
                key.add(section.group)
                key.add(section.page)
                key.add(section.blocks.count)
                for block in section.blocks { key.add(block) }
            }
            return key.key().bytes
        }
        var key = CacheKeyBuilder(outputsNamespace)
        key.add(layout)
        key.add(sections.count)
        for digest in digests { key.add(digest) }
        return key.key()
    }

    /// The sections to index: every published content page, then the taxonomy pages found in
    /// `writtenPaths`.
    static func sections(of site: SiteSnapshot, writtenPaths: Set<String>) throws -> [SearchSection] {
        let content = try contentSections(of: site)
        return content + taxonomySections(of: site, writtenPaths: writtenPaths, firstPage: pageCount(content))
    }

    /// Content sections and their tokens, computed before the taxonomy pages are known.
    struct Prepared: Sendable {
        var sections: [SearchSection]
        /// The sections' tokens, numbered in one term table.
        var tokens: SearchIndex.Accumulator?

        init(sections: [SearchSection], tokens: consuming [TokenizedChunk]?) {
            self.sections = sections
            // Taken out of the optional, not bound (`if let`): a binding would be a second
            // owner of the chunks, and every array numbered a copy.
            if var chunks = tokens.take() {
                var accumulated = SearchIndex.Accumulator()
                accumulated.add(&chunks)
                self.tokens = accumulated
            }
        }
    }

    /// The number of pages `sections` (numbered from 0) cover.
    static func pageCount(_ sections: [SearchSection]) -> Int { (sections.last?.page ?? -1) + 1 }

    /// The sections of every published content page, pages numbered from 0.
    static func contentSections(of site: SiteSnapshot) throws -> [SearchSection] {
        try contentPages(of: site).flatMap(\.sections)
    }

    /// The sections of each published content page that has any, pages numbered from 0, with the
    /// page's rendering key.
    static func contentPages(of site: SiteSnapshot) throws -> [(sections: [SearchSection], renderingKey: BuildCache.Key?)] {
        var pages: [(sections: [SearchSection], renderingKey: BuildCache.Key?)] = []
        var page = 0
        let documents = Dictionary(site.content.documents.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        for published in site.pages {
            let fm = published.page.frontMatter
            let group: String
            switch published.page.kind {
            case .article, .documentIndex:
                let document = published.page.documentSlug.flatMap { documents[$0] }
                group = document?.metadata?.shortTitle ?? document?.title ?? published.page.documentSlug ?? ""
            case .page:
                group = "Pages"
            }
            // A large build set the text aside when it rendered the page: it is read back here.
            var rendered = published.rendered
            rendered.textBlocks = try site.textBlocks(of: published)
            let found = SearchSection.sections(of: rendered, title: fm.title, urlPath: published.urlPath, group: group, page: page)
            if !found.isEmpty {
                pages.append((found, published.renderingKey))
                page += 1
            }
        }
        return pages
    }

    /// One section per taxonomy page found in `writtenPaths`, pages numbered from `firstPage`.
    static func taxonomySections(of site: SiteSnapshot, writtenPaths: Set<String>, firstPage: Int) -> [SearchSection] {
        var sections: [SearchSection] = []
        var page = firstPage
        for term in TaxonomyTerm.all(in: site) where writtenPaths.contains(SiteURL.file(for: term.urlPath)) {
            sections.append(SearchSection(url: SiteURL.file(for: term.urlPath), title: term.name, heading: nil, group: term.group, text: term.articleTitles.joined(separator: "\n"), page: page))
            page += 1
        }
        return sections
    }
}

/// A company, city, SDG or technology named in article front matter, with the titles of its articles.
struct TaxonomyTerm {
    var name: String
    var group: String
    var urlPath: String
    var articleTitles: [String]

    static func all(in site: SiteSnapshot) -> [TaxonomyTerm] {
        var terms: [String: TaxonomyTerm] = [:]
        var order: [String] = []
        func add(_ name: String, group: String, urlPath: String, title: String) {
            if terms[urlPath] == nil {
                terms[urlPath] = TaxonomyTerm(name: name, group: group, urlPath: urlPath, articleTitles: [])
                order.append(urlPath)
            }
            terms[urlPath]?.articleTitles.append(title)
        }
        // Most names recur across articles: each is made a slug once.
        var slugs: [String: String] = [:]
        func slug(_ name: String) -> String {
            if let known = slugs[name] { return known }
            let made = Slug.make(name)
            slugs[name] = made
            return made
        }
        for article in site.articles {
            let fm = article.page.frontMatter
            for name in fm.companies ?? [] { add(name, group: "Companies", urlPath: "companies/\(slug(name))/", title: fm.title) }
            for name in fm.cities ?? [] { add(name, group: "Places", urlPath: "cities/\(slug(name))/", title: fm.title) }
            for goal in fm.sdgs ?? [] { add("SDG \(goal)", group: "Sustainable Development Goals", urlPath: "sdgs/\(goal)/", title: fm.title) }
            for name in fm.technologies ?? [] { add(name, group: "Technologies", urlPath: "technologies/\(slug(name))/", title: fm.title) }
        }
        return order.compactMap { terms[$0] }
    }
}
