import FolioContent
import FolioCore
import FolioEntities
import FolioMarkdown
import FolioModel
import Foundation

/// The indexes as open data: six tables (organisations, places, technologies, SDGs, articles,
/// mentions) written under `data/` as CSV and JSON, described by a Frictionless
/// `datapackage.json`, and as one SQLite file with the same tables and foreign keys.
struct OpenData {
    /// One column: its name, Frictionless type (`string`, `integer`, `number`) and meaning.
    struct Field {
        var name: String
        var type: String
        var description: String
        var required = false
    }

    /// A foreign key: a column of this table and the table whose `id` it references.
    struct ForeignKey {
        var field: String
        var resource: String
    }

    /// One table with its rows.
    struct Table {
        var name: String
        var title: String
        var description: String
        var fields: [Field]
        var foreignKeys: [ForeignKey] = []
        var rows = Rows()
    }

    /// A table's rows, in order. Most are held as values; the mentions are held as the tagging
    /// found them, one ``ArticleMentions`` per article and term that shares its strings with the
    /// tagging, and become values, a row per mention, only while they are written: mentions
    /// outnumber every other row many times over.
    struct Rows: Sequence {
        private var values: [[SQLiteDatabase.Value]] = []
        private var mentions: [ArticleMentions] = []
        private(set) var count = 0

        mutating func append(_ row: [SQLiteDatabase.Value]) {
            precondition(mentions.isEmpty, "a table holds values or mentions, not both")
            values.append(row)
            count += 1
        }

        mutating func append(_ group: ArticleMentions) {
            precondition(values.isEmpty, "a table holds values or mentions, not both")
            mentions.append(group)
            count += group.occurrence.mentions.count
        }

        func makeIterator() -> Iterator {
            Iterator(values: values, mentions: mentions)
        }

        /// The rows in order: the values as held, or each mention's cells made as it is reached.
        struct Iterator: IteratorProtocol {
            let values: [[SQLiteDatabase.Value]]
            let mentions: [ArticleMentions]
            /// The next value row, or the next group of mentions and the next mention in it.
            private var position = 0, mention = 0
            /// The number of mention rows made so far.
            private var made = 0

            init(values: [[SQLiteDatabase.Value]], mentions: [ArticleMentions]) {
                self.values = values
                self.mentions = mentions
            }

            mutating func next() -> [SQLiteDatabase.Value]? {
                guard mentions.isEmpty else {
                    while position < mentions.count && mention == mentions[position].occurrence.mentions.count {
                        position += 1
                        mention = 0
                    }
                    guard position < mentions.count else { return nil }
                    defer { mention += 1 }
                    made += 1
                    return mentions[position].values(of: mention, id: made)
                }
                defer { position += 1 }
                return position < values.count ? values[position] : nil
            }
        }
    }

    /// What an article says of one term, the rows of the mentions table it gives (one per
    /// mention), as the tagging found it.
    struct ArticleMentions {
        var articleID: String
        var term: TermID
        var occurrence: TermOccurrence
        /// The raw file behind the article, and the source line behind each body line that holds
        /// a mention.
        var sourceFile: String?
        var sourceLineByBodyLine: [Int: Int]

