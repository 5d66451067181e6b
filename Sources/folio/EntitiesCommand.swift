import ArgumentParser
import FolioCore
import FolioEntities
import FolioImport
import Foundation

/// `folio entities`: organisation names found but not indexed, for review.
struct EntitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "List organisation names found but not indexed, and write them to Content/data/entity-review.yml."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "List the candidates without writing the review file.")
    var dryRun = false

    @Option(help: "Most candidates to list (all are written to the file).")
    var limit = 40

    func run() async throws {
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
            out += "\(entry.name)  [\(entry.type.rawValue); \(entry.rule), confidence \(String(format: "%.2f", entry.confidence))] ×\(entry.mentions) in \(entry.articles.count) article\(entry.articles.count == 1 ? "" : "s")\n"
            for context in entry.contexts { out += "    \(context)\n" }
        }
        if !global.quiet {
            out += "entities: \(open.count) candidate\(open.count == 1 ? "" : "s") to review, \(decided) decided; "
            out += dryRun ? "nothing written\n" : (result.changed ? "wrote \(result.path)\n" : "\(result.path) is up to date\n")
            out += "Set `decision: accept` or `reject` in \(result.path), then run `folio import`.\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
