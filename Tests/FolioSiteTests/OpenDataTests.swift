import FolioCore
import FolioSite
import Foundation
import Testing

/// The open data under `Site/data/`, built from the repository's own corpus.
@Suite(.serialized) struct OpenDataTests {
    static let repository = SiteFixture.repository

    /// The corpus built once into a temporary directory.
    static let built: Result<URL, any Error> = Result {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("folio-open-data-\(UUID().uuidString)")
        let (config, _) = try FolioConfig.load(from: repository.appendingPathComponent("folio.yml").path)
        let result = try SiteBuilder().build(.init(projectRoot: repository, config: config, outputDirectory: output))
        guard result.published else { throw CocoaError(.fileWriteUnknown) }
        return output.appendingPathComponent("data")
    }

    /// `sqlite3` and the test venv's Python, run with arguments; stdout.
    private func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = try pipe.fileHandleForReading.readToEnd() ?? Data()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func everyTableIsWrittenAsCSVAndJSONWithTheSameRows() throws {
        let data = try Self.built.get()
        for table in ["organisations", "places", "technologies", "sdgs", "articles", "mentions"] {
            let csv = try String(contentsOf: data.appendingPathComponent("\(table).csv"), encoding: .utf8)
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: data.appendingPathComponent("\(table).json"))) as? [[String: Any]]
            let rows = try #require(json)
            #expect(!rows.isEmpty, "\(table) is empty")
            // Header plus one line per row (no value in this corpus holds a line break).
            #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == rows.count + 1, "\(table)")
        }
        let sdgs = try String(contentsOf: data.appendingPathComponent("sdgs.csv"), encoding: .utf8)
        #expect(sdgs.hasPrefix("id,short_title,title,colour,articles,mentions\r\n1,No Poverty,"))
        // Found organisations carry their rule; mentions carry evidence and a source line.
        let organisations = try String(contentsOf: data.appendingPathComponent("organisations.csv"), encoding: .utf8)
        #expect(organisations.contains("legal form, confidence 0.95"))
        let mentions = try String(contentsOf: data.appendingPathComponent("mentions.csv"), encoding: .utf8)
        #expect(mentions.contains(",Content/sources/cmia-2021-penetrating-insights.txt,"))
    }

    @Test func theSQLiteFileAnswersTheREADMEQuery() throws {
        let data = try Self.built.get()
        let sqlite = "/usr/bin/sqlite3"
        try #require(FileManager.default.isExecutableFile(atPath: sqlite), "sqlite3 is installed by scripts/install-deps.sh --test")
        let query = """
            SELECT DISTINCT o.name FROM organisations o
            JOIN mentions mo ON mo.organisation_id = o.id
            JOIN mentions mp ON mp.article_id = mo.article_id AND mp.place_id = 'chongqing'
            JOIN mentions mt ON mt.article_id = mo.article_id AND mt.technology_id = 'hydrogen'
            WHERE o.type = 'company' ORDER BY o.name;
            """
        let result = try run(sqlite, [data.appendingPathComponent("folio.sqlite").path, query])
        #expect(result.status == 0)
        let names = Set(result.output.split(separator: "\n").map(String.init))
        // cmia-2024 Air Products: industrial gas and hydrogen in Chongqing; cmia-2021 Cummins.
        #expect(names.isSuperset(of: ["Air Products", "Cummins"]))
        // Foreign keys hold: every mention's entry exists.
        let check = try run(sqlite, [data.appendingPathComponent("folio.sqlite").path, "PRAGMA foreign_key_check;"])
        #expect(check.status == 0 && check.output.isEmpty, "\(check.output)")
    }

    @Test func theDataPackageValidatesWithFrictionless() throws {
        let data = try Self.built.get()
        let frictionless = Self.repository.appendingPathComponent(".build/python/bin/frictionless").path
        try #require(FileManager.default.isExecutableFile(atPath: frictionless), "frictionless is installed by scripts/install-deps.sh --test")
        let result = try run(frictionless, ["validate", "--json", data.appendingPathComponent("datapackage.json").path])
        #expect(result.status == 0, "\(result.output.prefix(3000))")
        #expect(result.output.contains("\"valid\": true"))
    }
}
