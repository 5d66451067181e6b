import FolioEntities
import Foundation

/// Paths and shared values for the entity tests.
enum Fixtures {
    /// The repository root, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let dataDirectory = root.appendingPathComponent("Content/data")

    /// The gazetteers in `Content/data`, loaded once.
    static let gazetteers: Gazetteers = {
        do {
            // As import tags: without the organisations an earlier import found.
            return try Gazetteers.load(from: dataDirectory, includeFound: false)
        } catch {
            preconditionFailure("cannot load the gazetteers: \(error)")
        }
    }()

    static let tagger = EntityTagger(gazetteers: gazetteers)

    /// A tagger of the corpus's gazetteers without the list of well-known organisations, for
    /// testing the rules that find organisations on names the list would otherwise know.
    static let discoveryTagger = tagger(copying: ["companies.yml", "cities.yml", "technologies.yml", "sdgs.yml", EntityReview.fileName])

    /// A tagger of the gazetteers in a folder holding only `files` of `Content/data`, and
    /// `written` files with the given contents (an empty `companies.yml`, as a new project has).
    static func tagger(copying files: [String], written: [String: String] = [:]) -> EntityTagger {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("folio-gazetteers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for file in files {
                try FileManager.default.copyItem(at: dataDirectory.appendingPathComponent(file), to: directory.appendingPathComponent(file))
            }
            for (file, text) in written { try Data(text.utf8).write(to: directory.appendingPathComponent(file)) }
            return EntityTagger(gazetteers: try Gazetteers.load(from: directory, includeFound: false))
        } catch {
            preconditionFailure("cannot load the gazetteers of \(files) and \(written.keys.sorted()): \(error)")
        }
    }

    /// The raw source files, by short name.
    static let sources: [String: String] = [
        "cmia-2021": "cmia-2021-penetrating-insights.txt",
        "cmia-2024": "cmia-2024-penetrating-insights.txt",
        "cst-2024": "cst-2024-inspiring-practices.txt",
        "giz-ccid-2022": "giz-ccid-2022-digital-business-models.txt",
        "leiden-2023": "leiden-2023-china-industrial-iot.txt",
    ]

    /// The whole text of one raw source.
    static func source(_ name: String) -> String {
        let url = root.appendingPathComponent("Content/sources").appendingPathComponent(sources[name] ?? name)
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    /// Lines `first...last` (1-based, inclusive) of one raw source.
    static func lines(_ name: String, _ first: Int, _ last: Int) -> String {
        let all = source(name).split(separator: "\n", omittingEmptySubsequences: false)
        guard first >= 1, last <= all.count, first <= last else { return "" }
        return all[(first - 1)...(last - 1)].joined(separator: "\n") + "\n"
    }
}
