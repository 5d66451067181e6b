import FolioCore
import Foundation
import Yams

/// Errors loading the gazetteers in `Content/data/`.
public enum EntitiesError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A gazetteer file is missing or unreadable.
    case unreadable(file: String, message: String)
    /// A gazetteer entry is malformed, with the file line of the problem.
    case malformed(file: String, line: Int, message: String)

    /// The same problem as a diagnostic (`EN001`).
    public var diagnostic: Diagnostic {
        switch self {
        case let .unreadable(file, message):
            Diagnostic(code: "EN001", severity: .error, message: message, location: SourceLocation(file: file, line: 1))
        case let .malformed(file, line, message):
            Diagnostic(code: "EN001", severity: .error, message: message, location: SourceLocation(file: file, line: line), hint: "see the `data/` section of the README for the gazetteer format")
        }
    }

    public var description: String { DiagnosticFormatter.text([diagnostic]) }
}

/// The four hand-reviewed gazetteers (`companies.yml`, `cities.yml`, `sdgs.yml`,
/// `technologies.yml`) as one list of terms.
public struct Gazetteers: Sendable, Equatable {
    /// Every term, companies first, then places, goals and technologies, each in file order.
    public var terms: [Term] { didSet { sourceDigest = nil } }
    /// Minimum body occurrences of a goal's evidence phrases to tag an article with the goal.
    public var sdgMinimumOccurrences: Int { didSet { sourceDigest = nil } }
    /// Minimum number of different evidence phrases among those occurrences.
    public var sdgMinimumDistinctPhrases: Int { didSet { sourceDigest = nil } }
    /// The same two minimums when the evidence includes technologies of the goal's groups
    /// (`threshold.with_technologies`): a single paragraph that names three digital
    /// technologies does not make an article about industry and innovation.
    public var sdgMinimumOccurrencesWithTechnologies: Int = 6 { didSet { sourceDigest = nil } }
    public var sdgMinimumDistinctWithTechnologies: Int = 3 { didSet { sourceDigest = nil } }
    /// …found in at least this many different paragraphs.
    public var sdgMinimumParagraphsWithTechnologies: Int = 1 { didSet { sourceDigest = nil } }

    /// Reviewed decisions on found organisation names, by slug (from `entity-review.yml`).
    public var review: [String: ReviewDecision] = [:] { didSet { sourceDigest = nil } }
    /// Reviewed decisions on found technologies, by slug (the `technologies` list of `entity-review.yml`).
    public var technologyReview: [String: ReviewDecision] = [:] { didSet { sourceDigest = nil } }

    /// A digest of the files ``load(from:displayDirectory:includeFound:)`` read, so results made
    /// from these gazetteers can be cached under it; nil for gazetteers made in code or changed
    /// after loading.
    public internal(set) var sourceDigest: Data?

    /// Term positions by id and by kind and name, built once; company positions by normalised
    /// alias, built when a name is first resolved (a build that only renders never does).
    private let byID: [TermID: Int]
    private let companiesByAlias: OnDemand<[String: Int]>
    /// Company positions by alias without spaces and hyphens (``compact(_:)``), built on first use.
    private let companiesByCompactAlias: OnDemand<[String: Int]>
    private let byName: [String: Int]
    private var companyByAlias: [String: Int] { companiesByAlias.value }

