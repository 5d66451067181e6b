import Foundation
import Yams

/// The site configuration read from `folio.yml` at the project root.
///
/// Every key is optional; unknown keys produce a `CFG001` warning naming the line.
public struct FolioConfig: Sendable, Equatable {
    /// Site title shown in the header and the `<title>` of every page.
    public var title: String = "Folio"
    /// One-line description for the home page and feeds.
    public var description: String = ""
    /// Absolute URL where the site is published, used only for `sitemap.xml` and feeds
    /// (page links stay relative). Empty means "unknown": the sitemap then lists relative paths.
    public var baseURL: String = ""
    /// BCP 47 language of the site, for `<html lang>`.
    public var language: String = "en"
    /// Output directory, relative to the project root.
    public var output: String = "Site"
    /// Content directory, relative to the project root.
    public var content: String = "Content"
    /// Templates directory, relative to the project root.
    public var templates: String = "Templates"
    /// Validation settings.
    public var validation: ValidationConfig = ValidationConfig()
    /// Offline bundles (`folio bundle`) and the download links the site shows for them.
    public var bundles: BundleConfig = BundleConfig()

    public init() {}

    /// The keys `folio.yml` understands at its top level.
    public static let knownKeys: Set<String> = [
        "title", "description", "base_url", "language", "output", "content", "templates", "validation", "bundles",
    ]
}

/// The `bundles:` section of `folio.yml`: which offline bundles `folio bundle` writes into
/// `<output>/downloads/`, and so which download links `folio build` puts on the home and
/// document pages. `bundles: true` enables every format; a mapping picks some.
public struct BundleConfig: Sendable, Equatable {
    /// One kind of offline bundle.
    public enum Format: String, Sendable, Equatable, CaseIterable, Comparable {
        /// A zip of the whole site.
        case zip
        /// EPUB 3 books: one per document and one for the whole corpus.
        case epub
        /// One self-contained HTML file per document.
        case html

        public static func < (lhs: Format, rhs: Format) -> Bool {
            (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
        }
    }

    /// Whether the site links to bundles at all. Off by default, so a site built without
    /// `folio bundle` never links to files that do not exist.
    public var enabled: Bool = false
    /// The formats written and linked, in the order of ``Format/allCases``.
    public var formats: [Format] = Format.allCases

    public init(enabled: Bool = false, formats: [Format] = Format.allCases) {
        self.enabled = enabled
        self.formats = formats
    }

    /// The formats the site links to: ``formats`` when enabled, else none.
    public var linkedFormats: [Format] { enabled ? formats : [] }

    public static let knownKeys: Set<String> = ["enabled", "formats"]
}

/// The `validation:` section of `folio.yml`.
public struct ValidationConfig: Sendable, Equatable {
    /// Treat warnings as errors in `folio build` and `folio check`.
    public var strict: Bool = false
    /// Per-code severity overrides, e.g. `FN002: warning`, or `off` to silence a check.
    public var severity: [String: String] = [:]
    /// Glob patterns of content paths whose findings are ignored.
    public var ignore: [String] = []
    /// Path of the accepted-findings baseline, relative to the project root.
    public var baseline: String = ".folio-baseline.json"
    /// External link checking (`folio check --external`).
    public var external: ExternalLinkConfig = ExternalLinkConfig()
    /// The least severe finding printed (all formats), unless `--min-severity` says otherwise;
    /// nil for each format's default (infos only in JSON and with `--verbose`).
    public var minSeverity: Severity?

    public init() {}

    public static let knownKeys: Set<String> = ["strict", "severity", "ignore", "baseline", "external", "min_severity"]
}

/// Settings for checking external links over HTTP(S).
public struct ExternalLinkConfig: Sendable, Equatable {
    /// Requests in flight at once, over all hosts.
    public var concurrency: Int = 8
    /// Requests in flight at once to one host.
    public var perHost: Int = 2
    /// Seconds before one request times out.
    public var timeout: Double = 10
    /// Retries after a failure or a `429`, with exponential backoff.
    public var retries: Int = 2
    /// Redirects followed before a link counts as a redirect loop.
    public var maxRedirects: Int = 5
    /// Cache file for results, relative to the project root.
    public var cache: String = ".folio-cache/links.json"
    /// How long a cached result stays valid, in hours.
    public var cacheTTLHours: Double = 24
    /// URL prefixes never checked.
    public var exclude: [String] = []

