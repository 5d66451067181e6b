import FolioCore
import FolioMarkdown
import FolioModel
import Foundation
import Mustache

/// Renders pages into the site layout and writes them through the build's ``OutputSink``,
/// recording each HTML file's ids and links for validation. Safe to use from several threads.
public final class PageWriter: @unchecked Sendable {
    // Proof of Sendable: `templates`, `sink` and `layout` are immutable Sendable values (the
    // layout dictionary holds only strings, bools and arrays of them); the mutable records are
    // guarded by `lock`.
    public let templates: TemplateLibrary
    private let sink: any OutputSink
    private let layout: [String: any Sendable]
    private let lock = NSLock()
    private var facts: [OutputFileFacts] = []
    private var paths: Set<String> = []

    init(templates: TemplateLibrary, sink: any OutputSink, layout: [String: any Sendable]) {
        self.templates = templates
        self.sink = sink
        self.layout = layout
    }

    /// Renders `template` for the page published at `urlPath` and writes `urlPath/index.html`.
    /// The context gets the layout keys (`site`, `navigation`, `root`, …) unless it sets them itself.
    /// - Parameter contentPath: the `Content/` file behind the page, for diagnostics.
    public func writePage(urlPath: String, template: String, context: [String: Any], contentPath: String? = nil) throws {
        try writeHTML(path: SiteURL.file(for: urlPath), root: SiteURL.root(from: urlPath), template: template, context: context, contentPath: contentPath)
    }

    /// Renders `template` into an HTML file at an explicit site-relative `path` (e.g. `404.html`).
    public func writeHTML(path: String, root: String, template: String, context: [String: Any], contentPath: String? = nil) throws {
        var full: [String: Any] = layout
        full["root"] = root.isEmpty ? "./" : root
        if let site = layout["site"] as? [String: String], let base = site["baseURL"], !base.isEmpty {
            let page = path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : path == "index.html" ? "" : path
            full["canonicalURL"] = (base.hasSuffix("/") ? base : base + "/") + page
        }
        for (key, value) in context { full[key] = value }
        let html = try templates.render(template, Self.droppingEmptyStrings(full))
        try write(Data(html.utf8), to: path, contentPath: contentPath)
    }

    /// Turns empty-string values into ``EmptyValue`` at every depth: in Mustache an empty string is
    /// still "true", and templates use `{{#key}}` to mean "present and not empty". The key stays, so
    /// a lookup does not fall through to an outer context that happens to have the same key, and
    /// `{{key}}` still prints nothing.
    static func droppingEmptyStrings(_ context: [String: Any]) -> [String: Any] {
        var out: [String: Any] = [:]
        for (key, value) in context {
            switch value {
            case let string as String where string.isEmpty:
                out[key] = EmptyValue()
            case let dict as [String: Any]:
                out[key] = droppingEmptyStrings(dict)
            case let list as [[String: Any]]:
                out[key] = list.map(droppingEmptyStrings)
            default:
                out[key] = value
            }
        }
        return out
    }

    /// Writes any file. HTML files are scanned for ids and links.
    public func write(_ data: Data, to path: String, contentPath: String? = nil) throws {
        try sink.write(data, to: path)
        let fileFacts = path.hasSuffix(".html") ? OutputFileFacts(path: path, facts: HTMLFacts.scan(String(decoding: data, as: UTF8.self)), contentPath: contentPath) : nil
        lock.lock()
        paths.insert(path)
        if let fileFacts { facts.append(fileFacts) }
        lock.unlock()
    }

    /// Writes UTF-8 text.
    public func write(_ text: String, to path: String, contentPath: String? = nil) throws {
        try write(Data(text.utf8), to: path, contentPath: contentPath)
    }

    /// Facts of every HTML file written so far, sorted by path.
    public var writtenHTML: [OutputFileFacts] {
        lock.lock()
        defer { lock.unlock() }
        return facts.sorted { $0.path < $1.path }
    }

    /// Every path written so far.
    public var writtenPaths: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return paths
    }
}

/// A template value that is absent: it prints nothing and its sections do not render.
struct EmptyValue: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

/// An output sink that writes nothing, for `folio check` (facts are still recorded by ``PageWriter``).
public struct DiscardingOutput: OutputSink {
    public init() {}
    public func write(_ data: Data, to path: String) throws {}
}