    public init(terms: [Term], sdgMinimumOccurrences: Int = 3, sdgMinimumDistinctPhrases: Int = 2) {
        self.terms = terms
        self.sdgMinimumOccurrences = sdgMinimumOccurrences
        self.sdgMinimumDistinctPhrases = sdgMinimumDistinctPhrases
        byID = Dictionary(terms.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        byName = Dictionary(terms.enumerated().map { ("\($1.id.kind.rawValue)/\($1.name)", $0) }, uniquingKeysWith: { a, _ in a })
        companiesByAlias = OnDemand { Self.companyIndex(terms) { key in let normal = Self.normalized(key); return normal.isEmpty ? nil : normal } }
        companiesByCompactAlias = OnDemand {
            Self.companyIndex(terms) { key in let compact = Self.compact(key); return compact.count >= Self.compactMinimum ? compact : nil }
        }
    }

    /// The position of each company term by `key` of its name, aliases and former names (the
    /// first company wins a shared key; a nil key is left out).
    private static func companyIndex(_ terms: [Term], key: (String) -> String?) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, term) in terms.enumerated() where term.id.kind == .company {
            for alias in [term.name] + term.aliases.map(\.text) + term.formerNames {
                if let key = key(alias), index[key] == nil { index[key] = position }
            }
        }
        return index
    }

    public static func == (a: Gazetteers, b: Gazetteers) -> Bool {
        a.terms == b.terms && a.review == b.review && a.technologyReview == b.technologyReview && a.sdgMinimumOccurrences == b.sdgMinimumOccurrences && a.sdgMinimumDistinctPhrases == b.sdgMinimumDistinctPhrases
            && a.sdgMinimumOccurrencesWithTechnologies == b.sdgMinimumOccurrencesWithTechnologies && a.sdgMinimumDistinctWithTechnologies == b.sdgMinimumDistinctWithTechnologies
            && a.sdgMinimumParagraphsWithTechnologies == b.sdgMinimumParagraphsWithTechnologies
    }

    /// No terms at all: a tagger built from it finds nothing.
    public static let empty = Gazetteers(terms: [])

    /// The terms of one kind, in gazetteer order.
    public func terms(of kind: EntityKind) -> [Term] { terms.filter { $0.id.kind == kind } }

    /// The term with this id.
    public func term(_ id: TermID) -> Term? { byID[id].map { terms[$0] } }

    /// The term of `kind` whose canonical name is `name`.
    public func term(kind: EntityKind, named name: String) -> Term? {
        byName["\(kind.rawValue)/\(name)"].map { terms[$0] }
    }

    /// The goal with this number.
    public func goal(_ number: Int) -> Term? { term(TermID(kind: .sdg, slug: String(number))) }

    /// Resolves a company name as a byline or table of contents writes it (`SCHNEIDER-ELECTRIC`,
    /// `HITACHIABB`, `Sumitomo Mitsui Financial Group (SMFG)`) to its canonical name.
    /// - Returns: the canonical name, or `nil` when no company alias matches.
    public func canonicalCompanyName(for text: String) -> String? {
        let wanted = Self.normalized(text)
        if let exact = companyByAlias[wanted] { return terms[exact].name }
        // The longest alias that starts the text: "Ford China Ltd." → Ford China.
        var words = wanted.split(separator: " ")
        while words.count > 1 {
            words.removeLast()
            if let index = companyByAlias[words.joined(separator: " ")] { return terms[index].name }
        }
        return nil
    }

    /// The gazetteers with one company term per found organisation that no company entry
    /// already has (by slug or alias), in the order given; the first finding of a slug wins.
    public func adding(organisations found: [FoundOrganisation]) -> Gazetteers {
        var extra: [Term] = []
        var slugs = Set(terms.filter { $0.id.kind == .company }.map(\.id.slug))
        for organisation in found where companyTermIndex(exactly: organisation.name) == nil {
            guard slugs.insert(organisation.slug).inserted else { continue }
            extra.append(Term(
                id: TermID(kind: .company, slug: organisation.slug), name: organisation.name,
                aliases: ([organisation.name] + organisation.variants).map { Alias(text: $0, caseSensitive: true) },
                type: organisation.type.rawValue,
                foundBy: "\(organisation.rule.rawValue), confidence \(String(format: "%.2f", organisation.confidence))"
            ))
        }
        guard !extra.isEmpty else { return self }
        var all = terms
        let insertAt = all.lastIndex { $0.id.kind == .company }.map { $0 + 1 } ?? 0
        all.insert(contentsOf: extra, at: insertAt)
        var out = Gazetteers(terms: all, sdgMinimumOccurrences: sdgMinimumOccurrences, sdgMinimumDistinctPhrases: sdgMinimumDistinctPhrases)
        out.review = review
        return out
    }

    /// The gazetteers with one technology term per found technology that no technology term
    /// already has (by slug or name), filed under its group; the first finding of a slug wins.
    public func adding(technologies found: [FoundTechnology]) -> Gazetteers {
        var extra: [Term] = []
        var slugs = Set(terms.filter { $0.id.kind == .technology }.map(\.id.slug))
        for technology in found where term(kind: .technology, named: technology.name) == nil {
            guard slugs.insert(technology.slug).inserted else { continue }
            extra.append(Self.technologyTerm(technology))
        }
        guard !extra.isEmpty else { return self }
        var all = terms
        let insertAt = all.lastIndex { $0.id.kind == .technology }.map { $0 + 1 } ?? all.lastIndex { $0.id.kind <= .technology }.map { $0 + 1 } ?? 0
        all.insert(contentsOf: extra, at: insertAt)
        var out = Gazetteers(terms: all, sdgMinimumOccurrences: sdgMinimumOccurrences, sdgMinimumDistinctPhrases: sdgMinimumDistinctPhrases)
        out.sdgMinimumOccurrencesWithTechnologies = sdgMinimumOccurrencesWithTechnologies
        out.sdgMinimumDistinctWithTechnologies = sdgMinimumDistinctWithTechnologies
        out.sdgMinimumParagraphsWithTechnologies = sdgMinimumParagraphsWithTechnologies
        out.review = review
        out.technologyReview = technologyReview
        return out
    }

    /// The technology term of a found technology: its name, plural and abbreviation matched
    /// (the abbreviation in exact case), filed under its group and domain.
    static func technologyTerm(_ technology: FoundTechnology) -> Term {
        Term(
            id: TermID(kind: .technology, slug: technology.slug), name: technology.name,
            aliases: ([technology.name] + technology.variants).map { Alias(text: $0, caseSensitive: Alias.defaultCaseSensitivity($0)) },
            type: technology.group, domain: technology.domain,
            foundBy: "\(technology.rule.rawValue), confidence \(FoundOrganisations.format(technology.confidence))"
        )
    }

    /// The position in ``terms`` of the company whose name, alias or former name is exactly
    /// `text` (any case, spaces collapsed).
    func companyTermIndex(exactly text: String) -> Int? { companyByAlias[Self.normalized(text)] }

    /// The company whose name or alias is `text` written with other spaces or hyphens
    /// (`Shanghai Jiaotong University` for `Shanghai Jiao Tong University`); names of six
    /// letters or more only, so a short code never stands for a longer name.
    func companyTermIndex(ignoringSpacing text: String) -> Int? {
        let key = Self.compact(text)
        return key.count >= Self.compactMinimum ? companiesByCompactAlias.value[key] : nil
    }

    /// Fewest letters of a name matched by ``companyTermIndex(ignoringSpacing:)``.
    static let compactMinimum = 6

    /// `text` in lower case without spaces, line breaks and hyphens: the names of one body that
    /// spellings split or join differently (`Jiao Tong`, `Jiaotong`; `Sino-Pec`, `Sinopec`) share it.
    static func compact(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "\n" && $0 != "\t" }))
    }

    /// `text` in lower case, with straight apostrophes and single spaces between its words: a
    /// key for every company alias when the gazetteers load, so one pass over the characters.
    static func normalized(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var space = false
        for character in text.lowercased() {
            if character == " " || character == "\n" || character == "\t" {
                space = !out.isEmpty
                continue
            }
            if space {
                out.append(" ")
                space = false
            }
            out.append(character == "’" ? "'" : character)
        }
        return out
    }
}

