import FolioCore
import Foundation

/// Everything under `Content/` that a build publishes.
public struct ContentSet: Sendable, Equatable {
    /// Source documents in manifest order, each with its index page and ordered articles.
    public var documents: [DocumentContent]
    /// Hand-written pages from `Content/pages/`.
    public var pages: [Page]
    /// The corpus manifest, when `Content/corpus.yml` exists.
    public var manifest: CorpusManifest?

    /// Whether the pages hold their Markdown; false when a large site was loaded without it
    /// (``ContentLoader/bodiesUpTo``).
    public var bodiesLoaded = true

    public init(documents: [DocumentContent], pages: [Page], manifest: CorpusManifest?) {
        self.documents = documents
        self.pages = pages
        self.manifest = manifest
    }

    /// Every page: document indexes, articles, then hand-written pages.
    public var allPages: [Page] {
        documents.flatMap { doc in (doc.index.map { [$0] } ?? []) + doc.articles } + pages
    }

    /// Empties every page's Markdown (``Page/body``), for a build that has rendered them all.
    public mutating func releaseBodies() {
        for d in documents.indices {
            documents[d].index?.body = ""
            for a in documents[d].articles.indices { documents[d].articles[a].body = "" }
        }
        for p in pages.indices { pages[p].body = "" }
    }
}

/// One document folder under `Content/articles/`.
public struct DocumentContent: Sendable, Equatable {
    public var slug: String
    /// Metadata from the manifest, when listed there.
    public var metadata: CorpusDocument?
    /// `index.md` of the folder.
    public var index: Page?
    /// Articles sorted by `order`, then file name.
    public var articles: [Page]

    public init(slug: String, metadata: CorpusDocument?, index: Page?, articles: [Page]) {
        self.slug = slug
        self.metadata = metadata
        self.index = index
        self.articles = articles
    }

    /// Title for navigation: the manifest's short title, else the index page's title, else the slug.
    public var title: String {
        metadata?.title ?? index?.frontMatter.title ?? slug
    }
}

/// Reads `Content/` into a ``ContentSet``.
public struct ContentLoader: Sendable {
    /// The project root; paths in pages and diagnostics are relative to it.
    public let projectRoot: URL
    /// The content directory name relative to the root (usually `Content`).
    public let contentDirectory: String
    /// Whether pages with `draft: true` are loaded too (`folio build --drafts`).
    public let includeDrafts: Bool
    /// Front matter decoded by earlier builds, by the digest of its YAML text; nil decodes every file.
    public let cache: BuildCache?
    /// A site with more article files than this is loaded without the pages' Markdown
    /// (``Page/body`` is empty and ``ContentSet/bodiesLoaded`` false): a large build reads each
    /// page's Markdown again where it needs it (``reloadBody(of:projectRoot:)``), so the whole
    /// corpus is never held at once.
    public var bodiesUpTo = Int.max

    public init(projectRoot: URL, contentDirectory: String = "Content", includeDrafts: Bool = false, cache: BuildCache? = nil) {
        self.projectRoot = projectRoot
        self.contentDirectory = contentDirectory
        self.includeDrafts = includeDrafts
        self.cache = cache
    }

