import FolioCore

/// How a technology no vocabulary lists was recognised in the text.
public enum TechnologyRule: String, Sendable, Codable, Equatable {
    /// A lower-case phrase with a technology head noun, defined with an abbreviation of its
    /// initials: `battery management system (BMS)`.
    case abbreviation = "abbreviation definition"
    /// Nouns named as a technology: `membrane filtration technology`, written more than once in
    /// the article, listed beside a known technology, or made only of the vocabulary's field words.
    case namedTechnology = "named technology"
    /// Modifier nouns and a technology head noun standing as an item of a list beside a known
    /// technology: `precision seeding systems` in `drones, precision seeding systems and satellite imagery`.
    case listItem = "list item"
    /// One plural noun standing as an item of a list between two known technologies: `autopilots`
    /// in `agricultural drones, autopilots, and agricultural IoT`.
    case listNoun = "list noun"
    /// An abbreviation named as a technology: `OCR technology`, `MCH technology`.
    case namedAbbreviation = "abbreviation named as technology"
    /// Accepted in the review file.
    case reviewed
}

/// A technology found by its shape in the text, as the index and the review file show it.
public struct FoundTechnology: Sendable, Equatable {
    /// Index name: the phrase in the singular, as written (`battery management system`).
    public var name: String
    public var slug: String
    /// Other spellings seen in the article: the defined abbreviation, the plural.
    public var variants: [String]
    /// The vocabulary group it is filed under (see ``TechnologyFinder/otherGroup``).
    public var group: String
    /// The domain of that group (`Energy`, `Digital`, `Manufacturing` …).
    public var domain: String
    public var rule: TechnologyRule
    public var confidence: Double
    /// Mentions in the article.
    public var count: Int
    /// The first mention, with its context and line.
    public var evidence: Mention?

    public init(
        name: String, slug: String, variants: [String], group: String, domain: String, rule: TechnologyRule,
        confidence: Double, count: Int, evidence: Mention?
    ) {
        self.name = name
        self.slug = slug
        self.variants = variants
        self.group = group
        self.domain = domain
        self.rule = rule
        self.confidence = confidence
        self.count = count
        self.evidence = evidence
    }
}

/// One phrase a rule of ``TechnologyFinder`` proposes in one line.
struct TechnologyCandidate: Equatable {
    /// The phrase in the singular (`battery management system`).
    var name: String
    /// The phrase as written (`battery management systems`).
    var written: String
    /// The abbreviation the article defines for it.
    var abbreviation: String?
    /// The phrase's last word in the singular (`system`).
    var head: String
    var rule: TechnologyRule
    var confidence: Double
    /// Byte range of the phrase where the rule saw it.
    var span: Range<Int>
    /// End of the words before the head (`membrane filtration` in `membrane filtration technology`).
    var modifiersEnd: Int
    /// An item of a list that `technologies such as` introduces: a technology without a known one beside it.
    var introduced = false
}

/// Finds technologies that the vocabulary does not list, by the shape of the text: general
/// rules on lower-case noun phrases, never lists of names. Precision comes first: a phrase must
/// end with a technology head noun and carry no word of quality, number or determiner.
enum TechnologyFinder {
    /// Minimum confidence to index a phrase without review (the same bar as organisations).
    static let acceptance = OrganisationFinder.acceptance
    /// An abbreviation defined for a technology phrase.
    static let abbreviationConfidence = 0.85
    /// `… technology` written twice or more in one article.
    static let recurringConfidence = 0.8
    /// `… technology` listed beside a known technology.
    static let listedConfidence = 0.75
    /// `… technology` written once, alone: kept for review.
    static let singleConfidence = 0.5
    /// An abbreviation named as a technology (`OCR technology`): the abbreviation is a name,
    /// and the text says what it names.
    static let namedAbbreviationConfidence = 0.75

    /// Last words (singular) of phrases that name a technology or a technical system.
    static let heads: Set<String> = [
        "system", "technology", "platform", "network", "sensor", "robot", "printing", "manufacturing", "computing",
        "storage", "battery", "engine", "vehicle", "cell", "chip", "algorithm", "software", "model", "fusion", "reactor",
        "turbine", "pump", "device", "module", "controller", "drive", "grid", "capture", "sequestration", "inverter",
        "electrolyser", "electrolyzer", "processor", "semiconductor", "display", "laser", "machining", "welding",
        "lithography", "recognition", "learning", "intelligence", "reality", "twin", "interface", "communication",
        "computer", "server", "router", "terminal", "printer", "instrument", "meter", "camera", "charger", "compressor",
        "transformer", "drone", "equipment", "machinery", "station", "tool",
        // Techniques named by their process: `gas leak detection`, `sewage treatment`, `gene sequencing`.
        "detection", "monitoring", "treatment", "inspection", "positioning", "navigation", "imaging", "sequencing",
        "simulation", "analytics", "encryption", "purification", "desalination", "recycling",
    ]

