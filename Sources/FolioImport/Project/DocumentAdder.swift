import FolioContent
import FolioCore
import Foundation

/// `folio add FILE`: copies a raw source into `Content/sources/`, detects its bibliographic
/// data, appends its entry to `Content/corpus.yml` (detected values marked for review),
/// imports the corpus and summarises what the import made of the new document.
public struct DocumentAdder: Sendable {
    /// Values given on the command line; each replaces the detected one.
    public struct Overrides: Sendable, Equatable {
        public var slug: String?
        public var title: String?
        public var publisher: String?
        public var date: String?
        public var language: String?

        public init(slug: String? = nil, title: String? = nil, publisher: String? = nil, date: String? = nil, language: String? = nil) {
            self.slug = slug
            self.title = title
            self.publisher = publisher
            self.date = date
            self.language = language
        }
    }

    /// What the new document became.
    public struct Summary: Sendable, Equatable {
        public var slug: String
        public var source: String
        public var flavour: SourceFlavour
        /// The corpus entry as written, detected lines marked `# detected: review`.
        public var entry: String
        public var articles: [String]
        public var contentsEntries: Int
        public var contentsUnmatched: Int
        public var notes: Int
        public var citations: Int
        public var references: Int
        public var figures: Int
        public var tables: Int
        /// Findings of the import in the new document's files (errors and warnings).
        public var diagnostics: [Diagnostic]
        public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
        public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }
    }

    /// A problem with the command itself: exit 2.
    public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var hint: String?
        public var description: String { message + (hint.map { "\n  hint: \($0)" } ?? "") }
    }

    public init() {}

    /// Adds `file` to the project at `projectRoot` and imports it.
    /// - Throws: ``UsageError`` for a missing or unreadable file, a taken slug or a project
    ///   without `Content/`; ``ImportError`` when the import cannot run.
    public func add(file: URL, projectRoot: URL, contentDirectory: String = "Content", overrides: Overrides = Overrides()) throws -> Summary {
        let fm = FileManager.default
        let content = projectRoot.appendingPathComponent(contentDirectory)
        let manifestURL = content.appendingPathComponent("corpus.yml")
        guard fm.fileExists(atPath: manifestURL.path) else {
            throw UsageError(message: "no \(contentDirectory)/corpus.yml in \(projectRoot.path)", hint: "run `folio init` first, or pass --root to the project")
        }
        let data: Data
        switch InputFile.contents(atPath: file.path) {
        case let .success(contents): data = contents
        case let .failure(problem):
            throw UsageError(message: "cannot read \(file.path): \(problem.reason)", hint: "check the path; Folio adds text files written by a PDF converter (.txt, .md)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UsageError(message: "\(file.path) is not UTF-8 text", hint: "convert the PDF to text first, e.g. `pdftotext -layout report.pdf report.txt`")
        }
        let manifestText = try Importer.read(manifestURL, display: "\(contentDirectory)/corpus.yml")
        let manifest: CorpusManifest
        do {
            manifest = try CorpusManifest.load(from: manifestURL, displayPath: "\(contentDirectory)/corpus.yml")
        } catch let error as ContentError {
            let d = error.diagnostic
            throw ImportError.configuration(file: d.location?.file ?? "\(contentDirectory)/corpus.yml", line: d.location?.line ?? 1, message: d.message, hint: d.hint)
        }

        // Detect.
        let flavour = SourceFlavour.detect(text)
        // The cover is read line by line, as the converter wrote it.
        let raw = Importer.lines(of: text.replacingOccurrences(of: "\u{0C}", with: "")).map { SourceLine(ConvertedTextNormalizer.collapseSpaces($0.text), number: $0.number) }
        let detected = MetadataDetector().detect(raw)
        let title = overrides.title ?? detected.title ?? file.deletingPathExtension().lastPathComponent
        var slug = overrides.slug ?? Slug.make(file.deletingPathExtension().lastPathComponent, maxLength: 40)
        if slug.isEmpty { slug = Slug.make(title, maxLength: 40) }
        if let taken = manifest.documents.first(where: { $0.slug == slug }) {
            throw UsageError(message: "the slug `\(slug)` is already used by `\(taken.title)`", hint: "choose another with --slug")
        }
        guard Slug.make(slug, maxLength: 80) == slug, !slug.isEmpty else {
            throw UsageError(message: "`\(slug)` is not a valid slug", hint: "use lower-case letters, digits and hyphens, e.g. --slug my-report")
        }
        let ext = file.pathExtension.isEmpty ? "txt" : file.pathExtension.lowercased()
        let source = "\(contentDirectory)/sources/\(slug).\(ext)"
        let sourceURL = projectRoot.appendingPathComponent(source)
        if let existing = fm.contents(atPath: sourceURL.path), existing != data {
            throw UsageError(message: "\(source) already exists with other contents", hint: "choose another slug with --slug")
        }

        // Write the source and the entry.
        var fields: [(String, String, Bool)] = [
            ("slug", slug, false),
            ("title", Self.quoted(title), overrides.title == nil),
        ]
        if let subtitle = detected.subtitle { fields.append(("subtitle", Self.quoted(subtitle), true)) }
        fields.append(("publisher", Self.quoted(overrides.publisher ?? detected.publisher ?? "Unknown publisher"), overrides.publisher == nil))
        if !detected.authors.isEmpty { fields.append(("authors", "[" + detected.authors.map(Self.quoted).joined(separator: ", ") + "]", true)) }
        fields.append(("date", Self.quoted(overrides.date ?? detected.date ?? "unknown"), overrides.date == nil))
        fields.append(("language", overrides.language ?? detected.language, overrides.language == nil))
        fields.append(("source", source, false))
        fields.append(("provenance", Self.quoted("\(file.lastPathComponent), \(flavour.rawValue) from a PDF converter; added with folio add"), false))
        var entry = ""
        for (n, (key, value, review)) in fields.enumerated() {
            entry += (n == 0 ? "  - " : "    ") + "\(key): \(value)" + (review ? "   # detected: review" : "") + "\n"
        }
        do {
            try fm.createDirectory(at: sourceURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: sourceURL, options: .atomic)
            try Data(Self.inserting(entry, into: manifestText).utf8).write(to: manifestURL, options: .atomic)
        } catch {
            throw ImportError.io(path: source, message: "cannot write: \(error.localizedDescription)")
        }

        // Import and summarise.
        let result = try Importer().run(ImportOptions(projectRoot: projectRoot, contentDirectory: contentDirectory))
        let prefix = "\(contentDirectory)/articles/\(slug)/"
        let files = result.files.filter { $0.path.hasPrefix(prefix) }
        let document = result.documents.first { $0.metadata.slug == slug }
        let mine = result.diagnostics.filter { d in
            (d.location?.file.hasPrefix(prefix) ?? false) || d.source?.file == source || (d.severity == .error && d.code.hasPrefix("IMP09"))
        }
        let body = files.map(\.text).joined(separator: "\n")
        return Summary(
            slug: slug, source: source, flavour: flavour, entry: entry,
            articles: document?.articles.map(\.title) ?? [],
            contentsEntries: document?.contents.count ?? 0,
            contentsUnmatched: mine.filter { ["TOC002", "TOC003", "TOC005"].contains($0.code) }.count,
            notes: Self.count(body, "\n[^"), citations: Self.count(body, "](#ref-") + Self.count(body, ".md#ref-"), references: Self.count(body, "<span id=\"ref-"),
            figures: Self.count(body, "<figure id=\"figure-"), tables: Self.count(body, "id=\"table-"),
            diagnostics: mine.filter { $0.severity >= .warning }
        )
    }

    /// The entry appended to the `documents:` list, before any later top-level key.
    static func inserting(_ entry: String, into manifest: String) -> String {
        var lines = manifest.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("documents:") }) else {
            return manifest + (manifest.hasSuffix("\n") || manifest.isEmpty ? "" : "\n") + "documents:\n" + entry
        }
        var end = lines.count
        for i in (start + 1)..<lines.count where !lines[i].isEmpty && !lines[i].hasPrefix(" ") && !lines[i].hasPrefix("#") && !lines[i].hasPrefix("-") {
            end = i
            break
        }
        // Stay above blank lines and comments that open the next block.
        while end > start + 1 && (lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty || lines[end - 1].hasPrefix("#")) { end -= 1 }
        let newLines = entry.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        if lines[start].trimmingCharacters(in: .whitespaces) == "documents: []" { lines[start] = "documents:" }
        lines.insert(contentsOf: newLines, at: end)
        return lines.joined(separator: "\n")
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func count(_ text: String, _ needle: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}
