import FolioCore

/// Problems that stop `folio bundle`. Earlier bundles are left as they were in every case.
public enum BundleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Corpus metadata is missing or unusable (exit 2): `Content/corpus.yml` absent, a document
    /// not listed in it, or a value such as the date that cannot be used.
    case metadata(file: String, line: Int?, message: String, hint: String?)
    /// A file that could not be read (exit 3).
    case unreadable(path: String, message: String)
    /// The output directory or a bundle file could not be written (exit 3).
    case unwritable(path: String, message: String)
    /// The site behind the zip did not build; its diagnostics explain why (exit 1).
    case siteFailed(diagnostics: [Diagnostic])

    /// Process exit code per DESIGN.md.
    public var exitCode: Int32 {
        switch self {
        case .metadata: 2
        case .unreadable, .unwritable: 3
        case .siteFailed: 1
        }
    }

    public var description: String {
        switch self {
        case let .metadata(file, line, message, hint):
            var s = file
            if let line { s += ":\(line)" }
            s += ": error: \(message)"
            if let hint { s += "\n    hint: \(hint)" }
            return s
        case let .unreadable(path, message):
            return "\(path): error: cannot read: \(message)"
        case let .unwritable(path, message):
            return "\(path): error: cannot write: \(message); earlier bundles were left untouched"
        case let .siteFailed(diagnostics):
            return DiagnosticFormatter.text(diagnostics.filter { $0.severity == .error })
                + "error: the site did not build (\(DiagnosticFormatter.summaryLine(DiagnosticSummary(diagnostics)))), so no bundle was written"
        }
    }
}