    /// Heads whose phrases go to the Digital domain when no known technology stands beside them;
    /// every other head goes to Manufacturing (see ``otherGroup``).
    static let digitalHeads: Set<String> = [
        "platform", "network", "computing", "chip", "algorithm", "software", "model", "processor", "semiconductor",
        "display", "recognition", "learning", "intelligence", "reality", "twin", "interface", "communication",
        "computer", "server", "router", "terminal", "printer", "positioning", "navigation", "simulation", "analytics", "encryption",
    ]

    /// The group of a found technology that stands beside no known one.
    static let otherGroup = "Other"

    /// Words that make a phrase generic (`new technology`, `key technologies`) or name no
    /// technology (`special purpose vehicle`, `emissions trading system`): determiners, words of
    /// quality or degree, and the nouns of finance and policy.
    static let genericWords: Set<String> = [
        "a", "an", "the", "this", "that", "these", "those", "our", "its", "their", "his", "her", "such", "other", "own",
        "new", "advanced", "key", "core", "emerging", "innovative", "smart", "green", "modern", "latest", "cutting-edge",
        "leading", "high", "low", "next", "current", "existing", "relevant", "related", "various", "different", "more",
        "most", "many", "several", "some", "all", "any", "every", "each", "future", "traditional", "conventional", "novel",
        "state-of-the-art", "frontier", "digital", "intelligent", "high-tech", "hi-tech", "clean", "efficient", "important",
        "major", "main", "basic", "general", "specific", "similar", "best", "better", "good", "great", "big", "small", "large",
        "applied", "available", "proven", "mature", "disruptive", "breakthrough", "critical", "strategic", "common", "open",
        "enabling", "underlying", "same", "first", "second", "third", "last", "only", "whole", "entire", "total", "overall",
        // Numbers and words that count or single out (`just one technology`).
        "one", "two", "three", "four", "five", "single", "multiple", "just", "certain", "particular", "another", "either", "neither",
        "and", "or", "of", "for", "in", "on", "with", "by", "to", "from", "as", "at", "via", "into", "through", "is", "are",
        "was", "were", "be", "been", "has", "have", "had", "which", "who", "what", "including", "like", "not", "no", "also",
        "use", "using", "used", "adopt", "adopting", "adopted", "apply", "applying", "develop", "developing", "developed",
        "introduce", "introducing", "introduced", "deploy", "deploying", "deployed", "promote", "promoting", "provide",
        "providing", "improve", "improving", "upgrade", "upgrading", "support", "supporting", "based", "driven", "related",
        "trading", "purpose", "special", "credit", "quality", "responsibility", "accounting", "tax", "financial", "finance",
        "investment", "payment", "social", "political", "legal", "education", "governance", "planning", "policy", "value",
        "business", "management-level", "industry", "sector", "market", "economic", "economy", "cooperation", "innovation",
        "science", "research", "development", "production", "application", "information", "operating", "operation",
        "next-generation", "new-generation", "high-end", "low-carbon", "high-quality", "world-class", "reduction", "saving",
        "protection", "conservation",
        // Words of scope.
        "global", "international", "world", "worldwide", "national", "domestic", "local", "regional",
        // Modal verbs.
        "can", "could", "will", "would", "shall", "should", "may", "might", "must",
    ]

    /// Endings of adjectives of quality or kind (`professional`, `various`, `sustainable`,
    /// `innovative`): such a word ends a run of modifier nouns.
    static let adjectiveEndings = ["ous", "ful", "able", "ible", "ive", "less", "est"]

    /// Whether `lower` is a plain lower-case noun that may modify a technology head: letters and
    /// inner hyphens only, not generic, not an adjective.
    static func isModifier(_ lower: String, _ original: String) -> Bool {
        guard let first = original.unicodeScalars.first, first.value >= 0x61, first.value <= 0x7A,
              lower.count >= 2, lower.allSatisfy({ $0.isLetter || $0 == "-" }), !lower.hasSuffix("-"),
              !genericWords.contains(lower), !OrganisationFinder.isAdjective(lower),
              // A noun that modifies another is singular; `uses`, `combines` are verbs.
              !(lower.hasSuffix("s") && !lower.hasSuffix("ss") && !lower.hasSuffix("us") && !lower.hasSuffix("is") && !lower.hasSuffix("as")),
              !adjectiveEndings.contains(where: { lower.hasSuffix($0) && lower.count > $0.count + 2 })
        else { return false }
        return true
    }

    /// The singular of a head word, if it is a technology head (`systems` → `system`,
    /// `batteries` → `battery`, `technologies` → `technology`).
    static func singularHead(_ lower: String) -> String? {
        if heads.contains(lower) { return lower }
        if lower.hasSuffix("ies"), heads.contains(String(lower.dropLast(3)) + "y") { return String(lower.dropLast(3)) + "y" }
        if lower.hasSuffix("s"), heads.contains(String(lower.dropLast())) { return String(lower.dropLast()) }
        return nil
    }

