import FolioCore

extension EntityTagger {
    /// One technology decided for an article: its finding and its mentions.
    struct DiscoveredTechnology {
        var hits: [Hit]
        var found: FoundTechnology
    }

    /// Technologies decided in one article: indexed, and found but left for review.
    struct TechnologyDiscovery {
        var accepted: [DiscoveredTechnology] = []
        var pending: [DiscoveredTechnology] = []
    }

    /// Whether `abbreviation` stands in brackets right after one of `hits` (`Thermal energy
    /// storage (TES)`): the text defines it as that term.
    static func isDefined(_ abbreviation: String, afterOneOf hits: [Hit], in text: [UInt8]) -> Bool {
        let defined = [0x28] + Array(abbreviation.utf8) + [0x29]
        return hits.contains { hit in
            var i = hit.end
            if i < text.count, text[i] == 0x20 { i += 1 }
            return i + defined.count <= text.count && text[i..<(i + defined.count)].elementsEqual(defined)
        }
    }

    /// Whether known technologies are listed right before and right after `span`.
    static func standsBetweenTechnologies(_ span: Range<Int>, _ technologies: [Hit], in text: [UInt8]) -> Bool {
        let beside = technologies.filter { TechnologyFinder.listedBeside($0.start..<$0.end, span, in: text) }
        return beside.contains { $0.end <= span.lowerBound } && beside.contains { $0.start >= span.upperBound }
    }

