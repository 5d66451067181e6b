import FolioCore
import FolioMarkdown
import FolioModel
import Foundation
import Mustache

/// Renders pages into the site layout and writes them through the build's ``OutputSink``,
/// recording each HTML file's ids and links for validation. Safe to use from several threads.
public final class PageWriter: @unchecked Sendable {
    // Proof of Sendable: `templates`, `sink`, `layout` and `shownLayout` are immutable Sendable
    // values (the layout dictionaries hold only strings, bools, ``EmptyValue``s and arrays of
    // them); the mutable records are guarded by `lock`.
    public let templates: TemplateLibrary
    private let sink: any OutputSink
    private let layout: [String: any Sendable]
    /// The layout as templates see it (``droppingEmptyStrings(_:)``), made once for every page.
    private let shownLayout: [String: Any]
    /// Pages rendered by earlier builds, by the digest of their template and context.
    let cache: BuildCache?
    private let lock = NSLock()
    private var facts: [OutputFileFacts] = []
    private var paths: Set<String> = []
    /// One copy of each link and id string kept for validation: most pages repeat the layout's
    /// links, and the build holds every page's until the end.
    private var strings: Set<String> = []
    /// Files written while outputs are recorded (``recordingOutputs(_:_:_:)``,
    /// ``recordingUnits(_:)``), by path.
    private var recorded: [String: RecordedOutputs.File]?

    /// The digest of the templates and the layout every page is rendered with; nil when the
    /// templates have none or the layout holds a value a digest cannot describe.
    let layoutFingerprint: Data?

    /// The site's header and footer (``chromeTemplates``) as rendered for each page depth (`root`),
    /// guarded by `lock`: they read only the layout, so every page at one depth shares them.
    private var chromeByRoot: [String: [String: String]] = [:]

    /// The templates of the site's chrome and the keys the page templates print them with
    /// (`{{{siteHeader}}}`). They see the layout keys and `root` only, and are rendered once per
    /// depth rather than once per page.
    static let chromeTemplates = [("site-header", "siteHeader"), ("site-footer", "siteFooter")]

    init(templates: TemplateLibrary, sink: any OutputSink, layout: [String: any Sendable], cache: BuildCache? = nil) {
        self.templates = templates
        self.sink = sink
        self.layout = layout
        shownLayout = Self.droppingEmptyStrings(layout)
        self.cache = cache
        var key = CacheKeyBuilder("layout")
        if let fingerprint = templates.fingerprint, TemplateContextKey.add(layout as [String: Any], to: &key) {
            key.add(fingerprint)
            layoutFingerprint = key.key().bytes
        } else {
            layoutFingerprint = nil
        }
    }

    /// Renders `template` for the page published at `urlPath` and writes `urlPath/index.html`.
    /// The context gets the layout keys (`site`, `navigation`, `root`, …) unless it sets them itself.
    /// - Parameter contentPath: the `Content/` file behind the page, for diagnostics.
    public func writePage(urlPath: String, template: String, context: [String: Any], contentPath: String? = nil) throws {
        try writeHTML(path: SiteURL.file(for: urlPath), root: SiteURL.root(from: urlPath), template: template, context: context, contentPath: contentPath)
    }

    /// Renders `template` into an HTML file at an explicit site-relative `path` (e.g. `404.html`).
    public func writeHTML(path: String, root: String, template: String, context: [String: Any], contentPath: String? = nil) throws {
        var pageKeys: [String: Any] = ["root": root.isEmpty ? "./" : root]
        if let site = layout["site"] as? [String: String], let base = site["baseURL"], !base.isEmpty {
            let page = path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : path == "index.html" ? "" : path
            pageKeys["canonicalURL"] = (base.hasSuffix("/") ? base : base + "/") + page
        }
        // The same template and context always render the same page: an earlier build's is reused.
        var key: BuildCache.Key?
        if let cache, let fingerprint = templates.fingerprint {
            var full: [String: Any] = layout
            for (key, value) in pageKeys { full[key] = value }
            for (key, value) in context { full[key] = value }
            var builder = CacheKeyBuilder("page")
            builder.add(fingerprint)
            builder.add(template)
            if TemplateContextKey.add(full, to: &builder) {
                key = builder.key()
                if let key, let html = cache.value(Self.cacheNamespace, key) {
                    try write(html, to: path, contentPath: contentPath)
                    return
                }
            }
        }
        // The layout's keys are made ready for Mustache once per build; the page's here.
        var shown = shownLayout
        for (key, value) in pageKeys { shown[key] = Self.droppingEmptyStrings(in: value) }
        for (key, value) in context { shown[key] = Self.droppingEmptyStrings(in: value) }
        // A page that sets a layout key of its own gets chrome of its own.
        let chrome = context.keys.contains(where: { layout[$0] != nil })
            ? try renderChrome(shown) : try chrome(root: shown["root"] as? String ?? "./")
        for (key, value) in chrome where context[key] == nil { shown[key] = value }
        let text = try templates.render(template, shown)
        let html = Data(text.utf8)
        if let cache, let key { cache.store(Self.cacheNamespace, key, html) }
        try write(html, text: text, to: path, contentPath: contentPath)
    }