    /// `words` with the last one in the singular form `head`.
    static func singularName(_ words: [String], head: String) -> String {
        (words.dropLast() + [head]).joined(separator: " ")
    }

    /// The plural of a singular phrase (`battery` → `batteries`, `system` → `systems`).
    static func plural(_ name: String) -> String {
        if name.hasSuffix("y"), let before = name.dropLast().last, !"aeiou".contains(before) { return String(name.dropLast()) + "ies" }
        if name.hasSuffix("s") || name.hasSuffix("x") || name.hasSuffix("ch") || name.hasSuffix("sh") { return name + "es" }
        return name + "s"
    }

    /// Abbreviations defined for a lower-case technology phrase in one line: `battery management
    /// system (BMS)`, `laser powder bed fusion (LPBF)`, `battery electric vehicles (BEVs)`. The
    /// shortest run of modifier nouns before the head whose initials are the abbreviation's letters.
    static func abbreviations(in text: [UInt8], ranges: [Range<Int>]) -> [TechnologyCandidate] {
        let tokens = OrganisationFinder.tokens(text, ranges)
        var out: [TechnologyCandidate] = []
        for definition in OrganisationFinder.definitions(in: text, tokens: tokens) {
            guard let end = tokens.firstIndex(where: { $0.end == definition.long.upperBound }),
                  let first = tokens[end].text.unicodeScalars.first, first.value >= 0x61, first.value <= 0x7A,
                  let head = singularHead(tokens[end].lower) else { continue }
            // `BEVs` for `battery electric vehicles`: the letters without the plural `s`.
            var letters = definition.abbreviation
            if OrganisationFinder.isPluralAbbreviation(letters) { letters.removeLast() }
            guard letters.count >= 2, letters.count <= 6 else { continue }
            var start = end
            var match: Int?
            while start > 0, end - start + 1 < letters.count + 2 {
                let previous = tokens[start - 1]
                guard previous.spaceAfter, isModifier(previous.lower, previous.text) || previous.lower == "and" else { break }
                start -= 1
                let words = tokens[start...end].map(\.text)
                if tokens[start].lower != "and", OrganisationFinder.initialsMatch(letters, words.joined(separator: " ")) {
                    match = start
                    break
                }
            }
            guard let from = match else { continue }
            let words = tokens[from...end].map(\.text)
            // A word written in capitals before the phrase makes it part of a name (`Honeywell operating system`).
            if from > 0, tokens[from - 1].capitalised, tokens[from - 1].spaceAfter, !OrganisationFinder.leadingStopWords.contains(tokens[from - 1].lower) { continue }
            out.append(TechnologyCandidate(
                name: singularName(words, head: head), written: words.joined(separator: " "), abbreviation: letters,
                head: head, rule: .abbreviation, confidence: abbreviationConfidence, span: tokens[from].start..<tokens[end].end,
                modifiersEnd: tokens[end - 1].end
            ))
        }
        return out
    }

    /// Phrases named as a technology in one line: two or three lower-case modifier nouns before
    /// `technology` or `technologies` (`membrane filtration technology`, `oil pollution treatment
    /// technologies`). Confidence is set later from how the article uses them.
    static func namedTechnologies(in text: [UInt8], ranges: [Range<Int>]) -> [TechnologyCandidate] {
        let tokens = OrganisationFinder.tokens(text, ranges)
        var out: [TechnologyCandidate] = []
        for (index, token) in tokens.enumerated() where token.text == "technology" || token.text == "technologies" {
            var start = index
            // Adverbs and verbs (`rapidly evolving`, `will revolutionize`) open no technology's name.
            while start > 0, index - start < 3, tokens[start - 1].spaceAfter, isModifier(tokens[start - 1].lower, tokens[start - 1].text),
                  !isAdverbOrVerb(tokens[start - 1].lower) {
                start -= 1
            }
            guard index - start >= 2 else { continue }
            // `Luoxiang software technology`, `technology Co.`: part of a company's name.
            // A capital that opens the sentence (`The air purification technology`) names nothing.
            if start > 0, tokens[start - 1].capitalised, tokens[start - 1].spaceAfter, !OrganisationFinder.leadingStopWords.contains(tokens[start - 1].lower) { continue }
            if index + 1 < tokens.count, token.spaceAfter, tokens[index + 1].capitalised || ["co", "co.", "company", "ltd", "ltd."].contains(tokens[index + 1].lower) { continue }
            let words = tokens[start...index].map(\.text)
            out.append(TechnologyCandidate(
                name: singularName(words, head: "technology"), written: words.joined(separator: " "), abbreviation: nil,
                head: "technology", rule: .namedTechnology, confidence: singleConfidence, span: tokens[start].start..<token.end,
                modifiersEnd: tokens[index - 1].end
            ))
        }
        return out
    }