extension Gazetteers {
    /// ``load(from:displayDirectory:includeFound:)`` through the build cache: gazetteers loaded by
    /// an earlier build from files with exactly the same bytes come back without reading YAML.
    public static func load(from directory: URL, displayDirectory: String = "Content/data", includeFound: Bool = true, cache: BuildCache?) throws -> Gazetteers {
        guard let cache else { return try load(from: directory, displayDirectory: displayDirectory, includeFound: includeFound) }
        return try loadCached(from: directory, displayDirectory: displayDirectory, includeFound: includeFound, cache: cache)
    }

    /// Loads the four gazetteer files from `directory` (usually `Content/data`).
    /// - Parameter displayDirectory: the directory as shown in error messages.
    /// - Throws: ``EntitiesError`` naming the file and line of the problem.
    /// - Parameter includeFound: also read `organisations-found.yml` (what import found); the
    ///   importer itself leaves it out, since the file is its output.
    public static func load(from directory: URL, displayDirectory: String = "Content/data", includeFound: Bool = true) throws -> Gazetteers {
        var terms: [Term] = []
        var used: Set<TermID> = []
        var digest = CacheKeyBuilder(cacheNamespace)
        // Parsing the YAML is most of a load: the files are composed side by side first, then
        // read in their fixed order (which the digest and the slug checks depend on).
        var names = [EntityKind.company, .place, .technology].map { "\($0.section).yml" } + [wellKnownOrganisationsFile, EntityReview.fileName]
        if includeFound { names += [FoundOrganisations.fileName, FoundTechnologies.fileName] }
        names.append("sdgs.yml")
        let files = ComposedFiles(directory: directory, displayDirectory: displayDirectory, names: names)
        func add(_ term: Term, file: String, line: Int) throws {
            guard used.insert(term.id).inserted else {
                throw EntitiesError.malformed(file: file, line: line, message: "two entries share the slug `\(term.id.slug)`")
            }
            terms.append(term)
        }
        // The three lists' entries become terms side by side; they are added in file order.
        let kinds = [EntityKind.company, .place, .technology]
        let lists = try kinds.map { ComposedFiles.Tree(node: try files.node("\($0.section).yml", digest: &digest)) }
        let converted = try ConcurrentMap.tryMap(Array(zip(kinds, lists))) { kind, list in
            let file = "\(displayDirectory)/\(kind.section).yml"
            return try entries(of: list.node, file: file).map { entry, group -> ListedTerm in
                var term = try term(from: entry, kind: kind, file: file)
                if let group {
                    term.type = group.name
                    term.domain = group.domain
                }
                return ListedTerm(term: term, file: file, line: line(entry))
            }
        }
        for listed in converted.joined() { try add(listed.term, file: listed.file, line: listed.line) }
        if let node = try files.optionalNode(wellKnownOrganisationsFile, digest: &digest) {
            try addWellKnownOrganisations(node, file: "\(displayDirectory)/\(wellKnownOrganisationsFile)", to: &terms, used: &used)
        }
        let reviewNode = try files.optionalNode(EntityReview.fileName, digest: &digest)
        let review = try reviewNode.map { try EntityReview.decisions($0, file: "\(displayDirectory)/\(EntityReview.fileName)") } ?? [:]
        let technologyReview = try reviewNode.map { try EntityReview.decisions($0, file: "\(displayDirectory)/\(EntityReview.fileName)", kind: .technology) } ?? [:]
        // Accepted names are companies like any other: matched in every article.
        for (slug, decision) in review.sorted(by: { $0.key < $1.key }) where decision.accepted && !decision.name.isEmpty {
            let id = TermID(kind: .company, slug: slug)
            guard !used.contains(id) else { continue }
            used.insert(id)
            terms.append(Term(
                id: id, name: decision.name, aliases: ([decision.name] + decision.variants).map { Alias(text: $0, caseSensitive: true) },
                type: decision.type?.rawValue, foundBy: "accepted in review"
            ))
        }
        if includeFound, let node = try files.optionalNode(FoundOrganisations.fileName, digest: &digest) {
            let file = "\(displayDirectory)/\(FoundOrganisations.fileName)"
            for entry in node.sequence ?? [] {
                var term = try term(from: entry, kind: .company, file: file)
                // A name a gazetteer gained since, or one the review rejected, stays out.
                guard !used.contains(term.id), review[term.id.slug]?.accepted != false else { continue }
                term.foundBy = fields(entry)["found_by"]?.string
                term.aliases = term.aliases.map { Alias(text: $0.text, caseSensitive: true) }
                try add(term, file: file, line: line(entry))
            }
        }
        // Technologies accepted in review: a term each, under the vocabulary group its words
        // share with the vocabulary (see ``TechnologyGroupVotes``), else `Other`.
        let acceptedTechnologies = technologyReview.sorted(by: { $0.key < $1.key }).filter { $0.value.accepted && !$0.value.name.isEmpty }
        let votes = acceptedTechnologies.isEmpty ? nil : TechnologyGroupVotes(terms: terms)
        for (slug, decision) in acceptedTechnologies {
            let id = TermID(kind: .technology, slug: slug)
            guard !used.contains(id) else { continue }
            used.insert(id)
            let voted = votes?.group(of: decision.name)
            terms.append(Term(
                id: id, name: decision.name, aliases: ([decision.name] + decision.variants).map { Alias(text: $0, caseSensitive: Alias.defaultCaseSensitivity($0)) },
                type: voted?.group ?? TechnologyFinder.otherGroup, domain: voted?.domain ?? "Manufacturing", foundBy: "accepted in review"
            ))
        }
        if includeFound, let node = try files.optionalNode(FoundTechnologies.fileName, digest: &digest) {
            let file = "\(displayDirectory)/\(FoundTechnologies.fileName)"
            for entry in node.sequence ?? [] {
                var term = try term(from: entry, kind: .technology, file: file)
                guard !used.contains(term.id), technologyReview[term.id.slug]?.accepted != false else { continue }
                let f = fields(entry)
                term.foundBy = f["found_by"]?.string
                term.domain = f["domain"]?.string ?? "Manufacturing"
                term.type = term.type ?? TechnologyFinder.otherGroup
                try add(term, file: file, line: line(entry))
            }
        }
        let file = "\(displayDirectory)/sdgs.yml"
        let node = try files.node("sdgs.yml", digest: &digest)
        let root = fields(node)
        guard let goals = root["goals"]?.sequence else {
            throw EntitiesError.malformed(file: file, line: 1, message: "expected a `goals` list")
        }
        for entry in goals {
            try add(try goal(from: entry, file: file), file: file, line: line(entry))
        }
        let threshold = root["threshold"].map(fields)
        // Goals go after places so terms stay grouped by kind in `EntityKind` order.
        terms.sort { $0.id.kind < $1.id.kind }
        // A technology's spellings by rule, once here rather than in every tagger.
        let technologies = terms.indices.filter { terms[$0].id.kind == .technology }
        let aliases = technologies.map { terms[$0].matchedAliases }
        for (index, variants) in zip(technologies, ConcurrentMap.map(aliases) { $0.map(TermVariants.of) }) {
            terms[index].ruleVariants = variants
        }
        var gazetteers = Gazetteers(
            terms: terms,
            sdgMinimumOccurrences: threshold?["occurrences"]?.int ?? 3,
            sdgMinimumDistinctPhrases: threshold?["distinct"]?.int ?? 2
        )
        if let withTechnologies = threshold?["with_technologies"].map(fields) {
            gazetteers.sdgMinimumOccurrencesWithTechnologies = withTechnologies["occurrences"]?.int ?? gazetteers.sdgMinimumOccurrencesWithTechnologies
            gazetteers.sdgMinimumDistinctWithTechnologies = withTechnologies["distinct"]?.int ?? gazetteers.sdgMinimumDistinctWithTechnologies
            gazetteers.sdgMinimumParagraphsWithTechnologies = withTechnologies["paragraphs"]?.int ?? gazetteers.sdgMinimumParagraphsWithTechnologies
        }
        gazetteers.review = review
        gazetteers.technologyReview = technologyReview
        gazetteers.sourceDigest = digest.key().bytes
        return gazetteers
    }

