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
        #expect(checked > 500, "the corpus has findings to place")
        #expect(blank.isEmpty, "findings on blank lines: \(blank.prefix(10))")
    }
}
