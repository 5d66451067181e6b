import FolioCore
import FolioSite
import Foundation
import FolioTestSupport
import Testing

/// `folio serve` re-renders an edited page alone before the full rebuild. On the repository's own
/// corpus, randomly chosen articles get random edits (words, a footnote, a heading, the title);
/// every file the refresher writes must be byte-identical to the full build's, and changes it
/// cannot decide alone must get no refresh at all.
@Suite(.serialized) struct PageRefresherTests {
    /// A copy of the corpus project in a temporary directory.
    static func project() throws -> URL {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("folio-refresh-\(UUID().uuidString)", isDirectory: true)
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        for item in ["Content", "Templates", "folio.yml", ".folio-baseline.json"] {
            try fm.copyItem(at: SiteFixture.repository.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        return root
    }

    static func build(_ root: URL) throws -> (SiteBuilder.Result, [String: Data]) {
        let (config, _) = try FolioConfig.load(from: root.appendingPathComponent("folio.yml").path)
        let memory = MemoryOutput()
        let result = try SiteBuilder().build(.init(projectRoot: root, config: config, sink: memory))
        return (result, memory.contents)
    }

    /// One edit an author might save: returns the new text, or nil when it does not apply.
    static func edit(_ text: String, kind: Int, trial: Int) -> String? {
        guard let end = text.range(of: "\n---\n", range: text.index(after: text.startIndex)..<text.endIndex) else { return nil }
        let head = String(text[..<end.upperBound]), body = String(text[end.upperBound...])
        switch kind {
        case 0:
            guard let word = body.range(of: " the ") else { return nil }
            return head + body.replacingCharacters(in: word, with: " the very \(trial) ")
        case 1:
            return head + body + "\nAn added sentence that cites a note.[^added\(trial)]\n\n[^added\(trial)]: The added note, edit \(trial).\n"
        case 2:
            return head + body + "\n## An added heading \(trial)\n\nWith a paragraph under it.\n"
        default:
            guard let line = head.range(of: "\ntitle: ") else { return nil }
            return head.replacingCharacters(in: line, with: "\ntitle: Edited \(trial) — ") + body
        }
    }

    @Test func refreshedPagesEqualTheFullRebuildsPages() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        var (result, _) = try Self.build(root)
        #expect(!result.failed)
        let articles = try FileManager.default.subpathsOfDirectory(atPath: root.appendingPathComponent("Content/articles").path)
            .filter { $0.hasSuffix(".md") && !$0.hasSuffix("index.md") }.sorted().map { "Content/articles/\($0)" }
        #expect(articles.count > 90)
        var random = SeededGenerator(seed: 20261205)
        // Four rounds of one edited article, then one round of three at once.
        for (trial, count) in [1, 1, 1, 1, 3].enumerated() {
            var edited: [String] = []
            while edited.count < count {
                let path = articles[Int(random.next() % UInt64(articles.count))]
                let url = root.appendingPathComponent(path)
                let text = try String(contentsOf: url, encoding: .utf8)
                guard !edited.contains(path), let new = Self.edit(text, kind: Int(random.next() % 4), trial: trial) else { continue }
                try new.write(to: url, atomically: true, encoding: .utf8)
                edited.append(path)
            }
            let refresher = try #require(result.refresher)
            let refreshed = try #require(refresher.refresh(edited), "no refresh for \(edited)")
            #expect(refreshed.keys.contains { $0.hasSuffix("/index.html") })
            let (next, full) = try Self.build(root)
            #expect(!next.failed)
            for (path, data) in refreshed {
                #expect(full[path] == data, "trial \(trial): \(path) (from \(edited)) differs from the full build's")
            }
            result = next
        }
    }

    @Test func changesThatReachBeyondOnePageGetNoRefresh() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let (result, _) = try Self.build(root)
        let refresher = try #require(result.refresher)
        let article = "Content/articles/leiden-2023/01-introduction.md"
        let url = root.appendingPathComponent(article)
        let original = try String(contentsOf: url, encoding: .utf8)
        #expect(refresher.refresh([article]) != nil, "an unchanged article refreshes to itself")

        // Data, templates, document indexes and new files reach many pages.
        for path in ["Content/data/companies.yml", "Templates/article.mustache", "Content/articles/leiden-2023/index.md", "Content/articles/leiden-2023/99-new.md"] {
            #expect(refresher.refresh([path]) == nil, "\(path)")
        }
        // A new order moves the article among its neighbours.
        try original.replacingOccurrences(of: "\norder: 1\n", with: "\norder: 42\n").write(to: url, atomically: true, encoding: .utf8)
        #expect(original.contains("\norder: 1\n"))
        #expect(refresher.refresh([article]) == nil)
        // Front matter that does not load is for the full build to report.
        try "---\ntitle: [broken\n---\n\nText.\n".write(to: url, atomically: true, encoding: .utf8)
        #expect(refresher.refresh([article]) == nil)
        // A new slug moves the page.
        try original.replacingOccurrences(of: "\n---\n", with: "\nslug: moved\n---\n").write(to: url, atomically: true, encoding: .utf8)
        #expect(refresher.refresh([article]) == nil)
        // Too many files at once wait for the full build.
        #expect(refresher.refresh(Array(repeating: article, count: PageRefresher.maximumFiles + 1)) == nil)
    }
}