    /// The file of well-known organisations of the field, which `folio init` writes into every
    /// new project: read after `companies.yml`, whose entries win.
    public static let wellKnownOrganisationsFile = "organisations.yml"

    /// What the index pages say found an entry of ``wellKnownOrganisationsFile``.
    public static let wellKnownOrganisationsSource = "the list of well-known organisations"

    /// Adds the entries of ``wellKnownOrganisationsFile`` (its tree, `node`; `file` as shown in messages) as company
    /// terms matched only in their exact case. An entry that shares a slug, a name or an alias
    /// with a company already listed is left out, so the project's own list decides. A longer
    /// name found around one of these names in the text is the entity instead (see
    /// ``EntityTagger/wellKnownCompanies``).
    static func addWellKnownOrganisations(_ node: Node, file: String, to terms: inout [Term], used: inout Set<TermID>) throws {
        var listed = Set(terms.lazy.filter { $0.id.kind == .company }.flatMap { [$0.name] + $0.aliases.map(\.text) }.map { $0.lowercased() })
        for entry in node.sequence ?? [] {
            var term = try term(from: entry, kind: .company, file: file)
            let names = [term.name] + term.aliases.map(\.text)
            guard !used.contains(term.id), !names.contains(where: { listed.contains($0.lowercased()) }) else { continue }
            term.aliases = term.aliases.map { Alias(text: $0.text, caseSensitive: true, rule: $0.rule) }
            term.foundBy = wellKnownOrganisationsSource
            used.insert(term.id)
            terms.append(term)
            listed.formUnion(names.map { $0.lowercased() })
        }
    }