        /// The cells of the row of mention number `index`, in the order of the table's fields;
        /// `id` is its row number.
        func values(of index: Int, id: Int) -> [SQLiteDatabase.Value] {
            let mention = occurrence.mentions[index]
            let sourceLine = sourceLineByBodyLine[mention.line]
            let kind: String
            var keys: (SQLiteDatabase.Value, SQLiteDatabase.Value, SQLiteDatabase.Value, SQLiteDatabase.Value) = (.null, .null, .null, .null)
            switch term.kind {
            case .company: kind = "organisation"; keys.0 = .text(term.slug)
            case .place: kind = "place"; keys.1 = .text(term.slug)
            case .technology: kind = "technology"; keys.2 = .text(term.slug)
            case .sdg: kind = "sdg"; keys.3 = Int(term.slug).map { .integer($0) } ?? .null
            }
            let snippet = mention.inContext.trimmingSpaces()
            // One array of the table's 14 cells, made in place.
            var row: [SQLiteDatabase.Value] = []
            row.reserveCapacity(14)
            row.append(.integer(id))
            row.append(.text(articleID))
            row.append(.text(kind))
            row.append(keys.0)
            row.append(keys.1)
            row.append(keys.2)
            row.append(keys.3)
            row.append(.text(mention.text))
            row.append(.text(snippet))
            row.append(.text(mention.region.rawValue))
            row.append(.integer(mention.line))
            // The file is named only where a source line is known, as the line is.
            row.append(sourceLine == nil ? .null : sourceFile.map { $0.isEmpty ? .null : .text($0) } ?? .null)
            row.append(sourceLine.map { .integer($0) } ?? .null)
            row.append(.integer(occurrence.count))
            return row
        }
    }

    /// The site folder the files go to.
    static let folder = "data"
    /// The SQLite file's name.
    static let databaseFile = "folio.sqlite"

    var tables: [Table]