    /// The chrome of pages whose `root` is `root`, rendered on first use.
    private func chrome(root: String) throws -> [String: String] {
        lock.lock()
        let known = chromeByRoot[root]
        lock.unlock()
        if let known { return known }
        var shown = shownLayout
        shown["root"] = root
        let rendered = try renderChrome(shown)
        lock.lock()
        chromeByRoot[root] = rendered
        lock.unlock()
        return rendered
    }

    /// The chrome templates the library has, rendered with `context`, each without its file's
    /// last line break (the page template's line has its own).
    private func renderChrome(_ context: [String: Any]) throws -> [String: String] {
        var chrome: [String: String] = [:]
        for (template, key) in Self.chromeTemplates where templates.has(template) {
            var text = try templates.render(template, context)
            if text.hasSuffix("\n") { text.removeLast() }
            chrome[key] = text
        }
        return chrome
    }

    /// The build cache's namespace of rendered pages.
    static let cacheNamespace = "pages"

    /// Turns empty-string values into ``EmptyValue`` at every depth: in Mustache an empty string is
    /// still "true", and templates use `{{#key}}` to mean "present and not empty". The key stays, so
    /// a lookup does not fall through to an outer context that happens to have the same key, and
    /// `{{key}}` still prints nothing.
    static func droppingEmptyStrings(_ context: [String: Any]) -> [String: Any] {
        var out: [String: Any] = [:]
        for (key, value) in context {
            out[key] = droppingEmptyStrings(in: value)
        }
        return out
    }

    /// One context value as ``droppingEmptyStrings(_:)`` leaves it.
    static func droppingEmptyStrings(in value: Any) -> Any {
        switch value {
        case let string as String where string.isEmpty:
            EmptyValue()
        case let dict as [String: Any]:
            droppingEmptyStrings(dict)
        case let list as [[String: Any]]:
            list.map(droppingEmptyStrings)
        default:
            value
        }
    }

    /// Writes any file. HTML files are scanned for ids and links.
    public func write(_ data: Data, to path: String, contentPath: String? = nil) throws {
        try write(data, text: nil, to: path, contentPath: contentPath)
    }

    /// Writes `data`; `text`, when given, is the same bytes as a string, scanned for HTML facts
    /// instead of decoding `data` again.
    private func write(_ data: Data, text: String?, to path: String, contentPath: String?) throws {
        try sink.write(data, to: path)
        let scanned = path.hasSuffix(".html") ? HTMLFacts.scan(text ?? String(decoding: data, as: UTF8.self)) : nil
        let digest = isRecording ? FileDigest.sha256(data) : nil
        lock.lock()
        paths.insert(path)
        let written = scanned.map { OutputFileFacts(path: path, facts: $0, contentPath: contentPath) }
        if let written { facts.append(sharingStrings(written)) }
        if let digest, recorded != nil { recorded?[path] = RecordedOutputs.File(path: path, digest: digest, stamp: nil, facts: written) }
        lock.unlock()
    }

    /// `file` with its links and ids replaced by their kept copies (call with `lock` held).
    private func sharingStrings(_ file: OutputFileFacts) -> OutputFileFacts {
        var file = file
        file.facts.references = file.facts.references.map { HTMLFacts.Reference(url: shared($0.url), line: $0.line) }
        file.facts.ids = Set(file.facts.ids.map(shared))
        return file
    }

    /// Whether a generator's outputs are being recorded.
    private var isRecording: Bool {
        lock.lock()
        defer { lock.unlock() }
        return recorded != nil
    }

    /// The kept copy of `text` (call with `lock` held). Strings of up to 15 bytes are stored
    /// inline and need none.
    private func shared(_ text: String) -> String {
        guard text.utf8.count > 15 else { return text }
        if let index = strings.firstIndex(of: text) { return strings[index] }
        strings.insert(text)
        return text
    }

