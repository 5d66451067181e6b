import FolioEntities
import Foundation
import Testing
@testable import FolioImport

/// Whole articles as this stage writes them (no notes, figures, inline or entity steps), compared
/// byte for byte with files under `Golden/`. Regenerate a golden file by deleting it and running
/// the test once: it writes the current output and fails, so the new file shows up in review.
@Suite struct GoldenArticleTests {
    static let structureOnly: Result<[GeneratedFile], any Error> = Result {
        try Importer(steps: [], tagger: EntityTagger()).generate(projectRoot: Fixtures.root).files
    }

    func check(_ path: String, golden name: String) throws {
        let files = try Self.structureOnly.get()
        let file = try #require(files.first { $0.path == path })
        let goldenURL = Fixtures.root.appendingPathComponent("Tests/FolioImportTests/Golden/\(name)")
        guard let expected = try? String(contentsOf: goldenURL, encoding: .utf8) else {
            try file.text.write(to: goldenURL, atomically: true, encoding: .utf8)
            Issue.record("wrote missing golden file \(name)")
            return
        }
        #expect(file.text == expected)
    }

    /// giz-2022 lines 344–357: lost dots restored from the parent section, a footnote marker moved
    /// out of the title, labels at one level.
    @Test func giz2022Lines344To357UseCaseBHS() throws {
        try check("Content/articles/giz-ccid-2022/05-bhs-corrugated-digitalised-production-of-cardboard.md", golden: "giz-2022-lines-344-357-bhs.md")
    }

    /// cmia-2021 lines 998–1125: title merged from two headings, byline with two roles, internal
    /// contents removed, numbered chapters re-levelled.
    @Test func cmia2021Lines998To1125Ford() throws {
        try check("Content/articles/cmia-2021/05-ford.md", golden: "cmia-2021-lines-998-1125-ford.md")
    }

    /// cst-2024 lines 295–355: a case anchored on its Corporate Profile label, its theme, labels promoted.
    @Test func cst2024Lines291To355Linhai() throws {
        try check("Content/articles/cst-2024/06-smart-eye-e-station-digital-strategist-helps.md", golden: "cst-2024-lines-291-355-linhai.md")
    }
}