    /// Collects the tables from the taxonomy index and the indexed pages, in site order.
    init(index: TaxonomyIndex, pages: [IndexedPage]) {
        func text(_ s: String?) -> SQLiteDatabase.Value { s.map { $0.isEmpty ? .null : .text($0) } ?? .null }
        func int(_ i: Int?) -> SQLiteDatabase.Value { i.map { .integer($0) } ?? .null }
        func counts(_ term: Term) -> [SQLiteDatabase.Value] {
            let list = index.articles(for: term.id)
            return [.integer(list.count), .integer(list.reduce(0) { $0 + $1.count })]
        }
        let countFields = [
            Field(name: "articles", type: "integer", description: "Articles that name it"),
            Field(name: "mentions", type: "integer", description: "Mentions over all articles (body and notes)"),
        ]
        let id = Field(name: "id", type: "string", description: "URL slug; the index page is <section>/<id>/", required: true)

        var organisations = Table(
            name: "organisations", title: "Organisations",
            description: "Companies, government bodies, international organisations, universities and research institutes, associations, media and NGOs named in the reports.",
            fields: [
                id, Field(name: "name", type: "string", description: "Canonical name", required: true),
                Field(name: "type", type: "string", description: "company, government body, international organisation, research institute, association, media or NGO"),
                Field(name: "country", type: "string", description: "Country, where the gazetteer gives one"),
                Field(name: "parent", type: "string", description: "Parent organisation"),
                Field(name: "aliases", type: "string", description: "Other names, separated by `; `"),
                Field(name: "source", type: "string", description: "`gazetteer` (reviewed by hand) or how it was found: rule and confidence"),
            ] + countFields
        )
        for term in index.terms(of: .company) {
            organisations.rows.append([
                .text(term.id.slug), .text(term.name), text(term.type), text(term.country), text(term.parent),
                text(term.displayAliases.joined(separator: "; ")), .text(term.foundBy ?? "gazetteer"),
            ] + counts(term))
        }
        var places = Table(
            name: "places", title: "Places",
            description: "Cities, districts, provinces, states, countries, continents and economic regions named in the reports; coordinates and populations from GeoNames (CC BY 4.0).",
            fields: [
                id, Field(name: "name", type: "string", description: "Canonical name", required: true),
                Field(name: "type", type: "string", description: "city, district, county, province, state, country, continent or region"),
                Field(name: "parent", type: "string", description: "The place it belongs to"),
                Field(name: "latitude", type: "number", description: "Decimal degrees, WGS84"),
                Field(name: "longitude", type: "number", description: "Decimal degrees, WGS84"),
                Field(name: "point_basis", type: "string", description: "Empty when the coordinates are the place's own; else how the point was chosen (its capital, principal city, the centre of its members, its parent)"),
                Field(name: "geonames_id", type: "integer", description: "GeoNames feature id"),
                Field(name: "population", type: "integer", description: "Inhabitants (GeoNames)"),
                Field(name: "members", type: "string", description: "For an economic zone: the places it covers, separated by `; `"),
            ] + countFields
        )
        for term in index.terms(of: .place) {
            let c = term.coordinates
            places.rows.append([
                .text(term.id.slug), .text(term.name), text(term.type), text(term.parent),
                c.map { .real($0.latitude) } ?? .null, c.map { .real($0.longitude) } ?? .null, text(c?.basis), int(c?.geonamesID), int(term.population),
                text(term.members.joined(separator: "; ")),
            ] + counts(term))
        }
        var technologies = Table(
            name: "technologies", title: "Technologies",
            description: "Technologies named in the reports, from a vocabulary of domains, groups and broader terms.",
            fields: [
                id, Field(name: "name", type: "string", description: "Canonical name", required: true),
                Field(name: "domain", type: "string", description: "Energy, Manufacturing, Digital, Mobility, Health, Agriculture, Environment or Materials"),
                Field(name: "category", type: "string", description: "The vocabulary group"),
                Field(name: "parent", type: "string", description: "The broader technology"),
                Field(name: "aliases", type: "string", description: "Other names and abbreviations, separated by `; `"),
            ] + countFields
        )
        for term in index.terms(of: .technology) {
            technologies.rows.append([
                .text(term.id.slug), .text(term.name), text(term.domain), text(term.type), text(term.parent),
                text(term.displayAliases.joined(separator: "; ")),
            ] + counts(term))
        }
        var sdgs = Table(
            name: "sdgs", title: "Sustainable Development Goals",
            description: "The 17 UN Sustainable Development Goals.",
            fields: [
                Field(name: "id", type: "integer", description: "Goal number, 1–17", required: true),
                Field(name: "short_title", type: "string", description: "Official short title"),
                Field(name: "title", type: "string", description: "Official full title"),
                Field(name: "colour", type: "string", description: "Official colour, #RRGGBB"),
            ] + countFields
        )
        for term in index.terms(of: .sdg) {
            guard let goal = term.goal else { continue }
            sdgs.rows.append([.integer(goal.number), .text(goal.shortTitle), .text(goal.title), .text(goal.colour)] + counts(term))
        }

        var articles = Table(
            name: "articles", title: "Articles",
            description: "The articles and pages of the site that name at least one index entry.",
            fields: [
                Field(name: "id", type: "string", description: "The page's URL path", required: true),
                Field(name: "title", type: "string", description: "Title"),
                Field(name: "document", type: "string", description: "Slug of the report it belongs to"),
                Field(name: "company", type: "string", description: "The organisation that wrote it, where there is one"),
                Field(name: "file", type: "string", description: "The Markdown file"),
                Field(name: "source_file", type: "string", description: "The raw source text it was imported from"),
                Field(name: "source_first_line", type: "integer", description: "First line of the source it covers"),
                Field(name: "source_last_line", type: "integer", description: "Last line of the source it covers"),
            ]
        )
        var mentions = Table(
            name: "mentions", title: "Mentions",
            description: "Where each article names each entry: up to five mentions per entry and article, with the words around them and the line of the source they come from.",
            fields: [
                Field(name: "id", type: "integer", description: "Row number", required: true),
                Field(name: "article_id", type: "string", description: "The article", required: true),
                Field(name: "kind", type: "string", description: "organisation, place, technology or sdg", required: true),
                Field(name: "organisation_id", type: "string", description: "The organisation, for kind organisation"),
                Field(name: "place_id", type: "string", description: "The place, for kind place"),
                Field(name: "technology_id", type: "string", description: "The technology, for kind technology"),
                Field(name: "sdg_id", type: "integer", description: "The goal, for kind sdg"),
                Field(name: "text", type: "string", description: "The words as written"),
                Field(name: "snippet", type: "string", description: "The mention in context"),
                Field(name: "region", type: "string", description: "body, heading or footnote"),
                Field(name: "line", type: "integer", description: "Line in the article's Markdown body"),
                Field(name: "source_file", type: "string", description: "The raw source file"),
                Field(name: "source_line", type: "integer", description: "Line of the raw source the mention comes from"),
                Field(name: "mentions_in_article", type: "integer", description: "How often the article names the entry in all"),
            ],
            foreignKeys: [
                ForeignKey(field: "article_id", resource: "articles"), ForeignKey(field: "organisation_id", resource: "organisations"),
                ForeignKey(field: "place_id", resource: "places"), ForeignKey(field: "technology_id", resource: "technologies"),
                ForeignKey(field: "sdg_id", resource: "sdgs"),
            ]
        )
        // Articles in site order; their mentions in term order.
        // Each by its term and its place in the term's list: the occurrences are large to copy.
        var byPage: [String: [(term: TermID, entry: Int)]] = [:]
        for (termID, list) in index.articles {
            for (entry, item) in list.enumerated() where item.occurrence != nil { byPage[item.page.urlPath, default: []].append((termID, entry)) }
        }
        // Two pages at one URL are a build error (SITE001); the data keeps the first, as the site does.
        var exported: Set<String> = []
        for page in pages where byPage[page.urlPath] != nil || index.termsByPage[page.urlPath]?.isEmpty == false {
            let articleID = Self.articleID(page.urlPath)
            guard exported.insert(articleID).inserted else { continue }
            articles.rows.append([
                .text(articleID), .text(page.title), text(page.document), text(page.company), .text(page.path),
                text(page.sourceFile), int(page.sourceLines.first), int(page.sourceLines.last),
            ])
            for (termID, entry) in (byPage[page.urlPath] ?? []).sorted(by: { $0.term < $1.term }) {
                guard let occurrence = index.articles[termID]?[entry].occurrence, !occurrence.mentions.isEmpty else { continue }
                mentions.rows.append(ArticleMentions(articleID: articleID, term: termID, occurrence: occurrence, sourceFile: page.sourceFile, sourceLineByBodyLine: page.sourceLineByBodyLine))
            }
        }
        tables = [organisations, places, technologies, sdgs, articles, mentions]
    }

