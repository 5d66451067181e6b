import FolioContent
import FolioCore
import FolioMarkdown
import FolioModel
import Foundation

/// Writes the pages that come straight from `Content/`: the home page, one page per document,
/// one per article (with previous/next links) and one per hand-written page, plus `404.html`.
struct ContentPageWriter {
    let snapshot: SiteSnapshot
    let writer: PageWriter
    /// Top-level sections generators publish (`companies`, `search`…); links go only to these.
    let sections: Set<String>

    /// Writes every content page on all cores; returns link problems found while rewriting.
    func writeAll() throws -> [Diagnostic] {
        let rewriter = linkRewriter()
        try writeHome()
        try writer.write(AtomFeed.xml(siteTitle: snapshot.config.title, baseURL: snapshot.config.baseURL, documents: snapshot.content.documents), to: "feed.xml")
        var documentDiagnostics: [Diagnostic] = []
        for document in snapshot.content.documents {
            documentDiagnostics += try writeDocument(document, rewriter: rewriter)
        }
        let articles = snapshot.content.documents.flatMap { doc in doc.articles.map { (doc, $0) } }
        let byPath = Dictionary(snapshot.pages.map { ($0.page.path, $0) }, uniquingKeysWith: { a, _ in a })
        // An article whose inputs are those of the last build keeps that build's files.
        let site = writer.cache == nil ? nil : siteDigest(rewriter)
        let documentDigests = site == nil ? [:] : Dictionary(snapshot.content.documents.map { ($0.slug, Self.digest(of: $0)) }, uniquingKeysWith: { a, _ in a })
        let found = try writer.recordingUnits {
            try ConcurrentMap.tryMap(articles) { item -> [Diagnostic] in
                let (document, page) = item
                guard let published = byPath[page.path] else { return [] }
                let key = site.flatMap { site in documentDigests[document.slug].flatMap { Self.articleKey(published, site: site, document: $0) } }
                if let kept = writer.replayOutputs(Self.articleOutputs, key) { return kept }
                let diagnostics = try writeArticle(published, in: document, pages: byPath, rewriter: rewriter)
                writer.recordUnit(Self.articleOutputs, key, paths: Self.outputPaths(of: published), diagnostics: diagnostics)
                return diagnostics
            }
        }
        var diagnostics = documentDiagnostics + found.flatMap { $0 }
        for page in snapshot.pages where page.page.kind == .page {
            diagnostics += try writePlainPage(page, rewriter: rewriter)
        }
        try writer.writeHTML(path: "404.html", root: "", template: "404", context: ["pageTitle": "Page not found"])
        return diagnostics
    }

    /// Writes one article or hand-written page of the snapshot, as ``writeAll()`` writes it.
    func write(_ published: PublishedPage) throws {
        let rewriter = linkRewriter()
        if published.page.kind == .page {
            _ = try writePlainPage(published, rewriter: rewriter)
        } else if let document = snapshot.content.documents.first(where: { $0.slug == published.page.documentSlug }) {
            let byPath = Dictionary(snapshot.pages.map { ($0.page.path, $0) }, uniquingKeysWith: { a, _ in a })
            _ = try writeArticle(published, in: document, pages: byPath, rewriter: rewriter)
        }
    }

    /// The build cache's namespace of the articles' recorded files.
    static let articleOutputs = "article-outputs"

    /// The files an article's page is published as: the page and its cite files.
    static func outputPaths(of published: PublishedPage) -> [String] {
        [SiteURL.file(for: published.urlPath)] + CiteFiles.names.map { published.urlPath + $0 }
    }

    /// The digest of what every article page reads of the site: the templates and layout, the base
    /// URL, the sections generators publish and where each content file is published (links
    /// between articles); nil when the templates or layout have none.
    private func siteDigest(_ rewriter: LinkRewriter) -> Data? {
        guard let layout = writer.layoutFingerprint else { return nil }
        var key = CacheKeyBuilder("article site")
        key.add(layout)
        key.add(snapshot.config.baseURL)
        key.add(sections.sorted().joined(separator: "\n"))
        let targets = rewriter.urlByContentPath.sorted { $0.key < $1.key }
        key.add(targets.count)
        for (path, url) in targets {
            key.add(path)
            key.add(url)
        }
        return key.key().bytes
    }

