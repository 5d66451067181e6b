import FolioContent
import FolioCore
import FolioMarkdown
import FolioModel
@testable import FolioValidate
import Foundation
import Testing

/// Findings about a page on its own (citations, structure) are kept in the build cache under
/// the page's rendering key: the same findings as checking afresh, taken from the cache while
/// the key is the same and never once it changes.
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
        var key = CacheKeyBuilder(ContentValidator.ownFindingsNamespace)
        key.add(try #require(keyed.renderingKey).bytes)
        let planted = Diagnostic(code: "FN999", severity: .warning, message: "planted", location: SourceLocation(file: page.page.path, line: 9))
        cache.store(ContentValidator.ownFindingsNamespace, key.key(), OwnFindings(citations: [planted], structure: []).archived)
        #expect(ContentValidator.ownFindings(source, cache: cache).citations.map(\.code) == ["FN999"])
        #expect(Fixture.codes(validator.validate([keyed]).diagnostics).contains("FN999@9"))

        // Another text is another key: checked afresh.
        keyed.renderingKey = CacheKeyBuilder("another text").key()
        #expect(Fixture.codes(validator.validate([keyed]).diagnostics) == fresh)
        // Without a key, nothing is cached.
        keyed.renderingKey = nil
        #expect(Fixture.codes(ContentValidator(projectRoot: Fixture.repositoryRoot, cache: cache).validate([keyed]).diagnostics) == fresh)
    }
}
