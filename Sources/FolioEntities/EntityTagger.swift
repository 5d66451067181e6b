import FolioCore

/// The index terms found in one article, as written into its front matter.
public struct EntityTags: Sendable, Equatable {
    public var companies: [String]
    public var cities: [String]
    public var sdgs: [Int]
    public var technologies: [String]

    public init(companies: [String] = [], cities: [String] = [], sdgs: [Int] = [], technologies: [String] = []) {
        self.companies = companies
        self.cities = cities
        self.sdgs = sdgs
        self.technologies = technologies
    }
}

/// Finds companies, places, SDGs and technologies in article Markdown and links each first mention
/// to its index page.
///
/// Build it once from the gazetteers and reuse it for every article: compiling the patterns is
/// the expensive part, tagging is one pass over the text.
public struct EntityTagger: Sendable {
    /// Most mentions kept per term and article for keyword-in-context snippets.
    public static let snippetLimit = 5

    public let gazetteers: Gazetteers
    let entities: PatternMatcher
    let finder = OrganisationFinder()
    /// Whether organisations beyond the gazetteer are looked for: not by a tagger that knows
    /// no terms, which finds nothing.
    let findsOrganisations: Bool
    private let evidence: PatternMatcher
    /// The patterns of ``evidence`` that spell a goal's official short title in title case
    /// (`Affordable and Clean Energy`): the text names the goal, as `SDG 7` does.
    private let goalTitlePatterns: Set<Int>
    /// The kind of each term, by index in ``Gazetteers/terms``.
    let kinds: [EntityKind]
    /// The companies of the list of well-known organisations, by term index: a longer name found
    /// around one of them (`SAIC Volkswagen`, `Toshiba Energy Systems Corporation`) is the entity.
    let wellKnownCompanies: Set<Int>
    /// The index of each goal's term, by goal number (0 where no term has that number).
    private let goalTerms: [Int: Int]
    /// For each place, the places that may be counted inside its name: its members and parent.
    private let placesWithin: [Int: Set<Int>]
    /// Technologies named in coordinations that share words ("solar and wind power").
    private let coordinations: Coordinations
    /// The vocabulary domain of each technology, by term index (nil for other kinds).
    private let technologyDomains: [String?]
    /// The vocabulary group of a found technology, from the words it shares with the vocabulary.
    let technologyGroups: TechnologyGroupVotes

    /// A tagger that knows no terms (finds nothing).
    public init() {
        self.init(gazetteers: .empty)
    }

    /// Compiles the gazetteers' aliases and goal phrases.
    /// - Parameter findsOrganisations: also look for organisations the gazetteers do not list
    ///   (import does; the build reads what import found from `organisations-found.yml`).
    public init(gazetteers: Gazetteers, findsOrganisations: Bool = true) {
        self.init(gazetteers: gazetteers, findsOrganisations: findsOrganisations, compiled: CompiledPatterns(gazetteers))
    }

    /// Like ``init(gazetteers:findsOrganisations:)``, with the compiled patterns kept in `cache`
    /// under the digest of the gazetteer files (and this build of Folio): a later build reads
    /// them back instead of compiling every alias again. Gazetteers made in code, which have no
    /// digest, are compiled every time.
    public init(gazetteers: Gazetteers, findsOrganisations: Bool = true, cache: BuildCache?) {
        guard let cache, let digest = gazetteers.sourceDigest else {
            self.init(gazetteers: gazetteers, findsOrganisations: findsOrganisations)
            return
        }
        var key = CacheKeyBuilder(CompiledPatterns.cacheNamespace)
        key.add(digest)
        let compiled = cache.archived(CompiledPatterns.cacheNamespace, key.key(), accept: { $0.fits(gazetteers) }) { CompiledPatterns(gazetteers) }
        self.init(gazetteers: gazetteers, findsOrganisations: findsOrganisations, compiled: compiled)
    }

    /// The gazetteers' aliases and goal phrases compiled into matchers: the costly part of
    /// making a tagger, and the part the build cache keeps.
    struct CompiledPatterns: BinaryArchivable {
        var entities: PatternMatcher
        var evidence: PatternMatcher
        var goalTitlePatterns: Set<Int>

        /// The build cache's namespace of compiled patterns.
        static let cacheNamespace = "tagger-patterns"

        init(_ gazetteers: Gazetteers) {
            (entities, evidence, goalTitlePatterns) = EntityTagger.compile(gazetteers)
        }

