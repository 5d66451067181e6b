import FolioContent
import FolioCore
import FolioSite
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Makes the offline bundles of a site — a zip of the whole site, EPUB 3 books and single-file
/// HTML documents — and writes them into `<output>/downloads/` (or another directory).
///
/// Every bundle is made in memory first; files are then written to temporary names and renamed
/// into place only when all of them were written, so a failure leaves earlier bundles as they
/// were. Output is reproducible: the same content gives byte-identical files.
public struct Bundler: Sendable {
    /// What to bundle and where.
    public struct Options: Sendable {
        /// The project root containing `folio.yml`, `Content/` and `Templates/`.
        public var projectRoot: URL
        public var config: FolioConfig
        /// Where bundles go; `nil` means `<config.output>/downloads`.
        public var outputDirectory: URL?
        /// The formats to make; `nil` means `config.bundles.formats`.
        public var formats: [BundleConfig.Format]?
        /// Only compare with the files on disk, write nothing.
        public var checkOnly: Bool

        public init(projectRoot: URL, config: FolioConfig, outputDirectory: URL? = nil, formats: [BundleConfig.Format]? = nil, checkOnly: Bool = false) {
            self.projectRoot = projectRoot
            self.config = config
            self.outputDirectory = outputDirectory
            self.formats = formats
            self.checkOnly = checkOnly
        }

        /// The directory bundles are written into.
        public var output: URL {
            (outputDirectory ?? projectRoot.appendingPathComponent(config.output, isDirectory: true).appendingPathComponent(DownloadCatalog.directory, isDirectory: true)).standardizedFileURL
        }
    }

    /// One bundle file made by a run.
    public struct Bundle: Sendable, Equatable {
        /// File name inside the output directory, e.g. `leiden-2023.epub`.
        public var fileName: String
        public var format: BundleConfig.Format
        /// Size in bytes.
        public var size: Int
        /// Whether the file on disk differs from (or lacks) what this run made.
        public var stale: Bool
        /// Whether there is no file on disk at all (never built); `stale` is then true too.
        public var missing: Bool = false
    }

    /// What a run did.
    public struct Result: Sendable {
        /// Every bundle, in catalog order.
        public var bundles: [Bundle]
        /// Findings from loading and rendering content (and building the site for the zip).
        public var diagnostics: [Diagnostic]
        /// The output directory.
        public var output: URL
        /// Wall time of each phase, in seconds, in order.
        public var timings: [(phase: String, seconds: Double)]
        /// Bundles that are missing or out of date (in check mode; empty after a write).
        public var stale: [Bundle] { bundles.filter(\.stale) }
    }

    public init() {}

    /// Makes the bundles, and writes them unless `checkOnly`.
    /// - Throws: ``BundleError``: missing or bad corpus metadata, unreadable inputs, an output
    ///   directory that cannot be written, or a site that does not build.
    public func run(_ options: Options) throws -> Result {
        var timings: [(String, Double)] = []
        var clock = Date()
        func lap(_ phase: String) {
            let now = Date()
            timings.append((phase, now.timeIntervalSince(clock)))
            clock = now
        }
        let config = options.config
        let formats = options.formats ?? config.bundles.formats
        // The site behind the zip builds on another core while the books are made.
        let siteBuild = BackgroundJob<([(path: String, data: Data)], [Diagnostic])>()
        if formats.contains(.zip) {
            let root = options.projectRoot
            siteBuild.start { try SiteArchive.buildSite(projectRoot: root, config: config) }
        }
        defer { siteBuild.wait() }
        let (corpus, contentDiagnostics) = try BundleCorpus.load(projectRoot: options.projectRoot, config: config)
        var diagnostics = contentDiagnostics
        if DiagnosticSummary(diagnostics).errors > 0 {
            throw BundleError.siteFailed(diagnostics: Diagnostic.sortedForOutput(diagnostics))
        }
        lap("load")

        let documents = corpus.documents.map { DocumentContent(slug: $0.slug, metadata: $0.metadata, index: nil, articles: []) }
        let catalog = DownloadCatalog.downloads(config: config, documents: documents, formats: formats)
        let baseName = DownloadCatalog.siteBaseName(config: config, documentSlugs: documents.map(\.slug))
        let epub = EPUBBuilder(corpus: corpus)
        var singleBuilder: SingleFileHTMLBuilder?
        if formats.contains(.html) {
            let assets = options.projectRoot.appendingPathComponent(config.templates).appendingPathComponent("assets")
            singleBuilder = SingleFileHTMLBuilder(
                corpus: corpus,
                screenCSS: try Self.readText(assets.appendingPathComponent("folio.css"), display: "\(config.templates)/assets/folio.css"),
                printCSS: try Self.readText(assets.appendingPathComponent("print.css"), display: "\(config.templates)/assets/print.css"),
                published: Set(corpus.documents.map(\.slug))
            )
        }

        let single = singleBuilder
        // Books and single files, on all cores; the zip needs a site build of its own.
        let work = catalog.filter { $0.format != .zip }
        let made = try ConcurrentMap.tryMap(Array(work.indices)) { index -> Data in
            let download = work[index]
            guard let slug = download.documentSlug else { return try epub.wholeCorpus(baseName: baseName) }
            guard let document = corpus.documents.first(where: { $0.slug == slug }) else {
                throw BundleError.metadata(file: "\(config.content)/corpus.yml", line: nil, message: "document `\(slug)` vanished while bundling", hint: nil)
            }
            switch download.format {
            case .epub: return try epub.document(document)
            case .html: return single?.document(document) ?? Data()
            case .zip: return Data()
            }
        }
        var files: [(Download, Data)] = Array(zip(work, made))
        lap("books")
        if let zipDownload = catalog.first(where: { $0.format == .zip }) {
            guard let (siteFiles, siteDiagnostics) = try siteBuild.result() else {
                throw BundleError.unwritable(path: "(site build)", message: "the site build was never started")
            }
            let data = try SiteArchive.archive(siteFiles, folder: baseName, date: corpus.newestDate)
            diagnostics += siteDiagnostics
            files.insert((zipDownload, data), at: 0)
            lap("site zip")
        }

        let output = options.output
        var bundles: [Bundle] = []
        for (download, data) in files {
            let existing = FileManager.default.contents(atPath: output.appendingPathComponent(download.fileName).path)
            bundles.append(Bundle(fileName: download.fileName, format: download.format, size: data.count, stale: existing != data, missing: existing == nil))
        }
        if !options.checkOnly {
            try Self.write(files.map { ($0.0.fileName, $0.1) }, into: output, projectRoot: options.projectRoot, config: config)
            for index in bundles.indices {
                bundles[index].stale = false
                bundles[index].missing = false
            }
            lap("write")
        }
        // The site build reports the same content findings again; keep one of each.
        var seen = Set<Diagnostic>()
        let unique = diagnostics.filter { seen.insert($0).inserted }
        return Result(bundles: bundles, diagnostics: Diagnostic.sortedForOutput(unique), output: output, timings: timings)
    }

