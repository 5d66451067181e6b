import FolioContent
import FolioCore
import FolioEntities
import Foundation

/// Runs the extraction benchmark on a project: reads the labelled passages, takes each
/// passage's line from the raw source `corpus.yml` names, and scores Folio's tagger (as import
/// builds it) or spans another system produced.
public struct EntityBenchmarkRunner: Sendable {
    public init() {}

    /// - Parameters:
    ///   - passagesFile: the labelled passages, relative to the project root.
    ///   - split: `tuning`, `held-out`, or `nil` for all.
    ///   - spansFile: a JSON object `{"<passage>": {"organisation": [...], "place": [...], "technology": [...]}}`
    ///     to score instead of Folio's own output.
    /// - Throws: ``ImportError`` for unreadable or malformed inputs.
    public func run(projectRoot: URL, contentDirectory: String = "Content", passagesFile: String, split: String?, spansFile: String? = nil) throws -> ExtractionBenchmark.Result {
        let passages: [ExtractionBenchmark.Passage]
        do {
            passages = try ExtractionBenchmark.passages(from: projectRoot.appendingPathComponent(passagesFile), display: passagesFile)
                .filter { split == nil || $0.split == split }
        } catch let error as EntitiesError {
            throw ImportError.malformedInput(error.diagnostic, file: passagesFile)
        }
        var found: [String: [ExtractionBenchmark.Kind: [String]]] = [:]
        if let spansFile {
            let data = try Data(contentsOf: projectRoot.appendingPathComponent(spansFile))
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: [String: [String]]] else {
                throw ImportError.configuration(file: spansFile, line: 1, message: "expected {\"<passage>\": {\"organisation\": [...], \"place\": [...], \"technology\": [...]}}")
            }
            for (id, kinds) in object {
                var spans: [ExtractionBenchmark.Kind: [String]] = [:]
                for (kind, strings) in kinds { if let k = ExtractionBenchmark.Kind(rawValue: kind) { spans[k] = strings } }
                found[id] = spans
            }
        } else {
            let content = projectRoot.appendingPathComponent(contentDirectory)
            let manifest: CorpusManifest
            do {
                manifest = try CorpusManifest.load(from: content.appendingPathComponent("corpus.yml"), displayPath: "\(contentDirectory)/corpus.yml")
            } catch let error as ContentError {
                throw ImportError.malformedInput(error.diagnostic, file: "\(contentDirectory)/corpus.yml")
            }
            let tagger = try Importer.loadTagger(content, contentDirectory: contentDirectory)
            var sources: [String: [Substring]] = [:]
            for passage in passages {
                if sources[passage.source] == nil {
                    guard let doc = manifest.documents.first(where: { $0.slug == passage.source }) else {
                        throw ImportError.configuration(file: passagesFile, line: 1, message: "passage \(passage.id) names unknown document `\(passage.source)`")
                    }
                    sources[passage.source] = try Importer.read(projectRoot.appendingPathComponent(doc.source), display: doc.source).split(separator: "\n", omittingEmptySubsequences: false)
                }
                let lines = sources[passage.source]!
                guard passage.line >= 1, passage.lastLine <= lines.count else {
                    throw ImportError.configuration(file: passagesFile, line: 1, message: "passage \(passage.id) is past the end of its source")
                }
                found[passage.id] = ExtractionBenchmark.spans(tagger, text: ExtractionBenchmark.text(of: passage, in: lines) + "\n")
            }
        }
        return ExtractionBenchmark.score(passages, found: found)
    }

    /// Scores the goals the articles' front matter lists against hand-labelled primary goals.
    /// - Parameters:
    ///   - labelsFile: the labels, relative to the project root.
    ///   - split: `tuning`, `held-out`, or `nil` for all.
    /// - Throws: ``ImportError`` for unreadable or malformed inputs, or a labelled article that
    ///   does not exist.
    public func runGoals(projectRoot: URL, contentDirectory: String = "Content", labelsFile: String, split: String?) throws -> GoalBenchmark.Result {
        let labels: [GoalBenchmark.Label]
        do {
            labels = try GoalBenchmark.labels(from: projectRoot.appendingPathComponent(labelsFile), display: labelsFile)
                .filter { split == nil || $0.split == split }
        } catch let error as EntitiesError {
            throw ImportError.malformedInput(error.diagnostic, file: labelsFile)
        }
        // Articles are read as the build reads them.
        let loader = ContentLoader(projectRoot: projectRoot, contentDirectory: contentDirectory)
        var listed: [String: [Int]] = [:]
        for label in labels {
            let path = "\(contentDirectory)/articles/\(label.article).md"
            do {
                let (page, _) = try loader.loadPage(at: projectRoot.appendingPathComponent(path), relativePath: path, kind: .article, documentSlug: nil)
                listed[label.article] = page.frontMatter.sdgs ?? []
            } catch let error as ContentError {
                throw ImportError.malformedInput(error.diagnostic, file: path)
            }
        }
        return GoalBenchmark.score(labels, listed: listed)
    }
}