    /// Loads every page. Pages with malformed front matter are left out and reported as `FM001`
    /// errors; the rest still load, so one bad file does not hide the others' problems.
    public func load() throws -> (ContentSet, [Diagnostic]) {
        let fm = FileManager.default
        let contentURL = projectRoot.appendingPathComponent(contentDirectory, isDirectory: true)
        var diagnostics: [Diagnostic] = []
        var manifest: CorpusManifest?
        let manifestURL = contentURL.appendingPathComponent("corpus.yml")
        if fm.fileExists(atPath: manifestURL.path) {
            manifest = try CorpusManifest.load(from: manifestURL, displayPath: "\(contentDirectory)/corpus.yml")
        }

        var documents: [DocumentContent] = []
        let articlesURL = contentURL.appendingPathComponent("articles", isDirectory: true)
        let entries = ((try? fm.contentsOfDirectory(atPath: articlesURL.path)) ?? []).sorted()
        let folders = entries.filter { isDirectory(articlesURL.appendingPathComponent($0)) && !$0.hasPrefix(".") }
        for name in entries where !name.hasPrefix(".") && !isDirectory(articlesURL.appendingPathComponent(name)) {
            diagnostics.append(Diagnostic(
                code: "CNT001", severity: .warning,
                message: "`\(contentDirectory)/articles/\(name)` is not inside a document folder and is not published",
                location: SourceLocation(file: "\(contentDirectory)/articles/\(name)", line: 1),
                hint: "move it into `\(contentDirectory)/articles/<document>/`, or into `\(contentDirectory)/pages/` for a stand-alone page"))
        }
        let manifestOrder = manifest?.documents.map(\.slug) ?? []
        let orderedFolders = folders.sorted { a, b in
            let ia = manifestOrder.firstIndex(of: a) ?? Int.max, ib = manifestOrder.firstIndex(of: b) ?? Int.max
            return ia != ib ? ia < ib : a < b
        }
        // Every file is read and its front matter parsed on all cores; results keep file order.
        struct Job: Sendable { var folder: String; var name: String; var url: URL; var relative: String }
        let jobs = orderedFolders.flatMap { folder -> [Job] in
            let dirURL = articlesURL.appendingPathComponent(folder, isDirectory: true)
            return ((try? fm.contentsOfDirectory(atPath: dirURL.path)) ?? []).sorted().filter { $0.hasSuffix(".md") }.map { name in
                Job(folder: folder, name: name, url: dirURL.appendingPathComponent(name), relative: "\(contentDirectory)/articles/\(folder)/\(name)")
            }
        }
        let keepsBodies = jobs.count <= bodiesUpTo
        let loaded = ConcurrentMap.map(jobs) { job -> Result<(Page, [Diagnostic]), any Error> in
            Result { try loadPage(at: job.url, relativePath: job.relative, kind: job.name == "index.md" ? .documentIndex : .article, documentSlug: job.folder, keepingBody: keepsBodies) }
        }
        var loadedByFolder: [String: [Result<(Page, [Diagnostic]), any Error>]] = [:]
        for (job, result) in zip(jobs, loaded) { loadedByFolder[job.folder, default: []].append(result) }
        for folder in orderedFolders {
            var index: Page?
            var articles: [Page] = []
            for result in loadedByFolder[folder] ?? [] {
                switch result {
                case let .success((page, found)):
                    diagnostics += found
                    if page.kind == .documentIndex { index = page } else if includeDrafts || page.frontMatter.draft != true { articles.append(page) }
                case let .failure(error as ContentError):
                    diagnostics.append(error.diagnostic)
                case let .failure(error):
                    throw error
                }
            }
            articles.sort { ($0.frontMatter.order ?? Int.max, $0.path) < ($1.frontMatter.order ?? Int.max, $1.path) }
            documents.append(DocumentContent(slug: folder, metadata: manifest?.document(folder), index: index, articles: articles))
        }

        var pages: [Page] = []
        let pagesURL = contentURL.appendingPathComponent("pages", isDirectory: true)
        for name in ((try? fm.contentsOfDirectory(atPath: pagesURL.path)) ?? []).sorted() where name.hasSuffix(".md") {
            do {
                let (page, found) = try loadPage(
                    at: pagesURL.appendingPathComponent(name), relativePath: "\(contentDirectory)/pages/\(name)",
                    kind: .page, documentSlug: nil, keepingBody: keepsBodies
                )
                diagnostics += found
                if includeDrafts || page.frontMatter.draft != true { pages.append(page) }
            } catch let error as ContentError {
                diagnostics.append(error.diagnostic)
            }
        }
        var content = ContentSet(documents: documents, pages: pages, manifest: manifest)
        content.bodiesLoaded = keepsBodies
        return (content, diagnostics)
    }

    /// The Markdown of `page` read again from its file under `projectRoot`, cleaned as loading
    /// cleans it; nil when the file cannot be read or its body no longer starts on the same line.
    public static func reloadBody(of page: Page, projectRoot: URL) -> String? {
        guard case let .success(data) = InputFile.contents(atPath: projectRoot.appendingPathComponent(page.path).path),
              let decoded = String(data: data, encoding: .utf8) else { return nil }
        let (text, _) = TextHygiene.clean(decoded, file: page.path)
        guard let split = try? FrontMatterParser.split(text, file: page.path), split.bodyStartLine == page.bodyStartLine else { return nil }
        return split.body
    }