    /// Writes every file to a temporary name in `directory`, then renames them all into place.
    /// On any failure the temporary files are removed and existing bundles stay untouched.
    static func write(_ files: [(String, Data)], into directory: URL, projectRoot: URL, config: FolioConfig) throws {
        let fm = FileManager.default
        let content = projectRoot.appendingPathComponent(config.content, isDirectory: true)
        do {
            try OutputGuard.check(output: directory, projectRoot: projectRoot, contentDirectory: content)
        } catch let error as FolioError {
            throw BundleError.unwritable(path: directory.path, message: error.description)
        }
        try makeDirectories(directory)
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        var temporary: [(URL, URL)] = []
        do {
            for (name, data) in files {
                let final = directory.appendingPathComponent(name)
                let temp = directory.appendingPathComponent(".\(name).tmp-\(token)")
                temporary.append((temp, final))
                try writeFile(data, to: temp, reportedAs: final.path)
            }
            for (_, final) in temporary {
                var isDirectory: ObjCBool = false
                if fm.fileExists(atPath: final.path, isDirectory: &isDirectory), isDirectory.boolValue {
                    throw BundleError.unwritable(path: final.path, message: "a directory is in the way of the bundle")
                }
            }
            for (temp, final) in temporary {
                if rename(temp.path, final.path) != 0 {
                    throw BundleError.unwritable(path: final.path, message: String(cString: strerror(errno)))
                }
            }
        } catch {
            for (temp, _) in temporary { try? fm.removeItem(at: temp) }
            throw error
        }
    }

    /// `mkdir -p`, reporting the system's reason (`Permission denied`, `Not a directory`…).
    static func makeDirectories(_ directory: URL) throws {
        var path = ""
        for component in directory.standardizedFileURL.path.split(separator: "/") {
            path += "/" + component
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                if isDirectory.boolValue { continue }
                throw BundleError.unwritable(path: directory.path, message: "\(path) is a file, not a directory")
            }
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw BundleError.unwritable(path: directory.path, message: "cannot create \(path): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Writes `data` with POSIX calls so a full disk or a read-only directory is reported as such.
    static func writeFile(_ data: Data, to url: URL, reportedAs display: String) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw BundleError.unwritable(path: display, message: String(cString: strerror(errno))) }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure != 0 { throw BundleError.unwritable(path: display, message: String(cString: strerror(failure))) }
    }

    static func readText(_ url: URL, display: String) throws -> String {
        // A project without its own copy uses Folio's built-in theme file.
        let builtin = url.pathComponents.suffix(2).joined(separator: "/")
        guard let data = FileManager.default.contents(atPath: url.path) ?? BuiltinTheme.file(builtin) else {
            throw BundleError.unreadable(path: display, message: "the file is missing or not readable")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The system's reason for a file error (`No space left on device`, `Permission denied`).
    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription
    }
}

