import ArgumentParser
import FolioCore
import FolioEntities
import FolioImport
import Foundation

/// `folio entities`: organisation names and technologies found but not indexed, for review.
struct EntitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "List organisation names and technologies found but not indexed, and write them to Content/data/entity-review.yml."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "List the candidates without writing the review file.")
    var dryRun = false

    @Option(help: "Most candidates to list (all are written to the file).")
    var limit = 40

    @Option(help: "Instead: measure extraction against a labelled passages file (e.g. Benchmarks/entities/passages.yml) and print precision and recall per kind.")
    var evaluate: String?

    @Option(name: .customLong("evaluate-goals"), help: "Score the articles' goals (front matter `sdgs:`) against the primary goals labelled in this YAML file, and print recall.")
    var evaluateGoals: String?

    @Option(help: "With --evaluate or --evaluate-goals: the passages or articles to score: tuning, held-out or all.")
    var split = "held-out"

    @Option(help: "With --evaluate: score the spans in this JSON file (another system's output) instead of Folio's.")
    var spans: String?

    @Option(help: "With --evaluate: text, or json (scores per kind).")
    var format = "text"

    func run() async throws {
        if let evaluate {
            try runEvaluation(evaluate)
            return
        }
        if let evaluateGoals {
            try runGoalEvaluation(evaluateGoals)
            return
        }
        let result: EntityReviewUpdater.Result
        do {
            result = try EntityReviewUpdater().run(projectRoot: global.projectRoot, write: !dryRun)
        } catch let error as ImportError {
            throw error.folioError
        }
        let open = result.entries.filter { $0.decision == nil }
        let decided = result.entries.count - open.count
        var out = ""
        for entry in open.prefix(limit) {
            out += "\(entry.name)  [\(entry.kind == .technology ? "technology" : entry.type.rawValue); \(entry.rule), confidence \(String(format: "%.2f", entry.confidence))] ×\(entry.mentions) in \(entry.articles.count) article\(entry.articles.count == 1 ? "" : "s")\n"
            for context in entry.contexts { out += "    \(context)\n" }
        }
        if !global.quiet {
            out += "entities: \(open.count) candidate\(open.count == 1 ? "" : "s") to review, \(decided) decided; "
            out += dryRun ? "nothing written\n" : (result.changed ? "wrote \(result.path)\n" : "\(result.path) is up to date\n")
            out += "Set `decision: accept` or `reject` in \(result.path), then run `folio import`.\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    private func runGoalEvaluation(_ file: String) throws {
        let result: GoalBenchmark.Result
        do {
            result = try EntityBenchmarkRunner().runGoals(projectRoot: global.projectRoot, labelsFile: file, split: split == "all" ? nil : split)
        } catch let error as ImportError {
            throw error.folioError
        }
        var out = ""
        if format == "json" {
            let object: [String: Any] = [
                "articles": result.articles, "split": split, "primary": result.primaryGoals, "found": result.found,
                "recall": result.recall, "goals_per_article": result.goalsPerArticle,
            ]
            out = String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self) + "\n"
        } else {
            if global.verbose, !result.differences.isEmpty { out += result.differences.joined(separator: "\n") + "\n" }
            out += "\(result.articles) articles (\(split))\n"
            out += "  primary goals found  \(String(format: "%5.1f", result.recall * 100)) %  (\(result.found) of \(result.primaryGoals))\n"
            out += "  goals per article    \(String(format: "%5.2f", result.goalsPerArticle))\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    private func runEvaluation(_ file: String) throws {
        let result: ExtractionBenchmark.Result
        do {
            result = try EntityBenchmarkRunner().run(projectRoot: global.projectRoot, passagesFile: file, split: split == "all" ? nil : split, spansFile: spans)
        } catch let error as ImportError {
            throw error.folioError
        }
        var out = ""
        if format == "json" {
            let scores = Dictionary(uniqueKeysWithValues: result.scores.map { ($0.key.rawValue, [
                "precision": $0.value.precision, "recall": $0.value.recall,
                "tp": Double($0.value.truePositives), "fp": Double($0.value.falsePositives), "fn": Double($0.value.falseNegatives),
            ]) })
            let data = try JSONSerialization.data(withJSONObject: ["passages": result.passages, "split": split, "scores": scores], options: [.sortedKeys])
            out = String(decoding: data, as: UTF8.self) + "\n"
        } else {
            if global.verbose { out += result.differences.joined(separator: "\n") + "\n" }
            out += "\(result.passages) passages (\(split))\n"
            for kind in ExtractionBenchmark.Kind.allCases {
                let s = result.scores[kind] ?? ExtractionBenchmark.Score()
                out += "  \(kind.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)) precision \(String(format: "%5.1f", s.precision * 100)) %  recall \(String(format: "%5.1f", s.recall * 100)) %  (\(s.truePositives) found, \(s.falsePositives) extra, \(s.falseNegatives) missed)\n"
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