        /// Whether every pattern names a term of `gazetteers` (an archive of other gazetteers never does).
        func fits(_ gazetteers: Gazetteers) -> Bool {
            let count = gazetteers.terms.count
            return entities.patterns.allSatisfy { $0.term >= 0 && $0.term < count } && evidence.patterns.allSatisfy { $0.term >= 0 && $0.term < count }
                && goalTitlePatterns.allSatisfy { $0 >= 0 && $0 < evidence.patterns.count }
        }

        func archive(into archive: inout ArchiveWriter) {
            archive.write(entities)
            archive.write(evidence)
            archive.write(goalTitlePatterns.sorted())
        }

        init(from archive: inout ArchiveReader) throws {
            entities = try archive.read()
            evidence = try archive.read()
            goalTitlePatterns = Set(try archive.readInts())
        }
    }

    private init(gazetteers: Gazetteers, findsOrganisations: Bool, compiled: CompiledPatterns) {
        self.gazetteers = gazetteers
        self.findsOrganisations = findsOrganisations && !gazetteers.terms.isEmpty
        let entities = compiled.entities
        self.entities = entities
        self.evidence = compiled.evidence
        self.goalTitlePatterns = compiled.goalTitlePatterns
        kinds = gazetteers.terms.map(\.id.kind)
        wellKnownCompanies = Set(gazetteers.terms.indices.filter { gazetteers.terms[$0].foundBy == Gazetteers.wellKnownOrganisationsSource })
        // By index, so no term is copied (a term holds many strings and arrays).
        let terms = gazetteers.terms
        var goalTerms: [Int: Int] = [:]
        for index in terms.indices {
            if let number = terms[index].goal?.number, goalTerms[number] == nil { goalTerms[number] = index }
        }
        self.goalTerms = goalTerms
        var placeIndex: [String: Int] = [:]
        for index in terms.indices where terms[index].id.kind == .place && placeIndex[terms[index].name] == nil {
            placeIndex[terms[index].name] = index
        }
        var within: [Int: Set<Int>] = [:]
        for index in terms.indices where terms[index].id.kind == .place {
            let names = terms[index].members + (terms[index].parent.map { [$0] } ?? [])
            within[index] = Set(names.compactMap { placeIndex[$0] })
        }
        placesWithin = within
        coordinations = Coordinations(patterns: entities.patterns, kinds: kinds)
        technologyDomains = gazetteers.terms.map { $0.id.kind == .technology ? $0.domain : nil }
        // Only technology discovery reads the votes, and it runs where organisations are found.
        technologyGroups = TechnologyGroupVotes(terms: self.findsOrganisations ? gazetteers.terms : [])
    }

    /// Compiles the gazetteers' aliases (with their rule variants) into one matcher, and the
    /// goals' evidence phrases and titles into another.
    static func compile(_ gazetteers: Gazetteers) -> (entities: PatternMatcher, evidence: PatternMatcher, goalTitlePatterns: Set<Int>) {
        var entityPatterns: [Pattern] = []
        var evidence = PatternMatcher()
        var goalTitlePatterns: Set<Int> = []
        for (index, term) in gazetteers.terms.enumerated() {
            if let goal = term.goal {
                let listed = Set(goal.phrases.map { $0.lowercased() })
                for phrase in goal.phrases {
                    let alias = Alias(text: phrase, caseSensitive: Alias.defaultCaseSensitivity(phrase))
                    evidence.add(Self.pattern(term: index, alias: alias))
                    // The other national spelling ("resource utilisation") counts as the phrase itself.
                    if !alias.caseSensitive, let other = TermVariants.otherSpelling(phrase.lowercased()), !listed.contains(other) {
                        var variant = Self.pattern(term: index, alias: Alias(text: other, caseSensitive: false))
                        variant.text = phrase
                        evidence.add(variant)
                    }
                }
                for title in Self.titleSpellings(of: goal.shortTitle) {
                    goalTitlePatterns.insert(evidence.patterns.count)
                    evidence.add(Self.pattern(term: index, alias: Alias(text: title, caseSensitive: true)))
                }
                continue
            }
            let aliases = term.matchedAliases
            let variants = term.id.kind != .technology ? []
                : term.ruleVariants.flatMap { $0.count == aliases.count ? $0 : nil } ?? aliases.map(TermVariants.of)
            for (position, alias) in aliases.enumerated() {
                entityPatterns.append(Self.pattern(term: index, alias: alias))
                // `Ji'an` and `Ji’an`, `People's` and `People’s`: a straight and a curly
                // apostrophe are one.
                if let other = Self.otherApostrophe(alias.text), !aliases.contains(where: { $0.text == other }) {
                    var variant = alias
                    variant.text = other
                    var compiled = Self.pattern(term: index, alias: variant)
                    compiled.text = alias.text
                    entityPatterns.append(compiled)
                }
                for variant in variants.isEmpty ? [] : variants[position] { entityPatterns.append(Self.pattern(term: index, alias: variant)) }
            }
        }
        // The trie's arrays are sized once for every pattern, not doubled as they are added.
        var entities = PatternMatcher(reserving: entityPatterns)
        for pattern in entityPatterns { entities.add(pattern) }
        entities.compile()
        evidence.compile()
        return (entities, evidence, goalTitlePatterns)
    }