    /// A term of a gazetteer file and where the file lists it.
    struct ListedTerm: Sendable {
        var term: Term
        var file: String
        var line: Int
    }

    /// Gazetteer files read and composed side by side (the YAML parse is most of a load), then
    /// handed out one by one in the load's own order, each adding its name and bytes to the digest.
    struct ComposedFiles {
        /// A file's bytes and tree, or why it could not be read; nil when the file is absent.
        private var composed: [String: Result<Composed, any Error>?] = [:]
        private let displayDirectory: String

        /// One composed file. Proof of Sendable: the tree is built on one thread and only read afterwards.
        struct Composed: @unchecked Sendable {
            var data: Data
            var node: Node
        }

        /// A composed file's tree, handed to another thread to be read. Proof of Sendable: as ``Composed``.
        struct Tree: @unchecked Sendable {
            var node: Node
        }

        init(directory: URL, displayDirectory: String, names: [String]) {
            self.displayDirectory = displayDirectory
            let results = ConcurrentMap.map(names) { name -> Result<Composed, any Error>? in
                let url = directory.appendingPathComponent(name)
                guard FileManager.default.fileExists(atPath: url.path) else { return nil }
                return Result { try Gazetteers.read(url, file: "\(displayDirectory)/\(name)") }
            }
            for (name, result) in zip(names, results) { composed[name] = .some(result) }
        }

