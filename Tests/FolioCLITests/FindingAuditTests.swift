import Foundation
import Testing

/// Precision of Folio's findings on the corpus, measured on a labelled audit set
/// (`Audit/findings.tsv`: every error and warning with an empty baseline and a sample of the
/// infos of every code, read against the article and the source). A finding counts as right only when it is a defect at the stated
/// place. The floor is the current precision: a change that adds wrong findings, or loses a
/// true one, fails here until the audit is re-read.
@Suite struct FindingAuditTests {
    struct Label {
        var fingerprint: String
        var code: String
        var place: String
        var verdict: String
    }

    static func labels() throws -> [Label] {
        let url = FolioProcess.repository.appendingPathComponent("Tests/FolioCLITests/Audit/findings.tsv")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Label(fingerprint: columns[0], code: columns[1], place: columns[2], verdict: columns[3])
        }
    }

    @Test func precisionOnTheAuditSetKeepsItsFloorAndNoTrueFindingIsLost() throws {
        let labels = try Self.labels()
        #expect(labels.count >= 80)
        #expect(Set(labels.map(\.verdict)).isSubset(of: ["true", "wrong-place", "not-a-defect"]))
        let diagnostics = try findingsWithEmptyBaseline()
        let found = Set(diagnostics.compactMap { $0["fingerprint"] as? String })
        let serious = Set(diagnostics.filter { $0["severity"] as? String != "info" }.compactMap { $0["fingerprint"] as? String })
        let present = labels.filter { found.contains($0.fingerprint) }
        let right = present.filter { $0.verdict == "true" }.count
        let precision = Double(right) / Double(max(1, present.count))
        #expect(precision >= 0.97, "precision \(right)/\(present.count)")
        let lost = labels.filter { $0.verdict == "true" && !found.contains($0.fingerprint) }
        #expect(lost.isEmpty, "true findings no longer reported: \(lost.map { "\($0.code) \($0.place)" })")
        let unlabelled = serious.subtracting(labels.map(\.fingerprint))
        #expect(unlabelled.isEmpty, "\(unlabelled.count) errors or warnings are not in the audit yet: read and label them")
        // Infos are audited by sample: every code that fires has findings read and labelled.
        let firing = Set(diagnostics.compactMap { $0["code"] as? String })
        let audited = Set(present.map(\.code))
        #expect(firing.isSubset(of: audited), "codes that fire but are not audited: \(firing.subtracting(audited).sorted())")
    }

    /// The same audit on the foreign fixtures (`Audit/foreign-findings.tsv`): each fixture is
    /// added to a new project with no rules and checked with an empty baseline; the findings on
    /// its own document (not the new project's example) must all be labelled when they are errors
    /// or warnings, and precision on the labelled ones keeps its floor.
    @Test func precisionOnTheForeignFixturesKeepsItsFloor() throws {
        let url = FolioProcess.repository.appendingPathComponent("Tests/FolioCLITests/Audit/foreign-findings.tsv")
        let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(rows.count >= 20)
        var present: [[String]] = []
        var unlabelled: [String] = []
        var lost: [String] = []
        for fixture in Set(rows.map { $0[0] }).sorted() {
            let file = try #require(try FileManager.default.contentsOfDirectory(atPath: ForeignReportTests.directory.path).first { $0.hasPrefix(fixture + ".") && !$0.hasSuffix(".yml") })
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-foreign-audit-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            _ = try FolioProcess.run(["init", "--quiet", root.path])
            let added = try FolioProcess.run(["add", "--quiet", "--root", root.path, ForeignReportTests.directory.appendingPathComponent(file).path])
            #expect(added.status == 0, "\(added.stderr)")
            let own = try findingsWithEmptyBaseline(root: root).filter { ($0["file"] as? String)?.hasPrefix("Content/articles/example/") != true }
            let found = Set(own.compactMap { $0["fingerprint"] as? String })
            let labelled = rows.filter { $0[0] == fixture }
            present += labelled.filter { found.contains($0[1]) }
            lost += labelled.filter { $0[4] == "true" && !found.contains($0[1]) }.map { "\(fixture) \($0[2]) \($0[3])" }
            let serious = own.filter { $0["severity"] as? String != "info" }.compactMap { $0["fingerprint"] as? String }
            unlabelled += serious.filter { fingerprint in !labelled.contains { $0[1] == fingerprint } }.map { "\(fixture) \($0)" }
        }
        let right = present.filter { $0[4] == "true" }.count
        #expect(Double(right) >= 0.9 * Double(present.count), "precision \(right)/\(present.count)")
        #expect(lost.isEmpty, "true findings no longer reported: \(lost)")
        #expect(unlabelled.isEmpty, "errors or warnings not in the audit yet: \(unlabelled)")
    }
}
