import FolioContent
import FolioCore
import FolioMarkdown
import FolioModel
@testable import FolioValidate
import Foundation
import Testing

/// Findings about a page (citations, structure, figures, links) are kept in the build cache under
/// the digest of what the checks read: the page's rendering, its front matter, its document's
/// conventions, whether its images exist and whether the pages it links to have the anchors it
/// names. The same findings as checking afresh, taken from the cache while the digest is the same
/// and never once it changes.
@Suite struct CachedFindingsTests {
    /// Every corpus page, rendered, with a rendering key made of its path and text.
    static func corpusPages() throws -> [PublishedPage] {
        let (content, _) = try ContentLoader(projectRoot: Fixture.repositoryRoot).load()
        let renderer = MarkdownRenderer()
        return content.allPages.map { page in
            var key = CacheKeyBuilder("test rendering")
            key.add(page.path)
            key.add(page.body)
            let rendered = renderer.render(page.body, origin: .init(file: page.path, firstLine: page.bodyStartLine))
            return PublishedPage(page: page, urlPath: page.urlPath, rendered: rendered, renderingKey: key.key())
        }
    }

    @Test func cachedFindingsAreTheFindingsOfACheckAfresh() throws {
        let pages = try Self.corpusPages()
        #expect(pages.count > 90)
        let expected = Fixture.codes(Fixture.check(pages))
        #expect(expected.count > 10, "the corpus has findings to compare")
        let cache = BuildCache(directory: nil)
        let validator = ContentValidator(projectRoot: Fixture.repositoryRoot, cache: cache)
        let first = validator.validate(pages).diagnostics, second = validator.validate(pages).diagnostics
        #expect(Fixture.codes(first) == expected)
        #expect(Fixture.codes(second) == expected)
        #expect(Diagnostic.sortedForOutput(second).map(\.message) == Diagnostic.sortedForOutput(first).map(\.message))
    }

    @Test func aFindingComesFromTheCacheOnlyWhileThePageIsUnchanged() throws {
        let page = Fixture.article("# A\n\nText with a note.[^1]\n\n[^1]: (link)\n")
        var keyed = page
        var builder = CacheKeyBuilder("test rendering")
        builder.add(page.page.body)
        keyed.renderingKey = builder.key()
        let cache = BuildCache(directory: nil)
        let validator = ContentValidator(projectRoot: Fixture.repositoryRoot, cache: cache)
        let fresh = Fixture.codes(validator.validate([keyed]).diagnostics)
        #expect(fresh.contains { $0.hasPrefix("FN") }, "\(fresh)")

        // What the cache holds for this key is what the check reports.
        let source = PageSource(keyed)
        let context = CheckContext(projectRoot: Fixture.repositoryRoot, pagesByPath: [keyed.page.path: keyed], conventions: [:])
        let key = try #require(ContentValidator.pageFindingsKey(keyed, context: context))
        let planted = Diagnostic(code: "FN999", severity: .warning, message: "planted", location: SourceLocation(file: page.page.path, line: 9))
        let planting = BuildCache(directory: nil)
        planting.store(ContentValidator.pageFindingsNamespace, key, PageFindings(citations: [planted], structure: [], figures: [], links: [], reported: []).archived)
        #expect(ContentValidator.pageFindings(source, context: context, cache: planting).citations.map(\.code) == ["FN999"])
        #expect(Fixture.codes(ContentValidator(projectRoot: Fixture.repositoryRoot, cache: planting).validate([keyed]).diagnostics).contains("FN999@9"))
        // A whole document's findings are kept too, under the keys of its pages.
        let documentKey = try #require(ContentValidator.documentKey("doc", [keyed], context: context, sourceDigests: [:]))
        let other = Diagnostic(code: "FIG999", severity: .warning, message: "planted", location: SourceLocation(file: page.page.path, line: 10))
        planting.store(ContentValidator.documentFindingsNamespace, documentKey, DocumentFindings(diagnostics: [other], reported: []).archived)
        #expect(Fixture.codes(ContentValidator(projectRoot: Fixture.repositoryRoot, cache: planting).validate([keyed]).diagnostics) == ["FIG999@10"])

        // Another text is another key: checked afresh.
        keyed.renderingKey = CacheKeyBuilder("another text").key()
        #expect(Fixture.codes(validator.validate([keyed]).diagnostics) == fresh)
        // Without a key, nothing is cached.
        keyed.renderingKey = nil
        #expect(Fixture.codes(ContentValidator(projectRoot: Fixture.repositoryRoot, cache: cache).validate([keyed]).diagnostics) == fresh)
    }

