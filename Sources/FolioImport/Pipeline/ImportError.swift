import FolioCore

/// Errors that stop an import: unreadable or malformed inputs and output failures.
public enum ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `corpus.yml` or `corrections.yml` is malformed (exit 2).
    case configuration(file: String, line: Int, message: String, hint: String? = nil)
    /// A file could not be read or written (exit 3).
    case io(path: String, message: String)

    /// The same problem as a ``FolioError``, which carries the exit code.
    public var folioError: FolioError {
        switch self {
        case .configuration(let file, let line, let message, let hint): .configuration(file: file, line: line, message: message, hint: hint)
        case .io(let path, let message): .io(path: path, message: message)
        }
    }

    public var description: String { folioError.description }

    /// A malformed input another stage reported as a diagnostic, at the diagnostic's file and
    /// line (`file` when it names none).
    static func malformedInput(_ diagnostic: Diagnostic, file: String) -> ImportError {
        .configuration(file: diagnostic.location?.file ?? file, line: diagnostic.location?.line ?? 1, message: diagnostic.message)
    }
}
