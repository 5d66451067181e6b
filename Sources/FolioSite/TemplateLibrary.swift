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

    /// Parses every `*.mustache` file under `directory`.
    /// - Parameter displayDirectory: the directory as shown in messages (e.g. `Templates`).
    /// - Throws: ``FolioError/configuration(file:line:message:hint:)`` naming the template file
    ///   and line of a syntax error, or ``FolioError/io(path:message:)`` when the folder is unreadable.
    public init(directory: URL, displayDirectory: String = "Templates") throws {
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            throw FolioError.io(path: displayDirectory, message: "cannot read the templates directory")
        }
        var templates: [String: MustacheTemplate] = [:]
        let base = directory.standardizedFileURL.path
        for case let url as URL in enumerator where url.pathExtension == "mustache" {
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            let name = String(relative.dropLast(".mustache".count))
            guard let data = fm.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                throw FolioError.io(path: "\(displayDirectory)/\(relative)", message: "cannot read the template")
            }
            do {
                templates[name] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                throw FolioError.configuration(
                    file: "\(displayDirectory)/\(relative)", line: error.context.lineNumber,
                    message: "template syntax error (\(error.error)) at column \(error.context.columnNumber): \(error.context.line.trimmingCharacters(in: .whitespaces))",
                    hint: "check that every {{#section}} has a matching {{/section}} and every tag is closed"
                )
            }
        }
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