    /// The digest of what an article page reads of its document: its title and record, and the
    /// title and place of each of its articles (contents list, previous and next).
    static func digest(of document: DocumentContent) -> Data {
        var key = CacheKeyBuilder("article document")
        key.add(document.slug)
        key.add(document.title)
        key.add(json: document.metadata)
        key.add(document.articles.count)
        for article in document.articles {
            key.add(article.path)
            key.add(article.urlPath)
            key.add(article.frontMatter.title)
        }
        return key.key().bytes
    }

    /// The digest of everything an article's page and cite files are made from: the site's and
    /// document's digests, the page's rendering (its key), front matter and place; nil when the
    /// rendering has no key.
    static func articleKey(_ published: PublishedPage, site: Data, document: Data) -> BuildCache.Key? {
        guard let rendering = published.renderingKey else { return nil }
        var key = CacheKeyBuilder(articleOutputs)
        key.add(site)
        key.add(document)
        key.add(rendering.bytes)
        key.add(published.page.frontMatter.archived)
        key.add(published.page.path)
        key.add(published.urlPath)
        return key.key()
    }

    private func linkRewriter() -> LinkRewriter {
        LinkRewriter(urlByContentPath: Dictionary(snapshot.pages.map { ($0.page.path, $0.urlPath) }, uniquingKeysWith: { a, _ in a }))
    }

    /// Writes an article with links to its neighbours in `document`.
    private func writeArticle(_ published: PublishedPage, in document: DocumentContent, pages: [String: PublishedPage], rewriter: LinkRewriter) throws -> [Diagnostic] {
        let articles = document.articles
        guard let position = articles.firstIndex(where: { $0.path == published.page.path }) else { return [] }
        let previous = position > 0 ? pages[articles[position - 1].path] : nil
        let next = position + 1 < articles.count ? pages[articles[position + 1].path] : nil
        return try writeArticle(published, document: document, previous: previous, next: next, rewriter: rewriter)
    }

    func writeHome() throws {
        let downloads = DownloadCatalog.linked(config: snapshot.config, documents: snapshot.content.documents)
        let documents: [[String: Any]] = snapshot.content.documents.map { doc in
            [
                "title": doc.title,
                "url": SiteURL.file(for: "\(doc.slug)/"),
                "articleCount": doc.articles.count,
                "subtitle": doc.metadata?.subtitle ?? "",
                "publisher": doc.metadata?.publisher ?? "",
                "date": doc.metadata?.date ?? "",
                "description": doc.metadata?.description ?? "",
                "downloads": downloads.filter { $0.documentSlug == doc.slug }.map { ["title": $0.title, "url": $0.path] },
            ]
        }
        let pages: [[String: Any]] = snapshot.content.pages.filter { $0.slug != "index" }.map { ["title": $0.frontMatter.title, "url": SiteURL.file(for: $0.urlPath)] }
        try writer.writePage(urlPath: "", template: "home", context: [
            "documents": documents,
            "documentCount": documents.count,
            "documentNoun": documents.count == 1 ? "report" : "reports",
            "articleCount": snapshot.content.documents.reduce(0) { $0 + $1.articles.count },
            "pages": pages,
            "description": snapshot.config.description,
            "downloads": downloads.filter { $0.documentSlug == nil }.map { ["title": $0.title, "url": $0.path] },
        ])
    }