    /// Items of a list in one line that have the shape of a technology: one to three lower-case
    /// modifier nouns before a technology head noun (`crop monitoring systems`, `precision seeding
    /// technology`), with a list separator (`, `, ` and `, ` or `) right before or after them.
    /// Whether a known technology is another item of the same list is decided by the caller
    /// (``listedBeside(_:_:in:)``); only then is the item a technology.
    static func listItems(in text: [UInt8], ranges: [Range<Int>]) -> [TechnologyCandidate] {
        let tokens = OrganisationFinder.tokens(text, ranges)
        var out: [TechnologyCandidate] = []
        for (index, token) in tokens.enumerated() {
            guard let first = token.text.unicodeScalars.first, first.value >= 0x61, first.value <= 0x7A,
                  let head = singularHead(token.lower) else { continue }
            // The head ends the item: a separator or the end of the sentence follows.
            let endsItem = index + 1 == tokens.count || !token.spaceAfter
                || (index + 1 < tokens.count && ["and", "or"].contains(tokens[index + 1].lower))
            guard endsItem, token.spaceAfter || [0x2C, 0x2E, 0x3B, 0x3A, 0x29, 0x0A, 0].contains(token.next) else { continue }
            var start = index
            var nouns = 0
            while start > 0, index - start < 3, tokens[start - 1].spaceAfter {
                let word = tokens[start - 1]
                if isListModifier(word.lower, word.text) {
                    nouns += 1
                } else if !fieldAdjectives.contains(word.text) {
                    break
                }
                start -= 1
            }
            // One modifier is enough before a head that names a kind of machine or component
            // (`processor chip`, `welding robots`); broad heads need two (`reclaimed water reuse
            // systems`, not `software algorithm` or `temporary storage`). An adjective of a field
            // counts as one beside a noun (`agricultural management systems`), not alone.
            guard index - start >= (specificHeads.contains(head) ? 1 : 2), nouns >= 1 else { continue }
            // `intelligent agricultural management systems`: an adjective of quality may open the item.
            if start > 1, tokens[start - 1].spaceAfter, ModifierUse.qualityAdjectiveStarts.contains(tokens[start - 1].text) { start -= 1 }
            // The item starts after a separator: a comma, `and` or `or`, or a list opener (`such as`, `:`).
            guard start > 0 else { continue }
            let previous = tokens[start - 1]
            let opens = previous.next == 0x2C || previous.next == 0x3A || ["and", "or", "as", "including", "like"].contains(previous.lower)
            guard opens else { continue }
            if previous.capitalised, previous.spaceAfter, !["and", "or"].contains(previous.lower) { continue }
            let words = tokens[start...index].map(\.text)
            out.append(TechnologyCandidate(
                name: singularName(words, head: head), written: words.joined(separator: " "), abbreviation: nil,
                head: head, rule: .listItem, confidence: listedConfidence, span: tokens[start].start..<token.end,
                modifiersEnd: tokens[index - 1].end
            ))
        }
        return out
    }

    /// Nouns that introduce a list of technologies: `technologies such as …`, `techniques like …`,
    /// `equipment including …`.
    static let introducingNouns: Set<String> = ["technology", "technologies", "techniques", "equipment", "devices"]

    /// Items of a list that a technology noun introduces in one line: `technologies such as
    /// in-cylinder direct injection, variable cam timing and turbocharging`, `technologies
    /// including data warehouses, …`. The words `such as`, `like` or `including` after
    /// `technologies` say what every item is, so no known technology need stand beside them. An
    /// item is one to four lower-case words: modifier nouns or adjectives of a field, and a last
    /// word that is no word of quality, determiner, adjective or noun of any field (`solutions`,
    /// `applications`). Items with a capital or a digit are left to the vocabulary; the list ends
    /// at a sentence's punctuation, a parenthesis or an item that runs into a clause, and counts
    /// only with two items or more.
    static func introducedItems(in text: [UInt8], ranges: [Range<Int>]) -> [TechnologyCandidate] {
        guard ["technolog", "techniques", "equipment", "devices"].contains(where: { contains(text, ranges, $0) }) else { return [] }
        let tokens = OrganisationFinder.tokens(text, ranges)
        var out: [TechnologyCandidate] = []
        var index = 0
        while index < tokens.count {
            defer { index += 1 }
            guard introducingNouns.contains(tokens[index].text), tokens[index].spaceAfter || tokens[index].next == 0x2C else { continue }
            var k = index + 1
            guard k < tokens.count else { continue }
            if tokens[k].lower == "such", k + 1 < tokens.count, tokens[k].spaceAfter, tokens[k + 1].lower == "as" {
                k += 2
            } else if ["like", "including"].contains(tokens[k].lower) {
                k += 1
            } else {
                continue
            }
            guard tokens[k - 1].spaceAfter else { continue }
            // The items: runs of tokens closed by a comma, `and` or `or`; the last closes at punctuation.
            var items: [Range<Int>] = []
            var start = k
            var closedAtEnd = false
            // After `and` or `or`, the next item is the last (`… and fueling stations, while …`).
            var last = false
            var j = k
            while j < tokens.count, j - k < 40 {
                let token = tokens[j]
                if token.lower == "etc" || token.lower == "etc." { closedAtEnd = true; break }
                // A clause, not an item: the list ends before it (`…, while incorporating designs`).
                if j == start, ModifierUse.phraseEnders.contains(token.lower), !["and", "or"].contains(token.lower) { closedAtEnd = !items.isEmpty; break }
                if ["and", "or"].contains(token.lower), j > start {
                    items.append(start..<j)
                    start = j + 1
                    last = true
                } else if ["and", "or"].contains(token.lower) {
                    start = j + 1
                    last = true
                } else if token.next == 0x2C {
                    items.append(start..<(j + 1))
                    start = j + 1
                    if last { closedAtEnd = true; break }
                } else if !token.spaceAfter {
                    // `.`, `;`, `:`, `(`, `)` or the end of the line: the list ends with this item.
                    items.append(start..<(j + 1))
                    closedAtEnd = true
                    break
                }
                j += 1
            }
            guard closedAtEnd, items.count >= 2 else { continue }
            for item in items where !item.isEmpty && item.count <= 4 {
                let words = tokens[item]
                guard words.allSatisfy(isListedWord) else { continue }
                if let candidate = Self.item(words) { out.append(candidate) }
            }
        }
        return out
    }

