import FolioContent
import FolioMarkdown
import FolioCore
import Foundation

/// Builds one self-contained HTML file per document: the theme's CSS inlined (screen and
/// print), no external requests, every article in order with its ids prefixed by the article
/// slug (`introduction--fn-1`) so footnotes and cross-references stay unique and working.
struct SingleFileHTMLBuilder: Sendable {
    let corpus: BundleCorpus
    /// `Templates/assets/folio.css`, inlined for the screen.
    let screenCSS: String
    /// `Templates/assets/print.css`, inlined for print.
    let printCSS: String
    /// The documents that get a single-file HTML (links to them from other documents are kept).
    let published: Set<String>

    /// The id prefix of everything inside one article.
    static func prefix(article: String) -> String { article + "--" }
    /// The id of the section holding the document's own introduction (`index.md`).
    static let aboutID = "about-this-report"

    /// The HTML file of `document`.
    func document(_ document: BundleDocument) -> Data {
        let m = document.metadata
        func esc(_ s: String) -> String { HTMLRewriter.escapeAttribute(s) }
        var toc = ""
        var articlesHTML = ""
        for article in document.articles {
            let prefix = Self.prefix(article: article.slug)
            toc += "<li><a href=\"#\(esc(article.slug))\">\(esc(article.title))</a></li>\n"
            articlesHTML += articleSection(article, document: document, prefix: prefix)
        }
        var about = ""
        if let page = document.about {
            about = "<section class=\"document__about prose\" id=\"\(Self.aboutID)\" aria-label=\"About this report\">\n"
                + HTMLRewriter.droppingLeadingTitle(rewriter(for: page.page.path, prefix: "about--", document: document.slug).rewrite(page.rendered.html))
                + "</section>\n"
        }
        let authors = (m.authors ?? []).isEmpty ? "" : "<p class=\"byline\">\(esc((m.authors ?? []).joined(separator: ", ")))</p>\n"
        let html = """
        <!DOCTYPE html>
        <html lang="\(esc(m.language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(esc(m.title))</title>
        \(m.description.map { "<meta name=\"description\" content=\"\(esc($0))\">" } ?? "")
        <meta name="generator" content="Folio \(FolioBundleVersion.current)">
        <meta name="color-scheme" content="light dark">
        <link rel="icon" href="data:,">
        <style>
        \(screenCSS)
        \(Self.screenExtras)
        </style>
        <style media="print">
        \(printCSS)
        \(Self.printExtras)
        </style>
        </head>
        <body class="page page--single">
        <main id="main">
        <header class="document__header single__header">
        <p class="eyebrow">\(esc(m.publisher)) · <time>\(esc(m.date))</time></p>
        <h1>\(esc(m.title))</h1>
        \(m.subtitle.map { "<p class=\"subtitle\">\(esc($0))</p>" } ?? "")
        \(authors)\(m.description.map { "<p class=\"lede\">\(esc($0))</p>" } ?? "")
        </header>
        <nav class="single__toc" aria-labelledby="single-contents">
        <h2 id="single-contents">Contents</h2>
        <ol class="toc-list">
        \(about.isEmpty ? "" : "<li><a href=\"#\(Self.aboutID)\">About this report</a></li>\n")\(toc)</ol>
        </nav>
        \(about)\(articlesHTML)<footer class="source-note single__footer">
        <p>Source: <code>\(esc(m.source))</code>\(m.provenance.map { " — " + esc($0) } ?? ""). Single-file edition made with Folio.</p>
        </footer>
        </main>
        </body>
        </html>

        """
        return Data(html.utf8)
    }

    private func articleSection(_ article: BundleArticle, document: BundleDocument, prefix: String) -> String {
        func esc(_ s: String) -> String { HTMLRewriter.escapeAttribute(s) }
        let fm = article.page.frontMatter
        var body = rewriter(for: article.page.path, prefix: prefix, document: document.slug).rewrite(article.rendered.html)
        var title = "<h2 class=\"single__article-title\">\(esc(fm.title))</h2>"
        if body.hasPrefix("<h1"), let end = body.range(of: "</h1>") {
            // The article's own H1 becomes an H2 under the document title, keeping its id.
            let inner = body[body.index(body.startIndex, offsetBy: 3)..<end.lowerBound]
            title = "<h2 class=\"single__article-title\"" + inner + "</h2>"
            body = String(body[end.upperBound...])
        }
        var byline = ""
        let authors = fm.authors ?? []
        if !authors.isEmpty {
            byline = "<ul class=\"byline\">" + authors.map { a in
                "<li><span class=\"byline__name\">\(esc(a.name))</span>" + (a.role.map { "<span class=\"byline__role\">\(esc($0))</span>" } ?? "") + "</li>"
            }.joined() + "</ul>\n"
        }
        let company = fm.company.map { "<p class=\"article__company\">\(esc($0))</p>\n" } ?? ""
        return """
        <article class="article single__article" id="\(esc(article.slug))"\(fm.language.map { " lang=\"\(esc($0))\"" } ?? "")>
        <header class="article__header">
        \(title)
        \(company)\(byline)</header>
        <div class="article__body prose">
        \(body)</div>
        </article>

        """
    }

    private func rewriter(for page: String, prefix: String, document: String) -> HTMLRewriter {
        let corpus = corpus
        let published = published
        var rewriter = HTMLRewriter()
        rewriter.mapID = { prefix + $0 }
        // The file stands alone: an image travels inside it as a data URL.
        rewriter.mapImage = { source in
            corpus.image(source, from: page).map { "data:\($0.file.mediaType);base64,\($0.data.base64EncodedString())" }
        }
        rewriter.mapLink = { href in
            switch corpus.resolve(href, from: page) {
            case let .external(url): return .keep(url)
            case let .sameFile(fragment): return .keep("#" + prefix + fragment)
            case .elsewhere: return .unlink
            case let .content(targetDocument, article, fragment):
                let file = targetDocument == document ? "" : targetDocument + ".html"
                guard file.isEmpty || published.contains(targetDocument) else { return .unlink }
                guard let article else { return .keep(file + "#" + Self.aboutID) }
                guard corpus.article(document: targetDocument, slug: article) != nil else { return .unlink }
                if let fragment, !fragment.isEmpty, corpus.has(id: fragment, document: targetDocument, article: article) {
                    return .keep(file + "#" + Self.prefix(article: article) + fragment)
                }
                return .keep(file + "#" + article)
            }
        }
        return rewriter
    }

    /// Screen rules for the single-file layout.
    static let screenExtras = """
    .single__header { max-width: 50rem; margin: 1rem 0 2rem; }
    .single__toc { margin: 0 0 3rem; padding: 1rem 1.25rem; background: var(--surface); border: 1px solid var(--rule); border-radius: var(--radius); max-width: 50rem; }
    .single__toc h2 { margin-top: 0; font-size: 1.1rem; }
    .single__article { margin: 0 0 4rem; padding-top: 2rem; border-top: 1px solid var(--rule); }
    .single__article-title { font-size: clamp(1.5rem, 1.2rem + 1.2vw, 2.1rem); margin: 0 0 .5rem; }
    .single__footer { margin-top: 3rem; }
    """

    /// Print rules: each article starts on a new page, the contents list stands on its own.
    static let printExtras = """
    .single__toc { border: 0; padding: 0; break-after: page; page-break-after: always; }
    .single__article { border-top: 0; padding-top: 0; break-before: page; page-break-before: always; }
    .single__header { margin-top: 30vh; }
    .footnotes ol { padding-left: 1.5rem; }
    a[href^="#"] { text-decoration: none; }
    """
}
