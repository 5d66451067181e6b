import FolioCore
import Foundation
import Mustache

/// The Mustache templates of `Templates/`, parsed once, rendered by name.
///
/// Pages use template inheritance: `article.mustache` starts with `{{<base}}` and fills the
/// `main` block of `base.mustache`.
public struct TemplateLibrary: Sendable {
    private let library: MustacheLibrary
    /// Names of the loaded templates (file names without `.mustache`).
    public let names: Set<String>

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
        var templates: [String: MustacheTemplate] = [:]
        var texts: [String: (text: String, display: String)] = [:]
        for (relative, file) in theme where relative.hasSuffix(".mustache") {
            let name = String(relative.dropLast(".mustache".count))
            guard let text = String(data: file.data, encoding: .utf8) else {
                throw FolioError.io(path: file.display, message: "the template is not valid UTF-8")
            }
            texts[name] = (text, file.display)
            try Self.checkLimits(text, display: file.display)
            do {
                templates[name] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                throw FolioError.configuration(
                    file: file.display, line: error.context.lineNumber,
                    message: "template syntax error (\(error.error)) at column \(error.context.columnNumber): \(Self.excerpt(error.context.line, column: error.context.columnNumber))",
                    hint: "check that every {{#section}} has a matching {{/section}} and every tag is closed"
                )
            }
        }
        try Self.checkInclusionCycles(texts)
        self.init(templates: templates)
    }

    /// Builds a library from already parsed templates (tests, embedded defaults).
    public init(templates: [String: MustacheTemplate]) {
        library = MustacheLibrary(templates: templates)
        names = Set(templates.keys)
    }

    /// Renders the template `name` with `context`.
    /// - Throws: ``FolioError/configuration(file:line:message:hint:)`` when the template does not exist.
    public func render(_ name: String, _ context: [String: Any]) throws -> String {
        guard let output = library.render(context, withTemplate: name) else {
            throw FolioError.configuration(file: "Templates/\(name).mustache", line: nil, message: "template `\(name)` does not exist", hint: "add Templates/\(name).mustache")
        }
        return output
    }

    /// Whether a template called `name` exists.
    public func has(_ name: String) -> Bool { names.contains(name) }
}