    /// Items of a list that `and other technologies` closes in one line: `information processing,
    /// data visualization, 3D rendering, and other technologies`. The same items as after
    /// ``introducedItems(in:ranges:)``, read backwards from `and other`: comma by comma, the first
    /// item starting after a preposition or determiner (`Relying on information processing, …`).
    static func closedItems(in text: [UInt8], ranges: [Range<Int>]) -> [TechnologyCandidate] {
        guard contains(text, ranges, " other ") else { return [] }
        let tokens = OrganisationFinder.tokens(text, ranges)
        var out: [TechnologyCandidate] = []
        for index in tokens.indices where index >= 3 && tokens[index].lower == "other" && ["and", "or"].contains(tokens[index - 1].lower) {
            // `and other technologies`, `and other digital technologies`, `and other emerging technologies`.
            // The noun ends the phrase (`… and other transport equipment manufacturing industry` lists industries).
            guard index + 1 < tokens.count,
                  let noun = (index + 1...min(index + 3, tokens.count - 1)).first(where: { introducingNouns.contains(tokens[$0].text) }),
                  !tokens[noun].spaceAfter || noun + 1 == tokens.count || ModifierUse.phraseEnders.contains(tokens[noun + 1].lower) else { continue }
            var chunks: [(range: Range<Int>, first: Bool)] = []
            var hi = index - 1
            while hi > 0, chunks.count < 8 {
                var lo = hi - 1
                var opens = false
                var unclear = false
                while lo > 0 {
                    let previous = tokens[lo - 1]
                    if previous.next == 0x2C { break }
                    if !previous.spaceAfter || ModifierUse.phraseEnders.contains(previous.lower) {
                        opens = true
                        break
                    }
                    // A word of quality, a verb or an adverb before: the list starts there, and
                    // where its first item starts is unclear (`… on information processing, …`).
                    if genericWords.contains(previous.lower) || isAdverbOrVerb(previous.lower) {
                        opens = true
                        unclear = true
                        break
                    }
                    lo -= 1
                    if hi - lo > 4 { break }
                }
                guard hi - lo <= 4 else { break }
                chunks.append((unclear ? lo..<lo : lo..<hi, opens || lo == 0))
                if opens || lo == 0 { break }
                hi = lo
            }
            guard chunks.count >= 2, chunks.last!.first else { continue }
            for chunk in chunks {
                let words = tokens[chunk.range]
                guard words.allSatisfy(isListedWord) else { continue }
                if let candidate = item(words) { out.append(candidate) }
            }
        }
        return out
    }

    /// Whether a word can stand in an item of a list that a technology noun opens or closes:
    /// lower-case letters and hyphens, no word of quality, no word that ends a phrase, no adverb
    /// or verb.
    static func isListedWord(_ word: OrganisationFinder.Token) -> Bool {
        guard let first = word.text.unicodeScalars.first, first.value >= 0x61, first.value <= 0x7A else { return false }
        return word.lower.allSatisfy { $0.isLetter || $0 == "-" } && !genericWords.contains(word.lower)
            && !ModifierUse.phraseEnders.contains(word.lower) && !isAdverbOrVerb(word.lower)
    }

    /// Whether one of `ranges` of `text` holds the bytes of `needle` (a quick test before a line is
    /// split into words).
    static func contains(_ text: [UInt8], _ ranges: [Range<Int>], _ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { needle in
            text.withUnsafeBufferPointer { text in
                ranges.contains { ByteSearch.firstIndex(of: needle, in: UnsafeBufferPointer(rebasing: text[$0])) != nil }
            }
        }
    }

