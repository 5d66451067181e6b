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
