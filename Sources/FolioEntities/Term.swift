import FolioCore

/// The four kinds of index term, each with its own gazetteer file and index section.
public enum EntityKind: String, Sendable, CaseIterable, Codable, Comparable {
    case company
    case place
    case sdg
    case technology

    /// The URL folder of the kind's index pages (`companies`, `cities`, `sdgs`, `technologies`),
    /// which is also its front matter key and gazetteer file name.
    public var section: String {
        switch self {
        case .company: "companies"
        case .place: "cities"
        case .sdg: "sdgs"
        case .technology: "technologies"
        }
    }

    /// A heading for the kind: `Companies`, `Places`, `Sustainable Development Goals`, `Technologies`.
    public var title: String {
        switch self {
        case .company: "Companies"
        case .place: "Places"
        case .sdg: "Sustainable Development Goals"
        case .technology: "Technologies"
        }
    }

    public static func < (a: EntityKind, b: EntityKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Identifies one index term: its kind and URL slug (`company/siemens`, `sdg/7`).
public struct TermID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var kind: EntityKind
    /// URL slug: `siemens`, `chongqing`, `7`, `digital-twins`.
    public var slug: String

    public init(kind: EntityKind, slug: String) {
        self.kind = kind
        self.slug = slug
    }

    /// The index page path relative to the site root, with a trailing slash: `companies/siemens/`.
    public var path: String { "\(kind.section)/\(slug)/" }

    public var description: String { "\(kind.rawValue)/\(slug)" }

    public static func < (a: TermID, b: TermID) -> Bool {
        if a.kind != b.kind { return a.kind < b.kind }
        if let x = Int(a.slug), let y = Int(b.slug) { return x < y }
        return a.slug < b.slug
    }
}

/// A point on the globe, in decimal degrees (WGS84), with where it came from.
public struct Coordinates: Sendable, Equatable {
    public var latitude: Double
    public var longitude: Double
    /// The gazetteer the coordinates were taken from, e.g. `GeoNames`.
    public var source: String
    /// The GeoNames feature id, when the source is GeoNames.
    public var geonamesID: Int?
    /// How the point was chosen when it is not the place's own, e.g. `capital, Chengdu` or
    /// `centre of 3 member places`; nil for a place's own coordinates.
    public var basis: String?

    public init(latitude: Double, longitude: Double, source: String, geonamesID: Int? = nil, basis: String? = nil) {
        self.latitude = latitude
        self.longitude = longitude
        self.source = source
        self.geonamesID = geonamesID
        self.basis = basis
    }
}

/// What the gazetteer says about one UN Sustainable Development Goal.
public struct GoalInfo: Sendable, Equatable {
    /// 1…17.
    public var number: Int
    /// Official short title, e.g. `Affordable and Clean Energy`.
    public var shortTitle: String
    /// Official full title, e.g. `Ensure access to affordable, reliable, sustainable and modern energy for all`.
    public var title: String
    /// Official colour as `#RRGGBB`.
    public var colour: String
    /// Evidence phrases drawn from the goal's targets.
    public var phrases: [String]
    /// Groups of the technology vocabulary whose technologies serve the goal's targets
    /// (`Renewable energy` for goal 7): each mention of one of their technologies is evidence,
    /// counted under the technology's name like a phrase.
    public var technologyGroups: [String]

    public init(number: Int, shortTitle: String, title: String, colour: String, phrases: [String], technologyGroups: [String] = []) {
        self.number = number
        self.shortTitle = shortTitle
        self.title = title
        self.colour = colour
        self.phrases = phrases
        self.technologyGroups = technologyGroups
    }
}

/// A matching rule attached to one alias: when a match of that alias counts.
public struct AliasRule: Sendable, Equatable {
    /// The match counts only when the preceding word ends with one of these (`Source:`, `;`).
    public var precededBy: [String] = []
    /// The match does not count when the next word is one of these (lower-case).
    public var notFollowedBy: [String] = []
    /// The match counts only when the article also names the term by another alias, or
    /// contains one of these strings (any case).
    public var requires: [String] = []