    /// Findings that depend on more than the page are checked again when that changes, although
    /// the page's own text did not: an image file added, an anchor added to a linked page.
    @Test func anImageAddedOrAnAnchorAddedElsewhereIsSeenThoughThePageIsUnchanged() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-findings-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/articles/doc"), withIntermediateDirectories: true)
        func keyed(_ page: PublishedPage) -> PublishedPage {
            var page = page
            var key = CacheKeyBuilder("test rendering")
            key.add(page.page.body)
            page.renderingKey = key.key()
            return page
        }
        let linking = keyed(Fixture.article("# A\n\nSee ![chart](chart.png) and [the method](02-b.md#method).\n"))
        func linked(_ body: String) -> PublishedPage { keyed(Fixture.article(body, path: "Content/articles/doc/02-b.md", title: "B")) }
        let validator = ContentValidator(projectRoot: root, cache: BuildCache(directory: nil))
        func codes(_ pages: [PublishedPage]) -> [String] {
            Fixture.codes(validator.validate(pages).diagnostics).filter { $0.hasPrefix("FIG006") || $0.hasPrefix("LNK006") }
        }
        #expect(codes([linking, linked("# B\n\nNo method here.\n")]) == ["FIG006@10", "LNK006@10"])
        try Data("png".utf8).write(to: root.appendingPathComponent("Content/articles/doc/chart.png"))
        #expect(codes([linking, linked("# B\n\nNo method here.\n")]) == ["LNK006@10"])
        #expect(codes([linking, linked("# B\n\n## Method\n\nThe method.\n")]) == [])
    }
}

/// The built site's link check keeps each file's findings under the digest of its links and of
/// every target (paths, ids, links reported already): the same findings as checking afresh, and
/// a file is checked again when a target changes although its own links did not.
@Suite struct CachedOutputLinksTests {
    static func file(_ path: String, ids: Set<String> = [], links: [String]) -> OutputFileFacts {
        OutputFileFacts(path: path, facts: HTMLFacts(ids: ids, references: links.enumerated().map { HTMLFacts.Reference(url: $1, line: $0 + 1) }), contentPath: nil)
    }

    @Test func findingsComeFromTheCacheOnlyWhileTheFileAndEveryTargetAreUnchanged() throws {
        let cache = BuildCache(directory: nil)
        let validator = OutputLinkValidator()
        let home = Self.file("index.html", ids: ["top"], links: ["a/index.html#method", "b/index.html", "/root.html"])
        var article = Self.file("a/index.html", ids: ["intro"], links: ["../index.html#top", "../index.html#gone"])
        func codes(_ files: [OutputFileFacts]) -> [String] {
            let found = validator.validate(files, existingPaths: Set(files.map(\.path)), cache: cache)
            #expect(found == validator.validate(files, existingPaths: Set(files.map(\.path))), "as checked afresh")
            return Fixture.codes(found)
        }
        let first = codes([home, article])
        #expect(first.contains("LNK003@3") && first.contains("LNK001@2") && first.filter { $0.hasPrefix("LNK002") }.count == 2)
        #expect(codes([home, article]) == first, "from the cache")
        // The article gains the anchor the home page links to: the home page is checked again.
        article.facts.ids.insert("method")
        let second = codes([home, article])
        #expect(second.filter { $0.hasPrefix("LNK002") }.count == 1)
        // A page appears where a link pointed nowhere.
        let withB = [home, article, Self.file("b/index.html", links: [])]
        #expect(!codes(withB).contains("LNK001@2"))
    }
}
