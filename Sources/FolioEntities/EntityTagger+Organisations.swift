import FolioCore

extension EntityTagger {
    /// One organisation decided for an article: the merged candidate and its mentions.
    struct DiscoveredOrganisation {
        var candidate: OrganisationCandidate
        var slug: String
        var hits: [Hit]
        var found: FoundOrganisation
    }

    struct Discovery {
        var accepted: [DiscoveredOrganisation] = []
        var pending: [DiscoveredOrganisation] = []
    }

    /// Finds organisations the gazetteers do not list, decides once per name, and collects every
    /// mention of the accepted ones. Names that turn out to be gazetteer companies (`Ford Motor
    /// Co., Ltd.` when `Ford Motor` is an alias) become hits of that company; technology hits
    /// inside an accepted name are dropped (the name is the entity).
    func discoverOrganisations(_ text: [UInt8], _ layout: MarkdownSegments, hits: inout [Hit]) -> Discovery {
        // `Regional Comprehensive Economic Partnership (RCEP)`: no name the article defines for a
        // thing is an organisation of it.
        let definedAsThings = abbreviationsDefinedAsThings(text, layout, hits: hits)
        // Segments of each line, in order; shouted lines (capitals) are left out.
        var lines: [[Int]] = []
        var lastLine = -1
        // Headings (`Related News`) are titles, not sentences: names are found in the text.
        for (index, segment) in layout.segments.enumerated() where !segment.shouting && segment.region != .heading {
            if segment.line != lastLine {
                lines.append([])
                lastLine = segment.line
            }
            lines[lines.count - 1].append(index)
        }
        // `FAW-VW`, `FAW-Toyota`: a well-known name joined by a hyphen to another capitalised word
        // is a part of a longer name, not a mention of its own; so is one that names a trophy or
        // a prize (`the Uber Cup`, `the Siemens Award`).
        if !wellKnownCompanies.isEmpty {
            hits.removeAll { hit in
                hit.pattern >= 0 && wellKnownCompanies.contains(hit.term)
                    && (Self.isHyphenatedPart(hit.start..<hit.end, text) || Self.namesAnAward(hit.start..<hit.end, text))
            }
        }
        let named = hits.filter { $0.pattern >= 0 }
        let namedCompanies = named.filter { kinds[$0.term] == .company }
        let wellKnownHits = namedCompanies.filter { wellKnownCompanies.contains($0.term) }
        let wellKnownSpans = wellKnownHits.map { $0.start..<$0.end }
        let namedTechnologies = named.filter { kinds[$0.term] == .technology }.map { $0.start..<$0.end }
        func known(_ span: Range<Int>) -> Bool {
            named.contains { hit in
                let overlaps = hit.start < span.upperBound && span.lowerBound < hit.end
                if kinds[hit.term] == .company { return overlaps && !Self.encloses(span, hit, wellKnownCompanies) }
                // `U.K.` covers the place `U.K` and its period.
                return hit.start <= span.lowerBound && hit.end >= span.upperBound - (text[span.upperBound - 1] == 0x2E ? 1 : 0)
            }
        }
        let places = named.filter { kinds[$0.term] == .place }
        /// Whether `span` lies inside a place's name.
        func isPlace(_ span: Range<Int>) -> Bool {
            places.contains { $0.start <= span.lowerBound && $0.end >= span.upperBound }
        }
        // Candidates by slug, best rule first; abbreviations defined after a long form.
        var bySlug: [String: OrganisationCandidate] = [:]
        // Abbreviations the article defines for something other than a body.
        var definedAsNoBody: Set<String> = []
        // Known companies' names that open a longer name of another body (`Nomura` in `Nomura
        // Research Institute`): those hits are dropped.
        var absorbed: [Range<Int>] = []
        var order: [String] = []
        func add(_ candidate: OrganisationCandidate) {
            let slug = Slug.make(candidate.name)
            guard !slug.isEmpty else { return }
            if var existing = bySlug[slug] {
                if candidate.confidence > existing.confidence {
                    existing.type = candidate.type
                    existing.rule = candidate.rule
                    existing.confidence = candidate.confidence
                }
                if candidate.fullName.count > existing.fullName.count { existing.fullName = candidate.fullName }
                existing.spans += candidate.spans
                bySlug[slug] = existing
            } else {
                bySlug[slug] = candidate
                order.append(slug)
            }
        }
        let lineRanges = lines.map { line in line.map { layout.segments[$0].start..<layout.segments[$0].end } }
        let foundByLine = lineRanges.map { ranges in
            finder.candidates(in: text, ranges: ranges, known: known, place: isPlace)
                + finder.appositives(in: text, ranges: ranges, known: known, place: isPlace)
        }
        // One decision per name: a name found anywhere in the article is an organisation on every
        // line, so a list elsewhere that holds it lists organisations (`interviews with Brightwell
        // Instruments, Zorvex Pumps and Kestrel Mobility`, where only a later line describes Zorvex).
        let acceptedNames = Set(foundByLine.joined().filter { candidate in
            candidate.confidence >= OrganisationFinder.acceptance && !candidate.spans.contains(where: known)
        }.map(\.name))
        let acceptedMentions = acceptedNames.sorted().flatMap { occurrences(of: $0, in: text, layout) }
        for (ranges, foundOnLine) in zip(lineRanges, foundByLine) {
            var found = foundOnLine
            let organisations = (namedCompanies.map { $0.start..<$0.end }
                + found.filter { $0.confidence >= OrganisationFinder.acceptance }.flatMap(\.spans) + acceptedMentions)
                .filter { span in ranges.contains { $0.contains(span.lowerBound) } }
            found += finder.coordinated(
                in: text, ranges: ranges, organisations: organisations, wellKnown: wellKnownSpans,
                technologies: namedTechnologies, known: known
            )
            for candidate in found {
                // `United Parcel Service and China Post`: two known names joined by `and` are two
                // organisations, not one name around them.
                if candidate.spans.contains(where: { Self.joinsTwoNames($0, namedCompanies, text) }) { continue }
                if !candidate.spans.contains(where: known) {
                    add(candidate)
                } else if let opening = Self.knownCompanyOpening(candidate, namedCompanies, text) {
                    // `Nomura Research Institute` where `Nomura` is a known company: a body of its
                    // own, named by its head noun; the company's name inside it is part of the name.
                    add(candidate)
                    absorbed.append(opening)
                }
            }
            let tokens = OrganisationFinder.tokens(text, ranges)
            for definition in OrganisationFinder.definitions(in: text, tokens: tokens) {
                if let slug = order.last(where: { bySlug[$0]!.spans.contains { $0.upperBound == definition.long.upperBound } }) {
                    // `US Federal Communications Commission (FCC)`: the initials may leave out a nationality.
                    let name = bySlug[slug]!.name
                    if OrganisationFinder.initialsMatch(definition.abbreviation, name) || definition.abbreviation.first == name.first
                        || OrganisationFinder.withoutDemonym(name).map({ OrganisationFinder.initialsMatch(definition.abbreviation, $0) }) == true {
                        bySlug[slug]!.acronym = bySlug[slug]!.acronym ?? definition.abbreviation
                    }
                    continue
                }
                // `the Sino-German Industry 4.0 Cooperation initiative (SGIC)`: an abbreviation defined
                // for a thing that is no body (an initiative, a standard) is no company, whatever it does.
                if let word = definition.long.first.map({ text[$0] }), word >= 0x61, word <= 0x7A,
                   OrganisationFinder.describedBody(endingAt: definition.long, in: text) == nil,
                   !OrganisationFinder.companyNouns.contains(String(decoding: text[definition.long], as: UTF8.self)) {
                    definedAsNoBody.insert(definition.abbreviation)
                }
                let described = OrganisationFinder.describedBody(endingAt: definition.long, in: text)
                // `contract development and manufacturing organisation (CDMO)`: lower-case words
                // whose initials are the abbreviation name a kind of body, not one.
                if described != nil, OrganisationFinder.spellsOutKind(definition.abbreviation, endingAt: definition.long, tokens: tokens) {
                    definedAsNoBody.insert(definition.abbreviation)
                    continue
                }
                // `Japan's industry alliance (ICV)`: the abbreviation names the body the text describes,
                // in this article even where the vocabulary gives it to a technology.
                if let type = described, !OrganisationFinder.isPluralAbbreviation(definition.abbreviation) {
                    let span = definition.span
                    let namedElsewise = named.contains { kinds[$0.term] != .technology && $0.start < span.upperBound && span.lowerBound < $0.end }
                    if !namedElsewise {
                        add(OrganisationCandidate(
                            name: definition.abbreviation, fullName: definition.abbreviation, acronym: nil, type: type, rule: .acronymDefinition,
                            confidence: OrganisationFinder.describedBodyConfidence, spans: [span]
                        ))
                    }
                    continue
                }
                // A capitalised long form whose initials are the abbreviation: a candidate for review.
                guard let long = OrganisationFinder.capitalisedLongForm(tokens, endingAt: definition.long.upperBound) else { continue }
                let span = tokens[long.lowerBound].start..<tokens[long.upperBound - 1].end
                let name = OrganisationFinder.spell(text, span.lowerBound, span.upperBound)
                guard !known(span), OrganisationFinder.initialsMatch(definition.abbreviation, name) else { continue }
                add(OrganisationCandidate(
                    name: name, fullName: name, acronym: definition.abbreviation, type: .company, rule: .acronymDefinition,
                    confidence: 0.5, spans: [span]
                ))
            }
        }

        // `SAIC Volkswagen`, `Changan Ford`: two well-known companies' names side by side, and
        // nothing capitalised around them, name their joint venture.
        let wellKnownInOrder = wellKnownHits.sorted { $0.start < $1.start }
        for (first, second) in zip(wellKnownInOrder, wellKnownInOrder.dropFirst())
        where second.start == first.end + 1 && text[first.end] == 0x20 && first.term != second.term
            && !Self.continuesName(before: first.start, after: second.end, text) {
            let span = first.start..<second.end
            let name = OrganisationFinder.spell(text, span.lowerBound, span.upperBound)
            add(OrganisationCandidate(name: name, fullName: name, acronym: nil, type: .company, rule: .companyContext, confidence: 0.8, spans: [span]))
        }

        // `| Company | City |`: the cells of a column headed by an organisation word.
        let articleLines = layout.lineBounds.map { $0.start..<$0.end }
        for cell in OrganisationFinder.organisationColumnCells(in: text, lines: articleLines) where !known(cell) && !isPlace(cell) {
            if let candidate = finder.tableCell(text, cell) { add(candidate) }
        }

        var discovery = Discovery()
        if !absorbed.isEmpty {
            hits.removeAll { hit in hit.pattern >= 0 && kinds[hit.term] == .company && absorbed.contains(hit.start..<hit.end) }
        }
        var claimed: [Range<Int>] = namedCompanies.filter { !wellKnownCompanies.contains($0.term) }.map { $0.start..<$0.end }.filter { !absorbed.contains($0) }
        // Well-known names claim their spans after the found names: a longer name around one wins.
        let candidates = OrganisationFinder.mergingPlacePrefixedVariants(
            OrganisationFinder.mergingLegalFormVariants(OrganisationFinder.mergingSpacingVariants(order.map { bySlug[$0]! })),
            isPlace: { prefix in places.contains { $0.start == prefix.lowerBound && $0.end == prefix.upperBound } }
        )
        for var candidate in candidates {
            let slug = Slug.make(candidate.name)
            // A gazetteer company under a legal name: its hits, not a new entry.
            if let index = gazetteers.companyTermIndex(exactly: candidate.name) ?? gazetteers.companyTermIndex(exactly: candidate.fullName)
                ?? OrganisationFinder.withoutDemonym(candidate.name).flatMap(gazetteers.companyTermIndex(exactly:))
                ?? gazetteers.companyTermIndex(ignoringSpacing: candidate.name)
                ?? OrganisationFinder.groupVariants(of: candidate.name).lazy.compactMap(gazetteers.companyTermIndex(exactly:)).first {
                for span in candidate.spans {
                    if let segment = segmentIndex(layout, span.lowerBound) {
                        hits.append(Hit(term: index, pattern: -5, start: span.lowerBound, end: span.upperBound, segment: segment, nested: false))
                    }
                }
                continue
            }
            let decision = gazetteers.review[slug]
            if decision?.accepted == false { continue }
            if definedAsThings.contains(candidate.name), decision?.accepted != true { continue }
            if candidate.rule == .companyContext, definedAsNoBody.contains(candidate.name), decision?.accepted != true { continue }
            if let type = decision?.type { candidate.type = type }
            let accepted = decision?.accepted == true || candidate.confidence >= OrganisationFinder.acceptance
            // Every mention: the spans the rules saw, then each spelling anywhere in the article.
            var spans = candidate.spans
            for form in Set([candidate.name, candidate.fullName] + candidate.otherNames + (candidate.acronym.map { [$0] } ?? [])) {
                spans += occurrences(of: form, in: text, layout)
            }
            spans = spans.sorted { ($0.lowerBound, -$0.upperBound) < ($1.lowerBound, -$1.upperBound) }
            var kept: [Range<Int>] = []
            for span in spans where !kept.contains(where: { $0.overlaps(span) }) && !claimed.contains(where: { $0.overlaps(span) })
                && !wellKnownSpans.contains(where: { $0.overlaps(span) && !span.encloses($0) }) {
                kept.append(span)
            }
            let mentionHits = kept.compactMap { span -> Hit? in
                segmentIndex(layout, span.lowerBound).map { Hit(term: -1, pattern: -4, start: span.lowerBound, end: span.upperBound, segment: $0, nested: false) }
            }
            guard !mentionHits.isEmpty else { continue }
            var variants: [String] = []
            for variant in [candidate.fullName] + candidate.otherNames + (candidate.acronym.map { [$0] } ?? []) where variant != candidate.name && !variants.contains(variant) {
                variants.append(variant)
            }
            let found = FoundOrganisation(
                name: candidate.name, slug: slug, variants: variants, type: candidate.type,
                rule: decision?.accepted == true && candidate.confidence < OrganisationFinder.acceptance ? .reviewed : candidate.rule,
                confidence: candidate.confidence, count: mentionHits.count, evidence: mention(for: mentionHits[0], text, layout)
            )
            let organisation = DiscoveredOrganisation(candidate: candidate, slug: slug, hits: mentionHits, found: found)
            if accepted {
                claimed += kept
                discovery.accepted.append(organisation)
            } else {
                discovery.pending.append(organisation)
            }
        }
        // A technology or a well-known organisation named inside an accepted organisation's name
        // is part of the name.
        let accepted = discovery.accepted.flatMap { $0.hits.map { $0.start..<$0.end } }
        if !accepted.isEmpty {
            hits.removeAll { hit in
                guard hit.pattern >= 0, kinds[hit.term] == .technology || wellKnownCompanies.contains(hit.term) else { return false }
                return accepted.contains { name in
                    kinds[hit.term] == .technology ? name.lowerBound <= hit.start && hit.end <= name.upperBound : name.encloses(hit.start..<hit.end)
                }
            }
        }
        return discovery
    }

