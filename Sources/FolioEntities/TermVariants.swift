import Foundation

/// The spellings of a technology alias that are matched by rule rather than listed:
/// the other number of its last word, its hyphen and space spellings, its British or American
/// spelling ("fibre" / "fiber", "electrolyser" / "electrolyzer"), "smart" and "intelligent" as
/// each other's first word ("smart grid" / "intelligent grid"), a combining prefix joined or
/// hyphenated ("biofertiliser" / "bio-fertiliser"), and the plural of an upper-case abbreviation.
enum TermVariants {
    /// Longest upper-case abbreviation that also matches with a plural `s` (`EV` → `EVs`,
    /// `AGV` → `AGVs`); longer codes are names, not countable things.
    static let longestCountableAbbreviation = 5

    /// Every variant of `alias`, without the alias itself; each keeps the alias's case rule and
    /// matching rule.
    static func of(_ alias: Alias) -> [Alias] {
        let text = alias.text
        var out: [String] = []
        if alias.caseSensitive {
            let letters = text.filter(\.isLetter)
            if !text.contains(" "), text.count <= longestCountableAbbreviation, !letters.isEmpty,
               letters.allSatisfy(\.isUppercase), text.last?.isLetter == true || text.last?.isNumber == true, text.last != "S" {
                out.append(text + "s")
            }
            return out.map { Alias(text: $0, caseSensitive: true, rule: alias.rule) }
        }
        // Matched in any case, so the rules read it in lower case ("Industrial Internet" →
        // "industrial-internet", "Blockchain" → "blockchains"); but a capitalised plural name
        // ("Displays", "Internet of Things") gives no singular: it need not be a common noun's plural.
        let lower = text.lowercased()
        let last = text.split(whereSeparator: { $0 == " " || $0 == "-" }).last ?? ""
        let countable = last.allSatisfy { !$0.isUppercase } || !last.hasSuffix("s")
        var spellings = [lower]
        for spelling in spellings {
            if let other = otherSpelling(spelling) { spellings.append(other) }
        }
        for spelling in spellings {
            if let other = otherLead(spelling) { spellings.append(other) }
        }
        // A combining prefix joined or hyphenated: "bio-fertiliser" / "biofertiliser", "e-commerce" / "ecommerce".
        for spelling in spellings {
            if let other = otherPrefixJoin(spelling) { spellings.append(other) }
        }
        // Hyphen ↔ space between words: "lithium-ion" / "lithium ion", "smart grid" / "smart-grid".
        for spelling in spellings {
            if spelling.contains("-") { spellings.append(spelling.replacingOccurrences(of: "-", with: " ")) }
            let words = spelling.split(separator: " ")
            if words.count == 2, words.allSatisfy({ $0.allSatisfy { $0.isLowercase || $0.isNumber } }) {
                spellings.append(words.joined(separator: "-"))
            }
        }
        for spelling in spellings {
            if spelling != lower { out.append(spelling) }
            if countable, let other = otherNumber(spelling) { out.append(other) }
        }
        var seen: Set<String> = [lower]
        return out.filter { seen.insert($0.lowercased()).inserted }.map { Alias(text: $0, caseSensitive: false, rule: alias.rule) }
    }

    /// The same phrase with its last word in the other grammatical number, or `nil` when the
    /// last word is not a plain lower-case English noun form the rule understands.
    static func otherNumber(_ phrase: String) -> String? {
        let head: Substring, word: String
        if let space = phrase.lastIndex(where: { $0 == " " || $0 == "-" }) {
            head = phrase[...space]
            word = String(phrase[phrase.index(after: space)...])
        } else {
            head = ""
            word = phrase
        }
        guard word.count >= 3, word.allSatisfy({ $0.isLowercase && $0.isASCII }) else { return nil }
        // "glass", "bus", "analysis", "gas": singular nouns ending in s; their plurals are rare.
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") || word.hasSuffix("as") { return nil }
        let other: String
        if word.hasSuffix("ies") {
            other = String(word.dropLast(3)) + "y"
        } else if ["sses", "shes", "ches", "xes"].contains(where: word.hasSuffix) {
            other = String(word.dropLast(2))
        } else if word.hasSuffix("s") {
            other = String(word.dropLast())
        } else if word.hasSuffix("y"), let before = word.dropLast().last, !"aeiou".contains(before) {
            other = String(word.dropLast()) + "ies"
        } else if ["x", "ch", "sh"].contains(where: word.hasSuffix) {
            other = word + "es"
        } else {
            other = word + "s"
        }
        return String(head) + other
    }