    func writeDocument(_ document: DocumentContent, rewriter: LinkRewriter) throws -> [Diagnostic] {
        let urlPath = "\(document.slug)/"
        let articles: [[String: Any]] = document.articles.map { page in
            [
                "title": page.frontMatter.title,
                "url": SiteURL.link(from: urlPath, to: page.urlPath),
                "company": page.frontMatter.company ?? "",
                "authorNames": (page.frontMatter.authors ?? []).map(\.name).joined(separator: ", "),
            ]
        }
        var context: [String: Any] = [
            "pageTitle": document.title,
            "title": document.title,
            "articles": articles,
            "authors": [String](),
            "downloads": DownloadCatalog.linked(config: snapshot.config, documents: snapshot.content.documents)
                .filter { $0.documentSlug == document.slug }
                .map { ["title": $0.title, "url": SiteURL.root(from: urlPath) + $0.path] },
            "breadcrumbs": [["title": "Home", "url": SiteURL.root(from: urlPath) + "index.html"], ["title": document.metadata?.shortTitle ?? document.title, "url": ""]],
        ]
        if let meta = document.metadata {
            context["subtitle"] = meta.subtitle ?? ""
            context["publisher"] = meta.publisher
            context["date"] = meta.date
            context["authors"] = meta.authors ?? []
            context["description"] = meta.description ?? ""
            context["source"] = meta.source
            context["provenance"] = meta.provenance ?? ""
            context["originalURL"] = meta.url ?? ""
            context["originalIsPDF"] = meta.url.map { $0.lowercased().hasSuffix(".pdf") } ?? false
        }
        var diagnostics: [Diagnostic] = []
        context["titleHTML"] = ""
        context["body"] = ""
        context["bodyListsArticles"] = false
        if let index = document.index, let published = snapshot.page(at: index.path) {
            // The generated contents list is left out when the index page links every article itself.
            let linked = Set(published.rendered.links.compactMap { SiteLink.resolve(String($0.destination.prefix { $0 != "#" }), from: index.path) })
            context["bodyListsArticles"] = !document.articles.isEmpty && document.articles.allSatisfy { linked.contains($0.path) }
            let (html, broken) = rewriter.rewrite(try snapshot.bodyHTML(of: published), of: published)
            let (titleHTML, body) = Self.splitLeadingTitle(html)
            context["titleHTML"] = titleHTML ?? ""
            context["body"] = body
            diagnostics = broken.map { Self.brokenLink($0.link, line: $0.line, file: index.path) }
        }
        let citation = Citation.report(document, url: CiteFiles.absoluteURL(base: snapshot.config.baseURL, urlPath: urlPath))
        for (key, value) in try CiteFiles.write(citation, urlPath: urlPath, writer: writer) { context[key] = value }
        try writer.writePage(urlPath: urlPath, template: "document", context: context, contentPath: document.index?.path)
        return diagnostics
    }

    func writeArticle(_ published: PublishedPage, document: DocumentContent, previous: PublishedPage?, next: PublishedPage?, rewriter: LinkRewriter) throws -> [Diagnostic] {
        let page = published.page
        let fm = page.frontMatter
        let urlPath = published.urlPath
        let (rewritten, broken) = rewriter.rewrite(try snapshot.bodyHTML(of: published), of: published)
        let (titleHTML, html) = Self.splitLeadingTitle(rewritten)
        var context: [String: Any] = [
            "pageTitle": fm.title,
            "title": fm.title,
            "description": fm.summary ?? "",
            "body": html,
            "titleHTML": titleHTML ?? "",
            "company": "",
            "companyURL": "",
            "order": false,
            "previous": false,
            "next": false,
            "sourceFile": "",
            "sourceLines": "",
            "articleLanguage": "",
            "documentTitle": document.metadata?.shortTitle ?? document.title,
            "documentURL": SiteURL.link(from: urlPath, to: "\(document.slug)/"),
            "toc": published.rendered.headings.filter { $0.level == 2 || $0.level == 3 }.map { ["level": $0.level, "id": $0.id, "text": $0.text] as [String: Any] },
            "authors": (fm.authors ?? []).map { a -> [String: Any] in ["name": a.name, "role": a.role ?? ""] },
            "breadcrumbs": [
                ["title": "Home", "url": SiteURL.root(from: urlPath) + "index.html"],
                ["title": document.metadata?.shortTitle ?? document.title, "url": SiteURL.link(from: urlPath, to: "\(document.slug)/")],
                ["title": fm.title, "url": ""],
            ],
            "termGroups": TermLinks.groups(for: fm, from: urlPath, sections: sections),
            "documentArticles": document.articles.map { article -> [String: Any] in
                ["title": article.frontMatter.title, "url": SiteURL.link(from: urlPath, to: article.urlPath), "current": article.path == page.path]
            },
            "articleTotal": document.articles.count,
        ]
        if let order = fm.order, let position = document.articles.firstIndex(where: { $0.path == page.path }) {
            _ = order
            context["order"] = position + 1
            context["articleTotal"] = document.articles.count
        }
        if let company = fm.company {
            context["company"] = company
            if sections.contains("companies") {
                context["companyURL"] = SiteURL.link(from: urlPath, to: "companies/\(Slug.make(company))/")
            }
        }
        if let language = fm.language { context["articleLanguage"] = language }
        if let url = document.metadata?.url {
            context["originalURL"] = url
            context["originalIsPDF"] = url.lowercased().hasSuffix(".pdf")
        }
        if let source = fm.source {
            context["printedPage"] = source.page ?? ""
            context["sourceFile"] = source.file
            if source.lines.count == 2 { context["sourceLines"] = "\(source.lines[0])–\(source.lines[1])" }
        }
        if let previous { context["previous"] = ["title": previous.page.frontMatter.title, "url": SiteURL.link(from: urlPath, to: previous.urlPath)] }
        if let next { context["next"] = ["title": next.page.frontMatter.title, "url": SiteURL.link(from: urlPath, to: next.urlPath)] }
        let position = document.articles.firstIndex { $0.path == page.path }.map { $0 + 1 }
        let citation = Citation.article(page, in: document, position: position, url: CiteFiles.absoluteURL(base: snapshot.config.baseURL, urlPath: urlPath))
        for (key, value) in try CiteFiles.write(citation, urlPath: urlPath, writer: writer) { context[key] = value }
        try writer.writePage(urlPath: urlPath, template: "article", context: context, contentPath: page.path)
        return broken.map { Self.brokenLink($0.link, line: $0.line, file: page.path) }
    }

