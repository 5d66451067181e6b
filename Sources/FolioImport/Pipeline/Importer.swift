import FolioContent
import FolioCore
import FolioEntities
import Foundation
import Synchronization

/// What `folio import` should do.
public struct ImportOptions: Sendable, Equatable {
    /// Project root containing `Content/`.
    public var projectRoot: URL
    /// Content directory relative to the root.
    public var contentDirectory: String
    /// Compare with the committed files and write nothing.
    public var check: Bool
    /// Overwrite files edited by hand since the last import.
    public var force: Bool
    /// Where the result of a whole import is kept (``ImportMemo``): every import stores it, and
    /// `check` compares the committed files with it instead of importing again when every input
    /// is the same. A read-only cache is only read.
    public var cache: BuildCache?

    public init(projectRoot: URL, contentDirectory: String = "Content", check: Bool = false, force: Bool = false, cache: BuildCache? = nil) {
        self.projectRoot = projectRoot
        self.contentDirectory = contentDirectory
        self.check = check
        self.force = force
        self.cache = cache
    }

    public static func == (a: ImportOptions, b: ImportOptions) -> Bool {
        a.projectRoot == b.projectRoot && a.contentDirectory == b.contentDirectory && a.check == b.check && a.force == b.force && (a.cache === b.cache)
    }
}

/// Time spent in one named import step, over all documents.
public struct StepTiming: Sendable, Equatable {
    /// Step name, e.g. `split` or `notes`.
    public var name: String
    /// Seconds.
    public var seconds: Double
}

/// The outcome of an import: diagnostics, generated files and what happened to the files on disk.
public struct ImportResult: Sendable, Equatable {
    /// Repairs and source defects (IMP, TOC, COR, SPL codes) plus stale (`IMP090`) and
    /// hand-edited (`IMP091`) file errors, sorted for output.
    public var diagnostics: [Diagnostic]
    /// Every generated file, in path order (empty when a check was answered from the
    /// build cache; ``fileCount`` counts them then too).
    public var files: [GeneratedFile]
    /// How many files import generates.
    public var fileCount: Int
    /// Paths written (empty under `--check` or when writing was refused).
    public var written: [String]
    /// Paths that differ from what import would write (missing, changed or left over).
    public var stale: [String]
    /// Paths edited by hand that import refused to overwrite.
    public var refused: [String]
    /// The documents as imported, for tests and later stages.
    public var documents: [DocumentDraft]
    /// Wall time per step, summed over documents imported in parallel.
    public var timings: [StepTiming]
}

/// Imports the corpus: loads `corpus.yml`, `corrections.yml` and the raw sources, then per
/// document cleans, recovers structure, splits into articles, runs the document steps
/// (notes, figures, inline repairs), tags entities and writes Markdown.
public struct Importer: Sendable {
    /// Steps run after splitting, in order.
    public var steps: [any DocumentStep]
    /// The entity tagger; nil builds one from the gazetteers in `Content/data/` (none when absent).
    public var tagger: EntityTagger?

    /// The document steps of a standard import, in order: citations, notes, then figures and
    /// tables, then inline repairs, then the check for misspelt names.
    public static var standardSteps: [any DocumentStep] {
        [CitationLinker(), NoteResolver(), FigureAnchorer(), InlineRepairer(), NameSpellingCheck()]
    }

    public init(steps: [any DocumentStep] = Importer.standardSteps, tagger: EntityTagger? = nil) {
        self.steps = steps
        self.tagger = tagger
    }

