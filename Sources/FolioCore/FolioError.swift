/// Errors that stop a run. Findings about content are ``Diagnostic``s instead; these are for
/// configuration and I/O problems that make continuing pointless. Each maps to an exit code.
public enum FolioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `folio.yml` or another configuration input is invalid (exit 2).
    case configuration(file: String, line: Int?, message: String, hint: String?)
    /// A file or directory could not be read or written (exit 3).
    case io(path: String, message: String)
    /// The requested output directory is dangerous to replace (exit 2).
    case refusedOutput(path: String, reason: String)

    /// Process exit code per DESIGN.md: 2 usage/configuration, 3 I/O.
    public var exitCode: Int32 {
        switch self {
        case .configuration, .refusedOutput: 2
        case .io: 3
        }
    }

    public var description: String {
        switch self {
        case let .configuration(file, line, message, hint):
            var s = file
            if let line { s += ":\(line)" }
            s += ": error: \(message)"
            if let hint { s += "\n    hint: \(hint)" }
            return s
        case let .io(path, message):
            return "\(path): error: \(message)"
        case let .refusedOutput(path, reason):
            return "\(path): error: refusing to use this output directory: \(reason)"
        }
    }
}

extension FolioError {
    /// The error as a finding, so machine-readable formats can carry it in a valid document:
    /// `CFG002` (configuration), `CFG003` (refused output directory) or `IO002` (I/O).
    public var diagnostic: Diagnostic {
        switch self {
        case let .configuration(file, line, message, hint):
            Diagnostic(code: "CFG002", severity: .error, message: message, location: SourceLocation(file: file, line: line ?? 0), hint: hint)
        case let .io(path, message):
            Diagnostic(code: "IO002", severity: .error, message: message, location: SourceLocation(file: path, line: 0))
        case let .refusedOutput(path, reason):
            Diagnostic(code: "CFG003", severity: .error, message: "refusing to use this output directory: \(reason)", location: SourceLocation(file: path, line: 0), hint: "choose another --output or `output:` in folio.yml")
        }
    }
}
