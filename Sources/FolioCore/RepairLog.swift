import Foundation

/// Routine repairs are not findings. The importer reports every repair it makes (a paragraph
/// rejoined across a page break, markup repaired, escapes removed …); those need no person, so
/// they are kept apart from the findings, counted, and written on request as a log of JSON lines
/// (`folio import --log FILE`) with the text before (the source line) and after (the article line).
public enum RepairLog {
    /// The codes of routine repairs. Infos that deserve a look stay findings: a doubtful heading
    /// promotion (`IMP011`), a note moved between articles (`FN109`), a repeated note text
    /// (`FN106`), uncited references (`FN108`), unreferenced figures (`FIG007`, `FIG108`).
    public static let codes: Set<String> = [
        "COR002", "FIG106", "FIG107", "FIG111", "FIG112", "FN105", "FN111", "FN112", "FN113",
        "IMP001", "IMP003", "IMP010", "IMP012", "IMP013", "IMP014", "IMP015", "IMP016", "IMP017", "IMP018",
        "IMP019", "IMP020", "IMP021", "IMP022", "IMP023", "IMP032", "IMP030", "IMP031", "IMP033", "IMP034", "IMP035",
        "INL001", "INL002", "INL003", "INL004", "INL005", "INL006", "INL007", "INL008",
    ]

    /// Whether `diagnostic` is a routine repair (an info of one of ``codes``).
    public static func isRepair(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.severity == .info && codes.contains(diagnostic.code)
    }

    /// `diagnostics` split into findings and routine repairs, each in its original order.
    public static func split(_ diagnostics: [Diagnostic]) -> (findings: [Diagnostic], repairs: [Diagnostic]) {
        var findings: [Diagnostic] = []
        var repairs: [Diagnostic] = []
        for d in diagnostics {
            if isRepair(d) { repairs.append(d) } else { findings.append(d) }
        }
        return (findings, repairs)
    }

    /// One entry of the log.
    struct Entry: Encodable {
        var code: String
        var message: String
        var article: String?
        var line: Int?
        var source: String?
        var sourceLine: Int?
        /// The source line as the importer read it.
        var before: String?
        /// The article line the repair produced.
        var after: String?

        enum CodingKeys: String, CodingKey {
            case code, message, article, line, source
            case sourceLine = "source_line"
            case before, after
        }
    }

    /// The repairs as JSON lines, one object per repair: `code`, `message`, `article`, `line`,
    /// `source`, `source_line`, `before` (the source line's text) and `after` (the article line's
    /// text). Files are read from `projectRoot`; `articleTexts` (path → text) overrides files, so
    /// `import --check` logs the articles it would write.
    public static func jsonLines(_ repairs: [Diagnostic], projectRoot: URL, articleTexts: [String: String] = [:]) -> String {
        var lines: [String: [Substring]] = [:]
        func line(_ number: Int?, of path: String?) -> String? {
            guard let path, let number, number >= 1 else { return nil }
            if lines[path] == nil {
                var text = articleTexts[path] ?? ""
                if articleTexts[path] == nil, case let .success(data) = InputFile.contents(atPath: projectRoot.appendingPathComponent(path).path) {
                    text = String(decoding: data, as: UTF8.self)
                }
                lines[path] = text.split(separator: "\n", omittingEmptySubsequences: false)
            }
            guard let all = lines[path], number <= all.count else { return nil }
            return String(all[number - 1]).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = ""
        for d in repairs {
            let entry = Entry(
                code: d.code, message: d.message, article: d.location?.file, line: d.location?.line, source: d.source?.file, sourceLine: d.source?.line,
                before: line(d.source?.line, of: d.source?.file), after: line(d.location?.line, of: d.location?.file))
            if let data = try? encoder.encode(entry) { out += String(decoding: data, as: UTF8.self) + "\n" }
        }
        return out
    }
}
