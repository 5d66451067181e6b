import FolioCore

/// Errors loading `Content/`.
public enum ContentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Malformed front matter, with the file line of the problem.
    case frontMatter(file: String, line: Int, message: String, hint: String?)
    /// A file that could not be read.
    case unreadable(file: String, line: Int = 1, message: String)

    /// The same problem as a diagnostic (`FM001` for front matter, `IO001` for unreadable files).
    public var diagnostic: Diagnostic {
        switch self {
        case let .frontMatter(file, line, message, hint):
            Diagnostic(code: "FM001", severity: .error, message: message, location: SourceLocation(file: file, line: line), hint: hint)
        case let .unreadable(file, line, message):
            Diagnostic(code: "IO001", severity: .error, message: message, location: SourceLocation(file: file, line: line))
        }
    }

    public var description: String { DiagnosticFormatter.text([diagnostic]) }
}