    func writePlainPage(_ published: PublishedPage, rewriter: LinkRewriter) throws -> [Diagnostic] {
        let (html, broken) = rewriter.rewrite(try snapshot.bodyHTML(of: published), of: published)
        let fm = published.page.frontMatter
        try writer.writePage(urlPath: published.urlPath, template: "page", context: [
            "pageTitle": fm.title,
            "title": fm.title,
            "description": fm.summary ?? "",
            "body": html,
            "hasTitleHeading": published.rendered.titleHeading != nil,
            "breadcrumbs": [["title": "Home", "url": SiteURL.root(from: published.urlPath) + "index.html"], ["title": fm.title, "url": ""]],
        ], contentPath: published.page.path)
        return broken.map { Self.brokenLink($0.link, line: $0.line, file: published.page.path) }
    }

    /// Splits a leading `<h1 …>…</h1>` off the body so the layout can place it in the header.
    static func splitLeadingTitle(_ html: String) -> (String?, String) {
        guard html.hasPrefix("<h1"), let end = html.utf8Range(of: "</h1>") else { return (nil, html) }
        let title = String(html[..<end.upperBound])
        var rest = html[end.upperBound...]
        while rest.first == "\n" { rest = rest.dropFirst() }
        return (title, String(rest))
    }

    static func brokenLink(_ link: String, line: Int, file: String) -> Diagnostic {
        Diagnostic(code: "LNK005", severity: .error, message: "Markdown link `\(link)` points to no content file", location: SourceLocation(file: file, line: line), hint: "link to an existing .md file under Content/, relative to this file")
    }
}

/// Links from an article to the index pages of its terms, grouped by kind.
enum TermLinks {
    static func groups(for fm: FrontMatter, from urlPath: String, sections: Set<String>) -> [[String: Any]] {
        func group(_ label: String, _ section: String, _ names: [String]?) -> [String: Any]? {
            guard let names, !names.isEmpty, sections.contains(section) else { return nil }
            return ["label": label, "terms": names.map { ["name": $0, "url": SiteURL.link(from: urlPath, to: "\(section)/\(Slug.make($0))/")] }]
        }
        var groups: [[String: Any]] = []
        if let g = group("Companies", "companies", fm.companies) { groups.append(g) }
        if let g = group("Places", "cities", fm.cities) { groups.append(g) }
        if let sdgs = fm.sdgs, !sdgs.isEmpty, sections.contains("sdgs") {
            groups.append(["label": "Sustainable Development Goals", "terms": zip(sdgs, sdgs.map { "SDG \($0)" }).map { ["name": $0.1, "url": SiteURL.link(from: urlPath, to: "sdgs/\($0.0)/")] }])
        }
        if let g = group("Technologies", "technologies", fm.technologies) { groups.append(g) }
        return groups
    }
}
