import FolioCore
import Foundation
import Testing

@testable import FolioEntities

/// The build cache keeps the loaded gazetteers between builds: what comes back is exactly what
/// the files give, and only for files with exactly the same bytes.
@Suite struct CachedGazetteersTests {
    @Test func theCorpusGazetteersComeBackFromTheirArchiveExactly() throws {
        let loaded = try Gazetteers.load(from: Fixtures.dataDirectory)
        let back = try #require(Gazetteers.unarchived(loaded.archived))
        #expect(back == loaded)
        #expect(back.sourceDigest == loaded.sourceDigest && loaded.sourceDigest != nil)
        #expect(back.terms == loaded.terms)
        // Every optional part is exercised: coordinates, goals, alias rules, review decisions.
        #expect(loaded.terms.contains { $0.coordinates?.geonamesID != nil } && loaded.terms.contains { $0.goal != nil })
        #expect(loaded.terms.contains { $0.aliases.contains { !$0.rule.isEmpty } })
        // A technology's spellings by rule travel with it: the tagger need not work them out again.
        #expect(back.terms.contains { $0.id.kind == .technology && $0.ruleVariants?.isEmpty == false })
        #expect(!loaded.review.isEmpty)
        #expect(Gazetteers.unarchived(loaded.archived.dropLast()) == nil)
        // Tagging with the archived gazetteers gives the same result.
        let text = "Schneider Electric and Siemens build hydrogen and 5G projects in Chongqing and Chengdu for SDG 7."
        #expect(EntityTagger(gazetteers: back).analyze(markdown: text) == EntityTagger(gazetteers: loaded).analyze(markdown: text))
    }

    @Test func aCachedLoadFollowsTheFilesByte() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("folio-gazetteer-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: Fixtures.dataDirectory, to: copy)
        let cache = BuildCache(directory: nil)
        cache.beginBuild()
        let first = try Gazetteers.load(from: copy, cache: cache)
        #expect(first == (try Gazetteers.load(from: copy)))
        cache.beginBuild()
        let second = try Gazetteers.load(from: copy, cache: cache)
        #expect(second == first && second.sourceDigest == first.sourceDigest)

        // A new alias in a file: the next load reads the files again and finds it.
        let companies = copy.appendingPathComponent("companies.yml")
        let text = try String(contentsOf: companies, encoding: .utf8)
        #expect(text.contains("aliases: [AIR PRODUCTS,"))
        try text.replacingOccurrences(of: "aliases: [AIR PRODUCTS,", with: "aliases: [Air Products Gas Group, AIR PRODUCTS,").write(to: companies, atomically: true, encoding: .utf8)
        cache.beginBuild()
        let changed = try Gazetteers.load(from: copy, cache: cache)
        #expect(changed.sourceDigest != first.sourceDigest)
        #expect(changed.terms.contains { $0.aliases.contains { $0.text == "Air Products Gas Group" } })
        #expect(changed == (try Gazetteers.load(from: copy)))

        // A file that no longer loads is reported, cache or not.
        try "companies: [unclosed".write(to: companies, atomically: true, encoding: .utf8)
        cache.beginBuild()
        #expect(throws: EntitiesError.self) { try Gazetteers.load(from: copy, cache: cache) }
    }

    /// A tagger made from compiled patterns the cache kept tags every corpus article exactly as
    /// one that compiled them, and a cut archive is never read back.
    @Test func aTaggerFromTheCachedPatternsTagsAsAFreshOne() throws {
        let gazetteers = try Gazetteers.load(from: Fixtures.dataDirectory, includeFound: false)
        let cache = BuildCache(directory: nil)
        cache.beginBuild()
        let fresh = EntityTagger(gazetteers: gazetteers, cache: cache)
        let compiled = EntityTagger.CompiledPatterns(gazetteers)
        let data = compiled.archived
        let back = try #require(EntityTagger.CompiledPatterns.unarchived(data))
        #expect(back.entities.patterns.count == compiled.entities.patterns.count && back.fits(gazetteers))
        #expect(EntityTagger.CompiledPatterns.unarchived(data.dropLast()) == nil)
        cache.beginBuild()
        let restored = EntityTagger(gazetteers: gazetteers, cache: cache)
        let articles = try FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("Content/articles/cmia-2021").path)
            .filter { $0.hasSuffix(".md") }.sorted().prefix(12)
        #expect(articles.count == 12)
        for name in articles {
            let text = try String(contentsOf: Fixtures.root.appendingPathComponent("Content/articles/cmia-2021/\(name)"), encoding: .utf8)
            #expect(restored.analyze(markdown: text) == fresh.analyze(markdown: text), "\(name)")
        }
    }
}
