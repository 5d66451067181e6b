import FolioCore

// An article's tagging as the build cache keeps it between builds.

extension ArticleEntities: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(tags)
        archive.write(markdown)
        archive.write(occurrences)
        // In goal order, so one tagging always archives to the same bytes.
        let goals = goalEvidence.sorted { $0.key < $1.key }
        archive.write(goals.map(\.key))
        for (_, evidence) in goals { archive.write(evidence) }
        archive.write(organisations)
        archive.write(candidates)
        archive.write(technologies)
        archive.write(technologyCandidates)
    }

    public init(from archive: inout ArchiveReader) throws {
        let tags: EntityTags = try archive.read()
        let markdown = try archive.readString()
        let occurrences: [TermOccurrence] = try archive.readArray()
        var goalEvidence: [Int: GoalEvidence] = [:]
        for goal in try archive.readInts() { goalEvidence[goal] = try archive.read() }
        self.init(
            tags: tags, markdown: markdown, occurrences: occurrences, goalEvidence: goalEvidence,
            organisations: try archive.readArray(), candidates: try archive.readArray(),
            technologies: try archive.readArray(), technologyCandidates: try archive.readArray()
        )
    }
}

extension EntityTags: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(companies)
        archive.write(cities)
        archive.write(sdgs)
        archive.write(technologies)
    }

    public init(from archive: inout ArchiveReader) throws {
        self.init(companies: try archive.readStrings(), cities: try archive.readStrings(), sdgs: try archive.readInts(), technologies: try archive.readStrings())
    }
}

extension TermID: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(kind.rawValue)
        archive.write(slug)
    }

    public init(from archive: inout ArchiveReader) throws {
        self.init(kind: try archive.readRaw(), slug: try archive.readString())
    }
}

extension Mention: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(text)
        archive.write(before)
        archive.write(after)
        archive.write(region.rawValue)
        archive.write(line)
        archive.write(offset)
    }

    public init(from archive: inout ArchiveReader) throws {
        self.init(
            text: try archive.readString(), before: try archive.readString(), after: try archive.readString(),
            region: try archive.readRaw(), line: try archive.readInt(), offset: try archive.readInt()
        )
    }
}

extension PhraseCount: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(phrase)
        archive.write(count)
    }

    public init(from archive: inout ArchiveReader) throws {
        self.init(phrase: try archive.readString(), count: try archive.readInt())
    }
}

extension GoalEvidence: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(explicitMentions)
        archive.write(phrases)
        archive.write(tagged)
    }

    public init(from archive: inout ArchiveReader) throws {
        self.init(explicitMentions: try archive.readInt(), phrases: try archive.readArray(), tagged: try archive.readBool())
    }
}

extension TermOccurrence: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(term)
        archive.write(name)
        archive.write(bodyCount)
        archive.write(footnoteCount)
        archive.write(mentions)
        archive.write(evidence)
    }

    public init(from archive: inout ArchiveReader) throws {
        self.init(
            term: try archive.read(), name: try archive.readString(), bodyCount: try archive.readInt(), footnoteCount: try archive.readInt(),
            mentions: try archive.readArray(), evidence: try archive.readOptional()
        )
    }
}

extension FoundOrganisation: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(name)
        archive.write(slug)
        archive.write(variants)
        archive.write(type.rawValue)
        archive.write(rule.rawValue)
        archive.write(confidence)
        archive.write(count)
        archive.write(evidence)
    }

    public init(from archive: inout ArchiveReader) throws {
        self.init(
            name: try archive.readString(), slug: try archive.readString(), variants: try archive.readStrings(),
            type: try archive.readRaw(), rule: try archive.readRaw(), confidence: try archive.readDouble(),
            count: try archive.readInt(), evidence: try archive.readOptional()
        )
    }
}

extension FoundTechnology: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(name)
        archive.write(slug)
        archive.write(variants)
        archive.write(group)
        archive.write(domain)
        archive.write(rule.rawValue)
        archive.write(confidence)
        archive.write(count)
        archive.write(evidence)
    }

    public init(from archive: inout ArchiveReader) throws {
        self.init(
            name: try archive.readString(), slug: try archive.readString(), variants: try archive.readStrings(),
            group: try archive.readString(), domain: try archive.readString(), rule: try archive.readRaw(),
            confidence: try archive.readDouble(), count: try archive.readInt(), evidence: try archive.readOptional()
        )
    }
}