    /// The candidate for the words of one list item, if they have a technology's shape: modifier
    /// nouns or adjectives of a field, and a last word that is no adjective, word of quality or
    /// noun of any field; one word alone only as a technique or field in `-ing` or `-ics`.
    static func item(_ words: ArraySlice<OrganisationFinder.Token>) -> TechnologyCandidate? {
        guard let last = words.last, words.count <= 4 else { return nil }
        let modifiersOK = words.dropLast().allSatisfy { isListModifier($0.lower, $0.text) || fieldAdjectives.contains($0.text) }
        guard modifiersOK, last.lower.count >= 4, !last.lower.hasSuffix("-"), !OrganisationFinder.isAdjective(last.lower),
              !ModifierUse.extraHeads.contains(last.lower), !TechnologyGroupVotes.neutralWords.contains(last.lower),
              !adjectiveEndings.contains(where: { last.lower.hasSuffix($0) && last.lower.count > $0.count + 2 }) else { return nil }
        if words.count == 1, !(last.lower.hasSuffix("ing") || last.lower.hasSuffix("ics")) || genericGerunds.contains(last.lower) { return nil }
        let singular = singularWord(last.lower)
        if TechnologyGroupVotes.neutralWords.contains(singular) || genericWords.contains(singular) || nonTechnicalHeads.contains(singular) { return nil }
        let texts = words.map(\.text)
        return TechnologyCandidate(
            name: singularName(texts, head: singular), written: texts.joined(separator: " "), abbreviation: nil,
            head: singular, rule: .listItem, confidence: listedConfidence, span: words.first!.start..<last.end,
            modifiersEnd: words.count > 1 ? words[words.endIndex - 2].end : words.first!.start, introduced: true
        )
    }

    /// Nouns in `-ing` of work in any field: alone, none names a technique (`processing`, `training`).
    static let genericGerunds: Set<String> = [
        "processing", "manufacturing", "engineering", "marketing", "training", "financing", "funding", "building", "housing",
        "consulting", "sourcing", "shipping", "packaging", "testing", "monitoring", "working", "learning", "thinking",
    ]

    /// Whether `lower` reads as an adverb (`notably`) or a verb (`optimize`, `digitizing`,
    /// `fostering` before its object): neither opens nor ends a technology's name.
    static func isAdverbOrVerb(_ lower: String) -> Bool {
        if lower.count > 4, lower.hasSuffix("ly") { return true }
        return ["ize", "ise", "izing", "ising", "ized", "ised", "ering"].contains { lower.hasSuffix($0) && lower.count > $0.count + 3 }
    }

    /// Nouns of economy, work and purpose that end phrases of every field (`manufacturing costs`,
    /// `resource utilization`): no item that ends with one names a technology.
    static let nonTechnicalHeads: Set<String> = [
        "cost", "price", "efficiency", "utilization", "utilisation", "consumption", "collaboration", "growth", "demand",
        "supply", "capacity", "performance", "design", "talent", "skill", "standard", "measure", "goal", "target",
        "resource", "experience", "benefit", "opportunity", "challenge", "need", "issue", "activity", "project",
        "programme", "program", "process", "practice", "capability", "approach", "method", "way", "mode", "level",
    ]

    /// The singular of a lower-case noun (`warehouses` → `warehouse`, `batteries` → `battery`);
    /// fields in `-ics` (`robotics`) and words without a plural ending stay as they are.
    static func singularWord(_ lower: String) -> String {
        guard lower.hasSuffix("s"), !lower.hasSuffix("ics"), let other = TermVariants.otherNumber(lower), !other.hasSuffix("s") else { return lower }
        return other
    }

    /// Plural nouns that stand alone as an item of a list in one line, between two separators
    /// (`, autopilots,`, `, servers and`): candidates of the ``TechnologyRule/listNoun`` rule,
    /// which the caller keeps only with a known technology listed on each side.
    static func listNouns(in text: [UInt8], ranges: [Range<Int>]) -> [TechnologyCandidate] {
        let tokens = OrganisationFinder.tokens(text, ranges)
        var out: [TechnologyCandidate] = []
        for (index, token) in tokens.enumerated() where index > 0 && index + 1 < tokens.count {
            guard tokens[index - 1].next == 0x2C, token.next == 0x2C || (token.spaceAfter && ["and", "or"].contains(tokens[index + 1].lower)),
                  let singular = singularListNoun(token.lower, token.text) else { continue }
            out.append(TechnologyCandidate(
                name: singular, written: token.text, abbreviation: nil, head: singular, rule: .listNoun,
                confidence: listedConfidence, span: token.start..<token.end, modifiersEnd: token.start
            ))
        }
        return out
    }