    /// Writes a file (not HTML) that `produce` creates piece by piece at the URL it is given.
    /// - Parameter inputs: a digest of everything the file is made from. When an earlier build
    ///   produced a file from the same inputs and the output still holds it unchanged, that file
    ///   is kept and `produce` is not called.
    public func writeFile(to path: String, inputs: BuildCache.Key? = nil, producing produce: (URL) throws -> Void) throws {
        let cached = inputs.flatMap { cache?.value(Self.producedNamespace, $0) }.flatMap(ProducedFile.unarchived)
        var digest: Data?, stamp: FileStamp?
        if let inputs, let cache, let cached, let kept = sink.keepPrevious(path, sha256: cached.digest, stamp: cached.stamp) {
            // Checked by its bytes this time: the next build knows it by its stamp. A file written
            // in the last seconds could be written again within the same clock tick, unseen by its
            // stamp: it is checked by its bytes until it is older.
            if kept != cached.stamp, !kept.isRecent {
                cache.store(Self.producedNamespace, inputs, ProducedFile(digest: cached.digest, stamp: kept).archived)
            }
            digest = cached.digest
            stamp = kept.isRecent ? nil : kept
        } else if let inputs, let cache {
            try sink.writeFile(to: path) { url in
                try produce(url)
                digest = FileDigest.sha256(atPath: url.path)
            }
            if let digest { cache.store(Self.producedNamespace, inputs, ProducedFile(digest: digest, stamp: nil).archived) }
        } else {
            let recording = isRecording
            try sink.writeFile(to: path) { url in
                try produce(url)
                if recording { digest = FileDigest.sha256(atPath: url.path) }
            }
        }
        lock.lock()
        paths.insert(path)
        if let digest, recorded != nil { recorded?[path] = RecordedOutputs.File(path: path, digest: digest, stamp: stamp, facts: nil) }
        lock.unlock()
    }

    /// Runs `body`, one generator's writing, and keeps a record of what it wrote (files, their
    /// digests and HTML facts, its findings, the cache entries it used) in the build cache under
    /// `key`, the digest of everything the generator reads. Without a key, a cache, or a previous
    /// output to keep files from, it only runs `body`.
    func recordingOutputs(_ namespace: String, _ key: BuildCache.Key?, _ body: () throws -> [Diagnostic]) throws -> [Diagnostic] {
        guard let cache, let key, sink.hasPreviousOutput, !cache.isReadOnly else { return try body() }
        let before = cache.usedKeys
        let (diagnostics, files) = try recording(body)
        var used: [String: [BuildCache.Key]] = [:]
        for (space, keys) in cache.usedKeys {
            let new = keys.subtracting(before[space] ?? [])
            if !new.isEmpty { used[space] = Array(new) }
        }
        let record = RecordedOutputs(files: files.values.sorted { $0.path < $1.path }, diagnostics: diagnostics, cacheKeys: used)
        cache.store(namespace, key, record.archived)
        return diagnostics
    }

    /// Runs `body`, which writes many small units of output (one article's page and cite files)
    /// and records each with ``recordUnit(_:_:paths:diagnostics:)``. Without a cache or a
    /// previous output, it only runs `body`.
    func recordingUnits<Result>(_ body: () throws -> Result) rethrows -> Result {
        guard let cache, sink.hasPreviousOutput, !cache.isReadOnly else { return try body() }
        return try recording(body).result
    }

    /// Runs `body` while every file written is recorded (its digest, and the facts of HTML);
    /// returns what `body` returned and the records by path.
    private func recording<Result>(_ body: () throws -> Result) rethrows -> (result: Result, files: [String: RecordedOutputs.File]) {
        lock.lock()
        recorded = [:]
        lock.unlock()
        defer {
            lock.lock()
            recorded = nil
            lock.unlock()
        }
        let result = try body()
        lock.lock()
        let files = recorded ?? [:]
        lock.unlock()
        return (result, files)
    }

    /// Keeps a record of one unit of output, the files at `paths` written under
    /// ``recordingUnits(_:)``, with its findings, under `key` (the digest of everything the unit
    /// is made from), for ``replayOutputs(_:_:)``. Nothing is kept when a path was not written.
    func recordUnit(_ namespace: String, _ key: BuildCache.Key?, paths: [String], diagnostics: [Diagnostic]) {
        guard let cache, let key else { return }
        lock.lock()
        let files = recorded.map { written in paths.compactMap { written[$0] } }
        lock.unlock()
        guard let files, files.count == paths.count else { return }
        cache.store(namespace, key, RecordedOutputs(files: files, diagnostics: diagnostics, cacheKeys: [:]).archived)
    }