    public init() {}

    public static let knownKeys: Set<String> = [
        "concurrency", "per_host", "timeout", "retries", "max_redirects", "cache", "cache_ttl_hours", "exclude",
    ]
}

extension FolioConfig {
    /// Loads `folio.yml`. A missing file gives the defaults; malformed YAML or a value of the
    /// wrong type throws ``FolioError/configuration(file:line:message:hint:)``; unknown keys
    /// are returned as `CFG001` warnings.
    /// - Parameter path: absolute or working-directory-relative path of the file.
    /// - Parameter displayPath: the path used in messages.
    public static func load(from path: String, displayPath: String = "folio.yml") throws -> (FolioConfig, [Diagnostic]) {
        guard FileManager.default.fileExists(atPath: path) else { return (FolioConfig(), []) }
        let data: Data
        switch InputFile.contents(atPath: path) {
        case let .success(contents): data = contents
        case let .failure(problem): throw FolioError.io(path: displayPath, message: "cannot read the configuration file: \(problem.reason)")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: displayPath)
    }

    /// Parses configuration text; see ``load(from:displayPath:)``.
    public static func parse(_ text: String, file: String = "folio.yml") throws -> (FolioConfig, [Diagnostic]) {
        var config = FolioConfig()
        var diagnostics: [Diagnostic] = []
        if let line = YAMLAliasKeys.firstLine(in: text) {
            throw FolioError.configuration(file: file, line: line, message: YAMLAliasKeys.message, hint: YAMLAliasKeys.hint)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: YAMLText.prepared(text))
        } catch let error as YamlError {
            if case .duplicatedKeysInMapping = error {
                throw FolioError.configuration(file: file, line: YAMLErrors.line(of: error, in: text), message: YAMLErrors.describe(error, in: text), hint: "keep one of the two; the second would silently replace the first")
            }
            throw FolioError.configuration(file: file, line: YAMLErrors.line(of: error, in: text), message: "invalid YAML: \(YAMLErrors.describe(error, in: text))", hint: "fix the YAML syntax at that line")
        } catch {
            throw FolioError.configuration(file: file, line: nil, message: "invalid YAML: \(error)", hint: nil)
        }
        guard let root else { return (config, []) }
        guard let map = root.mapping else {
            throw FolioError.configuration(file: file, line: root.mark?.line, message: "the configuration must be a mapping of keys to values", hint: "start with `title: My site`")
        }
        let reader = NodeReader(file: file)
        for (keyNode, value) in map {
            let key = keyNode.string ?? ""
            switch key {
            case "title": config.title = try reader.string(value, key)
            case "description": config.description = try reader.string(value, key)
            case "base_url": config.baseURL = try reader.string(value, key)
            case "language": config.language = try reader.string(value, key)
            case "output": config.output = try reader.string(value, key)
            case "content": config.content = try reader.string(value, key)
            case "templates": config.templates = try reader.string(value, key)
            case "validation":
                config.validation = try ValidationConfig.read(value, reader: reader, diagnostics: &diagnostics)
            case "bundles":
                config.bundles = try BundleConfig.read(value, reader: reader, diagnostics: &diagnostics)
            default:
                diagnostics.append(reader.unknownKey(key, at: keyNode, known: knownKeys))
            }
        }
        if config.output.isEmpty {
            throw FolioError.configuration(file: file, line: nil, message: "`output` must not be empty", hint: "use `output: Site`")
        }
        return (config, diagnostics)
    }
}

