import FolioCore
import Foundation

// The gazetteers as the build cache keeps them between builds: reading the YAML files is the
// slow part of loading them, and they seldom change from one build to the next.

extension Gazetteers: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(terms)
        for threshold in [
            sdgMinimumOccurrences, sdgMinimumDistinctPhrases, sdgMinimumOccurrencesWithTechnologies,
            sdgMinimumDistinctWithTechnologies, sdgMinimumParagraphsWithTechnologies,
        ] { archive.write(threshold) }
        for decisions in [review, technologyReview] {
            // In slug order, so the same gazetteers always archive to the same bytes.
            let sorted = decisions.sorted { $0.key < $1.key }
            archive.write(sorted.map(\.key))
            archive.write(sorted.map(\.value))
        }
        archive.write(sourceDigest ?? Data())
    }

    public init(from archive: inout ArchiveReader) throws {
        let terms: [Term] = try archive.readArray()
        let thresholds = try (0..<5).map { _ in try archive.readInt() }
        self.init(terms: terms, sdgMinimumOccurrences: thresholds[0], sdgMinimumDistinctPhrases: thresholds[1])
        sdgMinimumOccurrencesWithTechnologies = thresholds[2]
        sdgMinimumDistinctWithTechnologies = thresholds[3]
        sdgMinimumParagraphsWithTechnologies = thresholds[4]
        var decisions: [[String: ReviewDecision]] = []
        for _ in 0..<2 {
            let slugs = try archive.readStrings()
            let values: [ReviewDecision] = try archive.readArray()
            guard slugs.count == values.count else { throw ArchiveError.damaged }
            decisions.append(Dictionary(zip(slugs, values), uniquingKeysWith: { a, _ in a }))
        }
        review = decisions[0]
        technologyReview = decisions[1]
        let digest = try archive.readData()
        // Set last: changing any other field clears it.
        sourceDigest = digest.isEmpty ? nil : digest
    }

    /// The build cache's namespace of loaded gazetteers.
    static let cacheNamespace = "gazetteers"

    /// The gazetteers in `directory` from `cache` when an earlier build loaded the very same
    /// files, else loaded from the files and stored there.
    static func loadCached(from directory: URL, displayDirectory: String, includeFound: Bool, cache: BuildCache) throws -> Gazetteers {
        // The digest ``load(from:displayDirectory:includeFound:)`` computes, over the same files in
        // the same order: an entry is found only for files with exactly these bytes.
        var builder = CacheKeyBuilder(cacheNamespace)
        var names = ["companies.yml", "cities.yml", "technologies.yml", Gazetteers.wellKnownOrganisationsFile, EntityReview.fileName]
        if includeFound { names += [FoundOrganisations.fileName, FoundTechnologies.fileName] }
        names.append("sdgs.yml")
        for name in names {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else { continue }
            builder.add("\(displayDirectory)/\(name)")
            builder.add(data)
        }
        let key = builder.key()
        // Files that changed while they were read give another digest: nothing is stored then.
        return try cache.archived(cacheNamespace, key, accept: { $0.sourceDigest == key.bytes }) {
            try load(from: directory, displayDirectory: displayDirectory, includeFound: includeFound)
        }
    }
}

extension Term: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(id)
        archive.write(name)
        archive.write(aliases)
        archive.write(formerNames)
        for text in [type, parent, country, domain, foundBy] { archive.write(text) }
        archive.write(members)
        archive.write(population)
        archive.write(related)
        archive.write(authorOf)
        archive.write(coordinates)
        archive.write(goal)
        archive.write(ruleVariants?.count ?? -1)
        for variants in ruleVariants ?? [] { archive.write(variants) }
    }

    public init(from archive: inout ArchiveReader) throws {
        let id: TermID = try archive.read()
        let name = try archive.readString()
        let aliases: [Alias] = try archive.readArray()
        let formerNames = try archive.readStrings()
        let texts = try (0..<5).map { _ in try archive.readOptionalString() }
        self.init(
            id: id, name: name, aliases: aliases, formerNames: formerNames, type: texts[0], parent: texts[1], country: texts[2],
            domain: texts[3], members: try archive.readStrings(), population: try archive.readOptionalInt(), foundBy: texts[4]
        )
        related = try archive.readStrings()
        authorOf = try archive.readStrings()
        coordinates = try archive.readOptional()
        goal = try archive.readOptional()
        let variantLists = try archive.readInt()
        ruleVariants = variantLists < 0 ? nil : try (0..<variantLists).map { _ in try archive.readArray(Alias.self) }
    }
}

extension Alias: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(text)
        archive.write(caseSensitive)
        archive.write(rule.precededBy)
        archive.write(rule.notFollowedBy)
        archive.write(rule.requires)
    }

    public init(from archive: inout ArchiveReader) throws {
        let text = try archive.readString(), caseSensitive = try archive.readBool()
        let rule = AliasRule(precededBy: try archive.readStrings(), notFollowedBy: try archive.readStrings(), requires: try archive.readStrings())
        self.init(text: text, caseSensitive: caseSensitive, rule: rule)
    }
}

extension Coordinates: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(latitude)
        archive.write(longitude)
        archive.write(source)
        archive.write(geonamesID)
        archive.write(basis)
    }

    public init(from archive: inout ArchiveReader) throws {
        self.init(
            latitude: try archive.readDouble(), longitude: try archive.readDouble(), source: try archive.readString(),
            geonamesID: try archive.readOptionalInt(), basis: try archive.readOptionalString()
        )
    }
}

extension GoalInfo: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(number)
        archive.write(shortTitle)
        archive.write(title)
        archive.write(colour)
        archive.write(phrases)
        archive.write(technologyGroups)
    }

    public init(from archive: inout ArchiveReader) throws {
        self.init(
            number: try archive.readInt(), shortTitle: try archive.readString(), title: try archive.readString(),
            colour: try archive.readString(), phrases: try archive.readStrings(), technologyGroups: try archive.readStrings()
        )
    }
}

extension ReviewDecision: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(accepted)
        archive.write(type?.rawValue)
        archive.write(name)
        archive.write(variants)
    }

    public init(from archive: inout ArchiveReader) throws {
        let accepted = try archive.readBool()
        let type = try archive.readOptionalString().map { raw -> OrganisationType in
            guard let type = OrganisationType(rawValue: raw) else { throw ArchiveError.damaged }
            return type
        }
        self.init(accepted: accepted, type: type, name: try archive.readString(), variants: try archive.readStrings())
    }
}