    /// Words that, right after a name, make it the name of a competition or a distinction.
    static let awardWords: [String] = ["Cup", "Prize", "Prizes", "Award", "Awards", "Trophy", "Championship", "Championships", "Medal"]

    /// Whether the name at `span` is followed by one of the ``awardWords`` (`Uber Cup`).
    static func namesAnAward(_ span: Range<Int>, _ text: [UInt8]) -> Bool {
        guard span.upperBound + 1 < text.count, text[span.upperBound] == 0x20 else { return false }
        let start = span.upperBound + 1
        var end = start
        while end < text.count, (text[end] >= 0x41 && text[end] <= 0x5A) || (text[end] >= 0x61 && text[end] <= 0x7A) { end += 1 }
        guard end > start else { return false }
        let word = String(decoding: text[start..<end], as: UTF8.self)
        return awardWords.contains(word)
    }

    /// Whether a capitalised word or a hyphen touches the words from `before` to `after` (one
    /// space between): they are part of a longer name.
    static func continuesName(before start: Int, after end: Int, _ text: [UInt8]) -> Bool {
        func isCapital(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
        if start >= 1, text[start - 1] == 0x2D { return true }
        if start >= 2, text[start - 1] == 0x20, ByteClass.isWordByte(text[start - 2]) {
            var k = start - 2
            while k > 0, ByteClass.isWordByte(text[k - 1]) { k -= 1 }
            if isCapital(text[k]) { return true }
        }
        if end < text.count, text[end] == 0x2D { return true }
        if end + 1 < text.count, text[end] == 0x20, isCapital(text[end + 1]) { return true }
        return false
    }

    /// Whether the name at `span` is joined by a hyphen to a capitalised word (`FAW-VW`).
    static func isHyphenatedPart(_ span: Range<Int>, _ text: [UInt8]) -> Bool {
        func isCapital(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
        if span.lowerBound >= 2, text[span.lowerBound - 1] == 0x2D, isCapital(text[span.lowerBound - 2]) || (text[span.lowerBound - 2] >= 0x61 && text[span.lowerBound - 2] <= 0x7A) {
            // The word before the hyphen: capitalised when it starts with a capital letter.
            var start = span.lowerBound - 2
            while start > 0, text[start - 1] != 0x20, text[start - 1] != 0x0A, text[start - 1] != 0x2D { start -= 1 }
            if isCapital(text[start]) { return true }
        }
        return span.upperBound + 1 < text.count && text[span.upperBound] == 0x2D && isCapital(text[span.upperBound + 1])
    }

    /// Whether `span` is two companies' names, each exactly one of `companies`, joined by ` and `
    /// or ` & `.
    static func joinsTwoNames(_ span: Range<Int>, _ companies: [Hit], _ text: [UInt8]) -> Bool {
        guard let first = companies.first(where: { $0.start == span.lowerBound && $0.end < span.upperBound }) else { return false }
        for joint in [Array(" and ".utf8), Array(" & ".utf8)] where first.end + joint.count < span.upperBound {
            guard text[first.end..<(first.end + joint.count)].elementsEqual(joint) else { continue }
            let second = first.end + joint.count
            if companies.contains(where: { $0.start == second && $0.end == span.upperBound }) { return true }
        }
        return false
    }

    /// Whether `hit` is a well-known organisation's name strictly inside `span`, a longer name.
    static func encloses(_ span: Range<Int>, _ hit: Hit, _ wellKnown: Set<Int>) -> Bool {
        wellKnown.contains(hit.term) && span.encloses(hit.start..<hit.end)
    }

    /// The span of the known company whose name opens `candidate`'s, when the candidate is a
    /// name with an organisation head noun that goes on past it with capitalised words of its
    /// own (`Nomura Research Institute` after `Nomura`, `UN Regional Information Center for
    /// Western Europe` after `UN`) and overlaps no other known company; nil otherwise. A
    /// complement or a second name after the company (`Ministry of Science and Technology of
    /// China`, `… Institute for China Studies and Stiftung …`) names no other body, and names
    /// with a legal form stay with the gazetteer's rules (`State Grid Zhejiang Electric Power Co., Ltd.`).
    static func knownCompanyOpening(_ candidate: OrganisationCandidate, _ companies: [Hit], _ text: [UInt8]) -> Range<Int>? {
        guard candidate.rule == .headNoun, candidate.confidence >= OrganisationFinder.acceptance, candidate.spans.count == 1 else { return nil }
        let span = candidate.spans[0]
        let inside = companies.filter { $0.start < span.upperBound && span.lowerBound < $0.end }
        guard inside.count == 1, let company = inside.first, company.start == span.lowerBound, company.end < span.upperBound else { return nil }
        let rest = String(decoding: text[company.end..<span.upperBound], as: UTF8.self).split(separator: " ").map { String($0) }
        guard let next = rest.first, next.first?.isUppercase == true, !OrganisationFinder.connectors.contains(next.lowercased()),
              rest.contains(where: { OrganisationFinder.head(of: $0.lowercased()) != nil }) else { return nil }
        return company.start..<company.end
    }

    /// The segment holding byte `offset`.
    func segmentIndex(_ layout: MarkdownSegments, _ offset: Int) -> Int? {
        var low = 0, high = layout.segments.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let segment = layout.segments[mid]
            if offset < segment.start { high = mid - 1 } else if offset >= segment.end { low = mid + 1 } else { return mid }
        }
        return nil
    }

    /// Every word-bounded occurrence of `form` (exact case, any run of spaces) in the segments.
    func occurrences(of form: String, in text: [UInt8], _ layout: MarkdownSegments) -> [Range<Int>] {
        let needle = Array(form.utf8)
        guard needle.count >= 2, let first = needle.first else { return [] }
        var out: [Range<Int>] = []
        for segment in layout.segments where segment.end - segment.start >= needle.count {
            var i = segment.start
            while i < segment.end {
                defer { i += 1 }
                guard text[i] == first, i == segment.start || !ByteClass.isWordByte(text[i - 1]) else { continue }
                var j = i, k = 0
                while j < segment.end, k < needle.count {
                    if needle[k] == 0x20, ByteClass.isSpace(text[j]) {
                        while j < segment.end, ByteClass.isSpace(text[j]) { j += 1 }
                        k += 1
                    } else if text[j] == needle[k] {
                        j += 1
                        k += 1
                    } else {
                        break
                    }
                }
                guard k == needle.count, j >= segment.end || !ByteClass.isWordByte(text[j]) || !ByteClass.isWordByte(needle[needle.count - 1]) else { continue }
                out.append(i..<j)
            }
        }
        return out
    }
}

extension EntityTagger {
    /// The abbreviations the article defines for something that is no organisation, with a
    /// capitalised long form whose initials they are: a place or a technology the gazetteers name
    /// there (`Chengdu-Chongqing Economic Circle (CCEC)`), or a thing by its last word (`Regional
    /// Comprehensive Economic Partnership (RCEP)`, `Intelligent and Connectivity Vehicles (ICV)`).
    /// Only `among` them, when given. A long form that an organisation's name covers, or that
    /// ends with an organisation's head noun or legal form, defines an organisation.
    func abbreviationsDefinedAsThings(_ text: [UInt8], _ layout: MarkdownSegments, hits: [Hit], among: Set<String>? = nil) -> Set<String> {
        var ranges = layout.segments.map { $0.start..<$0.end }
        if let among {
            // Only the segments that hold `(ABBR)` for one of them are read word by word.
            ranges = ranges.filter { range in among.contains { TechnologyFinder.contains(text, [range], "(\($0))") } }
        }
        if ranges.isEmpty { return [] }
        let named = hits.filter { $0.pattern >= 0 || $0.pattern == -5 }
        var found: Set<String> = []
        let tokens = OrganisationFinder.tokens(text, ranges)
        for definition in OrganisationFinder.definitions(in: text, tokens: tokens) where among?.contains(definition.abbreviation) ?? true {
            guard let long = OrganisationFinder.capitalisedLongForm(tokens, endingAt: definition.long.upperBound) else { continue }
            let last = tokens[long.upperBound - 1]
            let name = OrganisationFinder.spell(text, tokens[long.lowerBound].start, last.end)
            guard OrganisationFinder.initialsMatch(definition.abbreviation, name) else { continue }
            let covering = named.filter { $0.start <= last.start && $0.end >= last.end }
            guard !covering.contains(where: { kinds[$0.term] == .company }) else { continue }
            guard OrganisationFinder.head(of: last.lower) == nil, !OrganisationFinder.isLegalForm(last),
                  !OrganisationFinder.keptLegalForms.contains(last.lower) else { continue }
            if !covering.isEmpty || Self.thingWords.contains(last.lower) { found.insert(definition.abbreviation) }
        }
        return found
    }