    public init(precededBy: [String] = [], notFollowedBy: [String] = [], requires: [String] = []) {
        self.precededBy = precededBy
        self.notFollowedBy = notFollowedBy
        self.requires = requires
    }

    /// `true` when the rule restricts nothing.
    public var isEmpty: Bool { precededBy.isEmpty && notFollowedBy.isEmpty && requires.isEmpty }
}

/// One way of writing a term in running text.
public struct Alias: Sendable, Equatable {
    public var text: String
    /// Match only with exactly this case (acronyms such as `AI`, `HP`, `bp`).
    public var caseSensitive: Bool
    public var rule: AliasRule

    public init(text: String, caseSensitive: Bool, rule: AliasRule = AliasRule()) {
        self.text = text
        self.caseSensitive = caseSensitive
        self.rule = rule
    }

    /// The default case rule: aliases of four characters or fewer, and aliases without
    /// lower-case letters, match only exactly; longer mixed-case aliases match in any case.
    public static func defaultCaseSensitivity(_ text: String) -> Bool {
        text.count <= 4 || !text.contains(where: { $0.isLowercase })
    }
}

/// One index term: a company, place, goal or technology, as the gazetteer describes it.
public struct Term: Sendable, Equatable, Identifiable {
    public var id: TermID
    /// Canonical name, as written into front matter.
    public var name: String
    /// Other names the term is matched by (the canonical name is matched too).
    public var aliases: [Alias]
    /// Names the organisation used earlier (also matched).
    public var formerNames: [String]
    /// `company`, `government body`, `city`, `province`…; the technology category for technologies.
    public var type: String?
    /// Canonical name of the parent organisation or place, or the broader technology.
    public var parent: String?
    public var country: String?
    /// The broad field of a technology (`Energy`, `Digital`, `Health`…), from its gazetteer group.
    public var domain: String?
    /// For an economic zone or union: canonical names of the places it covers.
    public var members: [String]
    /// Inhabitants, for places GeoNames counts.
    public var population: Int?
    /// For an organisation no gazetteer lists: the rule that found it and its confidence.
    public var foundBy: String?
    /// For a technology, the spellings each of its aliases and former names has by rule (see
    /// `TermVariants`), in their order; worked out once when the gazetteers are loaded (and kept
    /// in the build cache with them), nil when not worked out.
    public var ruleVariants: [[Alias]]?
    /// Canonical names of related entries.
    public var related: [String]
    /// Document slugs in which this organisation wrote a paper.
    public var authorOf: [String]
    public var coordinates: Coordinates?
    /// Set for goals only.
    public var goal: GoalInfo?

    public init(
        id: TermID, name: String, aliases: [Alias] = [], formerNames: [String] = [], type: String? = nil,
        parent: String? = nil, country: String? = nil, related: [String] = [], authorOf: [String] = [],
        coordinates: Coordinates? = nil, goal: GoalInfo? = nil, domain: String? = nil,
        members: [String] = [], population: Int? = nil, foundBy: String? = nil
    ) {
        self.foundBy = foundBy
        self.domain = domain
        self.members = members
        self.population = population
        self.id = id
        self.name = name
        self.aliases = aliases
        self.formerNames = formerNames
        self.type = type
        self.parent = parent
        self.country = country
        self.related = related
        self.authorOf = authorOf
        self.coordinates = coordinates
        self.goal = goal
    }

    /// Every spelling the tagger matches as written: the aliases (the name among them), then the
    /// former names.
    public var matchedAliases: [Alias] {
        aliases + formerNames.map { Alias(text: $0, caseSensitive: Alias.defaultCaseSensitivity($0)) }
    }

    /// Aliases for display: every alias text except the canonical name, in gazetteer order.
    public var displayAliases: [String] {
        var seen: Set<String> = [name]
        return (aliases.map(\.text) + formerNames).filter { seen.insert($0).inserted }
    }
}