    /// Reads one Markdown file; without `keepingBody`, the page's ``Page/body`` is left empty.
    public func loadPage(at url: URL, relativePath: String, kind: Page.Kind, documentSlug: String?, keepingBody: Bool = true) throws -> (Page, [Diagnostic]) {
        let data: Data
        switch InputFile.contents(atPath: url.path) {
        case let .success(contents): data = contents
        case let .failure(problem): throw ContentError.unreadable(file: relativePath, message: "cannot read the file: \(problem.reason)")
        }
        guard let decoded = String(data: data, encoding: .utf8) else {
            let line = TextHygiene.firstInvalidUTF8Line(data)
            throw ContentError.unreadable(file: relativePath, line: line, message: "the file is not valid UTF-8 from this line on; save it as UTF-8")
        }
        let (text, hygiene) = TextHygiene.clean(decoded, file: relativePath)
        let split = try FrontMatterParser.split(text, file: relativePath)
        guard let yaml = split.yaml else {
            throw ContentError.frontMatter(file: relativePath, line: 1, message: "the file has no front matter", hint: "start the file with `---`, a `title:` line and `---`")
        }
        var (frontMatter, diagnostics) = try decodeFrontMatter(yaml, file: relativePath, firstLine: split.yamlStartLine)
        diagnostics = hygiene + diagnostics
        // YAML escapes (`"\0"`, `"\u202E"`) decode to the same characters the file hygiene removes.
        for (key, value) in [("title", frontMatter.title), ("subtitle", frontMatter.subtitle), ("summary", frontMatter.summary), ("company", frontMatter.company)] {
            guard let value else { continue }
            let (cleaned, found) = TextHygiene.clean(value, file: relativePath)
            guard !found.isEmpty else { continue }
            let line = Self.lineOfKey(key, in: yaml, firstLine: split.yamlStartLine)
            diagnostics += found.map { var d = $0; d.location = SourceLocation(file: relativePath, line: line); return d }
            switch key {
            case "title": frontMatter.title = cleaned
            case "subtitle": frontMatter.subtitle = cleaned
            case "summary": frontMatter.summary = cleaned
            default: frontMatter.company = cleaned
            }
        }
        let base = url.deletingPathExtension().lastPathComponent
        let requested = frontMatter.slug ?? Self.slug(fromFileName: base)
        let slug = Self.urlSafe(requested)
        if slug != requested {
            diagnostics.append(Diagnostic(
                code: "CNT003", severity: .warning,
                message: "the slug `\(requested)` is not URL-safe; the page is published as `\(slug)`",
                location: SourceLocation(file: relativePath, line: frontMatter.slug == nil ? 1 : Self.lineOfKey("slug", in: yaml, firstLine: split.yamlStartLine)),
                hint: "use lower-case ASCII letters, digits and hyphens in `slug:` or the file name"))
        }
        let page = Page(kind: kind, path: relativePath, frontMatter: frontMatter, body: keepingBody ? split.body : "", bodyStartLine: split.bodyStartLine, documentSlug: documentSlug, slug: slug)
        return (page, diagnostics)
    }

    /// The decoded front matter of `yaml`, from the cache when an earlier build decoded the same
    /// text of the same file at the same line (its findings name both); malformed front matter
    /// is never cached, so it is reported on every build.
    private func decodeFrontMatter(_ yaml: String, file: String, firstLine: Int) throws -> (FrontMatter, [Diagnostic]) {
        guard let cache else { return try FrontMatterParser.decode(yaml, file: file, firstLine: firstLine) }
        var builder = CacheKeyBuilder(Self.cacheNamespace)
        builder.add(file)
        builder.add(firstLine)
        builder.add(yaml)
        let decoded = try cache.archived(Self.cacheNamespace, builder.key()) {
            let (frontMatter, diagnostics) = try FrontMatterParser.decode(yaml, file: file, firstLine: firstLine)
            return DecodedFrontMatter(frontMatter: frontMatter, diagnostics: diagnostics)
        }
        return (decoded.frontMatter, decoded.diagnostics)
    }

    /// The build cache's namespace of decoded front matter.
    static let cacheNamespace = "front-matter"

    /// `07-schneider-electric` → `schneider-electric`: the order prefix is dropped from URLs.
    public static func slug(fromFileName name: String) -> String {
        guard let dash = name.firstIndex(of: "-"), name[..<dash].allSatisfy(\.isNumber), !name[..<dash].isEmpty else { return name }
        return String(name[name.index(after: dash)...])
    }

    /// A slug safe as a folder name and a URL segment: kept as is when it is already lower-case
    /// ASCII letters, digits, `-`, `_` and `.` (not starting with a dot), else made by ``Slug/make(_:maxLength:)``.
    public static func urlSafe(_ slug: String) -> String {
        let safe = !slug.isEmpty && !slug.hasPrefix(".") && slug.utf8.allSatisfy { byte in
            (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x5F || byte == 0x2E
        }
        return safe ? slug : Slug.make(slug)
    }

    /// The file line of `key:` in a front-matter block that starts at `firstLine`; `firstLine` when absent.
    static func lineOfKey(_ key: String, in yaml: String, firstLine: Int) -> Int {
        for (offset, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.hasPrefix("\(key):") {
            return firstLine + offset
        }
        return firstLine
    }

    private func isDirectory(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
    }
}