extension ValidationConfig {
    static func read(_ node: Node, reader: NodeReader, diagnostics: inout [Diagnostic]) throws -> ValidationConfig {
        var v = ValidationConfig()
        guard let map = node.mapping else { throw reader.typeError(node, "validation", "a mapping") }
        for (keyNode, value) in map {
            let key = keyNode.string ?? ""
            switch key {
            case "strict": v.strict = try reader.bool(value, key)
            case "severity":
                guard let m = value.mapping else { throw reader.typeError(value, key, "a mapping of check codes to error, warning, info or off") }
                for (code, level) in m {
                    let levelText = try reader.string(level, code.string ?? "severity")
                    guard ["error", "warning", "info", "off"].contains(levelText) else {
                        throw FolioError.configuration(file: reader.file, line: reader.line(level), message: "severity `\(levelText)` for \(code.string ?? "?") is not one of error, warning, info, off", hint: nil)
                    }
                    v.severity[code.string ?? ""] = levelText
                }
            case "ignore": v.ignore = try reader.strings(value, key)
            case "baseline": v.baseline = try reader.string(value, key)
            case "min_severity":
                let text = try reader.string(value, key)
                guard let level = Severity(rawValue: text) else {
                    throw FolioError.configuration(file: reader.file, line: reader.line(value), message: "min_severity `\(text)` is not one of info, warning, error", hint: "use for example `min_severity: warning`")
                }
                v.minSeverity = level
            case "external": v.external = try ExternalLinkConfig.read(value, reader: reader, diagnostics: &diagnostics)
            default: diagnostics.append(reader.unknownKey("validation.\(key)", at: keyNode, known: knownKeys))
            }
        }
        return v
    }
}

extension BundleConfig {
    static func read(_ node: Node, reader: NodeReader, diagnostics: inout [Diagnostic]) throws -> BundleConfig {
        if let flag = node.bool { return BundleConfig(enabled: flag) }
        guard let map = node.mapping else { throw reader.typeError(node, "bundles", "true, false or a mapping with `enabled` and `formats`") }
        var b = BundleConfig(enabled: true)
        for (keyNode, value) in map {
            let key = keyNode.string ?? ""
            switch key {
            case "enabled": b.enabled = try reader.bool(value, key)
            case "formats":
                var formats: Set<Format> = []
                for name in try reader.strings(value, key) {
                    guard let format = Format(rawValue: name) else {
                        throw FolioError.configuration(file: reader.file, line: reader.line(value), message: "bundle format `\(name)` is not one of zip, epub, html", hint: "use for example `formats: [zip, epub, html]`")
                    }
                    formats.insert(format)
                }
                b.formats = formats.sorted()
            default: diagnostics.append(reader.unknownKey("bundles.\(key)", at: keyNode, known: knownKeys))
            }
        }
        return b
    }
}

extension ExternalLinkConfig {
    static func read(_ node: Node, reader: NodeReader, diagnostics: inout [Diagnostic]) throws -> ExternalLinkConfig {
        var e = ExternalLinkConfig()
        guard let map = node.mapping else { throw reader.typeError(node, "external", "a mapping") }
        for (keyNode, value) in map {
            let key = keyNode.string ?? ""
            switch key {
            case "concurrency": e.concurrency = try reader.int(value, key, min: 1)
            case "per_host": e.perHost = try reader.int(value, key, min: 1)
            case "timeout": e.timeout = try reader.double(value, key)
            case "retries": e.retries = try reader.int(value, key, min: 0)
            case "max_redirects": e.maxRedirects = try reader.int(value, key, min: 0)
            case "cache": e.cache = try reader.string(value, key)
            case "cache_ttl_hours": e.cacheTTLHours = try reader.double(value, key)
            case "exclude": e.exclude = try reader.strings(value, key)
            default: diagnostics.append(reader.unknownKey("validation.external.\(key)", at: keyNode, known: knownKeys))
            }
        }
        return e
    }
}

/// Reads typed scalars out of a composed YAML tree, with line-precise errors.
struct NodeReader {
    let file: String

    func line(_ node: Node) -> Int? { node.mark.map { $0.line } }

    func typeError(_ node: Node, _ key: String, _ expected: String) -> FolioError {
        .configuration(file: file, line: line(node), message: "`\(key)` must be \(expected)", hint: nil)
    }

    func string(_ node: Node, _ key: String) throws -> String {
        guard let s = node.scalar?.string else { throw typeError(node, key, "a string") }
        return s
    }

    func strings(_ node: Node, _ key: String) throws -> [String] {
        guard let seq = node.sequence else { throw typeError(node, key, "a list of strings") }
        return try seq.map { try string($0, key) }
    }

    func bool(_ node: Node, _ key: String) throws -> Bool {
        guard let b = node.bool else { throw typeError(node, key, "true or false") }
        return b
    }

    func int(_ node: Node, _ key: String, min: Int) throws -> Int {
        guard let i = node.int, i >= min else { throw typeError(node, key, "a whole number of at least \(min)") }
        return i
    }

