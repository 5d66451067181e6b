import FolioCore
import Foundation
import FolioTestSupport
import Testing
@testable import FolioValidate

/// Baseline fingerprints never depend on line numbers: inserting lines anywhere in a real
/// article leaves every finding's fingerprint as it was.
struct FingerprintTests {
    static let article = "Content/articles/cmia-2024/07-hp.md"

    /// The body of a corpus article (after its front matter).
    static func body(_ path: String) throws -> String {
        let text = try String(contentsOf: Fixture.repositoryRoot.appendingPathComponent(path), encoding: .utf8)
        let parts = text.components(separatedBy: "\n---\n")
        return parts.dropFirst().joined(separator: "\n---\n")
    }

    /// The fingerprints of the content checks' findings on `body`, published as the fixture
    /// does (body from file line 8).
    static func fingerprints(_ body: String, path: String = article) -> [String] {
        let page = Fixture.article(body, path: path, document: "cmia-2024")
        let lines = Array(repeating: Substring(""), count: 7) + body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" })
        let found = Fixture.check([page])
        return Fingerprint.assign(Diagnostic.sortedForOutput(found), lines: { $0 == path ? lines : nil }).compactMap(\.fingerprint).sorted()
    }

    @Test func insertingLinesAnywhereChangesNoFingerprint() throws {
        let body = try Self.body(Self.article)
        let before = Self.fingerprints(body)
        #expect(before.count >= 4, "the article should have findings to fingerprint")
        #expect(before.allSatisfy { !$0.contains(":") })
        var lines = body.components(separatedBy: "\n")
        // Block boundaries: a new paragraph can go before any line that follows a blank one.
        let boundaries = lines.indices.filter { $0 == 0 || lines[$0 - 1].isEmpty }
        #expect(boundaries.count > 20)
        var generator = SeededGenerator(seed: 14)
        for trial in 0..<6 {
            var edited = lines
            let count = 1 + Int(generator.next() % 3)
            let picks = (0..<count).map { _ in boundaries[Int(generator.next() % UInt64(boundaries.count))] }.sorted(by: >)
            for index in picks {
                edited.insert(contentsOf: ["Inserted paragraph number \(trial) for the fingerprint test.", ""], at: index)
            }
            let after = Self.fingerprints(edited.joined(separator: "\n"))
            #expect(after == before, "trial \(trial): inserting at body lines \(picks) changed fingerprints")
        }
        // Lines appended at the end and prepended at the start as well.
        lines.insert(contentsOf: ["Opening words.", ""], at: 0)
        lines.append(contentsOf: ["", "Closing words."])
        #expect(Self.fingerprints(lines.joined(separator: "\n")) == before)
    }

    @Test func identicalSnippetsAreNumberedInFileOrder() {
        let d = { (line: Int) in Diagnostic(code: "FN001", severity: .error, message: "m", location: SourceLocation(file: "a.md", line: line)) }
        let text: [Substring] = ["same text", "other", "same text", "same text"]
        let fps = Fingerprint.assign([d(4), d(1), d(3), d(2)], lines: { _ in text }).map { $0.fingerprint ?? "" }
        #expect(fps[1].hasSuffix("-0"))
        #expect(fps[2].hasSuffix("-1"))
        #expect(fps[0].hasSuffix("-2"))
        #expect(fps[3].hasSuffix("-0"))
        #expect(fps[1] != fps[3])
        #expect(fps.allSatisfy { $0.hasPrefix("FN001-") })
    }