    /// Whole words spelled differently in British and American English.
    static let spellingPairs: [(String, String)] = [
        ("aluminium", "aluminum"), ("sulphur", "sulfur"), ("tyre", "tire"), ("tyres", "tires"), ("mould", "mold"),
        ("moulding", "molding"), ("programme", "program"), ("programmes", "programs"), ("catalogue", "catalog"),
        ("grey", "gray"), ("defence", "defense"), ("licence", "license"), ("colour", "color"), ("labour", "labor"),
        ("harbour", "harbor"), ("behaviour", "behavior"), ("vapour", "vapor"), ("neighbourhood", "neighborhood"),
        ("centre", "center"), ("centres", "centers"), ("fibre", "fiber"), ("fibres", "fibers"), ("litre", "liter"),
        ("litres", "liters"), ("metre", "meter"), ("metres", "meters"), ("theatre", "theater"), ("calibre", "caliber"),
    ]

    /// Each of those words mapped to its other spelling, both ways.
    static let otherWholeWord: [String: String] = spellingPairs.reduce(into: [:]) { map, pair in
        map[pair.0] = pair.1
        map[pair.1] = pair.0
    }

    /// Word endings spelled differently, British first; longer endings first, so "isations" is
    /// tried before "isation".
    static let endingPairs: [(String, String)] = [
        ("isation", "ization"), ("isations", "izations"), ("ise", "ize"), ("ised", "ized"), ("ising", "izing"), ("iser", "izer"), ("isers", "izers"),
        ("yse", "yze"), ("ysed", "yzed"), ("yser", "yzer"), ("ysers", "yzers"), ("ysing", "yzing"),
        ("elling", "eling"), ("elled", "eled"), ("eller", "eler"), ("ellers", "elers"),
    ].sorted { $0.0.count > $1.0.count }

    /// The phrase with every word, and every part of a hyphenated word ("fibre-optic" →
    /// "fiber-optic"), that has one in its other national spelling; `nil` when none has one.
    static func otherSpelling(_ phrase: String) -> String? {
        var out = "", part = "", changed = false
        func flush() {
            if let other = otherSpelling(word: part) {
                out += other
                changed = true
            } else {
                out += part
            }
            part = ""
        }
        for character in phrase {
            if character == " " || character == "-" {
                flush()
                out.append(character)
            } else {
                part.append(character)
            }
        }
        flush()
        return changed ? out : nil
    }

    /// One lower-case word (no space or hyphen) in its other national spelling, or `nil`.
    static func otherSpelling(word: String) -> String? {
        guard word.count >= 4, word.allSatisfy({ $0.isLowercase && $0.isASCII }) else { return nil }
        if let other = otherWholeWord[word] { return other }
        // Endings need a stem of three letters: "rise", "size" and "selling" have none to respell.
        for (british, american) in endingPairs {
            if word.hasSuffix(british), word.count - british.count >= 3 {
                return String(word.dropLast(british.count)) + american
            }
            if word.hasSuffix(american), word.count - american.count >= 3 {
                return String(word.dropLast(american.count)) + british
            }
        }
        return nil
    }

    /// Combining prefixes that English writes both joined to a word and hyphenated
    /// ("biofertiliser" / "bio-fertiliser", "microgrid" / "micro-grid").
    static let combiningPrefixes = ["agri", "agro", "aero", "bio", "cyber", "eco", "electro", "geo", "hydro", "micro", "nano", "photo", "tele", "thermo"]
    /// Short prefixes that are only joined when written hyphenated ("e-commerce" → "ecommerce",
    /// "co-generation" → "cogeneration"): hyphenating every word that starts with them would
    /// make nonsense ("re-mote").
    static let joiningOnlyPrefixes = ["co", "e", "re"]

    /// The phrase with its first word that starts with a combining prefix written the other way
    /// (joined ↔ hyphenated), or `nil` when no word has one; the rest of the word must be three
    /// letters or more ("bio-gas", not "bio-s").
    static func otherPrefixJoin(_ phrase: String) -> String? {
        var words = phrase.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for (index, word) in words.enumerated() {
            if let hyphen = word.firstIndex(of: "-") {
                let prefix = String(word[..<hyphen]), rest = word[word.index(after: hyphen)...]
                guard combiningPrefixes.contains(prefix) || joiningOnlyPrefixes.contains(prefix), rest.count >= 3,
                      rest.allSatisfy({ $0.isLowercase && $0.isASCII }) else { continue }
                words[index] = prefix + rest
                return words.joined(separator: " ")
            }
            guard word.allSatisfy({ $0.isLowercase && $0.isASCII }),
                  let prefix = combiningPrefixes.first(where: { word.hasPrefix($0) && word.count - $0.count >= 3 }) else { continue }
            words[index] = prefix + "-" + word.dropFirst(prefix.count)
            return words.joined(separator: " ")
        }
        return nil
    }

    /// The phrase with "smart" and "intelligent" swapped as its first word; `nil` otherwise.
    static func otherLead(_ phrase: String) -> String? {
        guard let space = phrase.firstIndex(of: " ") else { return nil }
        let rest = phrase[space...]
        switch phrase[..<space] {
        case "smart": return "intelligent" + rest
        case "intelligent": return "smart" + rest
        default: return nil
        }
    }
}