    func double(_ node: Node, _ key: String) throws -> Double {
        guard let d = node.float ?? node.int.map(Double.init), d > 0 else { throw typeError(node, key, "a positive number") }
        return d
    }

    func unknownKey(_ key: String, at node: Node, known: Set<String>) -> Diagnostic {
        Diagnostic(
            code: "CFG001", severity: .warning,
            message: "unknown configuration key `\(key)`",
            location: SourceLocation(file: file, line: line(node) ?? 1, column: node.mark?.column),
            hint: "known keys here: \(known.sorted().joined(separator: ", "))"
        )
    }
}

/// Helpers to turn Yams errors into line numbers and readable text.
public enum YAMLErrors {
    /// The 1-based line a Yams error points at, if it says. With the YAML `text`, a duplicate
    /// key is placed at the duplicate (its second occurrence), not at the mapping's start.
    public static func line(of error: YamlError, in text: String? = nil) -> Int? {
        switch error {
        case let .scanner(context, _, mark, yaml), let .parser(context, _, mark, yaml), let .composer(context, _, mark, yaml):
            // An unclosed `[`, `{` or quote is noticed only past the end of the text; the line
            // where the construct opened is the one to fix.
            if let context, mark.line > lineCount(yaml) { return context.mark.line }
            return mark.line
        case let .reader(_, offset?, _, yaml):
            return yaml.utf8.prefix(offset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        case let .duplicatedKeysInMapping(duplicates, context):
            if let text, let key = duplicates.sorted().first, let found = duplicateLine(of: key, in: text, mapping: context.mark) {
                return found.duplicate
            }
            return context.mark.line
        default:
            return nil
        }
    }

    /// The problem text of a Yams error without its long dump of the input.
    public static func describe(_ error: YamlError, in text: String? = nil) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _), let .composer(context, problem, _, _):
            if let context { return "\(problem) (\(context.text))" }
            return problem
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted()
            let names = keys.map { "`\($0)`" }.joined(separator: ", ")
            if let text, let key = keys.first, let found = duplicateLine(of: key, in: text, mapping: context.mark) {
                return "duplicate key \(names): `\(key)` is already set at line \(found.first)"
            }
            return "duplicate key \(names) in one mapping"
        case let .reader(problem, offset, value, _):
            // The reader rejects bytes that are not text; its own description quotes the raw line.
            let at = offset.map { " at byte \($0)" } ?? ""
            return "\(problem)\(at) (0x\(String(value, radix: 16, uppercase: true))); the file is not text"
        case .dataCouldNotBeDecoded:
            return "the file is not valid UTF-8"
        default:
            return String("\(error)".prefix(200).unicodeScalars.map { $0.properties.generalCategory == .control && $0 != "\n" ? "?" : Character($0) })
        }
    }

    /// Lines in `text`; a final line break does not start another line.
    static func lineCount(_ text: String) -> Int {
        let breaks = text.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        return text.utf8.last == 0x0A || text.isEmpty ? breaks : breaks + 1
    }

    /// The first and second line (1-based) where `key:` starts a line at the indentation of the
    /// mapping that begins at `mapping`.
    static func duplicateLine(of key: String, in text: String, mapping: Mark) -> (first: Int, duplicate: Int)? {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        var indent: Int?
        var first: Int?
        for (index, line) in lines.enumerated() where index + 1 >= mapping.line {
            let content = line.drop { $0 == " " }
            let lineIndent = line.count - content.count
            let body = content.hasPrefix("- ") ? content.dropFirst(2) : content
            let bodyIndent = lineIndent + (content.count - body.count)
            guard !body.isEmpty, !body.hasPrefix("#") else { continue }
            if indent == nil { indent = bodyIndent }
            if bodyIndent < (indent ?? 0) { break }
            guard bodyIndent == indent else { continue }
            var name = body.prefix { $0 != ":" }
            if name.count >= 2, let q = name.first, q == "\"" || q == "'", name.last == q { name = name.dropFirst().dropLast() }
            guard body.dropFirst(body.prefix { $0 != ":" }.count).hasPrefix(":"), name.trimmingCharacters(in: .whitespaces) == key else { continue }
            if let first { return (first, index + 1) }
            first = index + 1
        }
        return nil
    }
}
