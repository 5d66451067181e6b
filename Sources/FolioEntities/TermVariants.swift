import Foundation

/// The spellings of a technology alias that are matched by rule rather than listed:
/// the other number of its last word, its hyphen and space spellings, and the plural of an
/// upper-case abbreviation.
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
        var spellings = [text]
        // Hyphen ↔ space between lower-case words: "lithium-ion" / "lithium ion".
        if text.contains("-") { spellings.append(text.replacingOccurrences(of: "-", with: " ")) }
        let words = text.split(separator: " ")
        if words.count == 2, words.allSatisfy({ $0.allSatisfy { $0.isLowercase || $0.isNumber } }) {
            spellings.append(words.joined(separator: "-"))
        }
        for spelling in spellings {
            if spelling != text { out.append(spelling) }
            if let other = otherNumber(spelling) { out.append(other) }
        }
        var seen: Set<String> = [text.lowercased()]
        return out.filter { seen.insert($0.lowercased()).inserted }.map { Alias(text: $0, caseSensitive: false, rule: alias.rule) }
    }

    /// The same phrase with its last word in the other grammatical number, or `nil` when the
    /// last word is not a plain lower-case English noun form the rule understands.
    static func otherNumber(_ phrase: String) -> String? {
        let head: Substring, word: String
        if let space = phrase.lastIndex(of: " ") {
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
}