    /// The singular of a plain lower-case plural noun that may name a device or technique by
    /// itself (`autopilots` → `autopilot`, `servers` → `server`); nil for other words, and for
    /// nouns of any field (`solutions`, `products`, `services`, `systems`) or generic ones.
    static func singularListNoun(_ lower: String, _ original: String) -> String? {
        guard let first = original.unicodeScalars.first, first.value >= 0x61, first.value <= 0x7A,
              lower.count >= 5, lower.allSatisfy({ $0.isLetter && $0.isASCII }), lower.hasSuffix("s"),
              let singular = TermVariants.otherNumber(lower), !singular.hasSuffix("s") else { return nil }
        let neutral = genericWords.contains(singular) || genericWords.contains(lower) || TechnologyGroupVotes.neutralWords.contains(singular)
            || ModifierUse.extraHeads.contains(lower) || OrganisationFinder.isAdjective(singular)
        return neutral ? nil : singular
    }

    /// Upper-case abbreviations named as a technology in one line: `OCR technology`,
    /// `"OCR" technology`, `MCH technologies`. Not after a capitalised word, which makes the
    /// abbreviation part of a name (`Honeywell OCR technology`).
    static func namedAbbreviations(in text: [UInt8], ranges: [Range<Int>]) -> [TechnologyCandidate] {
        let tokens = OrganisationFinder.tokens(text, ranges)
        var out: [TechnologyCandidate] = []
        for (index, token) in tokens.enumerated() where index > 0 && (token.text == "technology" || token.text == "technologies") {
            let abbreviation = tokens[index - 1]
            let gap = String(decoding: text[abbreviation.end..<token.start], as: UTF8.self)
            guard [" ", "\" ", "” "].contains(gap), isNamedAbbreviation(abbreviation.text) else { continue }
            if index > 1, tokens[index - 2].capitalised, tokens[index - 2].spaceAfter || tokens[index - 2].next == 0x22 { continue }
            out.append(TechnologyCandidate(
                name: abbreviation.text, written: abbreviation.text + gap + token.text, abbreviation: nil, head: "technology",
                rule: .namedAbbreviation, confidence: namedAbbreviationConfidence, span: abbreviation.start..<abbreviation.end,
                modifiersEnd: abbreviation.end
            ))
        }
        return out
    }

    /// Whether `word` is an abbreviation that can name a technology: two to six capitals and
    /// digits, at least two of them letters (`OCR`, `HVDC`, `5G` has one and is a term anyway).
    static func isNamedAbbreviation(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 2, scalars.count <= 6, scalars.filter({ $0.value >= 0x41 && $0.value <= 0x5A }).count >= 2 else { return false }
        return scalars.allSatisfy { ($0.value >= 0x41 && $0.value <= 0x5A) || ($0.value >= 0x30 && $0.value <= 0x39) }
    }

    /// Whether the words of `bytes` are all adjectives of a field or of quality (`industrial `,
    /// `smart industrial `).
    static func areAdjectives(_ bytes: ArraySlice<UInt8>) -> Bool {
        let words = String(decoding: bytes, as: UTF8.self).split(separator: " ").map(String.init)
        return !words.isEmpty && words.allSatisfy { fieldAdjectives.contains($0) || ModifierUse.qualityAdjectiveStarts.contains($0) }
    }

    /// Adjectives that name a technical field and classify a device as a noun would
    /// (`agricultural drones`, `industrial robots`, `medical devices`), unlike adjectives of
    /// quality with the same endings (`traditional`, `additional`, `potential`).
    static let fieldAdjectives: Set<String> = [
        "agricultural", "industrial", "medical", "electrical", "environmental", "chemical", "biological", "mechanical",
        "optical", "thermal", "nuclear", "geothermal", "hydraulic", "pneumatic", "photovoltaic", "electronic", "robotic",
        "automotive", "marine", "aerial", "surgical", "clinical",
    ]

    /// Heads that name a kind of machine or component: one modifier before them makes a
    /// technology (`processor chip`, `transportation robot`). Other heads need two.
    static let specificHeads: Set<String> = [
        "robot", "sensor", "battery", "engine", "vehicle", "chip", "reactor", "turbine", "pump", "inverter", "electrolyser",
        "electrolyzer", "processor", "laser", "printing", "machining", "welding", "lithography", "computer", "server", "router",
        "printer", "instrument", "meter", "camera", "charger", "compressor", "transformer", "drone", "equipment", "machinery",
    ]

    /// A modifier noun of a list item: as ``isModifier(_:_:)``, and not a participle or adjective
    /// in `-ed` (`sophisticated`, `integrated`; `speed` and `seed` are nouns), in `-ary`
    /// (`temporary`) or in `-ic` (`electronic`), nor a compound adjective of quality
    /// (`carbon-reducing`, see ``ModifierUse``).
    static func isListModifier(_ lower: String, _ original: String) -> Bool {
        guard isModifier(lower, original) else { return false }
        if lower.count > 4, lower.hasSuffix("ed"), !lower.hasSuffix("eed") { return false }
        if lower.count > 5, lower.hasSuffix("ary") || lower.hasSuffix("ic") { return false }
        if let last = lower.split(separator: "-").last, lower.contains("-"), ModifierUse.qualityAdjectiveEnds.contains(String(last)) { return false }
        return true
    }