    /// Runs an import: generates every file, then checks (`--check`) or writes them.
    /// - Throws: ``ImportError`` when inputs cannot be read or parsed, or output cannot be written.
    public func run(_ options: ImportOptions) throws -> ImportResult {
        // A memo is kept only for the standard import (a test's own steps or tagger make others).
        let memoKey = options.cache != nil && tagger == nil && steps.map { "\(type(of: $0))" } == Self.standardSteps.map { "\(type(of: $0))" }
            ? ImportMemo.key(options) : nil
        if options.check, let cache = options.cache, let memoKey, let data = cache.value(ImportMemo.namespace, memoKey),
           let memo = ImportMemo.unarchived(data) {
            return checked(against: memo, options)
        }
        var (files, diagnostics, documents, timings) = try generate(projectRoot: options.projectRoot, contentDirectory: options.contentDirectory, cache: options.cache)
        // The organisations and technologies found by their shape, for the build: generated data files.
        let foundText = FoundOrganisations.yaml(FoundOrganisations.merge(files.filter { !$0.organisations.isEmpty }.map { ($0.path, $0.organisations) }))
        let technologiesText = FoundTechnologies.yaml(FoundTechnologies.merge(files.filter { !$0.technologies.isEmpty }.map { ($0.path, $0.technologies) }))
        let memo = ImportMemo(
            files: files.map { ImportMemo.File(path: $0.path, digest: FileDigest.sha256(Data($0.text.utf8))) },
            foundOrganisations: FileDigest.sha256(Data(foundText.utf8)), foundTechnologies: FileDigest.sha256(Data(technologiesText.utf8)),
            diagnostics: diagnostics)
        // Kept only when the inputs read now are those the key was made from.
        if let cache = options.cache, let memoKey, ImportMemo.key(options) == memoKey {
            cache.store(ImportMemo.namespace, memoKey, memo.archived)
        }
        // A check compares the committed files with what was generated, as one answered from the cache does.
        if options.check {
            var result = checked(against: memo, options)
            result.files = files
            result.documents = documents
            result.timings = timings
            return result
        }
        let articlesDir = options.projectRoot.appendingPathComponent(options.contentDirectory).appendingPathComponent("articles")
        let existing = Self.existingFiles(in: articlesDir, prefix: "\(options.contentDirectory)/articles")
        let generatedPaths = Set(files.map(\.path))
        var stale: [String] = []
        var refused: [String] = []
        for file in files {
            guard let old = existing[file.path] else {
                stale.append(file.path)
                continue
            }
            if old != file.text {
                stale.append(file.path)
                if !ContentHash.isUnedited(old) { refused.append(file.path) }
            }
        }
        for (path, old) in existing where !generatedPaths.contains(path) {
            stale.append(path)
            if !ContentHash.isUnedited(old) { refused.append(path) }
        }
        let foundPath = "\(options.contentDirectory)/data/\(FoundOrganisations.fileName)"
        let foundURL = options.projectRoot.appendingPathComponent(foundPath)
        let dataDirectory = foundURL.deletingLastPathComponent()
        let hasGazetteers = FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("companies.yml").path)
        let oldFound = FileManager.default.contents(atPath: foundURL.path).flatMap { String(data: $0, encoding: .utf8) }
        let foundStale = hasGazetteers && oldFound != foundText
        if foundStale { stale.append(foundPath) }
        let technologiesPath = "\(options.contentDirectory)/data/\(FoundTechnologies.fileName)"
        let technologiesURL = options.projectRoot.appendingPathComponent(technologiesPath)
        let oldTechnologies = FileManager.default.contents(atPath: technologiesURL.path).flatMap { String(data: $0, encoding: .utf8) }
        let technologiesStale = hasGazetteers && oldTechnologies != technologiesText
        if technologiesStale { stale.append(technologiesPath) }
        stale.sort()
        refused.sort()
        var written: [String] = []
        if !refused.isEmpty && !options.force {
            for path in refused {
                diagnostics.append(
                    Diagnostic(
                        code: "IMP091", severity: .error,
                        message: generatedPaths.contains(path)
                            ? "edited by hand since the last import; refusing to overwrite it"
                            : "not written by import (or edited since); refusing to remove it",
                        location: SourceLocation(file: path, line: 1),
                        hint: generatedPaths.contains(path)
                            ? "move the edit into Content/corrections.yml, or run `folio import --force` to discard it"
                            : "hand-written pages belong in Content/pages/; move it there, or run `folio import --force` to delete it"
                    ))
            }
        } else if !stale.isEmpty {
            let sink = try wrap { try StagedDirectoryOutput(destination: articlesDir) }
            do {
                for file in files {
                    let relative = String(file.path.dropFirst("\(options.contentDirectory)/articles/".count))
                    try sink.write(file.text, to: relative)
                }
                try sink.commit()
            } catch {
                sink.discard()
                throw ImportError.io(path: "\(options.contentDirectory)/articles", message: "\(error)")
            }
            written = stale.filter { generatedPaths.contains($0) }
        }
        if foundStale, refused.isEmpty || options.force {
            do {
                try Data(foundText.utf8).write(to: foundURL, options: .atomic)
                written.append(foundPath)
            } catch {
                throw ImportError.io(path: foundPath, message: "\(error)")
            }
        }
        if technologiesStale, refused.isEmpty || options.force {
            do {
                try Data(technologiesText.utf8).write(to: technologiesURL, options: .atomic)
                written.append(technologiesPath)
            } catch {
                throw ImportError.io(path: technologiesPath, message: "\(error)")
            }
        }
        return ImportResult(
            diagnostics: Diagnostic.sortedForOutput(diagnostics), files: files, fileCount: files.count, written: written,
            stale: stale, refused: refused, documents: documents, timings: timings
        )
    }

    /// A check: the committed files compared with the digests of what import generates (``memo``,
    /// made now or by an earlier import of the very same inputs), with an `IMP090` for each file
    /// that is missing, changed, or no longer generated.
    func checked(against memo: ImportMemo, _ options: ImportOptions) -> ImportResult {
        let articlesDir = options.projectRoot.appendingPathComponent(options.contentDirectory).appendingPathComponent("articles")
        let existing = Self.existingFiles(in: articlesDir, prefix: "\(options.contentDirectory)/articles")
        let generatedPaths = Set(memo.files.map(\.path))
        var stale: [String] = []
        for file in memo.files where existing[file.path].map({ FileDigest.sha256(Data($0.utf8)) }) != file.digest {
            stale.append(file.path)
        }
        for path in existing.keys where !generatedPaths.contains(path) { stale.append(path) }
        let data = options.projectRoot.appendingPathComponent(options.contentDirectory).appendingPathComponent("data")
        let hasGazetteers = FileManager.default.fileExists(atPath: data.appendingPathComponent("companies.yml").path)
        var missing: Set<String> = []
        var dataPaths: Set<String> = []
        for (name, digest) in [(FoundOrganisations.fileName, memo.foundOrganisations), (FoundTechnologies.fileName, memo.foundTechnologies)] where hasGazetteers {
            let path = "\(options.contentDirectory)/data/\(name)"
            dataPaths.insert(path)
            guard let old = FileManager.default.contents(atPath: data.appendingPathComponent(name).path) else {
                stale.append(path)
                missing.insert(path)
                continue
            }
            if FileDigest.sha256(old) != digest { stale.append(path) }
        }
        stale.sort()
        var diagnostics = memo.diagnostics
        for path in stale {
            let generated = generatedPaths.contains(path) || dataPaths.contains(path)
            diagnostics.append(Diagnostic(
                code: "IMP090", severity: .error,
                message: missing.contains(path) || (generatedPaths.contains(path) && existing[path] == nil)
                    ? "missing: import would create this file"
                    : generated ? "stale: import would change this file" : "stale: import no longer generates this file",
                location: SourceLocation(file: path, line: 1), hint: "run `folio import` and commit the result"
            ))
        }
        return ImportResult(
            diagnostics: Diagnostic.sortedForOutput(diagnostics), files: [], fileCount: memo.files.count, written: [],
            stale: stale, refused: [], documents: [], timings: []
        )
    }

    /// Generates every file in memory without touching the disk.
    /// - Throws: ``ImportError`` for unreadable or malformed inputs.
    /// - Parameter cache: where the gazetteers and the tagger's compiled patterns are kept between runs.
    public func generate(projectRoot: URL, contentDirectory: String = "Content", cache: BuildCache? = nil) throws -> (
        files: [GeneratedFile], diagnostics: [Diagnostic], documents: [DocumentDraft], timings: [StepTiming]
    ) {
        let content = projectRoot.appendingPathComponent(contentDirectory)
        let manifestPath = "\(contentDirectory)/corpus.yml"
        let manifestText = try Self.read(content.appendingPathComponent("corpus.yml"), display: manifestPath)
        let manifest: CorpusManifest
        do {
            manifest = try CorpusManifest.load(from: content.appendingPathComponent("corpus.yml"), displayPath: manifestPath)
        } catch let error as ContentError {
            let d = error.diagnostic
            throw ImportError.configuration(file: manifestPath, line: d.location?.line ?? 1, message: d.message, hint: d.hint)
        }
        let hints = try ImportHints.parse(manifestText, file: manifestPath)
        let correctionsPath = "\(contentDirectory)/corrections.yml"
        let corrections = try loadCorrections(content: content, contentDirectory: contentDirectory, manifest: manifest)
        var sources: [String] = []
        for doc in manifest.documents {
            sources.append(try Self.read(projectRoot.appendingPathComponent(doc.source), display: doc.source))
        }
        let entityTagger = try tagger ?? Self.loadTagger(content, contentDirectory: contentDirectory, cache: cache)
        let writer = ArticleWriter(contentDirectory: contentDirectory, tagger: entityTagger)
        // Company names the gazetteer knows (by name, alias or former name) take its canonical name.
        var gazetteer: [String: [String]] = [:]
        for term in entityTagger.gazetteers.terms where term.id.kind == .company {
            gazetteer[term.name, default: []] += term.aliases.map(\.text) + term.formerNames
        }
        let companies = CompanyResolver(table: hints.companies, gazetteer: gazetteer)
        // Documents are independent: import them on all cores, then merge in manifest order.
        let jobs = Array(zip(manifest.documents, sources))
        let outputs = Mutex<[Int: (DocumentOutput, [StepTiming])]>([:])
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let (doc, source) = jobs[index]
            var clock = StepClock()
            let output = importDocument(
                doc, source: source, hints: hints.documents[doc.slug] ?? ImportHints.Document(), companies: companies, corrections: corrections, correctionsPath: correctionsPath,
                writer: writer, clock: &clock)
            outputs.withLock { $0[index] = (output, clock.timings) }
        }
        var files: [GeneratedFile] = []
        var diagnostics: [Diagnostic] = []
        var documents: [DocumentDraft] = []
        var clock = StepClock()
        let collected = outputs.withLock { $0 }
        for index in jobs.indices {
            guard let (output, timings) = collected[index] else { continue }
            files += output.files
            diagnostics += output.diagnostics
            documents.append(output.document)
            clock.add(timings)
        }
        files.sort { $0.path < $1.path }
        return (files, Diagnostic.sortedForOutput(diagnostics), documents, clock.timings)
    }

    /// Imports one source text in memory as `meta` describes it, with the given `import:` hints
    /// and no corrections or company table: the article files it would write and its findings.
    /// ``generate(projectRoot:contentDirectory:)`` is the project-wide import; this is for tools
    /// that hold a single text (and the fuzz target of the importer).
    public func importSource(_ source: String, as meta: CorpusDocument, hints: ImportHints.Document = ImportHints.Document(), contentDirectory: String = "Content") -> (
        files: [GeneratedFile], diagnostics: [Diagnostic]
    ) {
        let entityTagger = tagger ?? EntityTagger()
        var clock = StepClock()
        let output = importDocument(
            meta, source: source, hints: hints, companies: CompanyResolver(table: [:], gazetteer: [:]), corrections: CorrectionSet(),
            correctionsPath: "\(contentDirectory)/corrections.yml", writer: ArticleWriter(contentDirectory: contentDirectory, tagger: entityTagger), clock: &clock)
        return (output.files, output.diagnostics)
    }

    struct DocumentOutput: Sendable {
        var files: [GeneratedFile]
        var diagnostics: [Diagnostic]
        var document: DocumentDraft
    }

    func importDocument(
        _ meta: CorpusDocument, source: String, hints: ImportHints.Document, companies: CompanyResolver, corrections: CorrectionSet, correctionsPath: String, writer: ArticleWriter,
        clock: inout StepClock
    ) -> DocumentOutput {
        var findings: [ImportFinding] = []
        var lines = clock.measure("load") { Self.lines(of: source) }
        let lineCount = lines.count
        let labelSet = Set((HeadingStructure.defaultLabels + hints.labels).map(TextNormalizer.key))
        clock.measure("clean") { corrections.apply(to: &lines, document: meta.slug, file: correctionsPath, findings: &findings) }
        clock.measure("convert") { lines = ConvertedTextNormalizer(flavour: SourceFlavour.detect(source)).normalize(lines, findings: &findings) }
        clock.measure("clean") {
            SourceCleaner(labels: labelSet).clean(&lines, findings: &findings)
        }
        var hints = hints
        findings += AutoHints.complete(&hints, lines: lines, documentTitle: meta.title)
        let split = clock.measure("split") { () -> ArticleSplitter.Result in
            let tocNumbers =
                hints.toc.flatMap { TableOfContents.parse(lines, heading: $0) }?.entries.compactMap { SectionNumbering.leadingNumber($0.fullText).map(String.init) } ?? []
            SectionNumbering.restore(&lines, tocNumbers: tocNumbers, findings: &findings)
            return ArticleSplitter(hints: hints, companies: companies, metadata: meta, labels: labelSet).split(lines, findings: &findings)
        }
        var document = DocumentDraft(metadata: meta, articles: split.articles)
        document.figureImages = corrections.figures.filter { $0.document == meta.slug }
        document.contents = split.toc?.entries ?? []
        document.linkCitations = hints.linksCitations
        // Notes and figures run before paragraphs are rejoined: the joiner would otherwise glue
        // footnote blocks and photo captions into the sentences around them.
        for step in steps where step.name != InlineRepairer().name {
            clock.measure(step.name) { step.apply(to: &document, findings: &findings) }
        }
        clock.measure("structure") {
            let structure = HeadingStructure(labels: labelSet, documentTitleKey: TextNormalizer.key(meta.title))
            let joiner = ParagraphJoiner()
            for index in document.articles.indices {
                structure.apply(to: &document.articles[index], articleIndex: index, findings: &findings)
                joiner.apply(to: &document.articles[index], articleIndex: index, findings: &findings)
            }
        }
        for step in steps where step.name == InlineRepairer().name {
            clock.measure(step.name) { step.apply(to: &document, findings: &findings) }
        }
        var files: [GeneratedFile] = []
        clock.measure("write") {
            let marker = CJKBlockMarker()
            for index in document.articles.indices { marker.apply(to: &document.articles[index]) }
            files = document.articles.map { writer.write(article: $0, document: document) }
            let repairs = findings.filter { $0.severity == .info && RepairLog.codes.contains($0.code) }.reduce(into: [String: Int]()) { $0[$1.code, default: 0] += 1 }
            files.append(writer.writeIndex(document: document, imprint: split.imprint, lineCount: lineCount, repairs: repairs))
        }
        let diagnostics = findings.map { diagnostic(for: $0, document: document, files: files) }
        return DocumentOutput(files: files, diagnostics: diagnostics, document: document)
    }

    /// Places a finding in the article file (and line) its source line became.
    func diagnostic(for finding: ImportFinding, document: DocumentDraft, files: [GeneratedFile]) -> Diagnostic {
        let articleIndex = finding.articleIndex ?? document.articles.firstIndex { $0.sourceLines.contains(finding.sourceLine) }
        var location: SourceLocation
        if let articleIndex, articleIndex < document.articles.count, articleIndex < files.count {
            let file = files[articleIndex]
            let keyLine = finding.frontMatterKey.flatMap { key in
                file.text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("\(key):") }.map { $0 + 1 }
            }
            location = SourceLocation(file: file.path, line: keyLine ?? file.fileLine(forSource: finding.sourceLine, holding: finding.markers) ?? 1)
        } else if let index = files.last {
            // A finding about the whole document (its contents, cover, imprint) points at the
            // index page's contents list, else its title: lines that hold text.
            let lines = index.text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = lines.firstIndex { $0 == "## Contents" } ?? lines.firstIndex { $0.hasPrefix("# ") }
            location = SourceLocation(file: index.path, line: (line ?? 0) + 1)
        } else {
            location = SourceLocation(file: document.metadata.source, line: 1)
        }
        return Diagnostic(
            code: finding.code, severity: finding.severity, message: finding.message, location: location,
            source: SourceLocation(file: document.metadata.source, line: finding.sourceLine), hint: finding.hint
        )
    }

    /// Splits source text into numbered lines (1-based), accepting a missing final newline and CRLF.
    static func lines(of text: String) -> [SourceLine] {
        var result: [SourceLine] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var number = 0
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if utf8[index] == 10 {
                number += 1
                var end = index
                if end > start, utf8[utf8.index(before: end)] == 13 { end = utf8.index(before: end) }
                result.append(SourceLine(String(text[start..<end]), number: number))
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex {
            number += 1
            result.append(SourceLine(String(text[start...]), number: number))
        }
        return result
    }

    /// A tagger over the gazetteers in `Content/data/`, or one that finds nothing when there are none.
    /// With a `cache`, the gazetteers and the tagger's compiled patterns are read back from it
    /// when the gazetteer files are unchanged.
    static func loadTagger(_ content: URL, contentDirectory: String, cache: BuildCache? = nil) throws -> EntityTagger {
        let data = content.appendingPathComponent("data")
        guard FileManager.default.fileExists(atPath: data.appendingPathComponent("companies.yml").path) else { return EntityTagger() }
        do {
            return EntityTagger(gazetteers: try Gazetteers.load(from: data, displayDirectory: "\(contentDirectory)/data", includeFound: false, cache: cache), cache: cache)
        } catch let error as EntitiesError {
            throw ImportError.malformedInput(error.diagnostic, file: "\(contentDirectory)/data")
        }
    }

    /// `corrections.yml`, checked against the manifest, with the size of every figure image read
    /// from its file (an unknown document, a missing or unreadable image stops the import at the entry).
    private func loadCorrections(content: URL, contentDirectory: String, manifest: CorpusManifest) throws -> CorrectionSet {
        let correctionsPath = "\(contentDirectory)/corrections.yml"
        let correctionsURL = content.appendingPathComponent("corrections.yml")
        var corrections =
            FileManager.default.fileExists(atPath: correctionsURL.path)
            ? try CorrectionSet.parse(try Self.read(correctionsURL, display: correctionsPath), file: correctionsPath)
            : CorrectionSet()
        for c in corrections.corrections where manifest.document(c.document) == nil {
            throw ImportError.configuration(file: correctionsPath, line: c.entryLine, message: "correction names unknown document `\(c.document)`")
        }
        for index in corrections.figures.indices {
            let figure = corrections.figures[index]
            guard manifest.document(figure.document) != nil else {
                throw ImportError.configuration(file: correctionsPath, line: figure.entryLine, message: "figure image names unknown document `\(figure.document)`")
            }
            let url = content.appendingPathComponent(figure.image)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw ImportError.configuration(
                    file: correctionsPath, line: figure.entryLine, message: "figure image `\(contentDirectory)/\(figure.image)` does not exist",
                    hint: "add the file, or correct the `image` path (relative to \(contentDirectory)/)")
            }
            guard let file = ImageFile.read(url) else {
                throw ImportError.configuration(
                    file: correctionsPath, line: figure.entryLine, message: "`\(contentDirectory)/\(figure.image)` is not a PNG, JPEG, GIF, WebP or SVG image whose size can be read",
                    hint: "export the figure as PNG or SVG (an SVG needs width and height or a viewBox)")
            }
            corrections.figures[index].file = file
        }
        return corrections
    }

    /// The text of an input file.
    /// - Throws: ``ImportError/io(path:message:)`` saying why the file cannot be read (missing, a
    ///   folder, permission, over ``InputFile/maxBytes``), or
    ///   ``ImportError/configuration(file:line:message:hint:)`` at the first line that is not UTF-8.
    static func read(_ url: URL, display: String) throws -> String {
        let data: Data
        switch InputFile.contents(atPath: url.path) {
        case let .success(contents): data = contents
        case let .failure(problem): throw ImportError.io(path: display, message: "cannot read the file: \(problem.reason)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ImportError.configuration(
                file: display, line: TextHygiene.firstInvalidUTF8Line(data), message: "the file is not valid UTF-8 from this line on",
                hint: "save it as UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8`")
        }
        return text
    }

    /// Markdown files under `Content/articles/`, keyed by project-relative path.
    static func existingFiles(in directory: URL, prefix: String) -> [String: String] {
        var result: [String: String] = [:]
        let fm = FileManager.default
        guard let folders = try? fm.contentsOfDirectory(atPath: directory.path) else { return result }
        for folder in folders where !folder.hasPrefix(".") {
            let dir = directory.appendingPathComponent(folder)
            for name in (try? fm.contentsOfDirectory(atPath: dir.path)) ?? [] where name.hasSuffix(".md") {
                if case let .success(data) = InputFile.contents(atPath: dir.appendingPathComponent(name).path) {
                    result["\(prefix)/\(folder)/\(name)"] = String(decoding: data, as: UTF8.self)
                }
            }
        }
        return result
    }

    private func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as FolioError {
            if case .io(let path, let message) = error { throw ImportError.io(path: path, message: message) }
            throw ImportError.io(path: "articles", message: error.description)
        }
    }
}

/// Adds up wall-clock time per named step.
struct StepClock {
    private(set) var timings: [StepTiming] = []

    /// Adds another clock's timings (CPU time summed over parallel documents).
    mutating func add(_ other: [StepTiming]) {
        for t in other {
            if let i = timings.firstIndex(where: { $0.name == t.name }) { timings[i].seconds += t.seconds } else { timings.append(t) }
        }
    }

    mutating func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        if let i = timings.firstIndex(where: { $0.name == name }) {
            timings[i].seconds += seconds
        } else {
            timings.append(StepTiming(name: name, seconds: seconds))
        }
        return value
    }
}
