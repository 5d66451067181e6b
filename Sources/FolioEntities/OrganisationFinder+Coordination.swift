extension OrganisationFinder {
    /// Confidence of a name listed with organisations: a list joins things of one kind.
    static let coordinationConfidence = 0.8
    /// Most words of a name taken from a list.
    static let coordinatedNameReach = 5

    /// An item of a list in one line: an organisation already known, a name that may be one,
    /// or something else (a place, zone, work, technology or possessor).
    struct ListItem {
        enum Kind { case organisation, name(Range<Int>), other }
        var span: Range<Int>
        var kind: Kind
        /// A name around a well-known organisation's (`GAC Honda`): an organisation too.
        var enclosesOrganisation = false
        var isOrganisation: Bool { if case .organisation = kind { true } else { false } }
        var isOther: Bool { if case .other = kind { true } else { false } }
    }

    /// Names written in capitals that are items of one list with an organisation:
    /// `Kawasaki Heavy Industries, Iwatani Corporation, Shell Japan, J-POWER and Marubeni`.
    /// A list joins things of one kind, so its other items are organisations too. The list must
    /// be a coordination (`and` or `or` joins two of its items: commas alone also end clauses,
    /// `For ABB, Digital Transformation is …`), and hold no place, zone, work or technology (a
    /// mixed list says nothing of its unknown items).
    /// - Parameters:
    ///   - organisations: spans of the line already known to name organisations.
    ///   - technologies: spans of known technologies; a name holding one is no organisation's.
    func coordinated(
        in text: [UInt8], ranges: [Range<Int>], organisations: [Range<Int>], wellKnown: [Range<Int>] = [], technologies: [Range<Int>], known: (Range<Int>) -> Bool
    ) -> [OrganisationCandidate] {
        let tokens = Self.tokens(text, ranges)
        guard !organisations.isEmpty, !tokens.isEmpty else { return [] }
        let items = Self.listItems(tokens, text, organisations: organisations, wellKnown: wellKnown, technologies: technologies, known: known)
        var out: [OrganisationCandidate] = []
        for list in Self.coordinations(of: items, in: text) {
            // A list needs an organisation, or else every item must hold a well-known name
            // (`GAC Honda, Beijing Hyundai and GAC Toyota`): one such item alone is no proof
            // (`AMD Opterons, Athlons and Durons` lists processors).
            guard items[list].contains(where: \.isOrganisation) || items[list].allSatisfy(\.enclosesOrganisation),
                  !items[list].contains(where: \.isOther) else { continue }
            for item in items[list] {
                guard case .name(let words) = item.kind, Self.isListedName(tokens, words) else { continue }
                let name = Self.spell(text, item.span.lowerBound, item.span.upperBound)
                out.append(OrganisationCandidate(
                    name: name, fullName: name, acronym: nil, type: .company, rule: .coordination,
                    confidence: Self.coordinationConfidence, spans: [item.span]
                ))
            }
        }
        return out
    }

    /// The organisations and capitalised runs of one line, in text order, each run cut where
    /// `and` joins items (see ``itemsSplitAtAnd(_:_:)``). A run around names of `wellKnown`
    /// organisations only (`SAIC Volkswagen`, `Telefónica Germany`) is one name of its own.
    static func listItems(
        _ tokens: [Token], _ text: [UInt8], organisations: [Range<Int>], wellKnown: [Range<Int>] = [], technologies: [Range<Int>], known: (Range<Int>) -> Bool
    ) -> [ListItem] {
        var items = organisations.map { ListItem(span: $0, kind: .organisation) }
        var enclosed: [Range<Int>] = []
        var i = 0
        while i < tokens.count {
            guard tokens[i].capitalised, !isLeadingStopWord(tokens, i) else {
                i += 1
                continue
            }
            let run = Self.run(tokens, from: i, known: known, text: text)
            defer { i = max(run.upperBound, i + 1) }
            for words in itemsSplitAtAnd(tokens, run) {
                let span = tokens[words.lowerBound].start..<tokens[words.upperBound - 1].end
                let overlapping = organisations.filter { $0.overlaps(span) }
                if !overlapping.isEmpty {
                    guard overlapping.allSatisfy({ span.encloses($0) && wellKnown.contains($0) }),
                          let end = overlapping.map(\.upperBound).max()
                    else { continue }
                    // `Foxconn Chengdu`: a company and the place of its site name the company, and
                    // so do a company and `of` its country (`Ericsson of Sweden`).
                    var rest = tokens[words].filter { $0.start >= end }
                    if rest.count >= 2, rest[0].lower == "of" { rest.removeFirst() }
                    if let first = rest.first, known(first.start..<rest[rest.count - 1].end) { continue }
                    enclosed += overlapping
                }
                let last = tokens[words.upperBound - 1].lower
                let otherKind = known(span) || technologies.contains { $0.overlaps(span) } || placeHeads.contains(last) || workWords.contains(last)
                items.append(ListItem(span: span, kind: otherKind ? .other : .name(words), enclosesOrganisation: !overlapping.isEmpty && !otherKind))
            }
        }
        // `Siemens' plant`: a possessor is no item of a list.
        return items.filter { !($0.isOrganisation && enclosed.contains($0.span)) }
            .map { isPossessive(text, $0.span) ? ListItem(span: $0.span, kind: .other) : $0 }
            .sorted { $0.span.lowerBound < $1.span.lowerBound }
    }

    /// The coordinations among `items`: runs of items joined by list separators only, each
    /// ending with the item after its conjunction (`…, and Silicon Saxony, the Chongqing
    /// government can …` goes on with a clause); runs of commas alone, and two items joined by
    /// `, and`, are left out.
    static func coordinations(of items: [ListItem], in text: [UInt8]) -> [ClosedRange<Int>] {
        var out: [ClosedRange<Int>] = []
        var first = 0
        while first < items.count {
            var last = first
            var coordination = false
            while !coordination, last + 1 < items.count, let separator = listSeparator(text, after: items[last].span, before: items[last + 1].span) {
                if separator == .conjunction { coordination = true }
                last += 1
            }
            // `… in Skellefteå, and CATL built …`: two items with a comma before `and` are two
            // clauses, not a list (a list of two takes no comma).
            let twoClauses = last == first + 1 && text[items[first].span.upperBound] == 0x2C
            if coordination, !twoClauses { out.append(first...last) }
            first = last + 1
        }
        return out
    }

    /// A run of capitalised words cut at each `and` (and `or`), where these join list items:
    /// not inside a name with a complement (`Workshop for Small and Medium-sized Enterprises`)
    /// or one that ends with a head noun, a legal form or a work's word (`Monitoring and Control
    /// Center`, `Online Low-carbon Production and Lifestyle Initiative`).
    static func itemsSplitAtAnd(_ tokens: [Token], _ run: Range<Int>) -> [Range<Int>] {
        let last = tokens[run.upperBound - 1].lower
        if head(of: last) != nil || keptLegalForms.contains(last) || droppedLegalForms.contains(last) || workWords.contains(last) { return [run] }
        if let and = run.first(where: { ["and", "or"].contains(tokens[$0].lower) }),
           tokens[run.lowerBound..<and].contains(where: { $0.lower != "&" && connectors.contains($0.lower) }) {
            return [run]
        }
        var out: [Range<Int>] = []
        var start = run.lowerBound
        for k in run where tokens[k].lower == "and" || tokens[k].lower == "or" {
            if k > start { out.append(start..<k) }
            start = k + 1
        }
        if start < run.upperBound { out.append(start..<run.upperBound) }
        return out
    }

    /// How two list items are joined.
    enum ListSeparator { case comma, conjunction }

    /// The separator between two items when only a list separator stands between them
    /// (`, `, ` and `, ` or `, `, and `, each perhaps followed by `the `); a short parenthesis
    /// after the first item is part of it (`Jardine Cycle & Carriage (Singapore) and …`).
    /// After a name with a complement, a comma goes on with the complement or gives the seat
    /// (`Ministry of Health, Labour and Welfare`, `University of California, Berkeley`): no list.
    static func listSeparator(_ text: [UInt8], after first: Range<Int>, before second: Range<Int>) -> ListSeparator? {
        guard first.upperBound <= second.lowerBound, second.lowerBound - first.upperBound <= 40 else { return nil }
        var gap = String(decoding: text[first.upperBound..<second.lowerBound], as: UTF8.self)
        let name = String(decoding: text[first], as: UTF8.self)
        if gap.hasPrefix(","), name.contains(" of ") || name.contains(" for ") { return nil }
        if gap.hasPrefix(" ("), let close = gap.firstIndex(of: ")"), !gap[gap.index(gap.startIndex, offsetBy: 2)..<close].contains("(") {
            gap = String(gap[gap.index(after: close)...])
        }
        if gap.hasSuffix("the ") { gap.removeLast(4) }
        switch gap {
        case ", ": return .comma
        case " and ", " or ", ", and ", ", or ": return .conjunction
        default: return nil
        }
    }

    /// Months and days: capitalised words a list of dates or events may hold.
    static let calendarWords: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    /// Words of people's titles and posts: `Senior Vice President and General Manager` lists posts.
    static let titleWords: Set<String> = [
        "president", "manager", "director", "officer", "chairman", "chairwoman", "secretary", "minister", "governor",
        "mayor", "professor", "ceo", "cfo", "cto", "founder", "partner", "engineer", "researcher", "head", "chief",
    ]

    /// Last words of the titles of works: `World Bank Group, Digital Progress and Trends Report`
    /// lists a publisher and its report.
    static let workWords: Set<String> = [
        "report", "reports", "plan", "paper", "strategy", "programme", "program", "initiative", "project", "agenda",
        "guidelines", "guide", "index", "review", "survey", "study", "outlook", "roadmap", "policy", "law", "act",
        "standard", "standards", "framework", "award", "awards", "prize", "conference", "forum", "summit", "expo",
        // Official documents: `Letter of Chongqing … Commission on …`, `Notice of the General Office`.
        "letter", "notice", "circular", "opinions", "reply", "announcement", "decision", "measures", "regulations",
        "yearbook", "bulletin",
    ]

    /// Last words of the names of places and zones (`Liangjiang New Area Development Zone`).
    static let placeHeads: Set<String> = [
        "zone", "zones", "area", "areas", "district", "province", "city", "county", "region", "park", "port", "town",
        "village", "state", "municipality", "prefecture",
    ]

    /// Whether a possessive `'s` or `’s` follows `span`.
    static func isPossessive(_ text: [UInt8], _ span: Range<Int>) -> Bool {
        let end = span.upperBound
        if end + 1 < text.count, text[end] == 0x27, text[end + 1] == 0x73 { return true }
        return end + 3 < text.count && text[end] == 0xE2 && text[end + 1] == 0x80 && text[end + 2] == 0x99 && text[end + 3] == 0x73
    }

    /// Whether the words of a list item can be an organisation's name: a few words, one of them
    /// more than a generic modifier or a nationality; no date or title; not one head noun alone
    /// (`the Council`), and not an abbreviation in the plural (`SMEs` names a class).
    static func isListedName(_ tokens: [Token], _ words: Range<Int>) -> Bool {
        let lowers = tokens[words].map(\.lower)
        guard lowers.count <= coordinatedNameReach, tokens[words.lowerBound].capitalised,
              lowers.contains(where: isDistinctive),
              !lowers.contains(where: { calendarWords.contains($0) || titleWords.contains($0) }) else { return false }
        guard lowers.count == 1 else { return true }
        return !isPluralAbbreviation(tokens[words.lowerBound].text) && head(of: lowers[0]) == nil
            && !companyNouns.contains(lowers[0]) && !keptLegalForms.contains(lowers[0])
    }
}
