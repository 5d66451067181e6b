import FolioContent
import FolioEntities
import Foundation
import Testing

/// Precision and recall of the tagger against the hand-labelled sample.
struct ExtractionQualityTests {
    /// A little below the levels measured (precision 0.949, recall 0.898); a change that lowers
    /// either further fails. Precision was 0.95 until China's geographical regions became
    /// places: the sample's one mention of one, `Northwest-Central China (Sichuan) Power Grid`,
    /// is not labelled as Central China.
    static let minimumPrecision = 0.94
    static let minimumRecall = 0.88

    private func expected(_ p: LabelledPassage) -> Set<String> {
        Set(p.companies.map { "company/\($0)" } + p.places.map { "place/\($0)" }
            + p.technologies.map { "technology/\($0)" } + p.sdgs.map { "sdg/\($0)" })
    }

    @Test func sampleCoversAllFiveSources() {
        #expect(LabelledSample.passages.count >= 40)
        #expect(Set(LabelledSample.passages.map(\.source)) == Set(Fixtures.sources.keys))
        for p in LabelledSample.passages {
            #expect(!Fixtures.lines(p.source, p.first, p.last).isEmpty, "passage \(p.source):\(p.first) is empty")
        }
    }

    @Test func labelsNameExistingTerms() {
        // Organisations and technologies may be labelled beyond the gazetteer; places and goals name its terms.
        let known = Set(Fixtures.gazetteers.terms.map(\.id.description))
        for p in LabelledSample.passages {
            for label in expected(p) where !label.hasPrefix("company/") && !label.hasPrefix("technology/") {
                let exists = known.contains(label)
                #expect(exists, "\(p.source):\(p.first) labels unknown term \(label)")
            }
        }
    }

    @Test func precisionAndRecall() {
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        var perKind: [String: (tp: Int, fp: Int, fn: Int)] = [:]
        var report: [String] = []
        for p in LabelledSample.passages {
            let text = Fixtures.lines(p.source, p.first, p.last)
            let found = Set(Fixtures.tagger.analyze(markdown: text, linking: false).occurrences.map(\.term.description))
            let want = expected(p)
            for term in found.union(want) {
                let kind = String(term.prefix { $0 != "/" })
                var k = perKind[kind] ?? (0, 0, 0)
                if found.contains(term), want.contains(term) { truePositives += 1; k.tp += 1 }
                else if found.contains(term) { falsePositives += 1; k.fp += 1; report.append("  extra   \(p.source):\(p.first) \(term)") }
                else { falseNegatives += 1; k.fn += 1; report.append("  missing \(p.source):\(p.first) \(term)") }
                perKind[kind] = k
            }
        }
        let precision = Double(truePositives) / Double(max(truePositives + falsePositives, 1))
        let recall = Double(truePositives) / Double(max(truePositives + falseNegatives, 1))
        print("Entity extraction on \(LabelledSample.passages.count) labelled passages: precision \(format(precision)), recall \(format(recall)) (\(truePositives) correct, \(falsePositives) extra, \(falseNegatives) missing)")
        for (kind, k) in perKind.sorted(by: { $0.key < $1.key }) {
            let p = Double(k.tp) / Double(max(k.tp + k.fp, 1)), r = Double(k.tp) / Double(max(k.tp + k.fn, 1))
            print("  \(kind): precision \(format(p)), recall \(format(r))")
        }
        print(report.joined(separator: "\n"))
        #expect(precision >= Self.minimumPrecision)
        #expect(recall >= Self.minimumRecall)
    }

    private func format(_ x: Double) -> String { String(Int((x * 1000).rounded())).paddedPermille }
}

private extension String {
    /// `912` → `0.912`.
    var paddedPermille: String {
        let digits = String(repeating: "0", count: max(0, 3 - count)) + self
        return digits.count > 3 ? "1.000" : "0." + digits
    }
}

/// The primary goals labelled in `Benchmarks/entities/goals.yml` (95 articles, labelled by reading
/// their text without front matter), found by the tagger in each article's body: the held-out
/// half keeps a floor a little below the measured 90 %.
struct PrimaryGoalTests {
    static func measure(split: String) throws -> GoalBenchmark.Result {
        let file = Fixtures.root.appendingPathComponent("Benchmarks/entities/goals.yml")
        let labels = try GoalBenchmark.labels(from: file, display: "Benchmarks/entities/goals.yml").filter { $0.split == split }
        var listed: [String: [Int]] = [:]
        for label in labels {
            let text = try String(contentsOf: Fixtures.root.appendingPathComponent("Content/articles/\(label.article).md"), encoding: .utf8)
            let body = try FrontMatterParser.split(text, file: label.article).body
            listed[label.article] = Fixtures.tagger.analyze(markdown: body, linking: false).occurrences
                .filter { $0.term.kind == .sdg }.compactMap { Int($0.term.slug) }
        }
        return GoalBenchmark.score(labels, listed: listed)
    }

