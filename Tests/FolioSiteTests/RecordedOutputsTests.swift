import FolioContent
import FolioCore
import FolioEntities
import FolioMarkdown
import FolioModel
import Foundation
import Testing

@testable import FolioSite

/// A generator's outputs are recorded under the digest of its inputs; a later build with the same
/// digest keeps the files the output holds instead of writing them again, but only when every
/// one of them is intact, and never in part.
@Suite struct RecordedOutputsTests {
    /// A project folder with an empty template folder, a cache and an output folder.
    struct Project {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-recorded-\(UUID().uuidString)")
        var site: URL { root.appendingPathComponent("Site") }
        let cache: BuildCache
        let templates: TemplateLibrary

        init() throws {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            cache = BuildCache(directory: root.appendingPathComponent(".folio-cache"))
            templates = try TemplateLibrary(directory: root.appendingPathComponent("Templates"))
        }

        /// One build: `generate` runs unless its outputs recorded under `key` are kept. Returns the
        /// findings, whether the generator ran, and the writer.
        func build(key: BuildCache.Key, generate: (PageWriter) throws -> [Diagnostic]) throws -> (findings: [Diagnostic], ran: Bool, writer: PageWriter) {
            cache.beginBuild()
            let output = try StagedDirectoryOutput(destination: site)
            let writer = PageWriter(templates: templates, sink: output, layout: [:], cache: cache)
            var ran = false
            let findings: [Diagnostic]
            if let kept = writer.replayOutputs("test-outputs", key) {
                findings = kept
            } else {
                ran = true
                findings = try writer.recordingOutputs("test-outputs", key) { try generate(writer) }
            }
            try output.commit()
            cache.save()
            return (findings, ran, writer)
        }
    }

    static func key(_ text: String) -> BuildCache.Key {
        var key = CacheKeyBuilder("test inputs")
        key.add(text)
        return key.key()
    }

    @Test func aGeneratorsFilesAreKeptWhileIntactAndNeverInPart() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let finding = Diagnostic(code: "TAX001", severity: .warning, message: "`X` is not in the gazetteer", location: SourceLocation(file: "Content/a.md", line: 1))
        let entry = CacheKeyBuilder("test entry").key()
        func generate(_ writer: PageWriter, pages: [String]) throws -> [Diagnostic] {
            for page in pages {
                try writer.write("<html><body><h2 id=\"top\">\(page)</h2><a href=\"../index.html\">home</a></body></html>", to: "\(page)/index.html")
            }
            try writer.writeFile(to: "data/table.csv") { url in try Data("id\r\n1\r\n".utf8).write(to: url) }
            // A cache entry the generator uses (a map, a rendered page) is kept while its outputs are.
            writer.cache?.store("test-entries", entry, Data("map".utf8))
            return [finding]
        }
        let key = Self.key("three pages")
        // The first build has no previous output to keep files from: nothing is recorded.
        #expect(try project.build(key: key) { try generate($0, pages: ["a", "b", "c"]) }.ran)
        let second = try project.build(key: key) { try generate($0, pages: ["a", "b", "c"]) }
        #expect(second.ran)
        let third = try project.build(key: key) { try generate($0, pages: ["a", "b", "c"]) }
        #expect(!third.ran, "the same inputs: the files are kept")
        #expect(third.findings == [finding])
        #expect(third.writer.writtenPaths == second.writer.writtenPaths)
        #expect(third.writer.writtenPaths == ["a/index.html", "b/index.html", "c/index.html", "data/table.csv"])
        #expect(third.writer.writtenHTML == second.writer.writtenHTML, "ids and links as a scan of the files gives them")
        #expect(project.cache.value("test-entries", entry) != nil, "kept although nothing asked for it")
        #expect(try String(contentsOf: project.site.appendingPathComponent("b/index.html"), encoding: .utf8).contains(">b</h2>"))