    /// Keeps the files a generator wrote in an earlier build whose inputs had the digest `key`,
    /// when the output still holds every one of them as written; they count as written by this
    /// build (paths and HTML facts), and the generator's findings are returned. Nil when there
    /// is no such record or a file differs (changed by hand, removed): the generator then runs.
    func replayOutputs(_ namespace: String, _ key: BuildCache.Key?) -> [Diagnostic]? {
        guard let cache, let key, sink.hasPreviousOutput,
              let data = cache.value(namespace, key), var record = RecordedOutputs.unarchived(data),
              let stamps = sink.keepAllPrevious(record.files.map { PreviousFile(path: $0.path, digest: $0.digest, stamp: $0.stamp) })
        else { return nil }
        // Files checked by their bytes are known by their stamps next time (as produced files are).
        var learned = false
        for (index, stamp) in zip(record.files.indices, stamps) where stamp != record.files[index].stamp && !stamp.isRecent {
            record.files[index].stamp = stamp
            learned = true
        }
        if learned { cache.store(namespace, key, record.archived) }
        cache.retain(record.cacheKeys)
        lock.lock()
        for file in record.files {
            paths.insert(file.path)
            if let written = file.facts { facts.append(sharingStrings(written)) }
        }
        lock.unlock()
        return record.diagnostics
    }

    /// Whether ``writeFile(to:inputs:producing:)`` can keep files of earlier builds: callers
    /// compute the inputs' digest only then.
    public var keepsProducedFiles: Bool { cache != nil }

    /// The build cache's namespace of produced files' SHA-256 digests, by their inputs.
    static let producedNamespace = "produced"

    /// Writes UTF-8 text.
    public func write(_ text: String, to path: String, contentPath: String? = nil) throws {
        try write(Data(text.utf8), text: text, to: path, contentPath: contentPath)
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

/// A file a build produced, as the build cache records it: the SHA-256 of its bytes and, once a
/// later build has checked them in the output, the stamp the file had then.
struct ProducedFile: BinaryArchivable {
    var digest: Data
    var stamp: FileStamp?

    init(digest: Data, stamp: FileStamp?) {
        self.digest = digest
        self.stamp = stamp
    }

    func archive(into archive: inout ArchiveWriter) {
        archive.write(digest)
        archive.write(stamp)
    }

    init(from archive: inout ArchiveReader) throws {
        digest = try archive.readData()
        stamp = try archive.readOptional()
    }
}

/// Describes a template context to a cache key: dictionary keys in order, every value tagged
/// with its type, so two contexts give the same key only when they render the same page.
enum TemplateContextKey {
    /// Adds `value`; false when it holds a value this cannot describe (the page is then rendered
    /// without the cache).
    static func add(_ value: Any, to key: inout CacheKeyBuilder) -> Bool {
        switch value {
        case let string as String:
            key.add(1)
            key.add(string)
        case let flag as Bool:
            key.add(flag ? 3 : 2)
        case let number as Int:
            key.add(4)
            key.add(number)
        case let number as Double:
            key.add(5)
            key.add(String(number))
        case is EmptyValue:
            key.add(6)
        case let strings as [String: String]:
            key.add(7)
            key.add(strings.count)
            for name in strings.keys.sorted() {
                key.add(name)
                key.add(strings[name] ?? "")
            }
        case let dictionary as [String: Any]:
            key.add(8)
            key.add(dictionary.count)
            for name in dictionary.keys.sorted() {
                key.add(name)
                guard let item = dictionary[name], add(item, to: &key) else { return false }
            }
        case let strings as [String]:
            key.add(9)
            key.add(strings.count)
            for string in strings { key.add(string) }
        case let list as [Any]:
            key.add(10)
            key.add(list.count)
            for item in list {
                guard add(item, to: &key) else { return false }
            }
        default:
            return false
        }
        return true
    }
}

/// A template value that is absent: it prints nothing and its sections do not render.
struct EmptyValue: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

/// An output sink that writes nothing, for `folio check` (facts are still recorded by ``PageWriter``).
///
/// Made `trustingRecords`, it stands for an output that holds every file the build cache recorded:
/// a check then takes what an earlier build made from the same inputs (the files' HTML facts and
/// the findings, kept under the digest of those inputs) instead of making it again. The check
/// reads no file of the site, since it writes none: the record alone says what the build made.
public struct DiscardingOutput: OutputSink {
    /// Whether files recorded by earlier builds count as present.
    public let trustsRecords: Bool

    public init(trustingRecords: Bool = false) {
        trustsRecords = trustingRecords
    }

    public func write(_ data: Data, to path: String) throws {}
    public func writeFile(to path: String, producing produce: (URL) throws -> Void) throws {}

    public var hasPreviousOutput: Bool { trustsRecords }

    public func keepPrevious(_ path: String, sha256 digest: Data, stamp: FileStamp?) -> FileStamp? {
        trustsRecords ? stamp ?? Self.recordedStamp : nil
    }

    public func keepAllPrevious(_ files: [PreviousFile]) -> [FileStamp]? {
        trustsRecords ? files.map { $0.stamp ?? Self.recordedStamp } : nil
    }

    /// The stamp given for a recorded file that has none: the check stores nothing, so it is never kept.
    private static let recordedStamp = FileStamp(size: 0, modifiedSeconds: 0, modifiedNanoseconds: 0, inode: 0, device: 0)
}
