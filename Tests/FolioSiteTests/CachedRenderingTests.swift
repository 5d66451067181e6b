import FolioContent
import FolioCore
import FolioEntities
import FolioMarkdown
import Foundation
import Testing

@testable import FolioSite

/// The build cache keeps each page's rendering and tagging between builds as a binary archive:
/// what comes back must be exactly what was rendered, for every page of the corpus, and a
/// damaged archive must be a miss.
@Suite struct CachedRenderingTests {
    static let repository = SiteFixture.repository

    /// Every corpus page rendered and tagged as the build does it.
    static let corpus: [(Page, RenderedPage, ArticleEntities?)] = {
        let gazetteers = try! Gazetteers.load(from: repository.appendingPathComponent("Content/data"))
        let linker = TermLinker(gazetteers: gazetteers)
        let (content, _) = try! ContentLoader(projectRoot: repository).load()
        let renderer = MarkdownRenderer()
        return content.allPages.map { page in
            let (rendered, entities, _) = TermLinker.render(page, linker: linker, renderer: renderer)
            return (page, rendered, entities)
        }
    }()

    @Test func everyCorpusPageComesBackFromItsArchiveExactlyAsRendered() throws {
        #expect(Self.corpus.count > 100)
        var tagged = 0, mentions = 0
        for (page, rendered, entities) in Self.corpus {
            let archive = CachedRendering(rendered: rendered, entities: entities).archived
            let back = try #require(CachedRendering.unarchived(archive), "\(page.path)")
            #expect(back.rendered == rendered, "\(page.path)")
            #expect(back.entities == entities, "\(page.path)")
            // The same values always give the same bytes (sets and dictionaries in order).
            #expect(CachedRendering(rendered: back.rendered, entities: back.entities).archived == archive, "\(page.path)")
            if let entities {
                tagged += 1
                mentions += entities.occurrences.reduce(0) { $0 + $1.mentions.count }
            }
        }
        // The round trip covered real taggings, not empty ones.
        #expect(tagged > 90)
        #expect(mentions > 5_000)
        #expect(Self.corpus.contains { !$0.1.footnoteDefinitions.isEmpty && !$0.1.captions.isEmpty && !$0.1.textBlocks.isEmpty })
    }

    @Test func organisationsAndTechnologiesFoundByTheirShapeComeBackToo() throws {
        // The import's tagger finds names no gazetteer lists; its findings archive the same way.
        let gazetteers = try Gazetteers.load(from: Self.repository.appendingPathComponent("Content/data"), includeFound: false)
        let tagger = EntityTagger(gazetteers: gazetteers)
        var found = 0, candidates = 0
        for (page, _, _) in Self.corpus where page.kind == .article {
            let entities = tagger.analyze(markdown: page.body)
            found += entities.organisations.count + entities.technologies.count
            candidates += entities.candidates.count + entities.technologyCandidates.count
            let back = ArticleEntities.unarchived(entities.archived)
            #expect(back == entities, "\(page.path)")
        }
        #expect(found > 20)
        #expect(candidates > 0)
    }

