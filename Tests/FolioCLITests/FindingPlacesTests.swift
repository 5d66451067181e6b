import Foundation
import Testing

/// Every finding on the corpus points at a line that holds text: never at a blank line.
@Suite struct FindingPlacesTests {
    @Test func noFindingOnTheCorpusPointsAtABlankLine() throws {
        let diagnostics = try findingsWithEmptyBaseline()
        var checked = 0
        var blank: [String] = []
        let files = FileLines()
        for diagnostic in diagnostics {
            guard let file = diagnostic["file"] as? String, file.hasSuffix(".md"), let line = diagnostic["line"] as? Int else { continue }
            guard let text = try files.line(file, line) else {
                blank.append("\(file):\(line) is past the end (\(diagnostic["code"] ?? ""))")
                continue
            }
            checked += 1
            if text.allSatisfy(\.isWhitespace) { blank.append("\(file):\(line) \(diagnostic["code"] ?? "")") }
        }
        #expect(checked > 80, "the corpus has findings to place")
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

        // The validation report counts them per document in a folded section, as many as the log.
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("folio-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let built = try FolioProcess.run(["build", "--quiet", "--root", FolioProcess.repository.path, "--output", site.path])
        #expect(built.status == 0, "\(built.stderr)")
        let report = try String(contentsOf: site.appendingPathComponent("report/index.html"), encoding: .utf8)
        #expect(report.contains("<details class=\"report__repairs\">"))
        #expect(report.contains("Routine repairs at import (\(entries.count))"), "the report counts what the log lists")
        #expect(!report.contains("<code>IMP020</code> <a"), "a repair is never listed as a finding")
    }

    /// Source lines come from the import's exact line map: the source line of a finding holds
    /// the text of its article line (markup, links and note markers aside). The few exceptions
    /// are text that changed shape on import (a heading's number, a caption's label).
    @Test func aFindingsSourceLineHoldsTheTextOfItsArticleLine() throws {
        let diagnostics = try findingsWithEmptyBaseline()
        let files = FileLines()
        func line(_ file: String, _ number: Int) throws -> String { try files.line(file, number) ?? "" }
        let superscripts: [Character: Character] = ["⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9"]
        func words(_ text: String) -> [String] {
            let plain = String(text.replacing(/\[\^\d+\]:?|\(\.\.\/[^)]*\)|<[^>]+>|&[a-z]+;/, with: " ").lowercased().map { superscripts[$0] ?? $0 })
            return plain.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        }
        /// Whether three words in a row from the first six of one line are in the other.
        func shareText(_ a: [String], _ b: [String]) -> Bool {
            let joined = " " + b.joined(separator: " ") + " "
            for start in 0..<max(1, min(4, a.count - 2)) where start + 3 <= a.count {
                if joined.contains(" " + a[start..<start + 3].joined(separator: " ") + " ") { return true }
            }
            return a.count < 3 && !a.isEmpty && joined.contains(" " + a.joined(separator: " ") + " ")
        }
        var placed = 0
        var misplaced: [String] = []
        for d in diagnostics {
            guard let file = d["file"] as? String, file.hasSuffix(".md"), let number = d["line"] as? Int,
                  let source = d["source"] as? [String: Any], let sourceFile = source["file"] as? String, let sourceLine = source["line"] as? Int else { continue }
            // A finding on a front matter key (a byline became `company:`) has its text reshaped.
            if d["code"] as? String == "IMP040" || d["code"] as? String == "IMP041" { continue }
            let article = words(try line(file, number)), raw = words(try line(sourceFile, sourceLine))
            if shareText(article, raw) || shareText(raw, article) {
                placed += 1
            } else {
                misplaced.append("\(d["code"] ?? "") \(file):\(number) ← \(sourceFile):\(sourceLine)")
            }
        }
        #expect(placed + misplaced.count > 100)
        #expect(Double(placed) >= 0.97 * Double(placed + misplaced.count), "\(misplaced.count) misplaced: \(misplaced.prefix(10))")
    }

    /// A finding about a footnote points at the article line that holds that note (its reference,
    /// its definition or its marker kept as text), and at the source line that writes its marker,
    /// even where import split a glued pair of notes or moved a marker out of a heading.
    @Test func aNoteFindingPointsAtLinesThatHoldTheNote() throws {
        let diagnostics = try findingsWithEmptyBaseline()
        let files = FileLines()
        func line(_ file: String, _ number: Int) throws -> String { try files.line(file, number) ?? "" }
        let superscripts: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹"]
        var checked = 0
        var wrong: [String] = []
        for d in diagnostics {
            guard let code = d["code"] as? String, code.hasPrefix("FN"), let message = d["message"] as? String,
                  let file = d["file"] as? String, file.hasSuffix(".md"), let number = d["line"] as? Int,
                  let source = d["source"] as? [String: Any], let sourceFile = source["file"] as? String, let sourceLine = source["line"] as? Int else { continue }
            let labels = message.matches(of: /\d+/).map { String($0.output) }
            guard !labels.isEmpty, message.localizedCaseInsensitiveContains("note") else { continue }
            checked += 1
            let article = try line(file, number), raw = try line(sourceFile, sourceLine)
            let quoted = message.matches(of: /“([^”]+)”/).map { String($0.output.1) }
            // A marker removed from a heading is only in the source.
            let removed = message.contains("was removed from a heading")
            let inArticle = removed || quoted.contains { article.contains($0) } || labels.contains { label in
                article.contains("[^\(label)]") || article.contains("\\[\(label)\\]")
                    || article.contains("⁽" + String(label.compactMap { superscripts[$0] }) + "⁾")
            }
            let inSource = quoted.contains { raw.contains($0) } || labels.contains { label in
                raw.contains(label) || raw.contains(String(label.compactMap { superscripts[$0] }))
            }
            if !inArticle || !inSource { wrong.append("\(code) \(file):\(number) ← \(sourceLine): \(message)") }
        }
        #expect(checked > 50, "the corpus has note findings")
        #expect(wrong.isEmpty, "\(wrong.count) of \(checked) note findings off their note: \(wrong.prefix(8))")
    }
}
