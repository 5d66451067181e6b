/// One mention of a term, with its keyword-in-context snippet and where it is.
///
/// The snippet is held as one string, the words before, the mention and the words after as a
/// reader sees them, with the mention's bounds: a build keeps every article's mentions until the
/// index pages are written, and one string costs a third of three.
public struct Mention: Sendable, Equatable {
    /// `before`, `text` and `after` in one string.
    public private(set) var inContext: String
    /// The UTF-8 bounds of `text` in `inContext`.
    private var textStart: Int32
    private var textEnd: Int32
    public var region: MentionRegion
    /// 1-based line in the article Markdown that was tagged.
    public var line: Int
    /// UTF-8 offset of the mention in the tagged Markdown.
    public var offset: Int

    public init(text: String, before: String, after: String, region: MentionRegion, line: Int, offset: Int = 0) {
        var inContext = ""
        inContext.reserveCapacity(before.utf8.count + text.utf8.count + after.utf8.count)
        inContext += before
        inContext += text
        inContext += after
        self.inContext = inContext
        textStart = Int32(before.utf8.count)
        textEnd = Int32(before.utf8.count + text.utf8.count)
        self.offset = offset
        self.region = region
        self.line = line
    }

    /// The text as written in the article (`SCHNEIDER-ELECTRIC`, `SDG 7`, `renewable energy`).
    public var text: String { part(Int(textStart)..<Int(textEnd)) }
    /// Plain text before the mention (about 70 characters, cut at a word).
    public var before: String { part(0..<Int(textStart)) }
    /// Plain text after the mention.
    public var after: String { part(Int(textEnd)..<inContext.utf8.count) }

    /// The bytes of `inContext` at the UTF-8 offsets `range`.
    private func part(_ range: Range<Int>) -> String {
        let utf8 = inContext.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return String(decoding: utf8[lower..<utf8.index(lower, offsetBy: range.count)], as: UTF8.self)
    }
}

/// How often one evidence phrase of a goal occurs in an article.
public struct PhraseCount: Sendable, Equatable {
    public var phrase: String
    public var count: Int

    public init(phrase: String, count: Int) {
        self.phrase = phrase
        self.count = count
    }
}

/// Why an article carries (or was considered for) a goal.
public struct GoalEvidence: Sendable, Equatable {
    /// Explicit mentions: `SDG 7`, `SDG7`, `Goal 7`, `Sustainable Development Goal 7`.
    public var explicitMentions: Int
    /// Evidence phrases found in the body, most frequent first.
    public var phrases: [PhraseCount]
    /// Whether the evidence passes the gazetteer's threshold.
    public var tagged: Bool

    public init(explicitMentions: Int, phrases: [PhraseCount], tagged: Bool) {
        self.explicitMentions = explicitMentions
        self.phrases = phrases
        self.tagged = tagged
    }

    /// Total phrase occurrences.
    public var phraseOccurrences: Int { phrases.reduce(0) { $0 + $1.count } }

    /// One line for readers: `named explicitly 3 times; "renewable energy" ×4, "energy efficiency" ×2`.
    public var summary: String {
        var parts: [String] = []
        if explicitMentions > 0 { parts.append("named explicitly \(explicitMentions) time\(explicitMentions == 1 ? "" : "s")") }
        let shown = phrases.prefix(6).map { "“\($0.phrase)” ×\($0.count)" }
        if !shown.isEmpty { parts.append(shown.joined(separator: ", ") + (phrases.count > 6 ? ", …" : "")) }
        return parts.joined(separator: "; ")
    }
}

/// Everything found about one term in one article.
public struct TermOccurrence: Sendable, Equatable {
    public var term: TermID
    /// Canonical name.
    public var name: String
    /// Mentions in the body (headings included).
    public var bodyCount: Int
    /// Mentions inside footnote definitions.
    public var footnoteCount: Int
    /// Up to ``EntityTagger/snippetLimit`` mentions, body first, in text order.
    public var mentions: [Mention]
    /// Set for goals.
    public var evidence: GoalEvidence?

    public init(term: TermID, name: String, bodyCount: Int, footnoteCount: Int, mentions: [Mention], evidence: GoalEvidence? = nil) {
        self.term = term
        self.name = name
        self.bodyCount = bodyCount
        self.footnoteCount = footnoteCount
        self.mentions = mentions
        self.evidence = evidence
    }

    /// Body and footnote mentions together.
    public var count: Int { bodyCount + footnoteCount }
}

/// The result of tagging one article: its tags, its Markdown with first mentions linked, and
/// per-term counts and snippets for the index pages.
public struct ArticleEntities: Sendable, Equatable {
    public var tags: EntityTags
    public var markdown: String
    /// One entry per tagged term, in ``TermID`` order.
    public var occurrences: [TermOccurrence]
    /// Evidence for every goal that had any, tagged or not (for reports and tests).
    public var goalEvidence: [Int: GoalEvidence]

    /// Organisations no gazetteer lists, found and accepted in this article (also in
    /// ``occurrences`` and ``tags``), with their evidence.
    public var organisations: [FoundOrganisation]
    /// Names found but not accepted (below the confidence threshold and not reviewed): the
    /// material of the review file.
    public var candidates: [FoundOrganisation]
    /// Technologies the vocabulary does not list, found and accepted in this article (also in
    /// ``occurrences`` and ``tags``), with their evidence.
    public var technologies: [FoundTechnology] = []
    /// Technologies found but not accepted: material of the review file.
    public var technologyCandidates: [FoundTechnology] = []

    public init(
        tags: EntityTags, markdown: String, occurrences: [TermOccurrence], goalEvidence: [Int: GoalEvidence],
        organisations: [FoundOrganisation] = [], candidates: [FoundOrganisation] = [],
        technologies: [FoundTechnology] = [], technologyCandidates: [FoundTechnology] = []
    ) {
        self.technologies = technologies
        self.technologyCandidates = technologyCandidates
        self.tags = tags
        self.markdown = markdown
        self.occurrences = occurrences
        self.goalEvidence = goalEvidence
        self.organisations = organisations
        self.candidates = candidates
    }

    /// The occurrence of one term, if the article is tagged with it.
    public func occurrence(of id: TermID) -> TermOccurrence? { occurrences.first { $0.term == id } }
}

/// An organisation found by its shape in the text, as the index and the review file show it.
public struct FoundOrganisation: Sendable, Equatable {
    /// Index name (legal forms dropped).
    public var name: String
    public var slug: String
    /// Other spellings seen in the article: the full legal name, the defined abbreviation.
    public var variants: [String]
    public var type: OrganisationType
    public var rule: DiscoveryRule
    public var confidence: Double
    /// Mentions in the article.
    public var count: Int
    /// The first mention, with its context and line.
    public var evidence: Mention?

    public init(name: String, slug: String, variants: [String], type: OrganisationType, rule: DiscoveryRule, confidence: Double, count: Int, evidence: Mention?) {
        self.name = name
        self.slug = slug
        self.variants = variants
        self.type = type
        self.rule = rule
        self.confidence = confidence
        self.count = count
        self.evidence = evidence
    }
}