        // A file changed by hand: the generator runs again and nothing stale is left, even a file
        // it no longer writes (the set is kept whole or not at all).
        try Data("<html>edited by hand</html>".utf8).write(to: project.site.appendingPathComponent("b/index.html"))
        let fourth = try project.build(key: key) { try generate($0, pages: ["a", "b"]) }
        #expect(fourth.ran)
        #expect(try String(contentsOf: project.site.appendingPathComponent("b/index.html"), encoding: .utf8).contains(">b</h2>"))
        #expect(!FileManager.default.fileExists(atPath: project.site.appendingPathComponent("c/index.html").path))

        // A file removed from the output, other inputs, a damaged record: the generator runs.
        try FileManager.default.removeItem(at: project.site.appendingPathComponent("a/index.html"))
        #expect(try project.build(key: key) { try generate($0, pages: ["a", "b"]) }.ran)
        #expect(FileManager.default.fileExists(atPath: project.site.appendingPathComponent("a/index.html").path))
        #expect(try project.build(key: Self.key("other inputs")) { try generate($0, pages: ["a", "b"]) }.ran)
        #expect(try !project.build(key: Self.key("other inputs")) { try generate($0, pages: ["a", "b"]) }.ran)
        let records = project.root.appendingPathComponent(".folio-cache/test-outputs")
        for name in try FileManager.default.contentsOfDirectory(atPath: records.path) {
            var data = try Data(contentsOf: records.appendingPathComponent(name))
            data[data.count / 3] ^= 0xFF
            try data.write(to: records.appendingPathComponent(name))
        }
        #expect(try project.build(key: Self.key("other inputs")) { try generate($0, pages: ["a", "b"]) }.ran)
    }

    @Test func filesOlderThanAMomentAreKnownByTheirStampAfterOneCheck() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let key = Self.key("one page")
        func generate(_ writer: PageWriter) throws -> [Diagnostic] {
            try writer.write("<p>one</p>", to: "one/index.html")
            return []
        }
        for _ in 0..<2 { _ = try project.build(key: key, generate: generate) }
        func record() throws -> RecordedOutputs {
            try #require(project.cache.value("test-outputs", key).flatMap(RecordedOutputs.unarchived))
        }
        #expect(try record().files.map(\.stamp) == [nil])
        let file = project.site.appendingPathComponent("one/index.html")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: file.path)
        #expect(try !project.build(key: key, generate: generate).ran)
        #expect(try record().files.map(\.stamp) == [FileStamp(path: file.path)])
        #expect(try !project.build(key: key, generate: generate).ran)
    }

    /// A check writes nothing and reads the cache only: it takes what the last build recorded for
    /// the same inputs, whether or not the site is still there, and makes the rest itself.
    @Test func aCheckTakesTheRecordOfTheSameInputsWithoutReadingTheSite() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let finding = Diagnostic(code: "LINK001", severity: .error, message: "broken link", location: SourceLocation(file: "Content/a.md", line: 3))
        func generate(_ writer: PageWriter) throws -> [Diagnostic] {
            try writer.write("<html><body><h2 id=\"top\">a</h2><a href=\"../b/index.html\">b</a></body></html>", to: "a/index.html")
            try writer.writeFile(to: "data/table.csv") { url in try Data("id\r\n1\r\n".utf8).write(to: url) }
            return [finding]
        }
        let key = Self.key("one page")
        for _ in 0..<2 { _ = try project.build(key: key, generate: generate) }
        let built = try project.build(key: key, generate: generate)
        #expect(!built.ran)
        try FileManager.default.removeItem(at: project.site)

        func check(key: BuildCache.Key, records: Bool) throws -> (findings: [Diagnostic], ran: Bool, writer: PageWriter) {
            let cache = BuildCache(directory: project.root.appendingPathComponent(".folio-cache"), readOnly: true)
            let writer = PageWriter(templates: project.templates, sink: DiscardingOutput(trustingRecords: records), layout: [:], cache: cache)
            if let kept = writer.replayOutputs("test-outputs", key) { return (kept, false, writer) }
            return (try writer.recordingOutputs("test-outputs", key) { try generate(writer) }, true, writer)
        }
        let checked = try check(key: key, records: true)
        #expect(!checked.ran, "the record stands for the files")
        #expect(checked.findings == [finding])
        #expect(checked.writer.writtenPaths == built.writer.writtenPaths)
        #expect(checked.writer.writtenHTML == built.writer.writtenHTML)
        #expect(!FileManager.default.fileExists(atPath: project.site.path), "a check writes nothing")

        // Without records (a plain discarding output), or for other inputs, the generator runs,
        // and the read-only cache is left as it was.
        let entries = try FileManager.default.contentsOfDirectory(atPath: project.root.appendingPathComponent(".folio-cache/test-outputs").path)
        #expect(try check(key: key, records: false).ran)
        let other = try check(key: Self.key("other inputs"), records: true)
        #expect(other.ran)
        #expect(other.findings == [finding])
        #expect(other.writer.writtenHTML == built.writer.writtenHTML)
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.root.appendingPathComponent(".folio-cache/test-outputs").path) == entries)
    }
}

