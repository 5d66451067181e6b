import FolioContent
import FolioCore
import FolioMarkdown
import FolioModel
import Foundation

/// One rendered article as the bundles see it.
struct BundleArticle: Sendable {
    var page: Page
    var rendered: RenderedPage
    var documentSlug: String
    /// The article's URL slug, unique in its document.
    var slug: String
    var title: String { page.frontMatter.title }
}

/// One document with its manifest metadata, rendered index page and articles.
struct BundleDocument: Sendable {
    var slug: String
    var metadata: CorpusDocument
    /// The rendered `index.md`, if the document has one.
    var about: (page: Page, rendered: RenderedPage)?
    var articles: [BundleArticle]
    /// The modification time of every file of the bundle: the document's publication date, at midnight UTC.
    var date: Date
    /// The `Content/` paths of the images its pages show, each once, in order of first use.
    var imagePaths: [String] = []

    /// The `Content/` path and rendered HTML of every page: the index page, then the articles.
    var renderedPages: [(path: String, html: String)] {
        (about.map { [($0.page.path, $0.rendered.html)] } ?? []) + articles.map { ($0.page.path, $0.rendered.html) }
    }
}

/// Everything the bundles are made from: configuration, documents, and a link resolver
/// between `Content/` files.
struct BundleCorpus: Sendable {
    var config: FolioConfig
    /// The project, for reading the images pages show.
    var projectRoot: URL
    var documents: [BundleDocument]
    /// (document slug, article slug) by `Content/` path; the article slug is `nil` for a document's `index.md`.
    var targets: [String: (document: String, article: String?)]
    /// The images the pages show, by `Content/` path.
    var images: [String: Image] = [:]

    /// Where a link in content goes.
    enum LinkTarget: Equatable {
        /// A web, mail or other non-site URL, kept as it is.
        case external(String)
        /// A fragment of the same page.
        case sameFile(fragment: String)
        /// An article (or, with `article == nil`, a document's index page) of the corpus.
        case content(document: String, article: String?, fragment: String?)
        /// A page of the site that no bundle contains.
        case elsewhere
    }

    /// Resolves `href` written in the content file at `from` (a `Content/` path).
    func resolve(_ href: String, from: String) -> LinkTarget {
        guard SiteLink.isInternal(href) else { return .external(href) }
        if href.hasPrefix("#") { return .sameFile(fragment: String(href.dropFirst())) }
        var path = href
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        guard path.hasSuffix(".md"), let resolved = SiteLink.resolve(path, from: from), let target = targets[resolved] else {
            return .elsewhere
        }
        return .content(document: target.document, article: target.article, fragment: fragment.map { $0.removingPercentEncoding ?? $0 })
    }

    /// An image a bundle carries: its `Content/` path, media type and bytes.
    struct Image: Sendable {
        var path: String
        var file: ImageFile
        var data: Data
        /// Its name inside a bundle: the path below the content folder (`media/x.png`).
        var bundlePath: String { path.split(separator: "/").dropFirst().joined(separator: "/") }
    }

    /// The image a `src` written in the content file at `from` shows, if the bundles carry it.
    func image(_ source: String, from: String) -> Image? {
        imagePath(source, from: from).flatMap { images[$0] }
    }

    /// The `Content/` paths of the images (`<img src>` inside the project) that `pages` show,
    /// each once, in order of first use.
    func imagePaths(shownBy pages: [(path: String, html: String)]) -> [String] {
        var paths: [String] = []
        for page in pages {
            for match in page.html.matches(of: /<img [^>]*src="([^"]+)"/) {
                if let path = imagePath(String(match.1), from: page.path) { paths.append(path) }
            }
        }
        return Self.firstOfEach(paths)
    }

    /// The images `documents` show, each once, in order of first use (read when the corpus loaded).
    func images(shownBy documents: [BundleDocument]) -> [Image] {
        Self.firstOfEach(documents.flatMap(\.imagePaths)).compactMap { images[$0] }
    }

    static func firstOfEach(_ paths: [String]) -> [String] {
        var seen: Set<String> = []
        return paths.filter { seen.insert($0).inserted }
    }

    /// Reads the images at `paths`; one that is missing or not of a known format is left out
    /// (its page keeps the alt text).
    func readImages(_ paths: [String]) -> [String: Image] {
        var found: [String: Image] = [:]
        for path in Self.firstOfEach(paths) {
            guard case let .success(data) = InputFile.contents(atPath: projectRoot.appendingPathComponent(path).path, maxBytes: InputFile.maxMediaBytes),
                  let file = ImageFile.parse(data)
            else { continue }
            found[path] = Image(path: path, file: file, data: data)
        }
        return found
    }

    /// The `Content/` path an image `src` written in the content file at `from` points at.
    func imagePath(_ source: String, from: String) -> String? {
        let decoded = source.removingPercentEncoding ?? source
        guard SiteLink.isInternal(decoded), !decoded.hasPrefix("#"), !decoded.hasPrefix("data:") else { return nil }
        return SiteLink.resolve(decoded, from: from)
    }

    /// The rendered article, or `nil`.
    func article(document: String, slug: String) -> BundleArticle? {
        documents.first { $0.slug == document }?.articles.first { $0.slug == slug }
    }

    /// Whether the target page defines `id`.
    func has(id: String, document: String, article: String?) -> Bool {
        guard let doc = documents.first(where: { $0.slug == document }) else { return false }
        if let article { return doc.articles.first { $0.slug == article }?.rendered.anchorIDs.contains(id) ?? false }
        return doc.about?.rendered.anchorIDs.contains(id) ?? false
    }

    /// The newest document date, used for the corpus-wide bundles.
    var newestDate: Date {
        documents.map(\.date).max() ?? Date(timeIntervalSince1970: 315_532_800)
    }
}