    @Test func versionOneBaselinesStillMatchAndAreMigrated() throws {
        // A version-1 entry whose message embedded a place with a line number.
        let v1 = #"{"version": 1, "entries": [{"code": "FN006", "file": "Content/articles/x/01-a.md", "count": 1, "message": "footnote [^35] repeats the text of [^31] (Content/articles/x/01-a.md:139)"}]}"#
        let baseline = try JSONDecoder().decode(Baseline.self, from: Data(v1.utf8))
        #expect(baseline.needsMigration)
        let finding = Diagnostic(code: "FN006", severity: .warning, message: "footnote [^35] repeats the text of [^31]", location: SourceLocation(file: "Content/articles/x/01-a.md", line: 150), related: [RelatedLocation(file: "Content/articles/x/01-a.md", line: 139, message: "footnote [^31]")])
        let text: [Substring] = Array(repeating: "", count: 149) + ["[^35]: Same note text."]
        let policy = DiagnosticPolicy(baseline: baseline, baselinePath: ".folio-baseline.json", lines: { _ in text })
        let outcome = policy.evaluate([finding])
        #expect(outcome.accepted.count == 1)
        #expect(outcome.accepted.first?.baselined == true)
        #expect(outcome.gone.isEmpty)
        // Rewritten as version 2, the entry carries the fingerprint and still matches.
        let migrated = Baseline(accepting: outcome.accepted)
        #expect(!migrated.needsMigration)
        #expect(migrated.entries.first?.fingerprint == outcome.accepted.first?.fingerprint)
        let again = DiagnosticPolicy(baseline: migrated, lines: { _ in Array(repeating: "", count: 20) + text })
        var moved = finding
        moved.location?.line += 20
        #expect(again.evaluate([moved]).accepted.count == 1)
    }

    @Test func theRepositoryBaselineHasNoLineNumbersInItsKeys() throws {
        let baseline = try Baseline.load(from: Fixture.repositoryRoot.appendingPathComponent(".folio-baseline.json"), displayPath: ".folio-baseline.json")
        #expect(!baseline.needsMigration)
        #expect(baseline.entries.allSatisfy { $0.message.range(of: #"\.md:\d"#, options: .regularExpression) == nil })
    }
}

/// Citing the same work again with another page, or notes that match only because their URLs
/// were lost, are not defects (FN007, FN006); two different works at one URL still are.
struct RepeatedCitationTests {
    @Test func theSameWorkAtDifferentPagesIsOneWork() {
        #expect(TextPatterns.citeSameWork(
            "Zenglein, M. and Holzmann, A. (2019). 'Evolving Made in China 2025'. Mercator Institute for China Studies. Retrieved from: https://merics.org/en/report/evolving-made-china-2025. pp19-20.",
            "Zenglein, M. and Holzmann, A. (2019). 'Evolving Made in China 2025'. Mercator Institute for China Studies. Retrieved from: https://merics.org/en/report/evolving-made-china-2025. p32."))
        #expect(TextPatterns.citeSameWork("https://example.org/a", "Source: https://example.org/a."))
        #expect(!TextPatterns.citeSameWork(
            "Kupfer, K., et al. (2020). 'China's digital platform economy', Mercator Institute for China Studies. https://merics.org/x",
            "Ministry of Industry and Information Technology (2021). Five-year plan for smart manufacturing. https://merics.org/x"))
    }

    @Test func placeholderNotesAndRepeatedPagesGiveNoFinding() {
        let body = """
            Text.[^1] More.[^2] Again.[^3] Other.[^4] Lost.[^5] Lost again.[^6]

            [^1]: Zenglein, M. (2019). 'Evolving Made in China 2025'. MERICS. https://merics.org/e. pp19-20.
            [^2]: Zenglein, M. (2019). 'Evolving Made in China 2025'. MERICS. https://merics.org/e. p32.
            [^3]: Kupfer, K. (2020). 'China's digital platform economy'. MERICS. https://merics.org/k
            [^4]: Ministry of Commerce (2021). Annual foreign trade statistics bulletin. https://merics.org/k
            [^5]: Source: Chongqing Municipal Government statistics portal (link)
            [^6]: Source: Chongqing Municipal Government statistics portal (link)

            """
        let codes = Fixture.check([Fixture.article(body, path: "Content/articles/x/01-a.md", document: "x")]).map(\.code)
        #expect(codes.filter { $0 == "FN007" }.count == 1, "\(codes)")
        #expect(!codes.contains("FN006"), "\(codes)")
    }
}