/// The index pages read a page only through its ``IndexedPage``: what the tagging found, the
/// front matter's terms, headings and source lines. Text that names nothing leaves it as it was.
@Suite struct IndexedPageTests {
    static let corpus = CachedRenderingTests.corpus

    static func indexed(_ page: Page, linker: TermLinker, mapper: SourceLineMapper) -> IndexedPage {
        let (rendered, entities, _) = TermLinker.render(page, linker: linker, renderer: MarkdownRenderer())
        return IndexedPage(PublishedPage(page: page, urlPath: page.urlPath, rendered: rendered), entities: entities, mapper: mapper)
    }

    @Test func everyCorpusPageHasOneDigestAndItsMentionsTheirSourceLines() throws {
        let mapper = SourceLineMapper(projectRoot: SiteFixture.repository)
        var withSourceLines = 0, digests: Set<Data> = []
        for (page, rendered, entities) in Self.corpus {
            let indexed = IndexedPage(PublishedPage(page: page, urlPath: page.urlPath, rendered: rendered), entities: entities, mapper: mapper)
            #expect(indexed.digest == indexed.digest, "\(page.path)")
            digests.insert(indexed.digest)
            if !indexed.sourceLineByBodyLine.isEmpty { withSourceLines += 1 }
        }
        #expect(digests.count == Self.corpus.count, "every page its own")
        #expect(withSourceLines > 80, "mentions are traced to their source lines")
    }

    @Test func textThatNamesNothingLeavesTheIndexedPageAsItWas() throws {
        let gazetteers = try Gazetteers.load(from: SiteFixture.repository.appendingPathComponent("Content/data"))
        let linker = TermLinker(gazetteers: gazetteers)
        let mapper = SourceLineMapper(projectRoot: SiteFixture.repository)
        let (page, _, _) = try #require(Self.corpus.first { $0.0.path.hasSuffix("cmia-2021/03-sap.md") })
        let before = Self.indexed(page, linker: linker, mapper: mapper)
        #expect(before.entities?.occurrences.isEmpty == false)

        var edited = page
        edited.body += "\nAn edited sentence.\n"
        #expect(Self.indexed(edited, linker: linker, mapper: mapper).digest == before.digest)
        // Words added to a paragraph above every mention move the mentions' byte offsets, which
        // the index pages never show.
        let mentionLines = Set(before.entities?.occurrences.flatMap { $0.mentions.map(\.line) } ?? [])
        var lines = edited.body.components(separatedBy: "\n")
        let paragraph = try #require(lines.indices.first { index in
            !mentionLines.contains(index + 1) && lines[index].count > 40 && !lines[index].hasPrefix("#") && mentionLines.contains { $0 > index + 2 }
        })
        lines[paragraph] += " Indeed."
        edited.body = lines.joined(separator: "\n")
        #expect(Self.indexed(edited, linker: linker, mapper: mapper).digest == before.digest)

        var naming = page
        naming.body += "\nThe Chongqing plant uses machine learning.\n"
        #expect(Self.indexed(naming, linker: linker, mapper: mapper).digest != before.digest)
        var retitled = page
        retitled.frontMatter.title += " (revised)"
        #expect(Self.indexed(retitled, linker: linker, mapper: mapper).digest != before.digest)
    }
}
