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
}
