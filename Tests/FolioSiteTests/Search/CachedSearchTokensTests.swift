import FolioContent
import FolioCore
import FolioMarkdown
@testable import FolioSite
import Foundation
import Testing

/// A page's search tokens are kept in the build cache without their sentences: tokenized page by
/// page and read back, the corpus gives the same index as tokenized in one go.
@Suite struct CachedSearchTokensTests {
    /// The sections of every corpus page, page by page, numbered as the search numbers them.
    static func corpusPages() throws -> [[SearchSection]] {
        let (content, _) = try ContentLoader(projectRoot: SearchFixture.repository).load()
        let renderer = MarkdownRenderer()
        var pages: [[SearchSection]] = []
        for page in content.allPages {
            let rendered = renderer.render(page.body, origin: .init(file: page.path, firstLine: page.bodyStartLine))
            let sections = SearchSection.sections(of: rendered, title: page.frontMatter.title, urlPath: page.urlPath, group: "Corpus", page: pages.count)
            if !sections.isEmpty { pages.append(sections) }
        }
        return pages
    }

    @Test func tokensReadBackPageByPageBuildTheSameIndex() throws {
        let pages = try Self.corpusPages()
        #expect(pages.count > 90)
        let sections = pages.flatMap { $0 }
        let whole = SearchIndex.build(sections)
        let restored = try pages.map { run -> TokenizedChunk in
            let archived = CachedPageTokens(SearchIndex.tokenize(run, run.indices)).archived
            return try #require(CachedPageTokens.unarchived(archived)?.restoring(run))
        }
        let pageByPage = SearchIndex.build(sections, tokenized: restored)
        #expect(pageByPage == whole)
        #expect(whole.postings.count > 5_000)
    }

    @Test func tokensOfOtherTextOrADamagedEntryAreNotUsed() throws {
        let pages = try Self.corpusPages()
        let run = try #require(pages.first { $0.count > 2 })
        let archived = CachedPageTokens(SearchIndex.tokenize(run, run.indices)).archived
        var damaged = archived
        damaged.removeLast(3)
        #expect(CachedPageTokens.unarchived(damaged) == nil)
        let cached = try #require(CachedPageTokens.unarchived(archived))
        #expect(cached.restoring(Array(run.dropLast())) == nil, "another number of sections")
        var changed = run
        changed[0].blocks.append("One more sentence. And another one.")
        #expect(cached.restoring(changed) == nil, "another number of sentences")
    }

    /// The index pages' sections are kept as one entry: read back, they give the tokens of a
    /// fresh tokenization; other sections are another entry.
    @Test func indexPageTokensComeBackForTheSameSectionsOnly() throws {
        let sections = (0..<40).map { n in
            SearchSection(url: "companies/c\(n)/index.html", title: "Company \(n)", heading: nil, group: "Companies", text: "Wind power in Chongqing \(n).\nSmart grids and hydrogen.", page: 200 + n)
        }
        let cache = BuildCache(directory: nil)
        let fresh = SearchGenerator.tokenize(sections, cache: cache)
        let cached = SearchGenerator.tokenize(sections, cache: cache)
        #expect(cache.usedKeys[SearchGenerator.indexPageTokensNamespace]?.count == 1)
        let all = (0..<200).map { n in SearchSection(url: "a\(n)/index.html", title: "A \(n)", heading: nil, group: "Pages", text: "Text \(n).", page: n) }
        let tokens = SearchIndex.tokenize(all)
        #expect(SearchIndex.build(all + sections, tokenized: tokens + cached) == SearchIndex.build(all + sections))
        #expect(SearchIndex.build(all + sections, tokenized: tokens + fresh) == SearchIndex.build(all + sections))
        var changed = sections
        changed[3].blocks = ["Solar power in Chengdu."]
        let other = SearchGenerator.tokenize(changed, cache: cache)
        #expect(cache.usedKeys[SearchGenerator.indexPageTokensNamespace]?.count == 2, "another entry")
        #expect(SearchIndex.build(all + changed, tokenized: tokens + other) == SearchIndex.build(all + changed))
    }
}
