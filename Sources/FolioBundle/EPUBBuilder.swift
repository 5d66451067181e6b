import FolioContent
import FolioMarkdown
import FolioCore
import Foundation

/// Builds EPUB 3 books: one per document, or one of the whole corpus.
///
/// A book holds a generated SVG cover, the navigation document (table of contents and
/// landmarks), a title page per document (its manifest metadata and `index.md`), one XHTML
/// content document per article with EPUB footnotes, and an index of the articles' companies,
/// places, SDGs and technologies as back matter.
struct EPUBBuilder: Sendable {
    let corpus: BundleCorpus

    /// The bibliographic data of one book.
    struct Metadata {
        var identifier: String
        var title: String
        var subtitle: String?
        var creators: [String]
        var publisher: String
        var date: String
        var language: String
        var description: String?
        var modified: Date
    }

    /// The EPUB of one document.
    func document(_ document: BundleDocument) throws -> Data {
        let meta = document.metadata
        let metadata = Metadata(
            identifier: "urn:uuid:" + NameBasedUUID.make("folio:epub:" + document.slug),
            title: meta.title, subtitle: meta.subtitle, creators: meta.authors ?? [],
            publisher: meta.publisher, date: meta.date, language: meta.language,
            description: meta.description, modified: document.date
        )
        return try book(metadata, documents: [document])
    }

    /// The EPUB of every document.
    func wholeCorpus(baseName: String) throws -> Data {
        var publishers: [String] = []
        for document in corpus.documents where !publishers.contains(document.metadata.publisher) {
            publishers.append(document.metadata.publisher)
        }
        let newest = corpus.documents.max { $0.date < $1.date }
        let metadata = Metadata(
            identifier: "urn:uuid:" + NameBasedUUID.make("folio:epub:corpus:" + baseName),
            title: corpus.config.title, subtitle: nil, creators: [],
            publisher: publishers.joined(separator: "; "), date: newest?.metadata.date ?? "1980",
            language: corpus.config.language,
            description: corpus.config.description.isEmpty ? nil : corpus.config.description,
            modified: corpus.newestDate
        )
        return try book(metadata, documents: corpus.documents)
    }

    // MARK: - Book

    private struct Item {
        var id: String
        var href: String
        var mediaType: String
        var properties: String?
        var data: Data
        var inSpine: Bool
    }

    private func book(_ metadata: Metadata, documents: [BundleDocument]) throws -> Data {
        let included = Set(documents.map(\.slug))
        var items: [Item] = []
        func add(_ id: String, _ href: String, _ type: String, _ text: String, properties: String? = nil, spine: Bool = true) {
            items.append(Item(id: id, href: href, mediaType: type, properties: properties, data: Data(text.utf8), inSpine: spine))
        }
        add("css", "style.css", "text/css", EPUBStyle.css, spine: false)
        // The images these documents' pages show, each once, under its content path.
        for image in corpus.images(shownBy: documents) {
            items.append(Item(id: "img-" + XMLID.make(image.bundlePath), href: image.bundlePath, mediaType: image.file.mediaType, properties: nil, data: image.data, inSpine: false))
        }
        add("cover-image", "cover.svg", "image/svg+xml", CoverArt.svg(title: metadata.title, subtitle: metadata.subtitle, publisher: documents.count > 1 ? Self.corpusImprint(documents) : metadata.publisher, date: metadata.date, seed: metadata.identifier), properties: "cover-image", spine: false)
        add("cover", "cover.xhtml", "application/xhtml+xml", page(title: "Cover", language: metadata.language, bodyType: nil, body: """
        <section class="cover" epub:type="cover"><img src="cover.svg" alt="\(esc(metadata.title))"/></section>
        """))
        let navIndex = items.count
        var toc = ""
        var firstContent: String?
        for document in documents {
            let titleFile = fileName(document: document.slug, article: nil)
            firstContent = firstContent ?? titleFile
            add("doc-" + XMLID.make(document.slug), titleFile, "application/xhtml+xml", titlePage(document, language: metadata.language, included: included))
            var articleTOC = ""
            for article in document.articles {
                let file = fileName(document: document.slug, article: article.slug)
                add("a-" + XMLID.make(document.slug) + "-" + XMLID.make(article.slug), file, "application/xhtml+xml", articlePage(article, document: document, included: included))
                let sections = article.rendered.headings.filter { $0.level == 2 && !$0.text.isEmpty }
                articleTOC += "<li><a href=\"\(esc(file))\">\(esc(article.title))</a>"
                if !sections.isEmpty {
                    articleTOC += "<ol>" + sections.map { "<li><a href=\"\(esc(file))#\(esc(XMLID.make($0.id)))\">\(esc($0.text))</a></li>" }.joined() + "</ol>"
                }
                articleTOC += "</li>\n"
            }
            if documents.count > 1 {
                toc += "<li><a href=\"\(esc(titleFile))\">\(esc(document.metadata.title))</a>" + (articleTOC.isEmpty ? "" : "<ol>\n\(articleTOC)</ol>") + "</li>\n"
            } else {
                toc += "<li><a href=\"\(esc(titleFile))\">About this report</a></li>\n" + articleTOC
            }
        }
        let index = IndexPage.xhtml(documents: documents, fileName: fileName, language: metadata.language)
        if let index {
            add("index", "back-index.xhtml", "application/xhtml+xml", index)
            toc += "<li><a href=\"back-index.xhtml\">Index</a></li>\n"
        }
        let landmarks = [
            "<li><a epub:type=\"cover\" href=\"cover.xhtml\">Cover</a></li>",
            "<li><a epub:type=\"toc\" href=\"nav.xhtml#toc\">Contents</a></li>",
            firstContent.map { "<li><a epub:type=\"bodymatter\" href=\"\(esc($0))\">Start of content</a></li>" },
            index != nil ? "<li><a epub:type=\"index\" href=\"back-index.xhtml\">Index</a></li>" : nil,
        ].compactMap { $0 }.joined(separator: "\n")
        let nav = page(title: "Contents", language: metadata.language, bodyType: "frontmatter", body: """
        <nav epub:type="toc" id="toc" role="doc-toc">
        <h1>Contents</h1>
        <ol>
        \(toc)</ol>
        </nav>
        <nav epub:type="landmarks" id="landmarks" hidden="hidden">
        <h2>Guide</h2>
        <ol>
        \(landmarks)
        </ol>
        </nav>
        """)
        items.insert(Item(id: "nav", href: "nav.xhtml", mediaType: "application/xhtml+xml", properties: "nav", data: Data(nav.utf8), inSpine: true), at: navIndex)

        let opf = packageDocument(metadata, items: items)
        var entries = [
            ZipEntry(path: "mimetype", data: Data("application/epub+zip".utf8), compressed: false),
            ZipEntry(path: "META-INF/container.xml", data: Data(Self.container.utf8)),
            ZipEntry(path: "OEBPS/package.opf", data: Data(opf.utf8)),
        ]
        entries += items.sorted { $0.href < $1.href }.map { ZipEntry(path: "OEBPS/" + $0.href, data: $0.data) }
        return try ZipWriter.archive(entries, date: metadata.modified)
    }

