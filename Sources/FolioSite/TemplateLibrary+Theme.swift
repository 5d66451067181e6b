import FolioCore
import Foundation

extension TemplateLibrary {
    /// Parses the theme's `*.mustache` files: Folio's built-in templates, each replaced by the
    /// file of the same name under `directory` when there is one.
    /// - Parameter directory: the project's templates folder; it may be missing.
    /// - Parameter displayDirectory: the directory as shown in messages (e.g. `Templates`).
    /// - Parameter builtin: start from the built-in templates (false: only `directory`'s files).
    /// - Throws: ``FolioError/configuration(file:line:message:hint:)`` naming the template file
    ///   and line of a syntax error, an inclusion cycle or a template past the size, tag or
    ///   nesting limits, or ``FolioError/io(path:message:)`` when a file is unreadable.
    public init(directory: URL, displayDirectory: String = "Templates", builtin: Bool = true) throws {
        var theme = try BuiltinTheme.merged(with: directory, displayDirectory: displayDirectory)
        if !builtin { theme = theme.filter { !$0.value.display.hasPrefix("built-in ") } }
        var sources: [Source] = []
        for (relative, file) in theme.sorted(by: { $0.key < $1.key }) where relative.hasSuffix(".mustache") {
            guard let text = String(data: file.data, encoding: .utf8) else {
                throw FolioError.io(path: file.display, message: "the template is not valid UTF-8")
            }
            sources.append(Source(name: String(relative.dropLast(".mustache".count)), text: text, display: file.display))
        }
        try self.init(sources: sources)
    }
}
