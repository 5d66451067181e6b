import FolioCore
import FolioEntities
import Foundation
import Yams

/// Builds the review file `Content/data/entity-review.yml` from an import run: every organisation
/// name found in the articles but not indexed, with its mentions, articles and contexts, plus
/// every decision already in the file (kept even when the name is no longer found).
public struct EntityReviewUpdater: Sendable {
    /// Most contexts kept per name.
    public static let contextLimit = 3

    public init() {}

    /// The result of one update.
    public struct Result: Sendable {
        /// Every entry written, decided ones first.
        public var entries: [EntityReview.Entry]
        /// The file, relative to the project root.
        public var path: String
        /// Whether the file changed.
        public var changed: Bool
    }

    /// Generates the articles in memory, gathers the candidates and writes the review file.
    /// - Parameter write: `false` computes the entries without touching the file.
    /// - Throws: ``ImportError`` for unreadable inputs or a malformed review file.
    public func run(projectRoot: URL, contentDirectory: String = "Content", write: Bool = true) throws -> Result {
        let path = "\(contentDirectory)/data/\(EntityReview.fileName)"
        let url = projectRoot.appendingPathComponent(path)
        var decided: [EntityReview.Entry] = []
        let oldText = FileManager.default.contents(atPath: url.path).flatMap { String(data: $0, encoding: .utf8) }
        if let oldText {
            do {
                if let node = try Yams.compose(yaml: YAMLText.prepared(oldText)) {
                    decided = try EntityReview.entries(node, file: path).filter { $0.decision != nil }
                        + EntityReview.entries(node, file: path, kind: .technology).filter { $0.decision != nil }
                }
            } catch let error as EntitiesError {
                let d = error.diagnostic
                throw ImportError.configuration(file: path, line: d.location?.line ?? 1, message: d.message)
            } catch {
                throw ImportError.configuration(file: path, line: 1, message: "malformed YAML: \(error)")
            }
        }
        let files = try Importer().generate(projectRoot: projectRoot, contentDirectory: contentDirectory).files
        var bySlug: [String: EntityReview.Entry] = [:]
        // Technologies found but not indexed: the second list of the file.
        var technologies: [String: EntityReview.Entry] = [:]
        for file in files {
            for candidate in file.candidates {
                Self.gather(into: &bySlug, file: file.path, evidence: candidate.evidence, slug: candidate.slug, count: candidate.count, variants: candidate.variants) {
                    EntityReview.Entry(
                        name: candidate.name, slug: candidate.slug, decision: nil, type: candidate.type, rule: candidate.rule.rawValue,
                        confidence: candidate.confidence, mentions: 0, articles: [], contexts: [], variants: []
                    )
                }
            }
            for candidate in file.technologyCandidates {
                Self.gather(into: &technologies, file: file.path, evidence: candidate.evidence, slug: candidate.slug, count: candidate.count, variants: candidate.variants) {
                    var entry = EntityReview.Entry(
                        name: candidate.name, slug: candidate.slug, decision: nil, type: .company, rule: candidate.rule.rawValue,
                        confidence: candidate.confidence, mentions: 0, articles: [], contexts: [], variants: []
                    )
                    entry.kind = .technology
                    return entry
                }
            }
        }
        let decidedSlugs = Set(decided.filter { $0.kind != .technology }.map(\.slug))
        let decidedTechnologies = Set(decided.filter { $0.kind == .technology }.map(\.slug))
        let entries = decided + bySlug.values.filter { !decidedSlugs.contains($0.slug) }
            + technologies.values.filter { !decidedTechnologies.contains($0.slug) }
        let text = EntityReview.yaml(entries)
        let changed = text != oldText
        if write, changed {
            do {
                try Data(text.utf8).write(to: url, options: .atomic)
            } catch {
                throw ImportError.io(path: path, message: "\(error)")
            }
        }
        return Result(entries: entries.sorted { ($0.decision == nil ? 1 : 0, -$0.mentions, $0.name) < ($1.decision == nil ? 1 : 0, -$1.mentions, $1.name) }, path: path, changed: changed)
    }

    /// Adds one article's finding to the review entry of its slug, made by `make` the first time:
    /// mentions add up, and the article, its evidence (up to ``contextLimit``) and new spellings
    /// are appended.
    static func gather(
        into entries: inout [String: EntityReview.Entry], file: String, evidence: Mention?, slug: String, count: Int, variants: [String],
        make: () -> EntityReview.Entry
    ) {
        var entry = entries[slug] ?? make()
        entry.mentions += count
        if !entry.articles.contains(file) { entry.articles.append(file) }
        if let e = evidence, entry.contexts.count < contextLimit { entry.contexts.append("\(file):\(e.line): \(e.before)[\(e.text)]\(e.after)") }
        for v in variants where !entry.variants.contains(v) { entry.variants.append(v) }
        entries[slug] = entry
    }
}
