@testable import FolioBundle
import FolioCore
import FolioMarkdown
import FolioModel
import FolioValidate
import Foundation
import Testing
import ZIPFoundation

/// End-to-end tests of `folio bundle` on the fixture project (excerpts of the Leiden 2023 report
/// and the GIZ/CCID 2022 paper).
@Suite struct BundlerTests {
    let expectedFiles = [
        "digital-industry-reports.epub", "digital-industry-reports.zip",
        "giz-ccid-2022.epub", "giz-ccid-2022.html", "leiden-2023.epub", "leiden-2023.html",
    ]

    func bundle(_ fixture: BundleFixture, into directory: String = "out", checkOnly: Bool = false) throws -> Bundler.Result {
        try Bundler().run(.init(projectRoot: fixture.root, config: fixture.config(), outputDirectory: fixture.url(directory), checkOnly: checkOnly))
    }

    @Test func writesEveryBundleOfTheCatalog() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let result = try bundle(fixture)
        #expect(result.bundles.map(\.fileName).sorted() == expectedFiles)
        #expect(try fixture.files(in: fixture.url("out")).keys.sorted() == expectedFiles)
        #expect(result.stale.isEmpty)
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
    }

    @Test(.enabled(if: EPUBCheck.available, "needs java and epubcheck (Debian packages default-jre-headless and epubcheck)"))
    func everyEPUBPassesEpubcheckWithoutErrorsOrWarnings() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        _ = try bundle(fixture)
        let java = try #require(EPUBCheck.path(of: "java"))
        let jar = try #require(EPUBCheck.jar)
        for name in expectedFiles where name.hasSuffix(".epub") {
            let (status, output) = try runProcess(java, ["-jar", jar, fixture.url("out/\(name)").path])
            #expect(status == 0, "\(name): \(output)")
            #expect(output.contains("0 fatals / 0 errors / 0 warnings"), "\(name): \(output)")
        }
    }

    @Test func epubStartsWithAStoredMimetypeWithoutExtraField() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        _ = try bundle(fixture)
        let bytes = [UInt8](try Data(contentsOf: fixture.url("out/leiden-2023.epub")))
        #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
        #expect(bytes[8] == 0 && bytes[9] == 0, "mimetype must be stored, not deflated")
        #expect(bytes[26] == 8 && bytes[27] == 0, "name length of `mimetype`")
        #expect(bytes[28] == 0 && bytes[29] == 0, "no extra field")
        #expect(String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: bytes[38..<58], as: UTF8.self) == "application/epub+zip")
    }

    @Test func epubHasMetadataNavigationFootnotesAndIndex() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        _ = try bundle(fixture)
        let entries = try Self.unzip(fixture.url("out/leiden-2023.epub"))
        let opf = try #require(entries["OEBPS/package.opf"])
        #expect(opf.contains("<dc:title id=\"title\">China and the Industrial Internet of Things</dc:title>"))
        #expect(opf.contains("<dc:publisher>LeidenAsiaCentre</dc:publisher>"))
        #expect(opf.contains("<dc:date>2023-06</dc:date>"))
        #expect(opf.contains("<dc:language>en</dc:language>"))
        #expect(opf.contains("<dc:identifier id=\"pub-id\">urn:uuid:\(NameBasedUUID.make("folio:epub:leiden-2023"))</dc:identifier>"))
        #expect(opf.contains("<meta property=\"dcterms:modified\">2023-06-01T00:00:00Z</meta>"))
        #expect(opf.contains("properties=\"cover-image\""))
        let nav = try #require(entries["OEBPS/nav.xhtml"])
        #expect(nav.contains("<nav epub:type=\"toc\""))
        #expect(nav.contains("<nav epub:type=\"landmarks\""))
        let intro = try #require(entries["OEBPS/leiden-2023.introduction.xhtml"])
        #expect(intro.contains("<a href=\"#fn-1\" id=\"fnref-1\" epub:type=\"noteref\" role=\"doc-noteref\">1</a>"))
        #expect(intro.contains("<aside id=\"fn-1\" epub:type=\"footnote\" role=\"doc-footnote\">"))
        #expect(intro.contains("<a href=\"#fnref-1\" class=\"footnote-backref\""))
        #expect(!intro.contains("data-footnote"))
        #expect(intro.contains("<th style=\"text-align: left\">Provider</th>"))
        #expect(intro.contains("<figure id=\"figure-1\" class=\"figure-missing\"><figcaption>"))
        // A link into another article of the same book keeps its fragment; one to another document does not leave the book.
        #expect(intro.contains("<a href=\"leiden-2023.global-growth.xhtml#the-eu-and-the-iot\">the global picture</a>"))
        #expect(intro.contains("<span>the use cases of the GIZ paper</span>"))
        let index = try #require(entries["OEBPS/back-index.xhtml"])
        #expect(index.contains("<li><span class=\"term\">Siemens</span>: <a href=\"leiden-2023.introduction.xhtml\">Introduction</a>; <a href=\"leiden-2023.global-growth.xhtml\">1. Global growth of the IoT and the IIoT</a></li>"))
        #expect(index.contains("<li><span class=\"term\">SDG 9</span>: <a href=\"leiden-2023.introduction.xhtml\">Introduction</a></li>"))
        // Ids that start with a digit are not XML names: they get a prefix, and links follow.
        let corpus = try Self.unzip(fixture.url("out/digital-industry-reports.epub"))
        let giz = try #require(corpus["OEBPS/giz-ccid-2022.introduction.xhtml"])
        #expect(giz.contains("<h2 id=\"h1-1-background\">1.1 Background</h2>"))
        let summary = try #require(corpus["OEBPS/giz-ccid-2022.executive-summary.xhtml"])
        #expect(summary.contains("<a href=\"leiden-2023.introduction.xhtml#international-collaborations\">the IIoT report</a>"))
    }

    @Test func extractedSiteZipHasOneFolderAndEveryInternalLinkResolves() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        _ = try bundle(fixture)
        let extracted = fixture.url("extracted")
        try FileManager.default.unzipItem(at: fixture.url("out/digital-industry-reports.zip"), to: extracted)
        let top = try FileManager.default.contentsOfDirectory(atPath: extracted.path)
        #expect(top == ["digital-industry-reports"])
        let site = extracted.appendingPathComponent("digital-industry-reports")
        let files = try fixture.files(in: site)
        #expect(files["index.html"] != nil)
        #expect(files["leiden-2023/introduction/index.html"] != nil)
        #expect(files["assets/folio.css"] != nil)
        let html = files.filter { $0.key.hasSuffix(".html") }.map { OutputFileFacts(path: $0.key, facts: HTMLFacts.scan(String(decoding: $0.value, as: UTF8.self)), contentPath: nil) }
        #expect(html.count >= 7)
        let problems = OutputLinkValidator().validate(html, existingPaths: Set(files.keys))
        #expect(problems.isEmpty, "\(DiagnosticFormatter.text(problems))")
        // The offline copy does not link to downloads it does not contain.
        let home = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        #expect(!home.contains("downloads/"))
    }

    @Test func twoRunsGiveByteIdenticalFiles() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        _ = try bundle(fixture, into: "first")
        _ = try bundle(fixture, into: "second")
        let first = try fixture.files(in: fixture.url("first"))
        let second = try fixture.files(in: fixture.url("second"))
        #expect(first.keys.sorted() == expectedFiles)
        for (name, data) in first {
            #expect(second[name] == data, "\(name) differs between runs")
        }
    }

    @Test func checkReportsMissingAndStaleBundlesOnly() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let never = try bundle(fixture, checkOnly: true)
        #expect(never.stale.map(\.fileName).sorted() == expectedFiles)
        let allMissing = never.stale.allSatisfy { $0.missing }
        #expect(allMissing, "never-built bundles are missing, not stale")
        #expect(!FileManager.default.fileExists(atPath: fixture.url("out").path), "check mode writes nothing")
        _ = try bundle(fixture)
        #expect(try bundle(fixture, checkOnly: true).stale.isEmpty)

        let article = fixture.url("Content/articles/giz-ccid-2022/02-introduction.md")
        let text = try String(contentsOf: article, encoding: .utf8)
        try text.replacingOccurrences(of: "signed a Memorandum", with: "signed a memorandum").write(to: article, atomically: true, encoding: .utf8)
        let changed = try bundle(fixture, checkOnly: true).stale
        let anyMissing = changed.contains { $0.missing }
        #expect(!anyMissing)
        let stale = changed.map(\.fileName).sorted()
        #expect(stale == ["digital-industry-reports.epub", "digital-industry-reports.zip", "giz-ccid-2022.epub", "giz-ccid-2022.html"])
    }

    @Test func missingCorpusManifestIsAClearErrorAndKeepsEarlierBundles() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        _ = try bundle(fixture)
        let before = try fixture.files(in: fixture.url("out"))
        try FileManager.default.removeItem(at: fixture.url("Content/corpus.yml"))
        #expect(throws: BundleError.metadata(
            file: "Content/corpus.yml", line: nil,
            message: "the corpus manifest is missing; bundles need each document's title, publisher, date and language",
            hint: "create Content/corpus.yml with a `documents:` list"
        )) {
            try bundle(fixture)
        }
        #expect(try fixture.files(in: fixture.url("out")) == before)
    }

    @Test func projectWithoutDocumentsGetsOnlyTheSiteZip() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        try FileManager.default.removeItem(at: fixture.url("Content/articles"))
        try FileManager.default.removeItem(at: fixture.url("Content/corpus.yml"))
        let result = try bundle(fixture)
        #expect(result.bundles.map(\.fileName) == ["digital-industry-reports.zip"])
    }

    @Test func documentMissingFromTheManifestIsNamed() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let manifest = fixture.url("Content/corpus.yml")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        let cut = try #require(text.range(of: "  - slug: giz-ccid-2022"))
        try String(text[..<cut.lowerBound]).write(to: manifest, atomically: true, encoding: .utf8)
        do {
            _ = try bundle(fixture)
            Issue.record("expected an error")
        } catch let error as BundleError {
            guard case let .metadata(file, _, message, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(file == "Content/corpus.yml")
            #expect(message.contains("`giz-ccid-2022`"))
            #expect(error.exitCode == 2)
        }
    }

    @Test func badDateInTheManifestIsAClearError() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let manifest = fixture.url("Content/corpus.yml")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        try text.replacingOccurrences(of: "date: \"2023-06\"", with: "date: \"June 2023\"").write(to: manifest, atomically: true, encoding: .utf8)
        #expect(throws: BundleError.metadata(file: "Content/corpus.yml", line: nil, message: "document `leiden-2023` has date `June 2023`, which is not YYYY, YYYY-MM or YYYY-MM-DD", hint: "write the publication date as for example `2023-06`")) {
            try bundle(fixture)
        }
    }

    @Test func unreadableArticleIsAnErrorNamingTheFile() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        _ = try bundle(fixture)
        let before = try fixture.files(in: fixture.url("out"))
        // A directory with a Markdown name cannot be read as a file (chmod does not stop root).
        try FileManager.default.createDirectory(at: fixture.url("Content/articles/leiden-2023/03-broken.md"), withIntermediateDirectories: true)
        #expect(throws: BundleError.unreadable(path: "Content/articles/leiden-2023/03-broken.md", message: "cannot read the file: it is a folder, not a file")) {
            try bundle(fixture)
        }
        #expect(try fixture.files(in: fixture.url("out")) == before)
    }

    @Test func unwritableOutputIsAnErrorAndKeepsEarlierBundles() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        _ = try bundle(fixture)
        let before = try fixture.files(in: fixture.url("out"))
        // Something in the way of one bundle: nothing is replaced and no temporary file remains.
        try FileManager.default.removeItem(at: fixture.url("out/leiden-2023.html"))
        try FileManager.default.createDirectory(at: fixture.url("out/leiden-2023.html"), withIntermediateDirectories: false)
        let article = fixture.url("Content/articles/leiden-2023/01-introduction.md")
        try (try String(contentsOf: article, encoding: .utf8) + "\nOne more paragraph.\n").write(to: article, atomically: true, encoding: .utf8)
        #expect(throws: BundleError.unwritable(path: fixture.url("out/leiden-2023.html").standardizedFileURL.path, message: "a directory is in the way of the bundle")) {
            try bundle(fixture)
        }
        var after = try fixture.files(in: fixture.url("out"))
        after["leiden-2023.html"] = before["leiden-2023.html"]
        #expect(after == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.url("out").path).filter { $0.hasPrefix(".") }.isEmpty)

        // An output path below a regular file cannot be created.
        try Data("x".utf8).write(to: fixture.url("plain-file"))
        do {
            _ = try bundle(fixture, into: "plain-file/downloads")
            Issue.record("expected an error")
        } catch let error as BundleError {
            guard case let .unwritable(path, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(path.hasSuffix("plain-file/downloads"))
            #expect(error.exitCode == 3)
        }
    }

    @Test func singleFileHTMLHasNoExternalRequestsAndWorkingFragments() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        _ = try bundle(fixture)
        let files = try fixture.files(in: fixture.url("out"))
        let html = files.filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
        for (name, text) in html {
            #expect(!text.contains("<link rel=\"stylesheet\""), "\(name) links a stylesheet")
            #expect(!text.contains("<script"), "\(name) has a script")
            #expect(!text.contains(" src=\""), "\(name) loads a resource")
            #expect(!text.contains("url("), "\(name) CSS loads a resource")
            #expect(!text.contains("@import"), "\(name) CSS imports")
            #expect(text.contains("<style media=\"print\">"), "\(name) has no print stylesheet")
            let ids = Self.idValues(text)
            #expect(ids.count == Set(ids).count, "\(name) repeats ids: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
        }
        let facts = html.map { OutputFileFacts(path: $0.key, facts: HTMLFacts.scan($0.value), contentPath: nil) }
        // Relative links (fragments and the sibling documents) all resolve; the rest are web links or `data:`.
        #expect(OutputLinkValidator().validate(facts, existingPaths: Set(files.keys)).isEmpty)
        for file in facts {
            for ref in file.facts.references where SiteLink.isInternal(ref.url) {
                #expect(ref.url.hasPrefix("#") || ref.url.hasSuffix(".html") || ref.url.contains(".html#"), "\(file.path): \(ref.url)")
            }
            for ref in file.facts.references where !SiteLink.isInternal(ref.url) {
                #expect(["https:", "http:", "mailto:", "data:"].contains { ref.url.hasPrefix($0) }, "\(file.path): \(ref.url)")
            }
        }
        let leiden = try #require(html["leiden-2023.html"])
        #expect(leiden.contains("<a href=\"#introduction--fn-1\" id=\"introduction--fnref-1\">1</a>"))
        #expect(leiden.contains("<li id=\"introduction--fn-1\">"))
        #expect(leiden.contains("<a href=\"#global-growth--the-eu-and-the-iot\">the global picture</a>"))
        #expect(leiden.contains("<a href=\"giz-ccid-2022.html#executive-summary\">the use cases of the GIZ paper</a>"))
    }

    /// Every `id="…"` value in order, repeats kept.
    static func idValues(_ html: String) -> [String] {
        var ids: [String] = []
        var rest = html[...]
        while let range = rest.range(of: " id=\"") {
            let after = rest[range.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            ids.append(String(after[..<end]))
            rest = after[end...]
        }
        return ids
    }

    /// The text entries of a zip archive.
    static func unzip(_ url: URL) throws -> [String: String] {
        let archive = try Archive(url: url, accessMode: .read)
        var out: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            out[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return out
    }
}

/// The offline copy in the zip searches from `file://` in a real browser.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"), "needs chromium (Debian package `chromium`)"))
struct OfflineZipSearchTests {
    @Test func extractedZipSearchesOfflineInChromium() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        _ = try Bundler().run(.init(projectRoot: fixture.root, config: fixture.config(), outputDirectory: fixture.url("out")))
        let extracted = fixture.url("extracted")
        try FileManager.default.unzipItem(at: fixture.url("out/digital-industry-reports.zip"), to: extracted)
        let page = extracted.appendingPathComponent("digital-industry-reports/search/index.html")
        #expect(FileManager.default.fileExists(atPath: page.path))
        let dom = try Self.dumpDOM(page.absoluteString + "?q=industrial%20internet")
        #expect(dom.contains("data-state=\"done\""), "the search page finished")
        #expect(dom.contains("class=\"search-result__link\" href=\"../leiden-2023/"), "a result links into the extracted site")
        #expect(dom.contains("<mark>"), "matched words are highlighted")
    }

    static func dumpDOM(_ url: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chromium")
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("folio-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--user-data-dir=\(profile.path)", "--virtual-time-budget=10000", "--dump-dom", url]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let killer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 90, execute: killer)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        killer.cancel()
        return String(decoding: data, as: UTF8.self)
    }
}
