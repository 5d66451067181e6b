import FolioCore
import Foundation
import Yams

/// The review file `Content/data/entity-review.yml`: organisation names found in the text but
/// not indexed (too little evidence), or decided by a person. Each entry has a `decision`:
/// `accept` (index it, everywhere it is named), `reject` (never index it) or `~` (undecided).
/// `folio entities` rewrites the file with the current candidates, keeping every decision.
public enum EntityReview {
    /// The file name inside `Content/data`.
    public static let fileName = "entity-review.yml"

    /// One entry of the review file.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var slug: String
        /// `true` accept, `false` reject, `nil` undecided.
        public var decision: Bool?
        public var type: OrganisationType
        public var rule: String
        public var confidence: Double
        /// Mentions over all articles.
        public var mentions: Int
        /// Article paths, in order.
        public var articles: [String]
        /// Up to three mentions in context: `path:line: … text …`.
        public var contexts: [String]
        /// Other spellings (full legal name, abbreviation).
        public var variants: [String]
        /// `.company` for an organisation (the `organisations` list), `.technology` for a
        /// technology (the `technologies` list).
        public var kind: EntityKind = .company

        public init(
            name: String, slug: String, decision: Bool?, type: OrganisationType, rule: String, confidence: Double,
            mentions: Int, articles: [String], contexts: [String], variants: [String]
        ) {
            self.name = name
            self.slug = slug
            self.decision = decision
            self.type = type
            self.rule = rule
            self.confidence = confidence
            self.mentions = mentions
            self.articles = articles
            self.contexts = contexts
            self.variants = variants
        }
    }

    /// Reads the file's entries.
    /// - Throws: ``EntitiesError`` naming the line of a malformed entry.
    /// - Parameter kind: `.company` reads the `organisations` list, `.technology` the
    ///   `technologies` list (absent: none).
    public static func entries(_ node: Node, file: String, kind: EntityKind = .company) throws -> [Entry] {
        if kind == .technology {
            guard let mapping = node.mapping else { return [] }
            guard let list = mapping["technologies"] else { return [] }
            if list.null != nil { return [] }
            guard let items = list.sequence else {
                throw EntitiesError.malformed(file: file, line: list.mark?.line ?? 1, message: "expected a `technologies` list")
            }
            return try entries(Array(items), file: file).map { var e = $0; e.kind = .technology; return e }
        }
        guard let list = node.mapping?["organisations"]?.sequence ?? node.sequence else {
            throw EntitiesError.malformed(file: file, line: 1, message: "expected an `organisations` list")
        }
        return try entries(Array(list), file: file)
    }

    /// The entries of one list of the file.
    private static func entries(_ list: [Node], file: String) throws -> [Entry] {
        return try list.map { item in
            let line = item.mark?.line ?? 1
            guard let map = item.mapping, let name = map["name"]?.string, !name.isEmpty else {
                throw EntitiesError.malformed(file: file, line: line, message: "every review entry needs a `name`")
            }
            var decision: Bool?
            switch map["decision"]?.string {
            case nil, "~", "", "null": decision = nil
            case "accept": decision = true
            case "reject": decision = false
            case let other?:
                throw EntitiesError.malformed(file: file, line: line, message: "`decision` is `accept`, `reject` or `~`, not `\(other)`")
            }
            var type = OrganisationType.company
            if let text = map["type"]?.string {
                guard let t = OrganisationType(rawValue: text) else {
                    let known = OrganisationType.allCases.map(\.rawValue).joined(separator: ", ")
                    throw EntitiesError.malformed(file: file, line: line, message: "unknown organisation type `\(text)` (one of: \(known))")
                }
                type = t
            }
            func strings(_ key: String) -> [String] { map[key]?.sequence?.compactMap(\.string) ?? [] }
            return Entry(
                name: name, slug: map["slug"]?.string ?? Slug.make(name), decision: decision, type: type,
                rule: map["rule"]?.string ?? "", confidence: map["confidence"]?.float ?? 0, mentions: map["mentions"]?.int ?? 0,
                articles: strings("articles"), contexts: strings("contexts"), variants: strings("variants")
            )
        }
    }

    /// The decided entries by slug.
    /// - Parameter kind: `.company` or `.technology` (see ``entries(_:file:kind:)``).
    public static func decisions(_ node: Node, file: String, kind: EntityKind = .company) throws -> [String: ReviewDecision] {
        var out: [String: ReviewDecision] = [:]
        for entry in try entries(node, file: file, kind: kind) {
            if let accepted = entry.decision { out[entry.slug] = ReviewDecision(accepted: accepted, type: entry.type, name: entry.name, variants: entry.variants) }
        }
        return out
    }

    /// The YAML text of the file: decided entries first (by name), then candidates by mentions.
    public static func yaml(_ entries: [Entry]) -> String {
        var out = """
            # Organisation names found in the articles but not indexed, for review. Set `decision` to
            # `accept` (index the name wherever the articles name it, as `type`) or `reject` (never
            # index it), then run `folio import`. `folio entities` rewrites this file with the current
            # candidates and keeps every decision. Undecided entries (`~`) change nothing.

            organisations:

            """
        out += section(entries.filter { $0.kind != .technology }, technologies: false)
        let technologies = entries.filter { $0.kind == .technology }
        if !technologies.isEmpty {
            out += "\ntechnologies:\n\n" + section(technologies, technologies: true)
        }
        return out
    }

    /// One list of the file: decided entries first (by name), then candidates by mentions.
    /// Technologies have no organisation `type`.
    private static func section(_ entries: [Entry], technologies: Bool) -> String {
        var out = ""
        let decided = entries.filter { $0.decision != nil }.sorted { $0.name < $1.name }
        let open = entries.filter { $0.decision == nil }.sorted { ($1.mentions, $0.name) < ($0.mentions, $1.name) }
        for e in decided + open {
            out += "- name: \(FoundOrganisations.quote(e.name))\n"
            out += "  slug: \(e.slug)\n"
            out += "  decision: \(e.decision.map { $0 ? "accept" : "reject" } ?? "~")\n"
            if !technologies { out += "  type: \(e.type.rawValue)\n" }
            out += "  rule: \(FoundOrganisations.quote(e.rule))\n"
            out += "  confidence: \(FoundOrganisations.format(e.confidence))\n"
            out += "  mentions: \(e.mentions)\n"
            if !e.variants.isEmpty { out += "  variants: [\(e.variants.map(FoundOrganisations.quote).joined(separator: ", "))]\n" }
            if !e.articles.isEmpty { out += "  articles: [\(e.articles.map(FoundOrganisations.quote).joined(separator: ", "))]\n" }
            if !e.contexts.isEmpty {
                out += "  contexts:\n"
                for c in e.contexts { out += "    - \(FoundOrganisations.quote(c))\n" }
            }
        }
        return out
    }
}