    /// `cmia-2021/ford/` → `cmia-2021/ford`.
    static func articleID(_ urlPath: String) -> String {
        urlPath.hasSuffix("/") ? String(urlPath.dropLast()) : urlPath
    }

    /// Writes every file under `data/` through `writer`, each piece by piece: at 10,000 articles
    /// the mentions alone are hundreds of megabytes, never held whole in memory.
    ///
    /// A file made from the same tables as an earlier build's, and still in the output as that
    /// build wrote it, is kept as it is: an edit that changes no index leaves the data alone.
    func write(to writer: PageWriter) throws {
        let digests = writer.keepsProducedFiles ? ConcurrentMap.map(tables) { Self.digest(of: $0) } : nil
        @Sendable func inputs(_ path: String, _ tables: [Data]?) -> BuildCache.Key? {
            guard let tables else { return nil }
            var key = CacheKeyBuilder("open data")
            key.add(path)
            for table in tables { key.add(table) }
            return key.key()
        }
        // The tables' files and the database are independent: all cores build them. The
        // database, the longest job, starts first, so it does not run alone at the end.
        let jobs = [nil] + tables.indices.flatMap { [($0, true), ($0, false)] }.map(Optional.some)
        _ = try ConcurrentMap.tryMap(jobs) { job in
            guard let (index, asCSV) = job else {
                let path = "\(Self.folder)/\(Self.databaseFile)"
                try writer.writeFile(to: path, inputs: inputs(path, digests)) { url in try writeDatabase(to: url) }
                return
            }
            let table = tables[index]
            let path = "\(Self.folder)/\(table.name).\(asCSV ? "csv" : "json")"
            try writer.writeFile(to: path, inputs: inputs(path, digests.map { [$0[index]] })) { url in
                var file = try ChunkedTextFile(url)
                if asCSV { csv(table, into: &file) } else { json(table, into: &file) }
                try file.close()
            }
        }
        try writer.write(datapackage(), to: "\(Self.folder)/datapackage.json")
    }

