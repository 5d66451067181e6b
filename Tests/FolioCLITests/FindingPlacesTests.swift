import Foundation
import Testing

/// Every finding on the corpus points at a line that holds text: never at a blank line.
@Suite struct FindingPlacesTests {
    @Test func noFindingOnTheCorpusPointsAtABlankLine() throws {
        let result = try FolioProcess.run(["check", "--root", FolioProcess.repository.path, "--format", "json", "--min-severity", "info"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        var checked = 0
        var blank: [String] = []
        var cache: [String: [Substring]] = [:]
        for diagnostic in diagnostics {
            guard let file = diagnostic["file"] as? String, file.hasSuffix(".md"), let line = diagnostic["line"] as? Int else { continue }
            if cache[file] == nil {
                let text = try String(contentsOf: FolioProcess.repository.appendingPathComponent(file), encoding: .utf8)
                cache[file] = text.split(separator: "\n", omittingEmptySubsequences: false)
            }
            let lines = cache[file] ?? []
            guard line >= 1, line <= lines.count else {
                blank.append("\(file):\(line) is past the end (\(diagnostic["code"] ?? ""))")
                continue
            }
            checked += 1
            if lines[line - 1].allSatisfy(\.isWhitespace) { blank.append("\(file):\(line) \(diagnostic["code"] ?? "")") }
        }
        #expect(checked > 100, "the corpus has findings to place")
        #expect(blank.isEmpty, "findings on blank lines: \(blank.prefix(10))")
    }

    /// Routine repairs are not findings: `folio check` lists none, `folio import --log` lists
    /// every one with the source line before and the article line after, each at a line that
    /// holds text, and a rejoined paragraph is placed on the paragraph that holds the text.
    @Test func routineRepairsGoToTheRepairLogAtTheirParagraph() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("folio-repairs-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        let imported = try FolioProcess.run(["import", "--check", "--root", FolioProcess.repository.path, "--log", log.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("routine repairs logged to \(log.path)"), "\(imported.stderr)")
        let entries = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(entries.count > 500, "the corpus import makes hundreds of repairs")
        #expect(entries.allSatisfy { ($0["before"] as? String) != nil && ($0["after"] as? String).map { !$0.allSatisfy(\.isWhitespace) } == true })
        // A paragraph rejoined across a page break: the cut line's last words are in the paragraph.
        let rejoined = entries.filter { $0["code"] as? String == "IMP020" }
        let words = { (text: String) in text.split { !$0.isLetter && !$0.isNumber }.map { $0.lowercased() } }
        let placed = rejoined.filter { entry in
            let tail = words(entry["before"] as? String ?? "").suffix(4).joined(separator: " ")
            return !tail.isEmpty && words(entry["after"] as? String ?? "").joined(separator: " ").contains(tail)
        }
        #expect(rejoined.count > 100)
        #expect(Double(placed.count) >= 0.95 * Double(rejoined.count), "\(placed.count) of \(rejoined.count) rejoined paragraphs placed on their text")

        let checked = try FolioProcess.run(["check", "--root", FolioProcess.repository.path, "--format", "json", "--min-severity", "info"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(checked.stdout.utf8)) as? [String: Any], "\(checked.stderr)")
        let codes = Set((object["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String })
        #expect(codes.isDisjoint(with: ["IMP020", "IMP030", "FN113", "INL004", "INL002"]), "\(codes.sorted())")
        #expect(codes.contains("IMP011"), "a doubtful heading promotion still needs a person")
    }

    /// Source lines come from the import's exact line map: the source line of a finding holds
    /// the text of its article line (markup, links and note markers aside). The few exceptions
    /// are text that changed shape on import (a heading's number, a caption's label).
    @Test func aFindingsSourceLineHoldsTheTextOfItsArticleLine() throws {
        // An empty baseline, so every finding is listed.
        let baseline = FileManager.default.temporaryDirectory.appendingPathComponent("folio-empty-baseline-\(UUID().uuidString).json")
        try Data(#"{"version":2,"entries":[]}"#.utf8).write(to: baseline)
        defer { try? FileManager.default.removeItem(at: baseline) }
        let run = try FolioProcess.run(["check", "--root", FolioProcess.repository.path, "--format", "json", "--min-severity", "info", "--baseline", baseline.path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
        let diagnostics = object["diagnostics"] as? [[String: Any]] ?? []
        var cache: [String: [Substring]] = [:]
        func line(_ file: String, _ number: Int) throws -> String {
            if cache[file] == nil {
                cache[file] = try String(contentsOf: FolioProcess.repository.appendingPathComponent(file), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            }
            let lines = cache[file] ?? []
            return number >= 1 && number <= lines.count ? String(lines[number - 1]) : ""
        }
        func words(_ text: String) -> [String] {
            let plain = text.replacing(/\[\^\d+\]:?|\(\.\.\/[^)]*\)|<[^>]+>/, with: " ").lowercased()
            return plain.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        }
        var placed = 0
        var misplaced: [String] = []
        for d in diagnostics {
            guard let file = d["file"] as? String, file.hasSuffix(".md"), let number = d["line"] as? Int,
                  let source = d["source"] as? [String: Any], let sourceFile = source["file"] as? String, let sourceLine = source["line"] as? Int else { continue }
            let article = words(try line(file, number)), raw = words(try line(sourceFile, sourceLine))
            let a = article.prefix(3).joined(separator: " "), r = raw.prefix(3).joined(separator: " ")
            if (!a.isEmpty && raw.joined(separator: " ").contains(a)) || (!r.isEmpty && article.joined(separator: " ").contains(r)) {
                placed += 1
            } else {
                misplaced.append("\(d["code"] ?? "") \(file):\(number) ← \(sourceFile):\(sourceLine)")
            }
        }
        #expect(placed + misplaced.count > 100)
        #expect(Double(placed) >= 0.95 * Double(placed + misplaced.count), "\(misplaced.count) misplaced: \(misplaced.prefix(10))")
    }
}