    @Test func heldOutArticlesKeepTheirPrimaryGoals() throws {
        let result = try Self.measure(split: "held-out")
        #expect(result.articles >= 45)
        print("held-out primary goals: \(result.found) of \(result.primaryGoals); \(result.goalsPerArticle) goals per article")
        #expect(result.recall >= 0.92, "\(result.differences.joined(separator: "\n"))")
        // Goals stay a choice: an article is not listed under most of the 17.
        #expect(result.goalsPerArticle <= 3.5)
    }

    @Test func labelsCoverEveryReportInTwoHalves() throws {
        let file = Fixtures.root.appendingPathComponent("Benchmarks/entities/goals.yml")
        let labels = try GoalBenchmark.labels(from: file, display: "Benchmarks/entities/goals.yml")
        #expect(Set(labels.map { String($0.article.split(separator: "/")[0]) }) == Set(Fixtures.sources.keys))
        #expect(Set(labels.map(\.split)) == ["tuning", "held-out"])
        #expect(Set(labels.map(\.article)).count == labels.count)
    }
}

/// Precision and recall on the held-out half of `Benchmarks/entities/passages.yml` (160 passages
/// of the five reports, labelled by reading), the numbers the README gives; each floor sits a
/// little below the measured value, so a change that loses ground fails.
struct HeldOutBenchmarkTests {
    /// (precision, recall) floors per kind.
    static let floors: [ExtractionBenchmark.Kind: (precision: Double, recall: Double)] = [
        .organisation: (0.92, 0.83),
        .place: (0.95, 0.96),
        .technology: (0.93, 0.83),
    ]

    static func measure(split: String) throws -> ExtractionBenchmark.Result {
        let file = Fixtures.root.appendingPathComponent("Benchmarks/entities/passages.yml")
        let passages = try ExtractionBenchmark.passages(from: file, display: "Benchmarks/entities/passages.yml").filter { $0.split == split }
        var found: [String: [ExtractionBenchmark.Kind: [String]]] = [:]
        for p in passages {
            found[p.id] = ExtractionBenchmark.spans(Fixtures.tagger, text: Fixtures.lines(p.source, p.line, p.line))
        }
        return ExtractionBenchmark.score(passages, found: found)
    }

    @Test func heldOutHalfKeepsItsPrecisionAndRecall() throws {
        let result = try Self.measure(split: "held-out")
        #expect(result.passages >= 75)
        for (kind, floor) in Self.floors {
            let score = try #require(result.scores[kind])
            print("held-out \(kind.rawValue): precision \(score.precision), recall \(score.recall)")
            #expect(score.precision >= floor.precision, "\(kind.rawValue) precision \(score.precision)")
            #expect(score.recall >= floor.recall, "\(kind.rawValue) recall \(score.recall)")
        }
    }

    @Test func passagesCoverAllFiveReportsInTwoHalves() throws {
        let file = Fixtures.root.appendingPathComponent("Benchmarks/entities/passages.yml")
        let passages = try ExtractionBenchmark.passages(from: file, display: "Benchmarks/entities/passages.yml")
        #expect(passages.count >= 150)
        #expect(Set(passages.map(\.source)) == Set(Fixtures.sources.keys))
        #expect(passages.filter { $0.split == "held-out" }.count * 2 == passages.count)
        #expect(Set(passages.map(\.id)).count == passages.count)
    }

    @Test func scoringMatchesWholeWordsOnly() {
        let passage = ExtractionBenchmark.Passage(id: "x:1", source: "x", line: 1, split: "held-out",
                                                  labels: [.organisation: [["State Grid Zhejiang Electric Power Co., Ltd."]], .place: [["Chongqing"]]])
        let result = ExtractionBenchmark.score([passage], found: ["x:1": [.organisation: ["State Grid Zhejiang Electric Power"], .place: ["Chong", "the Chongqing"]]])
        #expect(result.scores[.organisation]?.truePositives == 1)
        #expect(result.scores[.place]?.truePositives == 1)
        #expect(result.scores[.place]?.falsePositives == 1)
    }

    /// A fixture paragraph is named by its first and last line and read as one line.
    @Test func readsParagraphPassagesByLineRange() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("passages-\(UUID().uuidString).yml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("""
        - {passage: "paper:2-4", split: tuning, technologies: ["Cyclic Redundancy Check | CRC"]}
        - {passage: "paper:7", split: held-out}
        """.utf8).write(to: file)
        let passages = try ExtractionBenchmark.passages(from: file, display: "passages.yml")
        #expect(passages.map(\.line) == [2, 7])
        #expect(passages.map(\.lastLine) == [4, 7])
        let lines: [Substring] = ["Title", "  A Cyclic Redundancy", "Check   (CRC) is", "a checksum.", "", "", "One line  as written."]
        #expect(ExtractionBenchmark.text(of: passages[0], in: lines) == "A Cyclic Redundancy Check (CRC) is a checksum.")
        #expect(ExtractionBenchmark.text(of: passages[1], in: lines) == "One line  as written.")
        for bad in ["paper:4-2", "paper:0", "paper:2-", "paper:a"] {
            try Data("- {passage: \"\(bad)\", split: tuning}\n".utf8).write(to: file)
            #expect(throws: EntitiesError.self) { try ExtractionBenchmark.passages(from: file, display: "passages.yml") }
        }
    }
}