    /// A SHA-256 of everything in `table` that its files show: names, descriptions, fields,
    /// foreign keys and every cell, each with its type.
    static func digest(of table: Table) -> Data {
        var key = CacheKeyBuilder("open data table")
        for text in [table.name, table.title, table.description] { key.add(text) }
        key.add(table.fields.count)
        for field in table.fields {
            for text in [field.name, field.type, field.description] { key.add(text) }
            key.add(field.required ? 1 : 0)
        }
        key.add(table.foreignKeys.count)
        for foreignKey in table.foreignKeys {
            key.add(foreignKey.field)
            key.add(foreignKey.resource)
        }
        key.add(table.rows.count)
        for row in table.rows {
            key.add(row.count)
            for value in row {
                switch value {
                case .null: key.add(0)
                case let .integer(number): key.add(1); key.add(number)
                case let .real(number): key.add(2); key.add(String(number.bitPattern))
                case let .text(text): key.add(3); key.add(text)
                }
            }
        }
        return key.key().bytes
    }

    /// RFC 4180 CSV with a header row (empty cells are missing values), written one row at a time.
    func csv(_ table: Table, into file: inout ChunkedTextFile) {
        file.append(table.fields.map(\.name).joined(separator: ","))
        file.append(byte: 0x0D)
        file.append(byte: 0x0A)
        for row in table.rows {
            for (i, value) in row.enumerated() {
                if i > 0 { file.append(byte: 0x2C) }
                switch value {
                case .null: break
                case let .integer(n): file.append(String(n))
                case let .real(d): file.append(Self.number(d))
                case let .text(s):
                    let needsQuotes = s.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D } || s.hasPrefix(" ") || s.hasSuffix(" ")
                    guard needsQuotes else {
                        file.append(s)
                        continue
                    }
                    // Quotes are doubled.
                    file.append(byte: 0x22)
                    for byte in s.utf8 {
                        file.append(byte: byte)
                        if byte == 0x22 { file.append(byte: 0x22) }
                    }
                    file.append(byte: 0x22)
                }
            }
            file.append(byte: 0x0D)
            file.append(byte: 0x0A)
        }
    }

    /// An array of objects, one per row (missing values are `null`), written one row at a time.
    func json(_ table: Table, into file: inout ChunkedTextFile) {
        file.append("[\n")
        // Each field's `"name": ` once, not once per row.
        let keys = table.fields.enumerated().map { i, field in (i == 0 ? "" : ", ") + Self.jsonString(field.name) + ": " }
        let count = table.rows.count
        for (r, row) in table.rows.enumerated() {
            file.append("  {")
            for (i, value) in row.enumerated() {
                file.append(keys[i])
                switch value {
                case .null: file.append("null")
                case let .integer(n): file.append(String(n))
                case let .real(d): file.append(Self.number(d))
                case let .text(s): Self.appendJSONString(s, to: &file)
                }
            }
            file.append(r == count - 1 ? "}\n" : "},\n")
        }
        file.append("]\n")
    }

    /// The Frictionless data package descriptor for the CSV files.
    func datapackage() -> String {
        func field(_ f: Field) -> [String: Any] {
            var out: [String: Any] = ["name": f.name, "type": f.type, "description": f.description]
            if f.required { out["constraints"] = ["required": true] }
            return out
        }
        let resources: [[String: Any]] = tables.map { table in
            var schema: [String: Any] = ["fields": table.fields.map(field), "primaryKey": ["id"], "missingValues": [""]]
            if !table.foreignKeys.isEmpty {
                schema["foreignKeys"] = table.foreignKeys.map { ["fields": [$0.field], "reference": ["resource": $0.resource, "fields": ["id"]]] }
            }
            return [
                "name": table.name, "title": table.title, "description": table.description,
                "path": "\(table.name).csv", "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
                "encoding": "utf-8", "schema": schema,
            ]
        }
        let package: [String: Any] = [
            "profile": "tabular-data-package",
            "name": "folio-indexes",
            "title": "Organisations, places, technologies and goals named in the reports",
            "description": "The site's indexes as open data: every entry, every article and every mention with its context and source line. The same tables are in \(Self.databaseFile).",
            "licenses": [["name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0 (place data from GeoNames)"]],
            "sources": [["title": "GeoNames", "path": "https://www.geonames.org/"]],
            "resources": resources,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: package, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The tables in SQLite, with primary and foreign keys.
    /// Writes the tables with their keys to a new database file at `file`.
    func writeDatabase(to file: URL) throws {
        let db = try SQLiteDatabase(file: file)
        for table in tables {
            var columns: [String] = []
            for f in table.fields {
                let type = f.type == "integer" ? "INTEGER" : f.type == "number" ? "REAL" : "TEXT"
                columns.append("\"\(f.name)\" \(type)\(f.name == "id" ? " PRIMARY KEY" : f.required ? " NOT NULL" : "")")
            }
            for key in table.foreignKeys {
                columns.append("FOREIGN KEY (\"\(key.field)\") REFERENCES \"\(key.resource)\" (\"id\")")
            }
            try db.execute("CREATE TABLE \"\(table.name)\" (\(columns.joined(separator: ", ")))")
            try db.insert(into: table.name, columns: table.fields.map(\.name), rows: table.rows)
        }
        try db.execute("CREATE INDEX mentions_by_article ON mentions (article_id)")
    }

    static func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }

    /// Whether `s` goes into a JSON string as it is: no control character, quote or backslash.
    static func needsNoEscape(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C }
    }

    static func jsonString(_ s: String) -> String {
        // Most values need no escape: copy them whole.
        if needsNoEscape(s) { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// Appends ``jsonString(_:)`` of `s` to `file`, without a copy when nothing needs escaping.
    static func appendJSONString(_ s: String, to file: inout ChunkedTextFile) {
        guard needsNoEscape(s) else {
            file.append(jsonString(s))
            return
        }
        file.append(byte: 0x22)
        file.append(s)
        file.append(byte: 0x22)
    }
}

/// A text file written in pieces of about a megabyte, so a long export holds only the current
/// piece in memory. A value, appended to in place (`inout`): a class's buffer would be checked
/// for exclusive access at every one of the millions of appends of an export.
struct ChunkedTextFile {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var failure: (any Error)?
    private static let pieceSize = 1 << 20

    /// Creates (or empties) the file at `url`.
    init(_ url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw FolioError.io(path: url.path, message: "cannot create the file")
        }
        handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(Self.pieceSize + 4096)
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= Self.pieceSize { flush() }
    }

    /// Appends one byte (a separator, a quote, a line end).
    mutating func append(byte: UInt8) {
        buffer.append(byte)
        if buffer.count >= Self.pieceSize { flush() }
    }

    /// Writes what is left and closes the file; throws the first write error.
    mutating func close() throws {
        flush()
        try? handle.close()
        if let failure { throw failure }
    }

    private mutating func flush() {
        guard failure == nil, !buffer.isEmpty else { buffer.removeAll(keepingCapacity: true); return }
        do { try handle.write(contentsOf: buffer) } catch { failure = error }
        buffer.removeAll(keepingCapacity: true)
    }
}
