/// How serious a finding is. Errors fail a build; warnings fail it only under `--strict`.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A place in a file: repository-relative path, 1-based line and 1-based UTF-8 byte column.
public struct SourceLocation: Sendable, Hashable, Codable {
    /// Repository-relative path, for example `Content/sources/cmia-2021.txt`.
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column in UTF-8 bytes, when known.
    public var column: Int?

    public init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// Another place that belongs to a finding: the other footnote of a pair, the first of two
/// duplicates. Kept out of the message so messages never carry line numbers.
public struct RelatedLocation: Sendable, Hashable, Codable {
    public var file: String
    public var line: Int
    public var column: Int?
    /// What is at this place, e.g. `footnote [^31]`.
    public var message: String?

    public init(file: String, line: Int, column: Int? = nil, message: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }
}

/// One finding of import, build or check: a stable code, a severity, what is wrong, where, and how to fix it.
///
/// Diagnostics are data: stages return them and never print or throw them.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// Stable identifier such as `FN001`; documented in the README.
    public var code: String
    public var severity: Severity
    /// What is wrong, in one sentence.
    public var message: String
    /// Where the finding is in `Content/` or `Site/` (the file a user edits).
    public var location: SourceLocation?
    /// For imported content: the raw source line the finding comes from.
    public var source: SourceLocation?
    /// How to fix it.
    public var hint: String?
    /// Other places the finding involves (never part of the message).
    public var related: [RelatedLocation]
    /// Stable identity across edits (code, file, snippet of the offending text, ordinal), set
    /// by the validation policy; never contains a line number.
    public var fingerprint: String?
    /// Whether the baseline accepts this finding (it is shown, but does not fail the run).
    public var baselined: Bool

    public init(
        code: String,
        severity: Severity,
        message: String,
        location: SourceLocation? = nil,
        source: SourceLocation? = nil,
        hint: String? = nil,
        related: [RelatedLocation] = []
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
        self.source = source
        self.hint = hint
        self.related = related
        self.fingerprint = nil
        self.baselined = false
    }

    enum CodingKeys: String, CodingKey {
        case code, severity, message, file, line, column, source, hint, related, fingerprint, baselined
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        severity = try c.decode(Severity.self, forKey: .severity)
        message = try c.decode(String.self, forKey: .message)
        if let file = try c.decodeIfPresent(String.self, forKey: .file) {
            location = SourceLocation(
                file: file,
                line: try c.decodeIfPresent(Int.self, forKey: .line) ?? 0,
                column: try c.decodeIfPresent(Int.self, forKey: .column)
            )
        }
        source = try c.decodeIfPresent(SourceLocation.self, forKey: .source)
        hint = try c.decodeIfPresent(String.self, forKey: .hint)
        related = try c.decodeIfPresent([RelatedLocation].self, forKey: .related) ?? []
        fingerprint = try c.decodeIfPresent(String.self, forKey: .fingerprint)
        baselined = try c.decodeIfPresent(Bool.self, forKey: .baselined) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(severity, forKey: .severity)
        try c.encode(message, forKey: .message)
        if let location {
            try c.encode(location.file, forKey: .file)
            try c.encode(location.line, forKey: .line)
            try c.encodeIfPresent(location.column, forKey: .column)
        }
        try c.encodeIfPresent(source, forKey: .source)
        try c.encodeIfPresent(hint, forKey: .hint)
        if !related.isEmpty { try c.encode(related, forKey: .related) }
        try c.encodeIfPresent(fingerprint, forKey: .fingerprint)
        if baselined { try c.encode(true, forKey: .baselined) }
    }
}

extension Diagnostic {
    /// Orders diagnostics by file, line, column, then code, so output is deterministic.
    public static func sortedForOutput(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { a, b in
            let fa = a.location?.file ?? "", fb = b.location?.file ?? ""
            if fa != fb { return fa < fb }
            let la = a.location?.line ?? 0, lb = b.location?.line ?? 0
            if la != lb { return la < lb }
            let ca = a.location?.column ?? 0, cb = b.location?.column ?? 0
            if ca != cb { return ca < cb }
            if a.code != b.code { return a.code < b.code }
            return a.message < b.message
        }
    }
}
