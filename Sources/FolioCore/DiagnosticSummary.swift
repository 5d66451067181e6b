/// Counts of diagnostics by severity, as printed after every run and in `--format json`.
public struct DiagnosticSummary: Sendable, Hashable, Codable {
    public var errors: Int
    public var warnings: Int
    public var infos: Int

    public init(errors: Int = 0, warnings: Int = 0, infos: Int = 0) {
        self.errors = errors
        self.warnings = warnings
        self.infos = infos
    }

    /// Counts the given diagnostics.
    public init(_ diagnostics: [Diagnostic]) {
        self.init()
        for diagnostic in diagnostics {
            switch diagnostic.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
    }

    /// Whether a run with these counts fails: any error, or any warning when `strict`.
    public func fails(strict: Bool) -> Bool {
        errors > 0 || (strict && warnings > 0)
    }
}
