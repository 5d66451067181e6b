import Foundation
import FolioTestSupport
import Testing

/// `folio build` reuses the results of earlier builds (`.folio-cache/`) and the previous
/// output's unchanged files. Property: after any sequence of edits — article text, templates,
/// gazetteer entries — the site it builds is byte-identical, file for file, to a clean build of
/// the same sources in a fresh copy of the project with no cache at all.
@Suite(.serialized) struct CachedBuildTests {
    static func copyProject(to root: URL) throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for item in ["Content", "Templates", "folio.yml", ".folio-baseline.json"] {
            try FileManager.default.copyItem(at: FolioProcess.repository.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
    }

    /// Replaces the first `old` in the file at `path` under `root`; false when it is not there.
    static func replace(_ old: String, with new: String, in path: String, under root: URL) throws -> Bool {
        let url = root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let range = text.range(of: old) else { return false }
        try text.replacingCharacters(in: range, with: new).write(to: url, atomically: true, encoding: .utf8)
        return true
    }

    /// One random edit of the kinds an editor makes; returns what it did.
    static func edit(_ root: URL, round: Int, random: inout SeededGenerator) throws -> String {
        let articles = try FileManager.default.subpathsOfDirectory(atPath: root.appendingPathComponent("Content/articles").path)
            .filter { $0.hasSuffix(".md") && !$0.hasSuffix("index.md") }.sorted().map { "Content/articles/\($0)" }
        for _ in 0..<20 {
            let article = articles[Int(random.next() % UInt64(articles.count))]
            switch random.next() % 7 {
            case 0:
                if try replace(" the ", with: " the revised \(round) ", in: article, under: root) { return "text of \(article)" }
            case 1:
                // A technology the text names, newly listed: its mentions become index entries.
                let url = root.appendingPathComponent(article)
                try (String(contentsOf: url, encoding: .utf8) + "\nThe quantum annealer \(round) is named here.\n").write(to: url, atomically: true, encoding: .utf8)
                let added = "  - name: Quantum annealer \(round)\n    aliases: [quantum annealer \(round)]\n"
                if try replace("  - name: Machine learning\n", with: added + "  - name: Machine learning\n", in: "Content/data/technologies.yml", under: root) {
                    return "technology gazetteer and \(article)"
                }
            case 2:
                if try replace("{{/main}}", with: "<p class=\"edited\">Template edit \(round)</p>{{/main}}", in: "Templates/article.mustache", under: root) {
                    return "article template"
                }
            case 3:
                if try replace("aliases: [AIR PRODUCTS,", with: "aliases: [Air Products Group \(round), AIR PRODUCTS,", in: "Content/data/companies.yml", under: root) {
                    return "company alias"
                }
            case 4:
                // A paragraph before the text: every mention moves down a line.
                if try replace("\n---\n", with: "\n---\n\nAn opening paragraph \(round).\n", in: article, under: root) { return "opening of \(article)" }
            case 5:
                // A line added at the top of a raw source: the articles whose text no longer
                // fits their line map are traced to other source lines.
                let sources = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Content/sources").path).filter { $0.hasSuffix(".txt") }.sorted()
                let source = "Content/sources/" + sources[Int(random.next() % UInt64(sources.count))]
                let url = root.appendingPathComponent(source)
                try (Data("Added line \(round).\n".utf8) + Data(contentsOf: url)).write(to: url)
                return "top of \(source)"
            default:
                if try replace("\ntitle: \"", with: "\ntitle: \"Revised \(round): ", in: article, under: root) { return "title of \(article)" }
            }
        }
        return "nothing"
    }

    @Test func aCachedBuildAfterRandomEditsEqualsACleanBuildOfAFreshCopy() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("folio-cached-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let root = base.appendingPathComponent("project")
        try Self.copyProject(to: root)
        let site = root.appendingPathComponent("Site")
        let first = try FolioProcess.run(["build", "--quiet", "--root", root.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try Self.entries(root).count > 900)

        var random = SeededGenerator(seed: 1205)
        for round in 1...3 {
            let edits = try (0..<2).map { _ in try Self.edit(root, round: round, random: &random) }
            let cached = try FolioProcess.run(["build", "--quiet", "--root", root.path])
            #expect(cached.status == 0, "round \(round) (\(edits)): \(cached.stderr)")

            // The same sources, copied without cache or output, built clean.
            let fresh = base.appendingPathComponent("fresh-\(round)")
            try FileManager.default.createDirectory(at: fresh, withIntermediateDirectories: true)
            for item in ["Content", "Templates", "folio.yml", ".folio-baseline.json"] {
                try FileManager.default.copyItem(at: root.appendingPathComponent(item), to: fresh.appendingPathComponent(item))
            }
            let clean = try FolioProcess.run(["build", "--quiet", "--clean", "--root", fresh.path])
            #expect(clean.status == 0, "round \(round): \(clean.stderr)")

            let incremental = try RebuildTests.files(site), expected = try RebuildTests.files(fresh.appendingPathComponent("Site"))
            #expect(incremental.count > 1000)
            #expect(Set(incremental.keys) == Set(expected.keys), "round \(round) (\(edits)): \(Set(incremental.keys).symmetricDifference(expected.keys).sorted().prefix(5))")
            let different = incremental.keys.filter { incremental[$0] != expected[$0] }.sorted()
            #expect(different.isEmpty, "round \(round) (\(edits)): files that differ from a clean build: \(different.prefix(5))")
        }
        // What the edits did reached the site (so the comparison is not of two stale sites).
        let all = try RebuildTests.files(site).values.map { String(decoding: $0, as: UTF8.self) }
        #expect(all.contains { $0.contains("revised") || $0.contains("Revised") || $0.contains("Template edit") || $0.contains("Quantum annealer") || $0.contains("Air Products Group") })
    }

    /// The names of the cached pages (one file each).
    static func entries(_ root: URL) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(".folio-cache/pages").path))
    }

    @Test func theCacheKeepsOnlyWhatTheLastBuildUsedAndADamagedEntryIsAMiss() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-cache-size-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.copyProject(to: root)
        #expect(try FolioProcess.run(["build", "--quiet", "--root", root.path]).status == 0)
        let first = try Self.entries(root)
        #expect(first.count > 900)
        // Editing a template changes every article page: their old entries leave the cache.
        #expect(try Self.replace("{{/main}}", with: "<p>Edited.</p>{{/main}}", in: "Templates/article.mustache", under: root))
        #expect(try FolioProcess.run(["build", "--quiet", "--root", root.path]).status == 0)
        let second = try Self.entries(root)
        #expect(second.count == first.count)
        #expect(first.subtracting(second).count >= 90, "the old article pages are gone")
        // `folio check` reads the cache and leaves it as it is.
        #expect(try Self.replace("<p>Edited.</p>", with: "<p>Edited again.</p>", in: "Templates/article.mustache", under: root))
        _ = try FolioProcess.run(["check", "--quiet", "--root", root.path])
        #expect(try Self.entries(root) == second)
        #expect(try Self.replace("<p>Edited again.</p>", with: "<p>Edited.</p>", in: "Templates/article.mustache", under: root))

        // A damaged entry is a miss, never a wrong page: the site is the same as before.
        let before = try RebuildTests.files(root.appendingPathComponent("Site"))
        // Rendered pages, the pages' renderings and taggings, and their front matter alike.
        for namespace in ["pages", "rendered", "front-matter"] {
            let folder = root.appendingPathComponent(".folio-cache/\(namespace)")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(names.count > 90, "\(namespace)")
            for name in names {
                let url = folder.appendingPathComponent(name)
                var data = try Data(contentsOf: url)
                data[data.count / 2] ^= 0xFF
                try data.write(to: url)
            }
        }
        let rebuilt = try FolioProcess.run(["build", "--quiet", "--root", root.path])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(try RebuildTests.files(root.appendingPathComponent("Site")) == before)
    }

    /// Open data made from unchanged tables is kept as the last build wrote it (the same file),
    /// and only while its bytes are the ones that build wrote: a file changed by hand in the
    /// output, or with a damaged cache entry, is written again.
    /// The search index is made from the pages' sections alone: while none changes, its files
    /// are kept as the output holds them; an edit makes it again, and a file changed by hand is
    /// written again.
    @Test func theSearchIndexIsKeptWhileNoSectionChanges() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-kept-search-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.copyProject(to: root)
        #expect(try FolioProcess.run(["build", "--quiet", "--root", root.path]).status == 0)
        let meta = root.appendingPathComponent("Site/search/index/meta.js")
        func inode(_ url: URL) throws -> NSNumber? { try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? NSNumber }
        func searchFiles() throws -> [String: Data] {
            try RebuildTests.files(root.appendingPathComponent("Site")).filter { $0.key.hasPrefix("search/") }
        }
        let metaFile = try inode(meta)
        let before = try searchFiles()

        #expect(try FolioProcess.run(["build", "--quiet", "--root", root.path]).status == 0)
        #expect(try inode(meta) == metaFile)
        #expect(try searchFiles() == before)
        // What was written is recorded once; a damaged record is a miss, and the files come out the same.
        let records = root.appendingPathComponent(".folio-cache/search-outputs")
        let names = try FileManager.default.contentsOfDirectory(atPath: records.path)
        #expect(names.count == 1)
        for name in names {
            var data = try Data(contentsOf: records.appendingPathComponent(name))
            data[0] ^= 0xFF
            try data.write(to: records.appendingPathComponent(name))
        }
        #expect(try FolioProcess.run(["build", "--quiet", "--root", root.path]).status == 0)
        #expect(try searchFiles() == before)

        // A new word in one article: the index is made again, as a build without the cache makes it.
        let url = root.appendingPathComponent("Content/articles/cmia-2021/03-sap.md")
        try (String(contentsOf: url, encoding: .utf8) + "\nAn edited sentence about zeolites.\n").write(to: url, atomically: true, encoding: .utf8)
        #expect(try FolioProcess.run(["build", "--quiet", "--root", root.path]).status == 0)
        let edited = try searchFiles()
        #expect(edited != before)
        let clean = root.appendingPathComponent("clean-site")
        #expect(try FolioProcess.run(["build", "--quiet", "--clean", "--root", root.path, "--output", clean.path]).status == 0)
        #expect(try RebuildTests.files(clean).filter { $0.key.hasPrefix("search/") } == edited)

        // Changed by hand, with the same size: the next build writes it again.
        let current = try Data(contentsOf: meta)
        var tampered = current
        tampered[tampered.count / 2] = tampered[tampered.count / 2] == 0x41 ? 0x42 : 0x41
        try tampered.write(to: meta)
        #expect(try FolioProcess.run(["build", "--quiet", "--root", root.path]).status == 0)
        #expect(try Data(contentsOf: meta) == current)
    }

    @Test func openDataFromUnchangedTablesIsKeptOnlyWhileItIsIntact() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-kept-data-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.copyProject(to: root)
        #expect(try FolioProcess.run(["build", "--quiet", "--root", root.path]).status == 0)
        let mentions = root.appendingPathComponent("Site/data/mentions.csv")
        let database = root.appendingPathComponent("Site/data/folio.sqlite")
        func inode(_ url: URL) throws -> NSNumber? { try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? NSNumber }
        let (mentionsFile, databaseFile) = (try inode(mentions), try inode(database))
        let original = try Data(contentsOf: mentions)

        // A sentence without any indexed name: no table changes.
        let article = "Content/articles/cmia-2021/03-sap.md"
        let url = root.appendingPathComponent(article)
        try (String(contentsOf: url, encoding: .utf8) + "\nAn edited sentence.\n").write(to: url, atomically: true, encoding: .utf8)
        #expect(try FolioProcess.run(["build", "--quiet", "--root", root.path]).status == 0)
        #expect(try inode(mentions) == mentionsFile)
        #expect(try inode(database) == databaseFile)
        #expect(try String(contentsOf: root.appendingPathComponent("Site/cmia-2021/sap/index.html"), encoding: .utf8).contains("An edited sentence."))

        // Changed by hand, with the same size: the next build writes it again.
        var tampered = original
        tampered[tampered.count / 2] = tampered[tampered.count / 2] == 0x41 ? 0x42 : 0x41
        try tampered.write(to: mentions)
        #expect(try FolioProcess.run(["build", "--quiet", "--root", root.path]).status == 0)
        #expect(try Data(contentsOf: mentions) == original)

        // A damaged record of what was produced is a miss: the file is made again, the same.
        // (With the index pages' record damaged too, or their files would simply be kept.)
        let folder = root.appendingPathComponent(".folio-cache/produced")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.count >= 13, "the tables' CSV and JSON and the database")
        for name in names {
            var data = try Data(contentsOf: folder.appendingPathComponent(name))
            data[0] ^= 0xFF
            try data.write(to: folder.appendingPathComponent(name))
        }
        let records = root.appendingPathComponent(".folio-cache/taxonomy-outputs")
        for name in try FileManager.default.contentsOfDirectory(atPath: records.path) {
            var data = try Data(contentsOf: records.appendingPathComponent(name))
            data[0] ^= 0xFF
            try data.write(to: records.appendingPathComponent(name))
        }
        let before = try RebuildTests.files(root.appendingPathComponent("Site"))
        #expect(try FolioProcess.run(["build", "--quiet", "--root", root.path]).status == 0)
        #expect(try RebuildTests.files(root.appendingPathComponent("Site")) == before)
    }

    /// An article edited by hand no longer fits its line map, so its mentions are traced to the
    /// raw source by their text: a line added to that source moves them, and the index files
    /// built from the cache (the open data's mentions) follow, as a clean build does.
    @Test func indexPagesFollowTheRawSourceOfAHandEditedArticle() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("folio-source-edit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let root = base.appendingPathComponent("project")
        try Self.copyProject(to: root)
        #expect(try Self.replace("\n---\n", with: "\n---\n\nAn opening paragraph.\n", in: "Content/articles/cmia-2021/03-sap.md", under: root))
        for _ in 0..<2 { #expect(try FolioProcess.run(["build", "--quiet", "--root", root.path]).status == 0) }
        let before = try RebuildTests.files(root.appendingPathComponent("Site"))

        let source = root.appendingPathComponent("Content/sources/cmia-2021-penetrating-insights.txt")
        try (Data("An added line.\n".utf8) + Data(contentsOf: source)).write(to: source)
        #expect(try FolioProcess.run(["build", "--quiet", "--root", root.path]).status == 0)
        let after = try RebuildTests.files(root.appendingPathComponent("Site"))
        #expect(after["data/mentions.csv"] != before["data/mentions.csv"], "the open data gives the mentions' new source lines")

        let fresh = base.appendingPathComponent("fresh")
        try FileManager.default.createDirectory(at: fresh, withIntermediateDirectories: true)
        for item in ["Content", "Templates", "folio.yml", ".folio-baseline.json"] {
            try FileManager.default.copyItem(at: root.appendingPathComponent(item), to: fresh.appendingPathComponent(item))
        }
        #expect(try FolioProcess.run(["build", "--quiet", "--clean", "--root", fresh.path]).status == 0)
        let expected = try RebuildTests.files(fresh.appendingPathComponent("Site"))
        let different = Set(after.keys).union(expected.keys).filter { after[$0] != expected[$0] }.sorted()
        #expect(different.isEmpty, "files that differ from a clean build: \(different.prefix(5))")
    }

    /// `folio check` takes what the last build recorded for unchanged inputs: its findings are
    /// those of a check in a fresh copy with no cache, before and after an edit that breaks a
    /// link, and whether or not the site is still there.
    @Test func aCheckAfterABuildFindsWhatACheckWithoutCacheFinds() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("folio-check-records-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let root = base.appendingPathComponent("project")
        try Self.copyProject(to: root)
        for _ in 0..<2 { #expect(try FolioProcess.run(["build", "--quiet", "--root", root.path]).status == 0) }
        func findings(_ project: URL) throws -> (status: Int32, json: String) {
            let result = try FolioProcess.run(["check", "--format", "json", "--root", project.path])
            return (result.status, result.stdout)
        }
        func fresh(_ name: String) throws -> URL {
            let copy = base.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
            for item in ["Content", "Templates", "folio.yml", ".folio-baseline.json"] {
                try FileManager.default.copyItem(at: root.appendingPathComponent(item), to: copy.appendingPathComponent(item))
            }
            return copy
        }
        let before = try findings(root)
        #expect(before.status == 0)
        #expect(before.json.contains("\"code\""), "the corpus has accepted findings to compare")
        #expect(try findings(fresh("fresh-before")) == before)

        // A broken anchor in one article and a new sentence in another, with no build since.
        let article = "Content/articles/cmia-2021/03-sap.md"
        let url = root.appendingPathComponent(article)
        try (String(contentsOf: url, encoding: .utf8) + "\nSee [the missing part](#no-such-part).\n").write(to: url, atomically: true, encoding: .utf8)
        #expect(try Self.replace(" the ", with: " the checked ", in: "Content/articles/cmia-2021/04-jardine-matheson.md", under: root))
        let after = try findings(root)
        #expect(after.status == 1)
        #expect(after.json.contains("no-such-part"))
        #expect(try findings(fresh("fresh-after")) == after)
        try FileManager.default.removeItem(at: root.appendingPathComponent("Site"))
        #expect(try findings(root) == after)
    }

    /// An article page whose inputs are unchanged is kept as the last build wrote it, with its
    /// cite files; one changed by hand in the output, or whose neighbour was retitled, is
    /// written again.
    @Test func unchangedArticlePagesAreKeptWhileIntact() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-kept-pages-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.copyProject(to: root)
        for _ in 0..<2 { #expect(try FolioProcess.run(["build", "--quiet", "--root", root.path]).status == 0) }
        let records = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(".folio-cache/article-outputs").path)
        #expect(records.count > 90, "one record per article")
        let page = root.appendingPathComponent("Site/cmia-2021/sap/index.html")
        let cite = root.appendingPathComponent("Site/cmia-2021/sap/cite.bib")
        let (original, originalCite) = (try Data(contentsOf: page), try Data(contentsOf: cite))

        try Data("<html>changed by hand</html>".utf8).write(to: page)
        try Data("@misc{changed}".utf8).write(to: cite)
        #expect(try FolioProcess.run(["build", "--quiet", "--root", root.path]).status == 0)
        #expect(try Data(contentsOf: page) == original)
        #expect(try Data(contentsOf: cite) == originalCite)

        // The next article's title is shown on this page (its "Next" link and the contents list).
        #expect(try Self.replace("\ntitle: \"", with: "\ntitle: \"Retitled: ", in: "Content/articles/cmia-2021/04-jardine-matheson.md", under: root))
        #expect(try FolioProcess.run(["build", "--quiet", "--root", root.path]).status == 0)
        #expect(try String(contentsOf: page, encoding: .utf8).contains("Retitled: "))
    }
}
