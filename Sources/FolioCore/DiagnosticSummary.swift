/// Counts of diagnostics by severity, as printed after every run and in `--format json`.
public struct DiagnosticSummary: Sendable, Hashable, Codable {
    public var errors: Int
    public var warnings: Int
    public var infos: Int
    /// Findings the baseline accepted; they are not counted above and never fail a run.
    public var baselined: Int

    public init(errors: Int = 0, warnings: Int = 0, infos: Int = 0, baselined: Int = 0) {
        self.errors = errors
        self.warnings = warnings
        self.infos = infos
        self.baselined = baselined
    }

    /// Counts the given diagnostics (baselined ones only as `baselined`).
    public init(_ diagnostics: [Diagnostic]) {
        self.init()
        for diagnostic in diagnostics {
            if diagnostic.baselined {
                baselined += 1
                continue
            }
            switch diagnostic.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
    }

    enum CodingKeys: String, CodingKey { case errors, warnings, infos, baselined }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        errors = try c.decode(Int.self, forKey: .errors)
        warnings = try c.decode(Int.self, forKey: .warnings)
        infos = try c.decode(Int.self, forKey: .infos)
        baselined = try c.decodeIfPresent(Int.self, forKey: .baselined) ?? 0
    }

    /// Whether a run with these counts fails: any error, or any warning when `strict`.
    public func fails(strict: Bool) -> Bool {
        errors > 0 || (strict && warnings > 0)
    }
}