    /// `5 reports, 2021–2024` for the cover of a corpus book.
    static func corpusImprint(_ documents: [BundleDocument]) -> String {
        let years = documents.map { String($0.metadata.date.prefix(4)) }.sorted()
        let span = years.first == years.last ? (years.first ?? "") : "\(years.first ?? "")–\(years.last ?? "")"
        return "\(documents.count) reports, \(span)"
    }

    static let container = """
    <?xml version="1.0" encoding="UTF-8"?>
    <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
      <rootfiles>
        <rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/>
      </rootfiles>
    </container>

    """

    private func packageDocument(_ m: Metadata, items: [Item]) -> String {
        var meta = """
            <dc:identifier id="pub-id">\(esc(m.identifier))</dc:identifier>
            <dc:title id="title">\(esc(m.title))</dc:title>
            <meta refines="#title" property="title-type">main</meta>

        """
        if let subtitle = m.subtitle, !subtitle.isEmpty {
            meta += """
                <dc:title id="subtitle">\(esc(subtitle))</dc:title>
                <meta refines="#subtitle" property="title-type">subtitle</meta>

            """
        }
        for (i, creator) in m.creators.enumerated() {
            meta += "    <dc:creator id=\"creator-\(i + 1)\">\(esc(creator))</dc:creator>\n"
        }
        meta += """
            <dc:publisher>\(esc(m.publisher))</dc:publisher>
            <dc:date>\(esc(m.date))</dc:date>
            <dc:language>\(esc(m.language))</dc:language>

        """
        if let description = m.description, !description.isEmpty {
            meta += "    <dc:description>\(esc(description))</dc:description>\n"
        }
        meta += """
            <meta property="schema:accessMode">textual</meta>
            <meta property="schema:accessModeSufficient">textual</meta>
            <meta property="schema:accessibilityFeature">structuralNavigation</meta>
            <meta property="schema:accessibilityFeature">tableOfContents</meta>
            <meta property="schema:accessibilityFeature">index</meta>
            <meta property="schema:accessibilityHazard">none</meta>
            <meta property="schema:accessibilitySummary">Text with headings, a table of contents, linked notes and an index; the cover is decorative.</meta>

        """
        meta += "    <meta property=\"dcterms:modified\">\(BundleDate.iso8601(m.modified))</meta>\n"
        meta += "    <meta name=\"generator\" content=\"Folio \(FolioBundleVersion.current)\"/>\n"
        let manifest = items.map { item in
            "    <item id=\"\(item.id)\" href=\"\(esc(item.href))\" media-type=\"\(item.mediaType)\"\(item.properties.map { " properties=\"\($0)\"" } ?? "")/>"
        }.joined(separator: "\n")
        let spine = items.filter(\.inSpine).map { "    <itemref idref=\"\($0.id)\"/>" }.joined(separator: "\n")
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="\(esc(m.language))">
          <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
        \(meta)  </metadata>
          <manifest>
        \(manifest)
          </manifest>
          <spine>
        \(spine)
          </spine>
        </package>

        """
    }

    // MARK: - Pages

    /// `leiden-2023.xhtml` (title page) or `leiden-2023.introduction.xhtml`.
    func fileName(document: String, article: String?) -> String {
        let base = XMLID.make(document)
        guard let article else { return base + ".xhtml" }
        return base + "." + XMLID.make(article) + ".xhtml"
    }

    /// A complete XHTML content document.
    func page(title: String, language: String, bodyType: String?, body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="\(esc(language))" lang="\(esc(language))">
        <head>
        <meta charset="UTF-8"/>
        <title>\(esc(title))</title>
        <link rel="stylesheet" type="text/css" href="style.css"/>
        </head>
        <body\(bodyType.map { " epub:type=\"\($0)\"" } ?? "")>
        \(body)
        </body>
        </html>

        """
    }

    private func rewriter(for page: String, included: Set<String>) -> HTMLRewriter {
        let corpus = corpus
        var rewriter = HTMLRewriter()
        rewriter.epubFootnotes = true
        rewriter.mapID = { XMLID.make($0) }
        // Pages sit at the package root, beside the images' folders.
        rewriter.mapImage = { source in corpus.image(source, from: page)?.bundlePath }
        let fileName = fileName
        rewriter.mapLink = { href in
            switch corpus.resolve(href, from: page) {
            case let .external(url): return .keep(url)
            case let .sameFile(fragment): return .keep("#" + XMLID.make(fragment))
            case .elsewhere: return .unlink
            case let .content(document, article, fragment):
                guard included.contains(document) else { return .unlink }
                if let article, corpus.article(document: document, slug: article) == nil { return .unlink }
                var url = fileName(document, article)
                if let fragment, !fragment.isEmpty, corpus.has(id: fragment, document: document, article: article) {
                    url += "#" + XMLID.make(fragment)
                }
                return .keep(url)
            }
        }
        return rewriter
    }

    private func titlePage(_ document: BundleDocument, language: String, included: Set<String>) -> String {
        let m = document.metadata
        var body = "<section class=\"title-page\" epub:type=\"titlepage\">\n<h1>\(esc(m.title))</h1>\n"
        if let subtitle = m.subtitle, !subtitle.isEmpty { body += "<p class=\"subtitle\">\(esc(subtitle))</p>\n" }
        if let authors = m.authors, !authors.isEmpty { body += "<p class=\"authors\">\(esc(authors.joined(separator: ", ")))</p>\n" }
        body += "<p class=\"imprint\">\(esc(m.publisher)) · \(esc(m.date))</p>\n"
        if let description = m.description, !description.isEmpty { body += "<p class=\"lede\">\(esc(description))</p>\n" }
        if let about = document.about {
            body += "<div class=\"about\">\n" + HTMLRewriter.droppingLeadingTitle(rewriter(for: about.page.path, included: included).rewrite(about.rendered.html)) + "</div>\n"
        }
        body += "<p class=\"source-note\">Source: \(esc(m.source))\(m.provenance.map { " — " + esc($0) } ?? "")</p>\n</section>"
        return page(title: m.title, language: m.language, bodyType: "frontmatter", body: body)
    }

    private func articlePage(_ article: BundleArticle, document: BundleDocument, included: Set<String>) -> String {
        let fm = article.page.frontMatter
        var html = rewriter(for: article.page.path, included: included).rewrite(article.rendered.html)
        var byline: [String] = []
        let names = (fm.authors ?? []).map { a in a.role.map { "\(a.name), \($0)" } ?? a.name }
        if !names.isEmpty { byline.append(names.joined(separator: "; ")) }
        if let company = fm.company, !names.contains(where: { $0.contains(company) }) { byline.append(company) }
        let bylineHTML = byline.isEmpty ? "" : "<p class=\"byline\">\(esc(byline.joined(separator: " — ")))</p>\n"
        if html.hasPrefix("<h1"), let end = html.range(of: "</h1>") {
            html.insert(contentsOf: "\n" + bylineHTML, at: end.upperBound)
        } else {
            html = "<h1>\(esc(fm.title))</h1>\n" + bylineHTML + html
        }
        let language = fm.language ?? document.metadata.language
        return page(title: fm.title, language: language, bodyType: "bodymatter", body: "<section class=\"chapter\" epub:type=\"chapter\" role=\"doc-chapter\">\n\(html)</section>")
    }

    private func esc(_ text: String) -> String { HTMLRewriter.escapeAttribute(text) }
}

/// The version written into bundle metadata.
enum FolioBundleVersion {
    static let current = "0.1.0"
}
