import FolioEntities
import Foundation
import Testing
import Yams

/// The review file: written, read back, and respected when the gazetteers load.
struct EntityReviewTests {
    @Test func reviewFileRoundTripsAndKeepsDecisions() throws {
        let entries = [
            EntityReview.Entry(name: "Lamp Unit Institute", slug: "lamp-unit-institute", decision: true, type: .researchInstitute, rule: "acronym definition",
                               confidence: 0.5, mentions: 3, articles: ["Content/articles/a.md"], contexts: ["Content/articles/a.md:3: the [LUI] said"], variants: ["LUI"]),
            EntityReview.Entry(name: "Belt and Road Initiative", slug: "belt-and-road-initiative", decision: nil, type: .company, rule: "acronym definition",
                               confidence: 0.5, mentions: 9, articles: [], contexts: [], variants: ["BRI"]),
        ]
        let text = EntityReview.yaml(entries)
        let node = try #require(try Yams.compose(yaml: text))
        #expect(try EntityReview.entries(node, file: "r.yml") == entries)
        let decisions = try EntityReview.decisions(node, file: "r.yml")
        #expect(decisions.keys.sorted() == ["lamp-unit-institute"])
        #expect(decisions["lamp-unit-institute"]?.type == .researchInstitute)
    }

    @Test func badDecisionsNameTheLine() throws {
        let node = try #require(try Yams.compose(yaml: "organisations:\n- name: X\n  decision: maybe\n"))
        #expect(throws: EntitiesError.malformed(file: "r.yml", line: 2, message: "`decision` is `accept`, `reject` or `~`, not `maybe`")) {
            try EntityReview.entries(node, file: "r.yml")
        }
    }

    @Test func acceptedNamesBecomeCompaniesAndRejectedOnesStayOut() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("folio-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["companies.yml", "cities.yml", "sdgs.yml", "technologies.yml"] {
            try FileManager.default.copyItem(at: Fixtures.dataDirectory.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        try """
            organisations:
            - name: "Lamp Unit Institute"
              decision: accept
              type: research institute
              variants: ["LUI"]
            - name: "CTI"
              decision: reject
            """.write(to: directory.appendingPathComponent(EntityReview.fileName), atomically: true, encoding: .utf8)
        let gazetteers = try Gazetteers.load(from: directory, includeFound: false)
        let term = try #require(gazetteers.term(kind: .company, named: "Lamp Unit Institute"))
        #expect(term.type == "research institute")
        let tagger = EntityTagger(gazetteers: gazetteers)
        #expect(tagger.analyze(markdown: "Work with LUI goes on.\n", linking: false).tags.companies == ["Lamp Unit Institute"])
        // cmia-2021 line 2819 names CTI by an appositive; the review rejected it.
        #expect(!tagger.analyze(markdown: Fixtures.lines("cmia-2021", 2819, 2819), linking: false).tags.companies.contains("CTI"))
    }
}