    /// `text` with its apostrophes written the other way (straight for curly, curly for
    /// straight), or nil when it has none.
    static func otherApostrophe(_ text: String) -> String? {
        if text.contains("’") { return String(text.map { $0 == "’" ? "'" : $0 }) }
        if text.contains("'") { return String(text.map { $0 == "'" ? "’" : $0 }) }
        return nil
    }

    /// A goal's short title as the UN writes it (`Good Health and Well-being`) and with every
    /// word but the small ones capitalised (`Good Health and Well-Being`). A title of one word
    /// names no goal by itself.
    static func titleSpellings(of shortTitle: String) -> [String] {
        guard shortTitle.contains(" ") else { return [] }
        let small: Set<String> = ["and", "for", "the", "on", "of", "in", "to"]
        let titled = shortTitle.split(separator: " ").map { word -> String in
            if small.contains(String(word)) { return String(word) }
            return word.split(separator: "-", omittingEmptySubsequences: false).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "-")
        }.joined(separator: " ")
        return titled == shortTitle ? [shortTitle] : [shortTitle, titled]
    }

    private static func pattern(term: Int, alias: Alias) -> Pattern {
        var exact: [UInt8] = []
        var space = false
        for b in alias.text.utf8 {
            if ByteClass.isSpace(b) { space = !exact.isEmpty; continue }
            if space { exact.append(0x20); space = false }
            exact.append(b)
        }
        let folded = exact.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let acronym = alias.caseSensitive && !exact.contains(0x20) && exact.count <= 6 && !exact.contains(where: ByteClass.isLower)
        return Pattern(term: term, folded: folded, exact: exact, caseSensitive: alias.caseSensitive, acronym: acronym, rule: alias.rule, text: alias.text)
    }

    /// Tags one article.
    /// - Parameter markdown: the article body (GFM).
    /// - Returns: the tags and the body with first mentions linked.
    public func tag(markdown: String) -> (tags: EntityTags, markdown: String) {
        let result = analyze(markdown: markdown)
        return (result.tags, result.markdown)
    }

    struct Hit {
        var term: Int
        /// Pattern index in `entities`, or -1 for an explicit goal mention, -2 for goal evidence.
        var pattern: Int
        var start: Int
        var end: Int
        var segment: Int
        /// A place named inside a longer name (`Chongqing` in `Chongqing Cummins`): counted, not linked.
        var nested: Bool
        /// A goal phrase (evidence, not a mention of the goal by name).
        var phrase: String?
    }

    /// Tags one article and returns everything the index pages need.
    /// - Parameters:
    ///   - markdown: the article Markdown, with or without front matter.
    ///   - linkPrefix: the relative path from the article's page to the site root; `../../` for an
    ///     article at `<document>/<article>/`.
    ///   - linking: whether to link first mentions; `false` returns the Markdown unchanged.
    public func analyze(markdown: String, linkPrefix: String = "../../", linking: Bool = true) -> ArticleEntities {
        let text = Array(markdown.utf8)
        let layout = MarkdownSegments(text)
        let terms = gazetteers.terms
        var hits: [Hit] = []
        var namesGoals = false
        text.withUnsafeBufferPointer { text in
            var found: [Int] = []
            var inner: [Int] = []
            var compound: [Int] = []
            var candidates: [(node: Int32, end: Int)] = []
            var seen: [Int] = []
            var evidenceHits: [Hit] = []
            for (s, segment) in layout.segments.enumerated() {
                // One pass over the word starts for both matchers. Entities: longest match, then
                // places named inside the match. Goal evidence phrases: body and headings only;
                // their hits follow the segment's entity hits.
                var i = segment.start
                var j = segment.region == .footnote ? segment.end : segment.start
                evidenceHits.removeAll(keepingCapacity: true)
                var position = segment.start
                while position < segment.end {
                    defer { position += 1 }
                    guard position >= i || position >= j, ByteClass.isWordStart(text, position, segmentStart: segment.start) else { continue }
                    if position >= j, let end = evidence.longestMatch(in: text, at: position, limit: segment.end, shouting: segment.shouting, found: &found, candidates: &candidates) {
                        let p = evidence.patterns[found[0]]
                        if let title = found.first(where: goalTitlePatterns.contains) {
                            evidenceHits.append(Hit(term: evidence.patterns[title].term, pattern: -1, start: position, end: end, segment: s, nested: false))
                        } else {
                            evidenceHits.append(Hit(term: p.term, pattern: -2, start: position, end: end, segment: s, nested: false, phrase: p.text))
                        }
                        j = end
                    }
                    guard position >= i, let end = entities.longestMatch(in: text, at: position, limit: segment.end, shouting: segment.shouting, found: &found, candidates: &candidates)
                    else { continue }
                    // A technology alias that modifies the head of a longer noun phrase names no
                    // technology there (see ``ModifierUse``); the words after it are read again.
                    if found.allSatisfy({ kinds[entities.patterns[$0].term] == .technology }) {
                        if ModifierUse.isQualityModifier(text, start: position, end: end, limit: segment.end) { continue }
                        if ModifierUse.namesALaw(text, end: end, limit: segment.end) { continue }
                        if ModifierUse.isLegalFormAfterName(text, start: position, end: end) { continue }
                        if let from = ModifierUse.compoundStart(text, start: position, end: end, limit: segment.end),
                           let compoundEnd = entities.longestMatch(in: text, at: from, limit: segment.end, shouting: segment.shouting, found: &compound, candidates: &candidates),
                           compoundEnd > end {
                            continue
                        }
                    }
                    seen.removeAll(keepingCapacity: true)
                    for p in found where !seen.contains(entities.patterns[p].term) {
                        seen.append(entities.patterns[p].term)
                        hits.append(Hit(term: entities.patterns[p].term, pattern: p, start: position, end: end, segment: s, nested: false))
                    }
                    // Inside a place's own name only its members and parent count
                    // ("Chengdu" in "Chengdu-Chongqing region"; not "Mongolia" in "Inner Mongolia").
                    let outer = found.map { entities.patterns[$0].term }
                    let insidePlace = outer.allSatisfy { kinds[$0] == .place }
                    var k = position
                    while k < end {
                        // At the match's own start, look only for shorter names ("Chengdu" in "Chengdu-Chongqing region").
                        if ByteClass.isWordStart(text, k, segmentStart: segment.start),
                           let innerEnd = entities.longestMatch(in: text, at: k, limit: k == position ? end - 1 : end, shouting: segment.shouting, only: .place, kinds: kinds, found: &inner, candidates: &candidates) {
                            for p in inner where !seen.contains(entities.patterns[p].term) {
                                if insidePlace, !outer.contains(where: { placesWithin[$0]?.contains(entities.patterns[p].term) == true }) { continue }
                                seen.append(entities.patterns[p].term)
                                hits.append(Hit(term: entities.patterns[p].term, pattern: p, start: k, end: innerEnd, segment: s, nested: true))
                            }
                            k = innerEnd
                        } else { k += 1 }
                    }
                    i = end
                }
                hits += evidenceHits
                for explicit in GoalMentions.scan(text, segment.start, segment.end) {
                    if explicit.namesGoals { namesGoals = true }
                    for number in explicit.goals {
                        guard let index = goalTerms[number] else { continue }
                        hits.append(Hit(term: index, pattern: explicit.weak ? -3 : -1, start: explicit.start, end: explicit.end, segment: s, nested: false))
                    }
                }
            }
        }
        // "Goal 7" counts only in an article that names the SDGs.
        if namesGoals {
            for h in hits.indices where hits[h].pattern == -3 { hits[h].pattern = -1 }
        } else {
            hits.removeAll { $0.pattern == -3 }
        }
        hits = resolveAbbreviations(hits, text)
        hits = droppingAbbreviationsDefinedAsThings(hits, text, layout)
        hits = applyRequirements(hits, text)
        let segmentBounds = { (index: Int) in (layout.segments[index].start, layout.segments[index].end) }
        let coordinated = coordinations.hits(around: hits, in: text, patterns: entities.patterns, domains: technologyDomains, segmentBounds: segmentBounds)
        if !coordinated.replaced.isEmpty {
            hits = hits.indices.filter { !coordinated.replaced.contains($0) }.map { hits[$0] }
        }
        hits += coordinated.added
        hits += coordinations.bareSources(in: text, segments: layout.segments.indices, covering: hits, patterns: entities.patterns, domains: technologyDomains, segmentBounds: segmentBounds)
        hits = dropPlacesNamingTreaties(hits, text)
        let discovery = findsOrganisations ? discoverOrganisations(text, layout, hits: &hits) : Discovery()
        let foundBodies = discovery.accepted.flatMap { $0.hits.map { $0.start..<$0.end } }
        // A goal's title inside an organisation's name (`Federal Ministry for Economic Affairs
        // and Climate Action`) names no goal.
        if hits.contains(where: { $0.pattern == -1 }) {
            let bodies = foundBodies
                + hits.filter { $0.pattern >= 0 && kinds[$0.term] == .company }.map { $0.start..<$0.end }
            hits.removeAll { hit in
                hit.pattern == -1 && bodies.contains { $0.lowerBound <= hit.start && hit.end <= $0.upperBound && $0.count > hit.end - hit.start }
            }
        }
        let technologyDiscovery = findsOrganisations
            ? discoverTechnologies(text, layout, hits: hits, claimed: foundBodies)
            : TechnologyDiscovery()
        hits.sort { ($0.start, $0.term) < ($1.start, $1.term) }

        // Aggregate.
        var byTerm: [Int: [Hit]] = [:]
        for hit in hits { byTerm[hit.term, default: []].append(hit) }
        // Technologies mentioned in the body, by vocabulary group: evidence for the goals they
        // serve, so a goal with no phrase of its own in the text is still weighed.
        var technologiesByGroup: [String: [Hit]] = [:]
        for (index, termHits) in byTerm where terms[index].id.kind == .technology {
            guard let group = terms[index].type else { continue }
            technologiesByGroup[group, default: []] += termHits.filter { !$0.nested && layout.segments[$0.segment].region != .footnote }
        }
        for index in goalTerms.values where byTerm[index] == nil {
            if terms[index].goal?.technologyGroups.contains(where: { technologiesByGroup[$0] != nil }) == true { byTerm[index] = [] }
        }
        var occurrences: [TermOccurrence] = []
        // Sized once: every article's tagging is kept until the index pages are written.
        occurrences.reserveCapacity(byTerm.count + discovery.accepted.count + technologyDiscovery.accepted.count)
        var goalEvidence: [Int: GoalEvidence] = [:]
        var links: [(start: Int, end: Int, path: String)] = []
        for (index, termHits) in byTerm {
            let term = terms[index]
            var counted = termHits
            // A goal links only where the text names it; its phrases and technologies are evidence.
            var linkable = termHits
            if let goal = term.goal {
                let explicit = termHits.filter { $0.pattern == -1 }
                var phraseCounts: [String: Int] = [:]
                let phraseHits = termHits.filter { $0.phrase != nil }
                for h in phraseHits { phraseCounts[h.phrase!.lowercased(), default: 0] += 1 }
                let distinctPhrases = phraseCounts.count
                // In text order: the groups were filled in dictionary order, which differs per run.
                let candidates = goal.technologyGroups.flatMap { technologiesByGroup[$0] ?? [] }
                    .sorted { ($0.start, $0.term) < ($1.start, $1.term) }
                // A technology named where a phrase already matched ("wind power") counts once.
                // Both lists are in text order, so one sweep finds the overlaps.
                var technologyHits: [Hit] = []
                var first = 0
                for hit in candidates {
                    while first < phraseHits.count, phraseHits[first].end <= hit.start { first += 1 }
                    var next = first, overlaps = false
                    while next < phraseHits.count, phraseHits[next].start < hit.end {
                        if phraseHits[next].end > hit.start { overlaps = true; break }
                        next += 1
                    }
                    guard !overlaps else { continue }
                    technologyHits.append(hit)
                    phraseCounts[terms[hit.term].name.lowercased(), default: 0] += 1
                }
                let phrases = phraseCounts.map { PhraseCount(phrase: $0.key, count: $0.value) }
                    .sorted { ($1.count, $0.phrase) < ($0.count, $1.phrase) }
                let occurrencesOfPhrases = phraseHits.count
                // The title names the article's subject: a goal it names needs the occurrences,
                // not several different phrases ("Wind Power Management System").
                let titled = layout.titleLine.map { line in (phraseHits + technologyHits).contains { layout.segments[$0.segment].line == line } } ?? false
                let tagged = !explicit.isEmpty
                    || (occurrencesOfPhrases >= gazetteers.sdgMinimumOccurrences && distinctPhrases >= gazetteers.sdgMinimumDistinctPhrases)
                    || (titled && occurrencesOfPhrases + technologyHits.count >= gazetteers.sdgMinimumOccurrences)
                    || (!technologyHits.isEmpty && occurrencesOfPhrases + technologyHits.count >= gazetteers.sdgMinimumOccurrencesWithTechnologies
                        && phrases.count >= gazetteers.sdgMinimumDistinctWithTechnologies
                        && Set((phraseHits + technologyHits).map(\.segment)).count >= gazetteers.sdgMinimumParagraphsWithTechnologies)
                goalEvidence[goal.number] = GoalEvidence(explicitMentions: explicit.count, phrases: phrases, tagged: tagged)
                guard tagged else { continue }
                counted = explicit + phraseHits + technologyHits
                linkable = explicit
            }
            let body = counted.filter { layout.segments[$0.segment].region != .footnote }
            let notes = counted.filter { layout.segments[$0.segment].region == .footnote }
            let shown = (body + notes).prefix(Self.snippetLimit).map { mention(for: $0, text, layout) }
            occurrences.append(TermOccurrence(
                term: term.id, name: term.name, bodyCount: body.count, footnoteCount: notes.count,
                mentions: Array(shown), evidence: term.goal.flatMap { goalEvidence[$0.number] }
            ))
            if linking, let first = linkable.first(where: { hit in
                !hit.nested && hit.phrase == nil && layout.segments[hit.segment].linkable
            }) {
                links.append((first.start, first.end, linkPrefix + term.id.path))
            }
        }
        // Names and technologies found by their shape: counted, shown and linked like listed terms.
        func addFound(_ id: TermID, name: String, hits found: [Hit]) {
            let body = found.filter { layout.segments[$0.segment].region != .footnote }
            let notes = found.filter { layout.segments[$0.segment].region == .footnote }
            let shown = (body + notes).prefix(Self.snippetLimit).map { mention(for: $0, text, layout) }
            occurrences.append(TermOccurrence(term: id, name: name, bodyCount: body.count, footnoteCount: notes.count, mentions: Array(shown)))
            if linking, let first = found.first(where: { layout.segments[$0.segment].linkable }) {
                links.append((first.start, first.end, linkPrefix + id.path))
            }
        }
        for organisation in discovery.accepted {
            addFound(TermID(kind: .company, slug: organisation.slug), name: organisation.candidate.name, hits: organisation.hits)
        }
        for technology in technologyDiscovery.accepted {
            addFound(TermID(kind: .technology, slug: technology.found.slug), name: technology.found.name, hits: technology.hits)
        }
        occurrences.sort { $0.term < $1.term }

        var tags = EntityTags()
        for occurrence in occurrences {
            switch occurrence.term.kind {
            case .company: tags.companies.append(occurrence.name)
            case .place: tags.cities.append(occurrence.name)
            case .technology: tags.technologies.append(occurrence.name)
            case .sdg: if let n = Int(occurrence.term.slug) { tags.sdgs.append(n) }
            }
        }
        tags.companies.sort { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
        tags.cities.sort { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
        tags.technologies.sort { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
        tags.sdgs.sort()

        let output = links.isEmpty ? markdown : Self.insertLinks(links, into: text)
        return ArticleEntities(
            tags: tags, markdown: output, occurrences: occurrences, goalEvidence: goalEvidence,
            organisations: discovery.accepted.map(\.found), candidates: discovery.pending.map(\.found),
            technologies: technologyDiscovery.accepted.map(\.found), technologyCandidates: technologyDiscovery.pending.map(\.found)
        )
    }

    func mention(for hit: Hit, _ text: [UInt8], _ layout: MarkdownSegments) -> Mention {
        let segment = layout.segments[hit.segment]
        let (lineStart, lineEnd) = layout.lineBounds[segment.line - 1]
        let from = Snippets.contentStart(of: text, line: lineStart, before: hit.start)
        return Mention(
            text: String(decoding: text[hit.start..<hit.end], as: UTF8.self),
            before: Snippets.left(text[from..<hit.start]),
            after: Snippets.right(text[hit.end..<lineEnd]),
            region: segment.region, line: segment.line,
            offset: hit.start
        )
    }

    /// `Chongqing Cummins Engine Co. Ltd. (CCEC)`: an upper-case abbreviation defined right after
    /// a multi-word name means that name for the rest of the article, even when the gazetteer
    /// gives the abbreviation to another term.
    private func resolveAbbreviations(_ hits: [Hit], _ text: [UInt8]) -> [Hit] {
        let named = hits.filter { $0.pattern >= 0 && !$0.nested }
        guard named.count > 1 else { return hits }
        var bindings: [[UInt8]: Int] = [:]
        let ordered = named.sorted { $0.start < $1.start }
        for (a, b) in zip(ordered, ordered.dropFirst()) where a.term != b.term {
            guard b.start == a.end + 2, a.end + 1 < text.count, text[a.end] == 0x20, text[a.end + 1] == 0x28,
                  b.end < text.count, text[b.end] == 0x29 else { continue }
            let abbreviation = Array(text[b.start..<b.end])
            let longForm = text[a.start..<a.end]
            guard abbreviation.count >= 2, abbreviation.allSatisfy(ByteClass.isUpperOrDigit), longForm.contains(0x20),
                  bindings[abbreviation] == nil else { continue }
            // A narrower term spelled out before its broader term's abbreviation
            // ("generative artificial intelligence (AI)") does not take the abbreviation over.
            let long = gazetteers.terms[a.term], short = gazetteers.terms[b.term]
            if long.parent == short.name || short.parent == long.name { continue }
            bindings[abbreviation] = a.term
        }
        guard !bindings.isEmpty else { return hits }
        var out: [Hit] = []
        var seen: Set<[Int]> = []
        for var hit in hits {
            if hit.pattern >= 0, let term = bindings[Array(text[hit.start..<hit.end])] { hit.term = term }
            if hit.pattern >= 0, !seen.insert([hit.start, hit.term]).inserted { continue }
            out.append(hit)
        }
        return out
    }

    /// Words that make a place name part of a treaty's or programme's name.
    static let treatyWords: Set<String> = ["Agreement", "Accord", "Accords", "Protocol", "Convention", "Declaration", "Agenda", "Consensus"]

    /// `Paris Agreement`, `Paris Climate Agreement`, `Kyoto Protocol`: the place names the treaty,
    /// not where something happens; so does a river the name of a project or a company, and a
    /// country's code the name of its currency (`US$`).
    private func dropPlacesNamingTreaties(_ hits: [Hit], _ text: [UInt8]) -> [Hit] {
        func word(from start: Int) -> (String, Int) {
            var i = start
            while i < text.count, text[i] == 0x20 { i += 1 }
            let s = i
            while i < text.count, ByteClass.isWordByte(text[i]) { i += 1 }
            return (String(decoding: text[s..<i], as: UTF8.self), i)
        }
        func namesTreaty(_ hit: Hit) -> Bool {
            let (first, end) = word(from: hit.end)
            if Self.treatyWords.contains(first) { return true }
            // A river's name before another capitalised word opens the name of a project, a
            // company or a bridge (`Yangtze River Three Gorges … Substation`, `Pearl River Piano`).
            if gazetteers.terms[hit.term].type == "river", hit.end + 1 < text.count {
                if text[hit.end] == 0x20, first.first?.isUppercase == true { return true }
                // `Pearl River-Xijiang River Economic Belt`.
                if text[hit.end] == 0x2D, text[hit.end + 1] >= 0x41, text[hit.end + 1] <= 0x5A { return true }
            }
            return first.first?.isUppercase == true && Self.treatyWords.contains(word(from: end).0)
        }
        let treaties = Set(hits.filter { $0.pattern >= 0 && kinds[$0.term] == .place && namesTreaty($0) }.map(\.term))
        return hits.filter { hit in
            guard hit.pattern >= 0, kinds[hit.term] == .place else { return true }
            if namesTreaty(hit) { return false }
            // `US$ 5 billion`, `HK$`: a country's code before `$` names its currency.
            if hit.end < text.count, text[hit.end] == 0x24 { return false }
            // Where the article names the treaty, `Paris commitments` and `Paris-aligned` speak of it too.
            guard treaties.contains(hit.term) else { return true }
            if hit.end < text.count, text[hit.end] == 0x2D { return false }
            return !Self.treatyShorthandWords.contains(word(from: hit.end).0)
        }
    }

    /// Words after a treaty's place that speak of the treaty (`the Paris commitments`).
    static let treatyShorthandWords: Set<String> = [
        "commitments", "commitment", "goals", "goal", "targets", "target", "pledges", "pledge", "objectives", "ambition", "process", "rulebook",
    ]

    /// Drops matches of aliases with `requires` when the article does not also name the term
    /// another way (or contain one of the required strings, or name a required term in any of
    /// its spellings), unless the match stands as a whole
    /// item of a list beside a technology named without condition (`cloud computing, advanced
    /// automation, AR, machine learning`): the list says what kind of name it is.
    private func applyRequirements(_ hits: [Hit], _ text: [UInt8]) -> [Hit] {
        let conditional = hits.filter { $0.pattern >= 0 && !entities.patterns[$0.pattern].rule.requires.isEmpty }
        guard !conditional.isEmpty else { return hits }
        let unconditional = hits.filter { $0.pattern >= 0 && entities.patterns[$0.pattern].rule.requires.isEmpty }
        let confirmed = Set(unconditional.map(\.term))
        // A required name that is a term the article names without condition is named, however
        // it is written (`United States` in an article that writes `US`).
        // So is a place that holds a place the article names (`China` in one that names Hubei
        // Province, `United States` in one that names Arizona).
        var confirmedNames = Set(confirmed.map { gazetteers.terms[$0].name })
        for term in confirmed where kinds[term] == .place {
            var parent = gazetteers.terms[term].parent
            var steps = 0
            while let name = parent, steps < 4, confirmedNames.insert(name).inserted {
                parent = gazetteers.term(kind: .place, named: name)?.parent
                steps += 1
            }
        }
        let listAnchors = unconditional.filter { kinds[$0.term] == .technology }
        var loweredText: String?
        func lowered() -> String {
            if let loweredText { return loweredText }
            let value = String(decoding: text, as: UTF8.self).lowercased()
            loweredText = value
            return value
        }
        var keep: [Int: Bool] = [:]
        return hits.filter { hit in
            guard hit.pattern >= 0 else { return true }
            let rule = entities.patterns[hit.pattern].rule
            guard !rule.requires.isEmpty else { return true }
            if confirmed.contains(hit.term) { return true }
            if kinds[hit.term] == .technology,
               listAnchors.contains(where: { TechnologyFinder.listedBeside($0.start..<$0.end, hit.start..<hit.end, in: text) }) {
                return true
            }
            if let known = keep[hit.pattern] { return known }
            let ok = rule.requires.contains { confirmedNames.contains($0) || (Self.asciiContains(text, $0) ?? lowered().contains($0.lowercased())) }
            keep[hit.pattern] = ok
            return ok
        }
    }

    /// Whether `text` contains `needle` in any case, decided on bytes, or `nil` when only the
    /// Unicode comparison can tell: a non-ASCII needle, a match next to a non-ASCII character
    /// (which could extend it into another character), or no match in a text holding characters
    /// whose lower case is ASCII (`K` KELVIN SIGN, `İ`).
    static func asciiContains(_ text: [UInt8], _ needle: String) -> Bool? {
        let wanted = Array(needle.utf8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        guard !wanted.isEmpty, wanted.allSatisfy({ $0 < 0x80 && $0 != 0x0A && $0 != 0x0D }) else { return nil }
        let n = wanted.count
        guard text.count >= n else { return Self.hasASCIILowerCaseForms(text) ? nil : false }
        for p in 0...(text.count - n) {
            var k = 0
            while k < n {
                var b = text[p + k]
                if b >= 0x41, b <= 0x5A { b |= 0x20 }
                if b != wanted[k] { break }
                k += 1
            }
            guard k == n else { continue }
            if (p > 0 && text[p - 1] >= 0x80) || (p + n < text.count && text[p + n] >= 0x80) { return nil }
            return true
        }
        return Self.hasASCIILowerCaseForms(text) ? nil : false
    }

    /// Whether `text` holds U+212A KELVIN SIGN or U+0130 (their lower case is ASCII).
    private static func hasASCIILowerCaseForms(_ text: [UInt8]) -> Bool {
        guard text.count >= 2 else { return false }
        for i in 0..<(text.count - 1) {
            if text[i] == 0xC4, text[i + 1] == 0xB0 { return true }
            if text[i] == 0xE2, i + 2 < text.count, text[i + 1] == 0x84, text[i + 2] == 0xAA { return true }
        }
        return false
    }

    private static func insertLinks(_ links: [(start: Int, end: Int, path: String)], into text: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + links.count * 40)
        var cursor = 0
        var last = -1
        for link in links.sorted(by: { ($0.start, $0.path) < ($1.start, $1.path) }) where link.start >= max(cursor, last) {
            out += text[cursor..<link.start]
            out.append(0x5B)
            out += text[link.start..<link.end]
            out += Array("](\(link.path))".utf8)
            cursor = link.end
            last = link.end
        }
        out += text[cursor...]
        return String(decoding: out, as: UTF8.self)
    }
}
