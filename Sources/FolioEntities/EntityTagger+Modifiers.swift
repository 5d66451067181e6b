/// Technology matches that modify the head of a longer noun phrase instead of naming a
/// technology: "energy-saving high-performance computers" names computers, not energy saving;
/// "intelligent energy diagnosis" is an intelligent energy diagnosis, not intelligent energy.
///
/// Two shapes of English noun phrases are recognised, both by the words around the match:
/// - a compound adjective of quality (a noun and a gradable adjective or participle:
///   `energy-efficient`, `energy saving`, `water-saving`, `eco-friendly`) written before a noun
///   describes how that noun performs; only before a technology head noun (`energy-saving
///   technologies`, `energy saving systems`) or a noun of a field (`the energy saving field`)
///   does it still name the technology;
/// - an adjective of quality and one noun (`intelligent energy`, `smart water`) before a noun
///   with which that noun forms a compound the vocabulary knows (`energy diagnosis`): the
///   adjective modifies the compound, so the match is not a unit of the phrase.
///
/// A match of another shape keeps its tag before any noun (`5G network`, `hydrogen fuel cell
/// vehicle`, `intelligent manufacturing projects`): a noun technology before a noun stays the
/// topic of the phrase.
enum ModifierUse {
    /// Gradable adjectives and participles that end a compound adjective of quality
    /// (`energy-efficient`, `energy-saving`, `eco-friendly`, `carbon-neutral`).
    static let qualityAdjectiveEnds: Set<String> = [
        "efficient", "saving", "friendly", "intensive", "neutral", "conserving", "reducing",
    ]

    /// Adjectives of quality that open a technology alias (`smart grid`, `intelligent energy`,
    /// `green hydrogen`).
    static let qualityAdjectiveStarts: Set<String> = ["smart", "intelligent", "green", "clean", "digital"]

    /// Words that end a noun phrase: determiners, prepositions, conjunctions, pronouns,
    /// auxiliaries and common adverbs. A word not among them after a match continues the phrase.
    static let phraseEnders: Set<String> = [
        "a", "an", "the", "this", "that", "these", "those", "and", "or", "but", "nor", "of", "for", "in", "on", "with",
        "by", "to", "from", "as", "at", "via", "into", "through", "over", "under", "between", "among", "across",
        "about", "against", "during", "within", "without", "towards", "toward", "per", "than", "is", "are", "was", "were",
        "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "may", "might",
        "shall", "should", "must", "which", "who", "whom", "whose", "what", "where", "when", "while", "whereas", "if",
        "it", "its", "they", "their", "them", "we", "our", "us", "he", "she", "his", "her", "you", "your", "also",
        "not", "so", "such", "both", "either", "neither", "all", "each", "every", "more", "most", "very", "too",
        "etc", "including", "like", "there", "here", "then", "thus", "hence",
    ]

    /// Head nouns after which a compound adjective of quality still names the technology, besides
    /// ``TechnologyFinder/heads``: equipment and techniques of it (`energy-saving equipment`),
    /// and nouns of a field, which take their modifier as the field's name (`the energy saving
    /// field`, `the energy-saving industry`).
    static let extraHeads: Set<String> = [
        "equipment", "technique", "techniques", "solution", "solutions", "product", "products",
        "field", "fields", "sector", "sectors", "industry", "industries", "area", "areas", "domain", "domains", "market", "markets",
    ]

