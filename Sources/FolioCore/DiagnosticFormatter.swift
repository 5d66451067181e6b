import Foundation

/// Turns diagnostics into text for people (compiler style) or JSON for tools (the DESIGN.md contract).
public enum DiagnosticFormatter {
    /// One line per diagnostic, `file:line:col: severity: [CODE] message`, followed by indented source and hint lines.
    /// - Parameter color: whether to add ANSI colours (only on a terminal, never with `NO_COLOR`).
    public static func text(_ diagnostics: [Diagnostic], color: Bool = false) -> String {
        var out = ""
        for d in diagnostics {
            var place = ""
            if let loc = d.location {
                place = loc.file
                if loc.line > 0 {
                    place += ":\(loc.line)"
                    if let col = loc.column { place += ":\(col)" }
                }
                place += ": "
            }
            let sev = color ? colored(d.severity) : d.severity.rawValue
            out += "\(place)\(sev): [\(d.code)] \(d.message)\(d.baselined ? " (accepted by the baseline)" : "")\n"
            if let src = d.source {
                out += "    source: \(src.file):\(src.line)\n"
            }
            for r in d.related {
                out += "    related: \(r.file):\(r.line)\(r.column.map { ":\($0)" } ?? "")\(r.message.map { " (\($0))" } ?? "")\n"
            }
            if let hint = d.hint {
                out += "    hint: \(hint)\n"
            }
        }
        return out
    }

    /// Version of the JSON document's shape; raised when a field changes meaning or goes away.
    public static let jsonSchemaVersion = 2

    /// The JSON document `{"schema_version": 2, "diagnostics": [...], "summary": {...}}` with
    /// sorted keys, so output is stable.
    /// - Parameter summary: the counts to report, when they cover more than the diagnostics shown
    ///   (a `--min-severity` filter); by default the counts of `diagnostics`.
    public static func json(_ diagnostics: [Diagnostic], summary: DiagnosticSummary? = nil) -> String {
        struct Document: Encodable {
            var schemaVersion: Int
            var diagnostics: [Diagnostic]
            var summary: DiagnosticSummary
            enum CodingKeys: String, CodingKey { case schemaVersion = "schema_version", diagnostics, summary }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(schemaVersion: jsonSchemaVersion, diagnostics: diagnostics, summary: summary ?? DiagnosticSummary(diagnostics))
        let data = (try? encoder.encode(document)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A one-line summary such as `0 errors, 3 warnings, 1 info`.
    public static func summaryLine(_ summary: DiagnosticSummary) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(summary.errors, "error")), \(plural(summary.warnings, "warning")), \(plural(summary.infos, "info"))"
    }

    private static func colored(_ severity: Severity) -> String {
        switch severity {
        case .error: "\u{1B}[1;31merror\u{1B}[0m"
        case .warning: "\u{1B}[1;33mwarning\u{1B}[0m"
        case .info: "\u{1B}[1;36minfo\u{1B}[0m"
        }
    }
}