    @Test func aDamagedOrCutArchiveIsAMissNeverAValue() throws {
        let (_, rendered, entities) = try #require(Self.corpus.first { $0.2 != nil && !$0.1.footnoteDefinitions.isEmpty })
        let archive = CachedRendering(rendered: rendered, entities: entities).archived
        // Cut anywhere: never a value.
        for length in stride(from: 0, to: archive.count, by: max(1, archive.count / 400)) {
            #expect(CachedRendering.unarchived(archive.prefix(length)) == nil, "cut at \(length)")
        }
        // A byte too many: not the archive that was written.
        #expect(CachedRendering.unarchived(archive + Data([0])) == nil)
        // Bytes flipped at random: no crash, and any value read is a whole archive's.
        var random = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var damaged = archive
            let index = Int.random(in: 0..<damaged.count, using: &random)
            damaged[damaged.startIndex + index] ^= UInt8.random(in: 1...255, using: &random)
            _ = CachedRendering.unarchived(damaged)
        }
    }

    @Test func numbersAndTextSurviveTheArchiveAtTheirLimits() throws {
        var writer = ArchiveWriter()
        let numbers = [0, 1, -1, 63, -64, 64, 127, 128, Int.max, Int.min, Int(Int32.max), -300]
        let texts = ["", "é", "日本語", "a\u{0}b", "🧪 test\n", String(repeating: "x", count: 70_000)]
        writer.write(numbers)
        writer.write(texts)
        writer.write(Double.pi)
        writer.write(-0.0)
        writer.write(nil as String?)
        writer.write(Optional(5))
        var reader = ArchiveReader(writer.data)
        #expect(try reader.readInts() == numbers)
        #expect(try reader.readStrings() == texts)
        #expect(try reader.readDouble() == Double.pi)
        #expect(try reader.readDouble().sign == .minus)
        #expect(try reader.readOptionalString() == nil)
        #expect(try reader.readOptionalInt() == 5)
        #expect(reader.isAtEnd)
        // Bytes that are not UTF-8 are not a string.
        var bad = ArchiveWriter()
        bad.write(2)
        var invalid = ArchiveReader(bad.data + Data([0xC3, 0x28]))
        #expect(throws: ArchiveError.damaged) { try invalid.readString() }
    }

    @Test func theKeyFollowsEverythingRenderingReadsAndNothingElse() throws {
        let gazetteers = try Gazetteers.load(from: Self.repository.appendingPathComponent("Content/data"))
        let linker = TermLinker(gazetteers: gazetteers)
        let page = try #require(Self.corpus.first { $0.0.kind == .article }?.0)
        let key = try #require(TermLinker.cacheKey(page, linker: linker))
        #expect(TermLinker.cacheKey(page, linker: TermLinker(gazetteers: gazetteers)) == key, "the same files give the same key")
        var edited = page
        edited.body += "\nOne more sentence.\n"
        #expect(TermLinker.cacheKey(edited, linker: linker) != key)
        var moved = page
        moved.bodyStartLine += 1
        #expect(TermLinker.cacheKey(moved, linker: linker) != key, "lines in the facts are file lines")
        var renamed = page
        renamed.slug += "-2"
        #expect(TermLinker.cacheKey(renamed, linker: linker) != key, "links are relative to the page's URL")
        #expect(TermLinker.cacheKey(page, linker: nil) != key, "untagged is another rendering")
        // Gazetteers changed in code have no digest of their files: nothing is cached for them.
        var changed = gazetteers
        changed.terms.removeLast()
        #expect(changed.sourceDigest == nil)
        #expect(TermLinker.cacheKey(page, linker: TermLinker(gazetteers: changed)) == nil)
        // Another gazetteer file gives another digest.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("folio-gazetteers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Content/data"), to: copy)
        let companies = copy.appendingPathComponent("companies.yml")
        try (String(contentsOf: companies, encoding: .utf8) + "\n").write(to: companies, atomically: true, encoding: .utf8)
        let other = try Gazetteers.load(from: copy)
        #expect(other.sourceDigest != nil && other.sourceDigest != gazetteers.sourceDigest)
    }
}

/// A file made piece by piece (open data) is produced once for the same inputs: later builds keep
/// the output's file after checking its bytes, and once it is older than a moment, by its stamp
/// alone; a file changed since is produced again.
@Suite struct ProducedFileTests {
    @Test func aFileFromTheSameInputsIsKeptAndKnownByItsStampOnceOld() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-produced-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let site = root.appendingPathComponent("Site")
        let templates = try TemplateLibrary(directory: root.appendingPathComponent("Templates"))
        let cache = BuildCache(directory: root.appendingPathComponent(".folio-cache"))
        var inputs = CacheKeyBuilder("test rows")
        inputs.add("1,Chongqing")
        let key = inputs.key()
        var produced = 0
        /// One build: writes the file through a staged output and publishes it.
        func build() throws {
            let output = try StagedDirectoryOutput(destination: site)
            let writer = PageWriter(templates: templates, sink: output, layout: [:], cache: cache)
            try writer.writeFile(to: "data/rows.csv", inputs: key) { url in
                produced += 1
                try Data("id,name\r\n1,Chongqing\r\n".utf8).write(to: url)
            }
            #expect(writer.writtenPaths == ["data/rows.csv"])
            try output.commit()
        }
        func recorded() throws -> ProducedFile {
            try #require(cache.value(PageWriter.producedNamespace, key).flatMap(ProducedFile.unarchived))
        }
        let file = site.appendingPathComponent("data/rows.csv")
        try build()
        #expect(produced == 1)
        #expect(try recorded().stamp == nil)
        try build()
        #expect(produced == 1, "kept after its bytes were checked")
        #expect(try recorded().stamp == nil, "a file written a moment ago is not known by its stamp")
        // Older now: the next build records its stamp.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: file.path)
        try build()
        #expect(produced == 1)
        #expect(try recorded().stamp == FileStamp(path: file.path))
        try build()
        #expect(produced == 1)
        // Changed by hand: produced again, with the right bytes.
        try Data("id,name\r\n1,Chengdu!!\r\n".utf8).write(to: file)
        try build()
        #expect(produced == 2)
        #expect(try String(contentsOf: file, encoding: .utf8) == "id,name\r\n1,Chongqing\r\n")
    }
}
