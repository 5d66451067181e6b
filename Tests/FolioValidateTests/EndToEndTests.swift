import FolioContent
import FolioCore
import FolioSite
import Foundation
import Testing
@testable import FolioValidate

/// Builds a copy of a small content tree (two GIZ/CCID use cases, their raw source and the
/// real templates) without writing the site, breaks it in four places and expects exactly
/// those four findings at their lines.
struct EndToEndTests {
    static func makeProject() throws -> URL {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("folio-e2e-\(UUID().uuidString)")
        try fm.copyItem(at: Fixture.fixtures.appendingPathComponent("site"), to: root)
        try fm.createDirectory(at: root.appendingPathComponent("Content/sources"), withIntermediateDirectories: true)
        try fm.copyItem(at: Fixture.repositoryRoot.appendingPathComponent("Content/sources/giz-ccid-2022-digital-business-models.txt"), to: root.appendingPathComponent("Content/sources/giz-ccid-2022-digital-business-models.txt"))
        try fm.copyItem(at: Fixture.repositoryRoot.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        return root
    }

    static func edit(_ root: URL, _ path: String, _ from: String, _ to: String) throws {
        let url = root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(from), "fixture text to break not found: \(from)")
        try text.replacingOccurrences(of: from, with: to).write(to: url, atomically: true, encoding: .utf8)
    }

    static func check(_ root: URL) throws -> [Diagnostic] {
        let (config, _) = try FolioConfig.load(from: root.appendingPathComponent("folio.yml").path)
        let result = try SiteBuilder().build(.init(projectRoot: root, config: config, writeOutput: false))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Site").path))
        return result.diagnostics
    }

    @Test func injectedDefectsAreReportedAtTheirLines() throws {
        let root = try Self.makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try Self.check(root)
        #expect(DiagnosticSummary(before).errors == 0)

        let baowu = "Content/articles/giz-ccid-2022/01-baowu-carbon.md"
        let tencent = "Content/articles/giz-ccid-2022/02-tencent-cloud.md"
        try Self.edit(root, baowu, "[^22]: State Council.", "State Council.")                       // footnote: definition lost
        try Self.edit(root, tencent, "in [Figure 3](#figure-3):", "in [Figure 3](#figure-3) and Figure 9:") // figure reference
        try Self.edit(root, tencent, "[top](#introduction)", "[top](#introductio)")                 // anchor
        try Self.edit(root, baowu, "[use case of Tencent](02-tencent-cloud.md)", "[use case of Tencent](02-tencent.md)") // page link
        let after = try Self.check(root)

        let key = { (d: Diagnostic) in "\(d.code) \(d.location?.file ?? ""):\(d.location?.line ?? 0)" }
        let added = Set(after.map(key)).subtracting(before.map(key)).sorted()
        let removed = Set(before.map(key)).subtracting(after.map(key)).sorted()
        #expect(added == [
            "FIG001 \(tencent):17",
            "FN001 \(baowu):21",
            "LNK005 \(baowu):21",
            "LNK006 \(tencent):21",
        ])
        #expect(removed.isEmpty)
        // Imported content also names the raw source line.
        let fn = try #require(after.first { $0.code == "FN001" })
        #expect(fn.source?.file == "Content/sources/giz-ccid-2022-digital-business-models.txt")
        #expect(fn.source.map { (311...342).contains($0.line) } == true)
        let fig = try #require(after.first { $0.code == "FIG001" })
        #expect(fig.source?.line == 406)
    }

    @Test func writeBaselineThenOnlyNewFindingsFail() async throws {
        let root = try Self.makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let (config, _) = try FolioConfig.load(from: root.appendingPathComponent("folio.yml").path)
        try Self.edit(root, "Content/articles/giz-ccid-2022/01-baowu-carbon.md", "[^22]: State Council.", "State Council.")
        let first = try await SiteCheck().run(.init(projectRoot: root, config: config))
        #expect(first.failed)
        let written = try await SiteCheck().run(.init(projectRoot: root, config: config, writeBaseline: true))
        #expect(written.baselineWritten == ".folio-baseline.json")
        #expect(!written.failed)
        let accepted = try await SiteCheck().run(.init(projectRoot: root, config: config))
        #expect(!accepted.failed)
        #expect(accepted.accepted >= 1)
        // Lines inserted above the accepted findings disturb nothing.
        let baowu = root.appendingPathComponent("Content/articles/giz-ccid-2022/01-baowu-carbon.md")
        var lines = try String(contentsOf: baowu, encoding: .utf8).components(separatedBy: "\n")
        let bodyStart = (lines.indices.dropFirst().first { lines[$0] == "---" } ?? 0) + 1
        lines.insert(contentsOf: ["", "A paragraph added by an editor.", ""], at: bodyStart)
        try lines.joined(separator: "\n").write(to: baowu, atomically: true, encoding: .utf8)
        let shifted = try await SiteCheck().run(.init(projectRoot: root, config: config))
        #expect(!shifted.failed, "\(shifted.diagnostics.filter { $0.severity != .info })")
        #expect(shifted.accepted == accepted.accepted)
        #expect(shifted.gone == 0)
        // A new defect fails; fixing the old one reports its baseline entry as gone.
        try Self.edit(root, "Content/articles/giz-ccid-2022/02-tencent-cloud.md", "[top](#introduction)", "[top](#introductio)")
        try Self.edit(root, "Content/articles/giz-ccid-2022/01-baowu-carbon.md", "\nState Council.", "\n[^22]: State Council.")
        let later = try await SiteCheck().run(.init(projectRoot: root, config: config))
        #expect(later.failed)
        #expect(later.diagnostics.filter { $0.severity == .error }.map(\.code) == ["LNK006"])
        #expect(later.gone >= 1)
        #expect(later.diagnostics.contains { $0.code == "BAS001" && $0.message.contains("[^22]") })
    }
}