    /// Finds technologies the vocabulary does not list (see ``TechnologyFinder``), decides once
    /// per phrase per article, and collects every mention of the accepted ones: the phrase in the
    /// singular and plural, with a capital at the start of a sentence, and its abbreviation.
    /// - Parameter claimed: spans that already name an organisation found in the article.
    func discoverTechnologies(_ text: [UInt8], _ layout: MarkdownSegments, hits: [Hit], claimed organisations: [Range<Int>]) -> TechnologyDiscovery {
        var lines: [[Int]] = []
        var lastLine = -1
        for (index, segment) in layout.segments.enumerated() where !segment.shouting && segment.region != .heading {
            if segment.line != lastLine {
                lines.append([])
                lastLine = segment.line
            }
            lines[lines.count - 1].append(index)
        }
        let technologies = hits.filter { $0.term >= 0 && kinds[$0.term] == .technology }
        let others = hits.filter { $0.term >= 0 && kinds[$0.term] != .technology && kinds[$0.term] != .sdg }.map { $0.start..<$0.end } + organisations
        var bySlug: [String: TechnologyCandidate] = [:]
        var mentions: [String: [Range<Int>]] = [:]
        var beside: [String: Int] = [:]
        var order: [String] = []
        func add(_ candidate: TechnologyCandidate) {
            let slug = Slug.make(candidate.name)
            if var existing = bySlug[slug] {
                if candidate.confidence > existing.confidence {
                    existing.rule = candidate.rule
                    existing.confidence = candidate.confidence
                }
                existing.abbreviation = existing.abbreviation ?? candidate.abbreviation
                bySlug[slug] = existing
            } else {
                bySlug[slug] = candidate
                order.append(slug)
            }
        }

        for line in lines {
            let ranges = line.map { layout.segments[$0].start..<layout.segments[$0].end }
            let named = TechnologyFinder.abbreviations(in: text, ranges: ranges) + TechnologyFinder.namedTechnologies(in: text, ranges: ranges)
                + TechnologyFinder.namedAbbreviations(in: text, ranges: ranges)
            // List items the other rules did not propose: `… systems` beside a known technology.
            let introduced = TechnologyFinder.introducedItems(in: text, ranges: ranges) + TechnologyFinder.closedItems(in: text, ranges: ranges)
            let items = (introduced + TechnologyFinder.listItems(in: text, ranges: ranges).filter { item in !introduced.contains { $0.span.overlaps(item.span) } }
                + TechnologyFinder.listNouns(in: text, ranges: ranges))
                .filter { item in !named.contains { $0.span.overlaps(item.span) } }
            for candidate in named + items {
                let span = candidate.span
                // Already a known technology, or part of a name.
                if technologies.contains(where: { $0.start <= span.lowerBound && $0.end >= span.upperBound }) { continue }
                // `energy storage technology`: a known technology named as one is that technology.
                if technologies.contains(where: { $0.start <= span.lowerBound && $0.end >= candidate.modifiersEnd }) { continue }
                // `(BESS)` where the vocabulary knows `BESS`: the phrase is that technology.
                if candidate.abbreviation != nil, technologies.contains(where: { $0.start > span.upperBound && $0.start <= span.upperBound + 3 }) { continue }
                if others.contains(where: { $0.overlaps(span) }) { continue }
                // `industrial edge computing` beside `digital twins`: adjectives before a known
                // technology qualify it and name no other.
                if technologies.contains(where: { $0.start > span.lowerBound && $0.end == span.upperBound && TechnologyFinder.areAdjectives(text[span.lowerBound..<$0.start]) }) {
                    continue
                }
                // An abbreviation the vocabulary gives a technology under conditions (`AM` only where
                // additive manufacturing is spelled out) is left to the vocabulary.
                if candidate.rule == .namedAbbreviation, entities.patterns.contains(where: { $0.text == candidate.name && kinds[$0.term] == .technology }) {
                    continue
                }
                // `Thermal energy storage (TES) …`, then `TES technology`: an abbreviation the
                // article defines for a known technology names that technology.
                if candidate.rule == .namedAbbreviation, Self.isDefined(candidate.name, afterOneOf: technologies, in: text) { continue }
                let slug = Slug.make(candidate.name)
                guard !slug.isEmpty, gazetteers.term(TermID(kind: .technology, slug: slug)) == nil,
                      gazetteers.term(kind: .technology, named: candidate.name) == nil else { continue }
                // The known technology it stands with: inside the phrase, else one listed beside it.
                let listed = technologies.first { TechnologyFinder.listedBeside($0.start..<$0.end, span, in: text) }
                // A list item is a technology only beside a known one; a lone noun, only between two.
                if candidate.rule == .listItem, listed == nil, !candidate.introduced { continue }
                if candidate.rule == .listNoun, !Self.standsBetweenTechnologies(span, technologies, in: text) { continue }
                if let near = technologies.first(where: { span.contains($0.start) }) ?? listed { beside[slug] = beside[slug] ?? near.term }
                if candidate.rule == .namedTechnology, listed != nil {
                    var listed = candidate
                    listed.confidence = TechnologyFinder.listedConfidence
                    add(listed)
                } else {
                    add(candidate)
                }
                mentions[slug, default: []].append(span)
            }
        }
        var discovery = TechnologyDiscovery()
        let taken = technologies.map { $0.start..<$0.end } + others
        var claimed: [Range<Int>] = []
        for slug in order {
            var candidate = bySlug[slug]!
            let decision = gazetteers.technologyReview[slug]
            if decision?.accepted == false { continue }
            // An abbreviation named as a technology is a name, written without a plural.
            let plurals = candidate.rule == .namedAbbreviation ? [] : [TechnologyFinder.plural(candidate.name)]
            var forms = [candidate.name, candidate.written] + plurals
            forms += forms.map { $0.prefix(1).uppercased() + $0.dropFirst() }
            if let abbreviation = candidate.abbreviation { forms += [abbreviation, abbreviation + "s"] }
            var spans = mentions[slug]!
            for form in Set(forms) { spans += occurrences(of: form, in: text, layout) }
            spans = spans.sorted { ($0.lowerBound, -$0.upperBound) < ($1.lowerBound, -$1.upperBound) }
            var kept: [Range<Int>] = []
            for span in spans where !kept.contains(where: { $0.overlaps(span) }) && !claimed.contains(where: { $0.overlaps(span) })
                && !taken.contains(where: { $0.lowerBound <= span.lowerBound && $0.upperBound >= span.upperBound }) && !others.contains(where: { $0.overlaps(span) }) {
                kept.append(span)
            }
            // `… technology` written in two places of the article is named as one.
            if candidate.rule == .namedTechnology, candidate.confidence < TechnologyFinder.recurringConfidence, kept.count >= 2 {
                candidate.confidence = TechnologyFinder.recurringConfidence
            }
            // `air purification technology` written once: every word before `technology` is a
            // word of the vocabulary's field, so the phrase names a technology of that field.
            if candidate.rule == .namedTechnology, candidate.confidence < TechnologyFinder.acceptance,
               technologyGroups.areFieldWords(candidate.name.split(separator: " ").dropLast().joined(separator: " ")) {
                candidate.confidence = TechnologyFinder.listedConfidence
            }
            let mentionHits = kept.compactMap { span -> Hit? in
                segmentIndex(layout, span.lowerBound).map { Hit(term: -1, pattern: -6, start: span.lowerBound, end: span.upperBound, segment: $0, nested: false) }
            }
            guard !mentionHits.isEmpty else { continue }
            let accepted = decision?.accepted == true || candidate.confidence >= TechnologyFinder.acceptance
            var variants: [String] = []
            for variant in [candidate.written] + plurals + (candidate.abbreviation.map { [$0] } ?? [])
                where variant != candidate.name && !variants.contains(variant) {
                variants.append(variant)
            }
            let near = beside[slug].map { gazetteers.terms[$0] }
            // Without a known technology beside it, the group its words share with the vocabulary.
            let voted = near == nil ? technologyGroups.group(of: candidate.name) : nil
            // Written like the vocabulary's names: a capital first letter (`Battery energy storage system`).
            let found = FoundTechnology(
                name: candidate.name.prefix(1).uppercased() + candidate.name.dropFirst(), slug: slug, variants: variants,
                group: near?.type ?? voted?.group ?? TechnologyFinder.otherGroup,
                domain: near?.domain ?? voted?.domain ?? (TechnologyFinder.digitalHeads.contains(candidate.head) ? "Digital" : "Manufacturing"),
                rule: decision?.accepted == true && candidate.confidence < TechnologyFinder.acceptance ? .reviewed : candidate.rule,
                confidence: candidate.confidence, count: mentionHits.count, evidence: mention(for: mentionHits[0], text, layout)
            )
            if accepted {
                claimed += kept
                discovery.accepted.append(DiscoveredTechnology(hits: mentionHits, found: found))
            } else {
                discovery.pending.append(DiscoveredTechnology(hits: mentionHits, found: found))
            }
        }
        return discovery
    }
}