        /// The tree of `name`, which must exist.
        func node(_ name: String, digest: inout CacheKeyBuilder) throws -> Node {
            guard let node = try optionalNode(name, digest: &digest) else {
                throw EntitiesError.unreadable(file: "\(displayDirectory)/\(name)", message: "cannot read the gazetteer")
            }
            return node
        }

        /// The tree of `name`, or nil when the project has no such file.
        func optionalNode(_ name: String, digest: inout CacheKeyBuilder) throws -> Node? {
            guard let result = composed[name] ?? nil else { return nil }
            let file = try result.get()
            digest.add("\(displayDirectory)/\(name)")
            digest.add(file.data)
            return file.node
        }
    }

    /// Reads and composes one gazetteer file.
    static func compose(_ url: URL, file: String) throws -> Node {
        try read(url, file: file).node
    }

    /// Reads and composes one gazetteer file, keeping its bytes for the digest.
    static func read(_ url: URL, file: String) throws -> ComposedFiles.Composed {
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw EntitiesError.unreadable(file: file, message: "cannot read the gazetteer")
        }
        if let line = YAMLAliasKeys.firstLine(in: text) {
            throw EntitiesError.malformed(file: file, line: line, message: YAMLAliasKeys.message)
        }
        do {
            // Every value is read through `string`, `int` or `float`, which parse the scalar's
            // text; the basic resolver skips the default one's regular expressions per scalar.
            guard let node = try Yams.compose(yaml: YAMLText.prepared(text), .basic) else {
                throw EntitiesError.malformed(file: file, line: 1, message: "the gazetteer is empty")
            }
            return ComposedFiles.Composed(data: data, node: node)
        } catch let error as YamlError {
            throw EntitiesError.malformed(file: file, line: YAMLErrors.line(of: error) ?? 1, message: "malformed YAML: \(YAMLErrors.describe(error))")
        }
    }

    private static func line(_ node: Node) -> Int { node.mark?.line ?? 1 }

    /// A named group of entries (`groups:` in a gazetteer file): its domain and why it exists.
    struct Group {
        var name: String
        var domain: String
    }

    /// The entries of a gazetteer file: a plain list, or a mapping whose `groups` each carry a
    /// `name`, a `domain`, a `source` or `reason`, and their `terms`.
    private static func entries(of node: Node, file: String) throws -> [(Node, Group?)] {
        if let list = node.sequence { return list.map { ($0, nil) } }
        guard let groups = fields(node)["groups"]?.sequence else {
            throw EntitiesError.malformed(file: file, line: 1, message: "expected a list of entries or a `groups` list")
        }
        var out: [(Node, Group?)] = []
        for groupNode in groups {
            let g = fields(groupNode)
            guard g.isMapping, let name = g["name"]?.string, !name.isEmpty, let domain = g["domain"]?.string, !domain.isEmpty else {
                throw EntitiesError.malformed(file: file, line: g.line, message: "every group needs a `name` and a `domain`")
            }
            guard (g["source"]?.string ?? g["reason"]?.string).map({ !$0.isEmpty }) == true else {
                throw EntitiesError.malformed(file: file, line: g.line, message: "group `\(name)` needs a `source` or a `reason`")
            }
            guard let terms = g["terms"]?.sequence, !terms.isEmpty else {
                throw EntitiesError.malformed(file: file, line: g.line, message: "group `\(name)` needs a non-empty `terms` list")
            }
            out += terms.map { ($0, Group(name: name, domain: domain)) }
        }
        return out
    }

    /// A mapping's values by key text, read once: `Node`'s own subscript compares keys as
    /// YAML nodes, resolving their tags on every lookup.
    private struct Fields {
        let node: Node
        private var values: [String: Node] = [:]

        init(_ node: Node) {
            self.node = node
            for (key, value) in node.mapping ?? [:] {
                if let name = key.string, values[name] == nil { values[name] = value }
            }
        }

        var isMapping: Bool { node.mapping != nil }
        var line: Int { node.mark?.line ?? 1 }
        subscript(_ key: String) -> Node? { values[key] }
    }

    private static func fields(_ node: Node) -> Fields { Fields(node) }

    private static func strings(_ node: Node?, file: String) throws -> [String] {
        guard let node else { return [] }
        if node.null != nil { return [] }
        if let s = node.string { return [s] }
        guard let seq = node.sequence else {
            throw EntitiesError.malformed(file: file, line: line(node), message: "expected a list of strings")
        }
        return try seq.map { item in
            guard let s = item.string else { throw EntitiesError.malformed(file: file, line: line(item), message: "expected a string") }
            return s
        }
    }

    private static func alias(from node: Node, file: String) throws -> Alias {
        if let text = node.string {
            return Alias(text: text, caseSensitive: Alias.defaultCaseSensitivity(text))
        }
        let node = fields(node)
        guard node.isMapping, let text = node["text"]?.string, !text.isEmpty else {
            throw EntitiesError.malformed(file: file, line: node.line, message: "an alias is a string or a mapping with `text`")
        }
        var sensitive = Alias.defaultCaseSensitivity(text)
        switch node["case"]?.string {
        case nil: break
        case "exact": sensitive = true
        case "any": sensitive = false
        case let other?:
            throw EntitiesError.malformed(file: file, line: node.line, message: "`case` is `exact` or `any`, not `\(other)`")
        }
        let rule = AliasRule(
            precededBy: try strings(node["preceded_by"], file: file),
            notFollowedBy: try strings(node["not_followed_by"], file: file).map { $0.lowercased() },
            requires: try strings(node["requires"], file: file)
        )
        return Alias(text: text, caseSensitive: sensitive, rule: rule)
    }

    private static func term(from node: Node, kind: EntityKind, file: String) throws -> Term {
        let node = fields(node)
        guard node.isMapping, let name = node["name"]?.string, !name.isEmpty else {
            throw EntitiesError.malformed(file: file, line: node.line, message: "every entry needs a `name`")
        }
        let slug = node["slug"]?.string ?? Slug.make(name)
        // Entry-wide matching: `case: exact` and `match: {preceded_by, not_followed_by, requires}`
        // apply to the name and to every alias written as a plain string.
        var entryCase: Bool?
        switch node["case"]?.string {
        case nil: break
        case "exact": entryCase = true
        case "any": entryCase = false
        case let other?:
            throw EntitiesError.malformed(file: file, line: node.line, message: "`case` is `exact` or `any`, not `\(other)`")
        }
        var entryRule = AliasRule()
        if let matchNode = node["match"] {
            let m = fields(matchNode)
            guard m.isMapping else {
                throw EntitiesError.malformed(file: file, line: m.line, message: "`match` is a mapping of `preceded_by`, `not_followed_by` and `requires`")
            }
            entryRule = AliasRule(
                precededBy: try strings(m["preceded_by"], file: file),
                notFollowedBy: try strings(m["not_followed_by"], file: file).map { $0.lowercased() },
                requires: try strings(m["requires"], file: file)
            )
        }
        func plain(_ text: String) -> Alias {
            Alias(text: text, caseSensitive: entryCase ?? Alias.defaultCaseSensitivity(text), rule: entryRule)
        }
        var aliases = [plain(name)]
        for item in node["aliases"]?.sequence ?? [] {
            if let text = item.string { aliases.append(plain(text)) } else { aliases.append(try alias(from: item, file: file)) }
        }
        var coordinates: Coordinates?
        if let coordinatesNode = node["coordinates"], coordinatesNode.mapping != nil {
            let c = fields(coordinatesNode)
            guard let lat = c["lat"]?.float, let lon = c["lon"]?.float, (-90...90).contains(lat), (-180...180).contains(lon) else {
                throw EntitiesError.malformed(file: file, line: c.line, message: "`coordinates` needs `lat` and `lon` in degrees")
            }
            coordinates = Coordinates(latitude: lat, longitude: lon, source: c["source"]?.string ?? "unknown", geonamesID: c["geonames_id"]?.int, basis: c["basis"]?.string)
        }
        return Term(
            id: TermID(kind: kind, slug: slug), name: name, aliases: aliases,
            formerNames: try strings(node["former_names"], file: file),
            type: kind == .technology ? node["category"]?.string : node["type"]?.string,
            parent: node["parent"]?.string, country: node["country"]?.string,
            related: try strings(node["related"], file: file),
            authorOf: try strings(node["author_of"], file: file),
            coordinates: coordinates,
            members: try strings(node["members"], file: file),
            population: node["population"]?.int
        )
    }

    private static func goal(from node: Node, file: String) throws -> Term {
        let node = fields(node)
        guard let number = node["number"]?.int, (1...17).contains(number),
              let short = node["short"]?.string, let title = node["title"]?.string, let colour = node["colour"]?.string
        else {
            throw EntitiesError.malformed(file: file, line: node.line, message: "every goal needs `number` (1–17), `short`, `title` and `colour`")
        }
        let phrases = try strings(node["phrases"], file: file)
        let groups = try strings(node["technologies"], file: file)
        let info = GoalInfo(number: number, shortTitle: short, title: title, colour: colour, phrases: phrases, technologyGroups: groups)
        return Term(id: TermID(kind: .sdg, slug: String(number)), name: "SDG \(number): \(short)", type: "goal", goal: info)
    }
}
