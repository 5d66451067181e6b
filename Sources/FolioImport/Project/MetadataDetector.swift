import Foundation

/// Reads a new source's bibliographic data from its first page: title, subtitle, authors,
/// publisher, date and language. Every value is a guess a person should review.
struct MetadataDetector: Sendable {
    /// What was found; nil where nothing convincing was.
    struct Detected: Sendable, Equatable {
        var title: String?
        var subtitle: String?
        var authors: [String] = []
        var publisher: String?
        var date: String?
        var language: String
    }

    /// The first page: this many non-blank lines are read for the cover data.
    static let coverLines = 40
    /// Words that name an organisation rather than a person.
    static let organisationWords = [
        "university", "institute", "inc.", "inc", "ltd", "gmbh", "foundation", "council", "centre", "center", "press", "corporation", "company", "association",
        "universität", "université", "universidad", "universiteit", "hochschule", "ministry", "agency", "commission", "society", "laboratory", "group", "organisation", "organization", "school", "college", "department", "office", "bank",
    ]
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

    /// Words of a publication's or a section's title that are no part of a person's name
    /// (`Regional Energy Outlook`, `Why Community Solar Matters`).
    static let notInNames: Set<String> = [
        "outlook", "report", "review", "brief", "paper", "papers", "study", "survey", "update", "series", "edition", "yearbook",
        "handbook", "guide", "insights", "perspectives", "analysis", "bulletin", "proceedings", "working", "policy", "annual",
        "why", "how", "what", "when", "where", "who", "matters", "towards", "toward", "beyond", "for", "of", "in", "on", "to", "with",
    ]

    /// Words that open a cover line naming its publisher, dropped from the name.
    static let publisherLeads = ["published by ", "publisher: ", "issued by ", "a publication of ", "a report by ", "prepared by "]