    /// Whether the known technology `known` is a whole item of a list that `phrase` is an item
    /// of: only a separator (`, `, ` and `, ` or `, `, and `) between them, and after a known
    /// item that follows the phrase, the end of the item (`4G+ broadband network` is no item `4G`).
    static func listedBeside(_ known: Range<Int>, _ phrase: Range<Int>, in text: [UInt8]) -> Bool {
        let gap = phrase.upperBound <= known.lowerBound ? phrase.upperBound..<known.lowerBound : known.upperBound <= phrase.lowerBound ? known.upperBound..<phrase.lowerBound : nil
        guard let gap, gap.count <= 7 else { return false }
        let between = String(decoding: text[gap], as: UTF8.self)
        guard [", ", " and ", " or ", ", and ", ", or "].contains(between) else { return false }
        if known.lowerBound > phrase.lowerBound, known.upperBound < text.count {
            let next = text[known.upperBound]
            if [0x2C, 0x2E, 0x3B, 0x3A, 0x29, 0x0A].contains(next) { return true }
            let rest = String(decoding: text[known.upperBound..<min(text.count, known.upperBound + 5)], as: UTF8.self)
            return rest.hasPrefix(" and ") || rest.hasPrefix(" or ")
        }
        return true
    }
}

/// The vocabulary group a found technology belongs to, read from its words: each word of the
/// vocabulary's names and aliases votes for the groups of the terms that use it (`hydrogen` for
/// `Hydrogen and low-carbon fuels`, `battery` for `Energy storage`), and a phrase takes the group
/// with the most votes over its words. Words every field uses (`system`, `technology`,
/// `management`) and words of quality do not vote.
struct TechnologyGroupVotes: Sendable {
    /// Votes of each word (singular, lower case), by group.
    private let votes: [String: [String: Int]]
    /// The domain of each group.
    private let domains: [String: String]

    /// Words that name no field: heads any technology may have, and words of management or use.
    static let neutralWords: Set<String> = [
        "system", "technology", "platform", "device", "module", "model", "software", "interface", "controller", "equipment",
        "solution", "management", "control", "service", "application", "process", "product", "unit", "machine",
    ]

    init(terms: [Term]) {
        var votes: [String: [String: Int]] = [:]
        var domains: [String: String] = [:]
        for term in terms where term.id.kind == .technology {
            guard let group = term.type else { continue }
            if let domain = term.domain, domains[group] == nil { domains[group] = domain }
            var words: Set<String> = []
            for text in [term.name] + term.aliases.map(\.text) { words.formUnion(Self.words(of: text)) }
            for word in words { votes[word, default: [:]][group, default: 0] += 1 }
        }
        self.votes = votes
        self.domains = domains
    }

    /// The field words of a phrase: letters only, three or more, not all capitals (an
    /// abbreviation), in the singular, without neutral and generic words.
    static func words(of text: String) -> Set<String> {
        var out: Set<String> = []
        for piece in text.split(whereSeparator: { !$0.isLetter }) {
            guard piece.count >= 3, piece.contains(where: \.isLowercase) else { continue }
            var word = piece.lowercased()
            if word.hasSuffix("ies") {
                word = String(word.dropLast(3)) + "y"
            } else if word.hasSuffix("s"), !["ss", "us", "is", "as"].contains(where: word.hasSuffix) {
                word.removeLast()
            }
            if neutralWords.contains(word) || TechnologyFinder.genericWords.contains(word) { continue }
            out.insert(word)
        }
        return out
    }

    /// Whether every word of `phrase` is a field word of the vocabulary: a word three letters
    /// or longer, not generic or neutral, that a technology's name or alias uses (`air
    /// purification`, `mobile communication`; not `methane pyrolysis`, whose second word no
    /// term uses, nor `plug stubborn` or `rapidly evolving`).
    func areFieldWords(_ phrase: String) -> Bool {
        let pieces = phrase.split(whereSeparator: { !$0.isLetter })
        // `cutting edge` is `cutting-edge` spelled apart: a word of quality.
        guard !pieces.isEmpty, !TechnologyFinder.genericWords.contains(pieces.joined(separator: "-").lowercased()) else { return false }
        return pieces.allSatisfy { piece in
            let words = Self.words(of: String(piece))
            return words.count == 1 && votes[words.first!] != nil
        }
    }

    /// The group and domain with strictly more votes than any other over the words of `name`,
    /// or nil when no word votes or two groups tie.
    func group(of name: String) -> (group: String, domain: String)? {
        var tally: [String: Int] = [:]
        for word in Self.words(of: name) {
            for (group, count) in votes[word] ?? [:] { tally[group, default: 0] += count }
        }
        let ranked = tally.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        guard let best = ranked.first, ranked.count == 1 || ranked[1].value < best.value, let domain = domains[best.key] else { return nil }
        return (best.key, domain)
    }
}
