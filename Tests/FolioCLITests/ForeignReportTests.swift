import Foundation
import Testing
import Yams

/// `folio add` on PDF-converted documents Folio was not tuned on (`Tests/ForeignReports/`),
/// with no hand-written rules, compared with what a reader finds in each document.
@Suite struct ForeignReportTests {
    static let directory = FolioProcess.repository.appendingPathComponent("Tests/ForeignReports")
    /// Share of expected titles and citations that must come out right.
    static let required = 0.9

    struct Expected: Decodable {
        struct Citation: Decodable {
            var cite: String
            var entry: String
            var count: Int
        }
        var title: String
        var articles: [String]
        var footnotes: Bool
        var references: Int
        var citations: [Citation]
    }

    /// A generated link `[text](file#anchor "title")` and the entry text behind each anchor.
    struct Output {
        var titles: [String]
        var links: [(text: String, anchor: String)]
        var entries: [String: String]
        var diagnostics: String
    }

    static let fixtures = ["crc-paper.txt", "bzip2-manual.txt", "valgrind-cachegrind-chapter.txt", "glpk-cnfsat-report.txt", "sandwich-paper.txt", "zoo-paper.md", "fontconfig-manual.md"]

    @Test(arguments: fixtures)
    func importsWithoutRules(_ name: String) throws {
        let base = (name as NSString).deletingPathExtension
        let expected = try YAMLDecoder().decode(Expected.self, from: try String(contentsOf: Self.directory.appendingPathComponent("\(base).expected.yml"), encoding: .utf8))
        let output = try Self.add(name)
        #expect(output.diagnostics.contains("Next:"))

        // Article titles.
        let key = { (s: String) in s.lowercased().filter { $0.isLetter || $0.isNumber } }
        let found = expected.articles.filter { title in output.titles.contains { key($0) == key(title) } }
        #expect(Double(found.count) >= Self.required * Double(expected.articles.count), "titles: expected \(expected.articles), got \(output.titles)")

        // Reference list and citations.
        #expect(output.entries.count == expected.references, "references: \(output.entries.count)")
        var links = output.links
        var linked = 0
        var total = 0
        var misses: [String] = []
        for citation in expected.citations {
            total += citation.count
            let label = citation.cite.split(separator: " ").last.map(String.init) ?? citation.cite
            for _ in 0..<citation.count {
                if let i = links.firstIndex(where: { link in
                    (link.text.contains(label) || link.text.contains(citation.cite)) && (output.entries[link.anchor]?.hasPrefix(citation.entry) ?? false)
                }) {
                    links.remove(at: i)
                    linked += 1
                } else {
                    misses.append(citation.cite)
                }
            }
        }
        #expect(Double(linked) >= Self.required * Double(total), "citations linked to the right entry: \(linked) of \(total); missed \(misses)")

        // A citation is never read as a footnote.
        if !expected.footnotes {
            #expect(!output.diagnostics.contains("[FN1"), "footnote findings in a document without footnotes:\n\(output.diagnostics)")
        }
    }

    /// The indexes of a new project with all seven documents added, scored on the labelled
    /// paragraphs of `Benchmarks/entities/fixture-passages.yml` (held-out half): nothing else is
    /// taken for an entry (at most one extra), the one place is found, and so are most of the
    /// computing technologies the documents name.
    @Test func aNewProjectTakesNothingElseForAnEntry() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-foreign-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try FolioProcess.run(["init", "--quiet", root.path]).status == 0)
        for name in Self.fixtures {
            let added = try FolioProcess.run(["add", "--quiet", "--root", root.path, Self.directory.appendingPathComponent(name).path])
            #expect(added.status == 0, "\(name): \(added.stderr)")
        }
        try FileManager.default.copyItem(
            at: FolioProcess.repository.appendingPathComponent("Benchmarks/entities/fixture-passages.yml"),
            to: root.appendingPathComponent("fixture-passages.yml"))
        let scored = try FolioProcess.run(["entities", "--root", root.path, "--evaluate", "fixture-passages.yml", "--split", "held-out", "--format", "json"])
        #expect(scored.status == 0, "\(scored.stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(scored.stdout.utf8)) as? [String: Any])
        let scores = try #require(result["scores"] as? [String: [String: Double]])
        #expect((result["passages"] as? Int) == 28)
        let extras = scores.values.reduce(0) { $0 + ($1["fp"] ?? 0) }
        #expect(extras <= 1, "\(scores)")
        #expect(scores["place"]?["tp"] == 1, "\(scores)")
        // The computer-science group of the vocabulary finds what these documents name (CRC,
        // 0-1 programming, CNF-SAT…): 6 of 8 held-out technologies when it was added, none before.
        #expect((scores["technology"]?["tp"] ?? 0) >= 6, "\(scores)")
    }

    /// Runs `folio init` and `folio add` in a temporary project and reads what was written.
    static func add(_ name: String) throws -> Output {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-foreign-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let created = try FolioProcess.run(["init", "--quiet", root.path])
        #expect(created.status == 0, "\(created.stderr)")
        let added = try FolioProcess.run(["add", "--verbose", "--root", root.path, directory.appendingPathComponent(name).path])
        #expect(added.status == 0, "\(added.stdout)\n\(added.stderr)")
        let slug = Self.slug(name)
        let folder = root.appendingPathComponent("Content/articles/\(slug)")
        var titles: [String] = []
        var links: [(String, String)] = []
        var entries: [String: String] = [:]
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") && $0 != "index.md" }.sorted()
        let link = try NSRegularExpression(pattern: #"\[([^\]]+)\]\([^)#\s]*#(ref-[a-z0-9-]+)"#)
        let anchor = try NSRegularExpression(pattern: #"^- <span id="(ref-[a-z0-9-]+)"></span>(.*)$"#, options: .anchorsMatchLines)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("title: ") }) {
                titles.append((try? YAMLDecoder().decode(String.self, from: String(line.dropFirst(7)))) ?? String(line.dropFirst(7)))
            }
            let ns = NSRange(text.startIndex..., in: text)
            for m in link.matches(in: text, range: ns) {
                links.append((String(text[Range(m.range(at: 1), in: text)!]), String(text[Range(m.range(at: 2), in: text)!])))
            }
            for m in anchor.matches(in: text, range: ns) {
                entries[String(text[Range(m.range(at: 1), in: text)!])] = String(text[Range(m.range(at: 2), in: text)!]).replacingOccurrences(of: "_", with: "")
                    .replacingOccurrences(of: "*", with: "")
            }
        }
        return Output(titles: titles, links: links, entries: entries, diagnostics: added.stdout + added.stderr)
    }

    static func slug(_ name: String) -> String {
        (name as NSString).deletingPathExtension.lowercased()
    }
}