    func detect(_ lines: [SourceLine]) -> Detected {
        // Words the text writes in lower case: a cover line made of them names no person
        // (`A Policy Brief`, `Regional Energy Outlook`).
        var common = Set<Substring>()
        for line in lines.prefix(4000) {
            for word in line.text.split(whereSeparator: { !$0.isLetter }) where word.first?.isLowercase == true { common.insert(word) }
        }
        let personNames = { (text: String) in self.personNames(text, commonWords: common) }
        var cover: [String] = []
        for line in lines {
            let text = TextNormalizer.stripMarkup(line.text).trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            let key = TextNormalizer.key(text)
            if cover.count > 2 && (AutoHints.contentsTitles.contains(key) || key == "abstract" || key == "introduction" || key.hasPrefix("1introduction")) { break }
            if !cover.isEmpty && ConvertedTextNormalizer.knownTitles.contains(key) { break }
            cover.append(text)
            if cover.count >= Self.coverLines { break }
        }
        var detected = Detected(language: language(of: lines))
        var index = 0
        if let first = cover.first {
            detected.title = first
            index = 1
            // A title wrapped over two lines: the second starts in lower case or is a short tail.
            if cover.count > 1, let c = cover[1].first, c.isLowercase, cover[1].split(separator: " ").count <= 6 {
                detected.title = first.hasSuffix("-") ? first + cover[1] : first + " " + cover[1]
                index = 2
            }
        }
        // Papers repeat their full title as a running head: a longer line that starts with the
        // first cover line completes a title wrapped over two lines.
        if let title = detected.title, title.count >= 12 {
            let key = TextNormalizer.key(title)
            for line in lines.dropFirst(Self.coverLines) {
                var text = TextNormalizer.stripMarkup(line.text).trimmingCharacters(in: .whitespaces)
                text = String(text.drop { $0.isNumber || $0 == " " })
                guard text.count > title.count, text.count <= 160 else { continue }
                if TextNormalizer.key(text).hasPrefix(key) {
                    let rest = TextNormalizer.key(text).dropFirst(key.count)
                    if index < cover.count, TextNormalizer.key(cover[index]) == rest {
                        detected.title = title + " " + cover[index]
                        index += 1
                    }
                    break
                }
            }
        }
        if index < cover.count, isSubtitle(cover[index], personNames: personNames) {
            detected.subtitle = cover[index]
            index += 1
        }
        for text in cover.dropFirst(index) {
            let lead = Self.publisherLeads.first { text.lowercased().hasPrefix($0) }
            if detected.publisher == nil, lead != nil || (isOrganisation(text) && !isSentence(text)) {
                var name = Substring(text).dropFirst(lead?.count ?? 0)
                if name.lowercased().hasPrefix("the ") { name = name.dropFirst(4) }
                // `Published by the X Institute, June 2024`: the name ends at the date.
                // The date may follow a seat (`…, Washington, 2024`); a comma inside the name
                // (`Ministry of Health, Labour and Welfare, 2023`) is followed by more than one.
                if let comma = name.indices.first(where: { index in
                    guard name[index] == ",", date(in: String(name[index...])) != nil else { return false }
                    let rest = name[name.index(after: index)...].split(whereSeparator: { $0 == " " || $0 == "," })
                        .filter { word in !word.allSatisfy { $0.isNumber || $0 == "." } && !Self.months.contains(word.lowercased().filter { $0 != "." }) }
                    return rest.count <= 2 && rest.allSatisfy { $0.first?.isUppercase == true }
                }) {
                    name = name[..<comma]
                }
                let words = name.split(separator: " ").drop { $0.allSatisfy(\.isNumber) }.reversed().drop { $0.allSatisfy(\.isNumber) || Self.months.contains($0.lowercased()) }.reversed()
                detected.publisher = Self.clip(Self.withoutSeatOrAbbreviation(words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " ,;:"))))
            }
            if detected.authors.isEmpty, let names = personNames(text) { detected.authors = names }
            if detected.date == nil, let date = date(in: text) { detected.date = date }
            // `Outlook 2025` then `Nairobi, March 2025`: the month makes the same year precise.
            if let year = detected.date, year.count == 4, let precise = date(in: text), precise.hasPrefix(year + "-") { detected.date = precise }
        }
        if detected.date == nil {
            for line in lines.prefix(400) {
                if let date = date(in: line.text) {
                    detected.date = date
                    break
                }
            }
        }
        return detected
    }

    /// A publisher's name without the seat after its last comma (`Chatham House, London`) or
    /// the abbreviation in brackets at its end (`Center for Strategic and International Studies
    /// (CSIS)`). A comma inside the name stays (`Ministry of Health, Labour and Welfare`): a seat
    /// is one or two capitalised words.
    static func withoutSeatOrAbbreviation(_ name: String) -> String {
        var name = Substring(name)
        if let comma = name.lastIndex(of: ","), name[..<comma].split(separator: " ").count >= 2 {
            let seat = name[name.index(after: comma)...].split(separator: " ")
            if (1...2).contains(seat.count), seat.allSatisfy({ $0.first?.isUppercase == true && $0.allSatisfy { $0.isLetter || $0 == "." } }) {
                name = name[..<comma]
            }
        }
        if name.hasSuffix(")"), let open = name.lastIndex(of: "("), open > name.startIndex {
            let inside = name[name.index(after: open)..<name.index(before: name.endIndex)]
            if inside.count >= 2, inside.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "&" }) {
                name = name[..<open]
            }
        }
        return String(name).trimmingCharacters(in: CharacterSet(charactersIn: " ,;:"))
    }

    static func clip(_ text: String) -> String {
        text.count <= 120 ? text : String(text.prefix(117)) + "…"
    }

    func isSubtitle(_ text: String, personNames: (String) -> [String]?) -> Bool {
        guard text.count <= 140, personNames(text) == nil, date(in: text) == nil, !isOrganisation(text) else { return false }
        guard let first = text.first, first.isLetter else { return false }
        return !TextNormalizer.endsSentence(text) && text.split(separator: " ").count >= 2
    }

    /// Whether a cover line is a sentence of the text rather than a name: more than a third of
    /// its words, beside the connectors names use, start in lower case (`The deal was signed by
    /// Anhui Logistics Co., Ltd. last year.`, not `Deutsche Gesellschaft für Internationale
    /// Zusammenarbeit (GIZ) GmbH`).
    func isSentence(_ text: String) -> Bool {
        let words = text.split(separator: " ").filter { $0.first?.isLetter == true && !Self.nameConnectors.contains($0.lowercased()) }
        return words.count >= 4 && words.filter { $0.first!.isLowercase }.count * 3 > words.count
    }

    /// Lower-case words that join the words of an organisation's name.
    static let nameConnectors: Set<String> = ["of", "and", "for", "the", "on", "in", "de", "du", "des", "für", "und", "von", "der", "di", "del", "la", "le", "et"]

    func isOrganisation(_ text: String) -> Bool {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "." })
        return text.count <= 160 && words.contains { Self.organisationWords.contains(String($0)) }
    }

    /// `Andrew Kadatch1 and Bob Jenkins2`, `Achim Zeileis`, `by Julian Seward`: two to four
    /// capitalised words per name, names separated by `and` or commas; no article (`A Policy
    /// Brief`), and at most half of a name's words ones the text writes in lower case.
    func personNames(_ text: String, commonWords: Set<Substring> = []) -> [String]? {
        // A numbered line is a section's title (`1 Why It Matters`).
        guard text.first?.isNumber != true else { return nil }
        var t = text
        if t.lowercased().hasPrefix("by ") { t = String(t.dropFirst(3)) }
        if let lt = t.firstIndex(of: "<") { t = String(t[..<lt]) }
        if let comma = t.range(of: ", http") { t = String(t[..<comma.lowerBound]) }
        let parts = t.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: "&", with: ",").split(separator: ",")
        var names: [String] = []
        for part in parts {
            let words = part.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet.decimalDigits.union(.punctuationCharacters).subtracting(CharacterSet(charactersIn: ".-'"))) }
                .filter { !$0.isEmpty }
            guard (2...4).contains(words.count) else { return nil }
            guard words.allSatisfy({ w in w.first?.isUppercase == true && w.dropFirst().allSatisfy { $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" } }) else { return nil }
            guard !words.contains(where: { Self.organisationWords.contains($0.lowercased()) }) else { return nil }
            guard !["A", "An", "The"].contains(words[0]), !words.contains(where: { Self.notInNames.contains($0.lowercased()) }) else { return nil }
            guard words.filter({ commonWords.contains(Substring($0.lowercased())) }).count * 2 <= words.count else { return nil }
            names.append(words.joined(separator: " "))
        }
        return names.isEmpty ? nil : names
    }

    /// `September 3, 2010` → `2010-09`; `June, 2023` → `2023-06`; `2019` → `2019`.
    func date(in text: String) -> String? {
        let lower = text.lowercased()
        guard let yearRange = lower.range(of: #"\b(19[5-9]\d|20[0-2]\d)\b"#, options: .regularExpression) else { return nil }
        let year = String(lower[yearRange])
        guard text.count <= 80 else { return nil }
        for (i, month) in Self.months.enumerated() where lower.contains(month) {
            return "\(year)-\(String(format: "%02d", i + 1))"
        }
        return year
    }

    /// The language by its commonest function words (English when unsure).
    func language(of lines: [SourceLine]) -> String {
        let markers: [(String, Set<String>)] = [
            ("en", ["the", "and", "of", "to", "is", "in", "that", "for"]),
            ("de", ["der", "die", "und", "das", "ist", "nicht", "mit", "für"]),
            ("fr", ["le", "la", "les", "et", "des", "est", "pour", "dans"]),
            ("es", ["el", "la", "los", "y", "que", "por", "para", "con"]),
        ]
        var counts = [Int](repeating: 0, count: markers.count)
        for line in lines.prefix(600) {
            for word in line.text.lowercased().split(whereSeparator: { !$0.isLetter }) {
                for (i, m) in markers.enumerated() where m.1.contains(String(word)) { counts[i] += 1 }
            }
        }
        let best = counts.indices.max { counts[$0] < counts[$1] } ?? 0
        return counts[best] > 0 ? markers[best].0 : "en"
    }
}