    /// The words of `text[range]`, lower-cased, split at spaces and hyphens.
    static func words(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [String] {
        String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self).lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "\n" || $0 == "\t" }).map(String.init)
    }

    /// The word right after `end` when only one space separates it from the match, or nil (the
    /// phrase ends at punctuation, a line end or the segment's end).
    static func nextWord(_ text: UnsafeBufferPointer<UInt8>, after end: Int, limit: Int) -> Range<Int>? {
        guard end + 1 < limit, text[end] == 0x20 else { return nil }
        let start = end + 1
        guard ByteClass.isWordByte(text[start]), !(text[start] >= 0x30 && text[start] <= 0x39) else { return nil }
        var i = start
        while i < limit, ByteClass.isWordByte(text[i]) || (text[i] == 0x2D && i + 1 < limit && ByteClass.isWordByte(text[i + 1])) { i += 1 }
        return start..<i
    }

    /// Whether the word at `range` continues a noun phrase: a word that is not a phrase ender.
    static func continuesPhrase(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let word = String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self).lowercased()
        return !phraseEnders.contains(word)
    }

    /// Whether the word at `range` is a technology head noun (`technologies`, `system`, `equipment`).
    static func isHead(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let word = String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self).lowercased()
        let last = word.split(separator: "-").last.map(String.init) ?? word
        return TechnologyFinder.singularHead(last) != nil || extraHeads.contains(last)
    }

    /// Words that, capitalised right after a technology, make the words a law's name
    /// (`Cybersecurity Law`, `Renewable Energy Act`, `Data Security Regulations`).
    static let lawWords: Set<String> = ["Law", "Act", "Regulation", "Regulations", "Directive"]

    /// Whether the match `start..<end` is the start of a law's name: the next word is a
    /// capitalised ``lawWords`` word.
    static func namesALaw(_ text: UnsafeBufferPointer<UInt8>, end: Int, limit: Int) -> Bool {
        var i = end
        while i < limit, text[i] == 0x20 { i += 1 }
        guard i > end, i < limit, text[i] >= 0x41, text[i] <= 0x5A else { return false }
        var j = i
        while j < limit, ByteClass.isWordByte(text[j]) { j += 1 }
        return lawWords.contains(String(decoding: UnsafeBufferPointer(rebasing: text[i..<j]), as: UTF8.self))
    }

    /// Whether the match `start..<end` is a company's legal form after its name: `PLC` in
    /// `Unilever PLC` is no programmable logic controller.
    static func isLegalFormAfterName(_ text: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        let word = String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self).lowercased()
        guard OrganisationFinder.droppedLegalForms.contains(word), start >= 2, text[start - 1] == 0x20 else { return false }
        var k = start - 1
        while k > 0, text[k - 1] == 0x20 { k -= 1 }
        guard k > 0, ByteClass.isWordByte(text[k - 1]) else { return false }
        var wordStart = k - 1
        while wordStart > 0, ByteClass.isWordByte(text[wordStart - 1]) { wordStart -= 1 }
        guard text[wordStart] >= 0x41 && text[wordStart] <= 0x5A else { return false }
        // `Each PLC`, `The PLC`: a determiner opens a sentence, no name.
        let previous = String(decoding: UnsafeBufferPointer(rebasing: text[wordStart..<k]), as: UTF8.self).lowercased()
        return !OrganisationFinder.determiners.contains(previous) && !["the", "this", "that", "its", "our", "their", "his", "her"].contains(previous)
    }

    /// Whether the match `start..<end` ends with a compound adjective of quality and a noun
    /// other than a technology head follows it.
    static func isQualityModifier(_ text: UnsafeBufferPointer<UInt8>, start: Int, end: Int, limit: Int) -> Bool {
        let words = words(text, start..<end)
        guard words.count >= 2, let last = words.last, qualityAdjectiveEnds.contains(last),
              let next = nextWord(text, after: end, limit: limit) else { return false }
        return continuesPhrase(text, next) && !isHead(text, next)
    }

    /// Where the last word of a match of an adjective of quality and one noun starts, when the
    /// match could be the modifier of a compound that opens with that noun; nil otherwise.
    static func compoundStart(_ text: UnsafeBufferPointer<UInt8>, start: Int, end: Int, limit: Int) -> Int? {
        let words = words(text, start..<end)
        guard words.count == 2, qualityAdjectiveStarts.contains(words[0]),
              let next = nextWord(text, after: end, limit: limit), continuesPhrase(text, next) else { return nil }
        var i = end
        while i > start, ByteClass.isWordByte(text[i - 1]) { i -= 1 }
        return i > start ? i : nil
    }
}