    /// Last words of names of things that are no organisation: agreements, plans, standards,
    /// zones, vehicles and systems.
    static let thingWords: Set<String> = [
        "partnership", "agreement", "agreements", "accord", "treaty", "protocol", "plan", "strategy", "standard", "standards",
        "zone", "zones", "circle", "corridor", "belt", "vehicle", "vehicles", "system", "systems", "mechanism", "scheme",
        "framework", "index", "indicators", "act", "law", "regulation", "directive", "certificate", "certificates",
    ]

    /// `hits` without the organisations' mentions that are abbreviations the article defines for
    /// something else (``abbreviationsDefinedAsThings(_:_:hits:among:)``): a name listed or found
    /// for one article is another thing in an article that says so.
    func droppingAbbreviationsDefinedAsThings(_ hits: [Hit], _ text: [UInt8], _ layout: MarkdownSegments) -> [Hit] {
        var abbreviations: Set<String> = []
        for hit in hits where hit.pattern >= 0 && kinds[hit.term] == .company && hit.end - hit.start >= 2 && hit.end - hit.start <= 10 {
            if text[hit.start..<hit.end].allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) }) {
                abbreviations.insert(String(decoding: text[hit.start..<hit.end], as: UTF8.self))
            }
        }
        let things = abbreviationsDefinedAsThings(text, layout, hits: hits, among: abbreviations)
        guard !things.isEmpty else { return hits }
        return hits.filter { hit in
            !(hit.pattern >= 0 && kinds[hit.term] == .company && things.contains(String(decoding: text[hit.start..<hit.end], as: UTF8.self)))
        }
    }
}
