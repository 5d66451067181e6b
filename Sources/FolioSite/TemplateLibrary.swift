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
    /// A digest of every template's name and text, for cached pages; nil when built from parsed
    /// templates, whose text is unknown (pages are then never cached).
    public private(set) var fingerprint: Data?

    /// One template's text before parsing: its name (the file name without `.mustache`), its
    /// text and the path shown in messages.
    public struct Source: Sendable {
        public var name: String
        public var text: String
        public var display: String

        public init(name: String, text: String, display: String) {
            self.name = name
            self.text = text
            self.display = display
        }
    }

    /// Parses templates from their texts, after checking each against the size, tag and nesting
    /// limits and all of them for inclusion cycles.
    /// - Throws: ``FolioError/configuration(file:line:message:hint:)`` naming the template file
    ///   and line of a syntax error, an inclusion cycle or a template past the limits.
    public init(sources: [Source]) throws {
        var templates: [String: MustacheTemplate] = [:]
        var texts: [String: (text: String, display: String)] = [:]
        for source in sources {
            texts[source.name] = (source.text, source.display)
            try Self.checkLimits(source.text, display: source.display)
            try Self.checkBlockCycles(source.text, display: source.display)
            do {
                templates[source.name] = try Self.parse(source.text)
            } catch let error as MustacheTemplate.ParserError {
                throw FolioError.configuration(
                    file: source.display, line: error.context.lineNumber,
                    message: "template syntax error (\(error.error)) at column \(error.context.columnNumber): \(Self.excerpt(error.context.line, column: error.context.columnNumber))",
                    hint: "check that every {{#section}} has a matching {{/section}} and every tag is closed"
                )
            }
        }
        try Self.checkInclusionCycles(texts)
        self.init(templates: templates)
        var key = CacheKeyBuilder("templates")
        for name in texts.keys.sorted() {
            key.add(name)
            key.add(texts[name]?.text ?? "")
        }
        fingerprint = key.key().bytes
    }

    /// Parses a template that escapes its variables with ``HTMLEscaping`` (see
    /// ``FastHTMLContentType``). A syntax error is reported against the text as written.
    static func parse(_ text: String) throws -> MustacheTemplate {
        FastHTMLContentType.register
        do {
            return try MustacheTemplate(string: FastHTMLContentType.pragma + text)
        } catch {
            _ = try MustacheTemplate(string: text)
            throw error
        }
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

/// HTML escaping of template variables by ``HTMLEscaping``: the same five characters, decided per
/// character, as the template engine's own HTML content type, which looks every character up in
/// a dictionary and made escaping a twentieth of a build. Every template starts in this content
/// type (``pragma``, on the first line, so line numbers stay); one that sets its own keeps it.
struct FastHTMLContentType: MustacheContentType {
    /// The content type's registered name.
    static let name = "FOLIO_HTML"
    /// The pragma put before a template's text.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}"
    /// Registers the content type once, before any template is parsed.
    static let register: Void = MustacheContentTypes.register(FastHTMLContentType(), named: name)

    func escapeText(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }
}