extension BundleCorpus {
    /// Loads and renders `Content/`.
    /// - Throws: ``BundleError/metadata(file:line:message:hint:)`` when `corpus.yml` is missing or
    ///   does not describe a document, ``BundleError/unreadable(path:message:)`` for files that cannot
    ///   be read; content errors come back as diagnostics.
    static func load(projectRoot: URL, config: FolioConfig) throws -> (BundleCorpus, [Diagnostic]) {
        let manifestPath = "\(config.content)/corpus.yml"
        let content: ContentSet
        var diagnostics: [Diagnostic]
        do {
            (content, diagnostics) = try ContentLoader(projectRoot: projectRoot, contentDirectory: config.content).load()
        } catch let error as ContentError {
            switch error {
            case let .unreadable(file, _, message): throw BundleError.unreadable(path: file, message: message)
            case let .frontMatter(file, line, message, hint): throw BundleError.metadata(file: file, line: line, message: message, hint: hint)
            }
        }
        // Without documents there is nothing to describe (the site zip is still made).
        guard let manifest = content.manifest ?? (content.documents.isEmpty ? CorpusManifest(documents: []) : nil) else {
            throw BundleError.metadata(file: manifestPath, line: nil, message: "the corpus manifest is missing; bundles need each document's title, publisher, date and language", hint: "create \(manifestPath) with a `documents:` list")
        }
        // Unreadable article files are errors for bundles: a book must not silently lose a chapter.
        if let unreadable = diagnostics.first(where: { $0.code == "IO001" }) {
            throw BundleError.unreadable(path: unreadable.location?.file ?? config.content, message: unreadable.message)
        }
        let renderer = MarkdownRenderer()
        var documents: [BundleDocument] = []
        var targets: [String: (String, String?)] = [:]
        for document in content.documents {
            guard let metadata = manifest.document(document.slug) else {
                throw BundleError.metadata(file: manifestPath, line: nil, message: "document `\(document.slug)` (\(config.content)/articles/\(document.slug)/) is not listed in the corpus manifest", hint: "add an entry with `slug: \(document.slug)`, title, publisher, date and language")
            }
            guard let date = BundleDate.parse(metadata.date) else {
                throw BundleError.metadata(file: manifestPath, line: nil, message: "document `\(document.slug)` has date `\(metadata.date)`, which is not YYYY, YYYY-MM or YYYY-MM-DD", hint: "write the publication date as for example `2023-06`")
            }
            let pages = (document.index.map { [$0] } ?? []) + document.articles
            let rendered = pages.map { renderer.render($0.body, origin: .init(file: $0.path, firstLine: $0.bodyStartLine)) }
            for result in rendered { diagnostics += result.diagnostics }
            var about: (Page, RenderedPage)?
            var articles: [BundleArticle] = []
            for (page, result) in zip(pages, rendered) {
                if page.kind == .documentIndex {
                    about = (page, result)
                    targets[page.path] = (document.slug, nil)
                } else {
                    articles.append(BundleArticle(page: page, rendered: result, documentSlug: document.slug, slug: page.slug))
                    targets[page.path] = (document.slug, page.slug)
                }
            }
            documents.append(BundleDocument(slug: document.slug, metadata: metadata, about: about, articles: articles, date: date))
        }
        var corpus = BundleCorpus(config: config, projectRoot: projectRoot, documents: documents, targets: targets)
        for index in corpus.documents.indices {
            corpus.documents[index].imagePaths = corpus.imagePaths(shownBy: corpus.documents[index].renderedPages)
        }
        corpus.images = corpus.readImages(corpus.documents.flatMap(\.imagePaths))
        return (corpus, diagnostics)
    }
}

/// Publication dates of `corpus.yml` as fixed timestamps.
enum BundleDate {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` at 00:00 UTC; `nil` for anything else.
    static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }) else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count else { return nil }
        var components = DateComponents()
        components.year = numbers[0]
        components.month = numbers.count > 1 ? numbers[1] : 1
        components.day = numbers.count > 2 ? numbers[2] : 1
        guard (1980...2099).contains(numbers[0]), (1...12).contains(components.month ?? 0), (1...31).contains(components.day ?? 0) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.date(from: components)
    }

    /// `2023-06-01T00:00:00Z`, the form of `dcterms:modified`.
    static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
