import FolioContent
import FolioCore
import Foundation
import Testing

/// The build cache keeps each page's decoded front matter: a load through the cache gives
/// exactly the pages and findings a load without it gives, the second time without YAML.
@Suite struct CachedFrontMatterTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyCorpusFrontMatterComesBackFromItsArchive() throws {
        let (content, _) = try ContentLoader(projectRoot: Self.repository).load()
        let pages = content.allPages
        #expect(pages.count > 100)
        for page in pages {
            let archive = page.frontMatter.archived
            #expect(FrontMatter.unarchived(archive) == page.frontMatter, "\(page.path)")
            #expect(FrontMatter.unarchived(archive.dropLast()) == nil, "\(page.path)")
        }
        // The corpus covers the optional parts: authors, maps, repairs, lists and flags.
        #expect(pages.contains { $0.frontMatter.authors?.isEmpty == false })
        #expect(pages.contains { $0.frontMatter.source?.map != nil })
        #expect(pages.contains { $0.frontMatter.repairs?.isEmpty == false })
        #expect(pages.contains { $0.frontMatter.generated == true && $0.frontMatter.sdgs?.isEmpty == false })
    }

    @Test func emptyAndAbsentAreKeptApart() throws {
        var frontMatter = FrontMatter(title: "Only a title")
        #expect(FrontMatter.unarchived(frontMatter.archived) == frontMatter)
        frontMatter.companies = []
        frontMatter.draft = false
        frontMatter.repairs = [:]
        frontMatter.authors = [Author(name: "A. Writer")]
        let back = try #require(FrontMatter.unarchived(frontMatter.archived))
        #expect(back == frontMatter)
        #expect(back.companies == [] && back.cities == nil && back.draft == false && back.generated == nil && back.repairs == [:])
    }

    @Test func aCachedLoadEqualsAnUncachedOneAndReadsTheCache() throws {
        let cache = BuildCache(directory: nil)
        let plain = try ContentLoader(projectRoot: Self.repository).load()
        cache.beginBuild()
        let first = try ContentLoader(projectRoot: Self.repository, cache: cache).load()
        cache.beginBuild()
        let second = try ContentLoader(projectRoot: Self.repository, cache: cache).load()
        #expect(first.0.allPages == plain.0.allPages && first.1 == plain.1)
        #expect(second.0.allPages == plain.0.allPages && second.1 == plain.1)
    }

    @Test func malformedFrontMatterIsReportedOnEveryLoad() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-fm-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("Content/articles/doc")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "---\ntitle: \"Doc\"\ndocument: doc\n---\n\n# Doc\n".write(to: folder.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: [unclosed\n---\n\n# Broken\n".write(to: folder.appendingPathComponent("01-broken.md"), atomically: true, encoding: .utf8)
        let cache = BuildCache(directory: nil)
        for _ in 0..<2 {
            cache.beginBuild()
            let (_, diagnostics) = try ContentLoader(projectRoot: root, cache: cache).load()
            #expect(diagnostics.contains { $0.code == "FM001" && $0.location?.file == "Content/articles/doc/01-broken.md" })
        }
    }
}
