import FolioCore

/// The kinds of organisation an index entry can be.
public enum OrganisationType: String, Sendable, CaseIterable, Codable, Comparable {
    case company
    case governmentBody = "government body"
    case internationalOrganisation = "international organisation"
    case researchInstitute = "research institute"
    case association
    case media
    case ngo = "NGO"

    public static func < (a: OrganisationType, b: OrganisationType) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

extension Range where Bound == Int {
    /// Whether `inner` lies inside this range and is shorter: a name within a longer name.
    func encloses(_ inner: Range<Int>) -> Bool {
        lowerBound <= inner.lowerBound && inner.upperBound <= upperBound && count > inner.count
    }
}

/// How a name was recognised as an organisation, strongest first.
public enum DiscoveryRule: String, Sendable, Codable, Equatable {
    /// Ends with a legal form: `Co., Ltd.`, `GmbH`, `Inc.`, `Group`.
    case legalForm = "legal form"
    /// Ends with an organisation head noun: `University`, `Ministry of …`, `Bureau`.
    case headNoun = "head noun"
    /// Ends with a news-media word: `Daily`, `News Agency`, `Times`.
    case media
    /// Described as one: `X, a French company`, `its subsidiary X`, `X is a … manufacturer`.
    case appositive
    /// A name written in capitals that acts as a company: `KUKA announced`, `DURR's plant`.
    case companyContext = "company context"
    /// An item of one list with an organisation: `Iwatani Corporation, Shell Japan and Marubeni`.
    case coordination
    /// A capitalised name defined with an abbreviation whose letters are its initials.
    case acronymDefinition = "acronym definition"
    /// Ends with the word of a company's trade after a word of its own: `Tata Steel`, `Hainan Airlines`.
    case tradeWord = "trade word"
    /// A cell of a table column headed `Company`, `Enterprise`, `Organisation` ….
    case tableColumn = "table column"
    /// Accepted in the review file.
    case reviewed
}

/// One name found by ``OrganisationFinder``, with its evidence.
public struct OrganisationCandidate: Sendable, Equatable {
    /// The name as the index shows it: legal forms dropped (`Centre Testing International`).
    public var name: String
    /// The longest form written in the article (`Centre Testing International Co., Ltd.`).
    public var fullName: String
    /// An abbreviation the article defines for it (`CTI`).
    public var acronym: String?
    public var type: OrganisationType
    public var rule: DiscoveryRule
    /// 0…1: how sure the rule is that this is an organisation (see ``OrganisationFinder``).
    public var confidence: Double
    /// Byte ranges of every mention in the article text.
    public var spans: [Range<Int>]
    /// Other names of the same body in the article (`Iwatani` beside `Iwatani Corporation`).
    public var otherNames: [String] = []
}

/// Finds organisation names that no gazetteer lists, by the shape of the text around them.
///
/// Rules are general (legal forms, head nouns, appositives, acronym definitions), never lists
/// of names. Each rule gives a confidence; a name is accepted when its best confidence reaches
/// ``acceptance`` and the review file does not reject it. One decision is made per name per
/// article and applied to every mention, including its abbreviation.
struct OrganisationFinder: Sendable {
    /// Minimum confidence for a name to be indexed without review. The legal-form, head-noun,
    /// media and appositive rules clear it; a bare acronym definition (which also defines
    /// programmes and technologies) does not and goes to the review file.
    static let acceptance = 0.7
    /// An abbreviation defined right after a described body (`the industry alliance (ICV)`):
    /// accepted, since the parenthesis defines the body's own name.
    static let describedBodyConfidence = 0.75

    /// Legal forms and corporate suffixes that end a company name. Those marked as dropped are
    /// removed from the index name (`Co., Ltd.`); `Group` or `Corporation` stay part of it.
    static let droppedLegalForms: Set<String> = [
        "co", "co.", "ltd", "ltd.", "limited", "inc", "inc.", "incorporated", "plc", "plc.", "ag", "gmbh", "se", "s.a.", "sa",
        "s.p.a.", "spa", "n.v.", "nv", "b.v.", "bv", "llc", "llp", "l.p.", "lp", "corp", "corp.", "k.k.", "kk", "pte", "pte.", "pty", "pty.",
        "bhd", "bhd.", "oy", "ab", "a/s", "as", "s.r.l.", "srl", "kgaa", "kg",
        "oyj", "asa", "tbk", "tbk.", "jsc", "pjsc", "sas", "s.a.s.", "ltda", "ltda.", "s.l.",
    ]
    static let keptLegalForms: Set<String> = ["group", "holdings", "holding", "corporation", "company"]

    /// Legal forms of two letters that are written in capitals (`AG`, `SA`, `AS`): in title
    /// case they are English or other words (`As the …`, `Se`).
    static let capitalsOnlyLegalForms: Set<String> = ["ag", "se", "sa", "nv", "bv", "kk", "ab", "as", "kg", "lp", "asa", "jsc", "sas"]

    /// Where the legal forms that end `run` begin (`Co.` in `Foo Co., Ltd.`); `run.upperBound`
    /// when it ends with none, `run.lowerBound` when it is nothing else.
    static func legalFormStart(_ tokens: [Token], _ run: Range<Int>) -> Int {
        var start = run.upperBound
        while start > run.lowerBound, isLegalForm(tokens[start - 1]) { start -= 1 }
        return start
    }

    /// Whether `token` is a dropped legal form as written: `Ltd.`, `GmbH`, `AS`, not `As`.
    static func isLegalForm(_ token: Token) -> Bool {
        guard droppedLegalForms.contains(token.lower) else { return false }
        return !capitalsOnlyLegalForms.contains(token.lower) || token.text == token.text.uppercased()
    }

    /// Head nouns and the type they give. Heads marked `needsOf` name an organisation only
    /// with an `of …` complement (`Department of Energy`, not `Sales Department`).
    static let heads: [String: (type: OrganisationType, needsOf: Bool)] = [
        "university": (.researchInstitute, false), "institute": (.researchInstitute, false), "academy": (.researchInstitute, false),
        "college": (.researchInstitute, false), "laboratory": (.researchInstitute, false), "observatory": (.researchInstitute, false),
        "ministry": (.governmentBody, false), "commission": (.governmentBody, false), "council": (.governmentBody, false),
        "bureau": (.governmentBody, false), "administration": (.governmentBody, false), "government": (.governmentBody, false),
        "committee": (.governmentBody, false), "agency": (.governmentBody, false), "department": (.governmentBody, true),
        "board": (.association, false),
        "office": (.governmentBody, true), "parliament": (.governmentBody, false), "authority": (.governmentBody, false),
        "association": (.association, false), "federation": (.association, false), "alliance": (.association, false), "coalition": (.association, false),
        "chamber": (.association, true), "society": (.association, false), "consortium": (.association, false),
        "union": (.association, false),
        "bank": (.company, false), "fund": (.company, false), "exchange": (.company, true),
        "hospital": (.company, false), "clinic": (.company, false),
        "foundation": (.ngo, false), "centre": (.researchInstitute, true), "center": (.researchInstitute, true),
        "organisation": (.internationalOrganisation, false), "organization": (.internationalOrganisation, false),
        // The same heads in the languages whose names reports leave untranslated.
        "universität": (.researchInstitute, false), "universitat": (.researchInstitute, false), "université": (.researchInstitute, false),
        "universidad": (.researchInstitute, false), "università": (.researchInstitute, false), "universiteit": (.researchInstitute, false),
        "universitet": (.researchInstitute, false), "hochschule": (.researchInstitute, false), "institut": (.researchInstitute, false),
        "instituto": (.researchInstitute, false), "istituto": (.researchInstitute, false), "akademie": (.researchInstitute, false),
        "académie": (.researchInstitute, false), "stiftung": (.ngo, false), "fundación": (.ngo, false), "fondation": (.ngo, false),
        "fondazione": (.ngo, false), "verband": (.association, false), "verein": (.association, false),
        "ministerium": (.governmentBody, false), "ministère": (.governmentBody, false), "ministerio": (.governmentBody, false),
        "ministero": (.governmentBody, false), "bundesamt": (.governmentBody, false), "kommission": (.governmentBody, false),
    ]

    /// Heads that languages such as German join to the word before them (`Montanuniversität`,
    /// `Fachhochschule`, `Bundesministerium`): one capitalised word that ends in one of these is
    /// a name of that type by itself.
    static let compoundHeads: [String] = ["universität", "hochschule", "akademie", "ministerium", "institut", "stiftung", "verband"]

    /// Heads after which German names give the seat (`Montanuniversität Leoben`).
    static let seatAfterHeads: [String] = ["universität", "hochschule", "akademie", "institut"]

    /// The head of a word: itself, or the head a compound ends with.
    static func head(of lower: String) -> (type: OrganisationType, needsOf: Bool, compound: Bool)? {
        if let head = heads[lower] { return (head.type, head.needsOf, false) }
        for suffix in compoundHeads where lower.count >= suffix.count + 3 && lower.hasSuffix(suffix) {
            if let head = heads[suffix] { return (head.type, false, true) }
        }
        return nil
    }

    /// Words that make a government-like or financial body international.
    static let internationalWords: Set<String> = ["international", "world", "global", "united", "nations", "asian", "european", "african", "inter-american", "g20"]

    /// Last words of news-media names.
    static let mediaWords: Set<String> = ["news", "times", "daily", "post", "journal", "tribune", "herald", "gazette", "television", "tv", "radio", "press", "media", "newsweek", "magazine"]

    /// Modifiers that alone do not make a head noun a name (`Central Government`, `the Ministry`).
    static let genericModifiers: Set<String> = [
        "central", "local", "municipal", "city", "provincial", "regional", "national", "federal", "the", "our", "its", "this",
        "relevant", "competent", "government", "governments", "new", "joint", "research", "working", "sales", "expert", "study",
        "company", "group", "related", "key", "advanced", "right", "left", "north", "south", "east", "west",
        // Kinds of board every company has (`Supervisory Board`, `Editorial Board`).
        "supervisory", "editorial",
    ]

    /// Administrative units that close a place's name (`Jiangjin District`, `Hubei Province`).
    static let placeUnitWords: Set<String> = ["district", "county", "province", "prefecture", "municipality"]

    /// Words that may join capitalised words inside a name.
    static let connectors: Set<String> = ["of", "and", "&", "for", "de", "du", "des", "von", "für", "und", "di", "der", "del", "della"]

    /// Function words that are dropped from the start of a run (sentence-initial capitals).
    static let leadingStopWords: Set<String> = [
        "the", "a", "an", "in", "at", "by", "for", "with", "as", "on", "from", "to", "and", "this", "these", "that", "those",
        "our", "its", "their", "his", "her", "under", "since", "after", "before", "during", "while", "both", "each", "all",
        "other", "through", "via", "among", "between", "besides", "also", "meanwhile", "moreover", "furthermore", "however",
        "currently", "today", "recently", "finally", "additionally", "together", "source", "sources", "note", "see", "figure",
        "table", "according", "when", "where", "if", "we", "it", "they", "she", "he", "you", "your", "my", "china's", "many", "some", "several", "most", "leading",
        "dear", "mr", "mr.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "about", "there", "here", "which", "who", "what",
        "such", "then", "thus", "hence", "yet", "but", "or", "so", "because", "although", "though", "unlike", "like",
        // Titles before an organisation: `Director of the … Commission`.
        "director", "president", "chairman", "chairwoman", "minister", "secretary", "head", "vice", "deputy", "general",
        "manager", "ceo", "professor", "mayor", "governor", "member", "members", "representative", "ambassador", "former",
        "managing", "chief",
        // Sentence adverbs: `Yesterday Jiangsu Runfeng New Energy signed …`.
        "yesterday", "tomorrow", "now", "later", "earlier", "previously", "initially", "subsequently", "eventually",
        "similarly", "likewise", "separately", "notably", "specifically", "particularly", "especially", "indeed",
        "instead", "still", "overall", "therefore", "consequently", "accordingly", "nevertheless", "nonetheless",
        "ultimately", "already", "soon", "again", "originally", "traditionally", "historically", "usually", "typically",
    ]

    /// Whether the token at `index` is a function word or title to drop from the start of a
    /// name. `General` is one before a title or alone (`General Manager of …`), but starts the
    /// name before any other capitalised word (`General Electric`, `General Administration of Customs`).
    static func isLeadingStopWord(_ tokens: [Token], _ index: Int) -> Bool {
        let token = tokens[index]
        // `Executive Director and Board Member of …`: a title's first word before a title.
        if ["executive", "board", "non-executive", "independent"].contains(token.lower) {
            guard token.spaceAfter, index + 1 < tokens.count else { return false }
            let next = tokens[index + 1].lower
            return token.lower == "board" ? next == "member" || next == "members" : ["director", "directors", "vice", "president", "chairman", "officer", "secretary", "manager", "deputy"].contains(next)
        }
        guard leadingStopWords.contains(token.lower) else { return false }
        if token.lower == "general", token.spaceAfter, index + 1 < tokens.count, tokens[index + 1].capitalised,
           !leadingStopWords.contains(tokens[index + 1].lower) {
            return false
        }
        return true
    }

    /// Nouns that, after `X, a/an …` or `X is a/an …`, say that X is a company.
    static let companyNouns: Set<String> = [
        "company", "firm", "manufacturer", "producer", "provider", "supplier", "group", "startup", "start-up", "enterprise",
        "operator", "developer", "maker", "carmaker", "automaker", "insurer", "consultancy", "retailer", "conglomerate",
        "corporation", "multinational", "subsidiary", "distributor", "integrator", "vendor", "bank",
        "utility", "airline", "lender", "chipmaker", "steelmaker", "hospital", "affiliate", "division",
    ]
    /// Whether the name at `index` follows `called` or `named` right after a company noun: `a
    /// subsidiary called X`, `a start-up named X`, `a joint venture called X` (and the plural).
    static func isCalledAfterCompanyNoun(_ tokens: [Token], _ index: Int) -> Bool {
        guard index >= 2, ["called", "named"].contains(tokens[index - 1].lower), tokens[index - 2].spaceAfter else { return false }
        let noun = tokens[index - 2].lower
        return companyNouns.contains(noun) || companyListNouns.contains(noun) || noun == "venture" || noun == "ventures"
    }

    /// Nouns that, after `X, a/an …` or `X is a/an …`, say that X is an organisation of another
    /// kind than a company: `Consumer Reports, an authoritative magazine`, `X, a think tank`.
    static let describingNouns: [String: OrganisationType] = [
        "magazine": .media, "newspaper": .media, "broadcaster": .media, "tank": .researchInstitute, "think-tank": .researchInstitute,
        "university": .researchInstitute, "non-profit": .ngo, "nonprofit": .ngo, "charity": .ngo, "ngo": .ngo,
    ]
    /// How many words may stand between the article and the noun (`a French chemical company`).
    static let appositiveReach = 6

    struct Token {
        var start: Int
        var end: Int
        var text: String
        var lower: String
        /// Starts with a capital letter or digit and is not a lone connector.
        var capitalised: Bool
        /// Whether the token is followed, before the next token, by only spaces.
        var spaceAfter: Bool
        /// The byte right after the token (after spaces), 0 at the end.
        var next: UInt8
    }

    /// Candidates found in one line (its segments joined), by rule.
    /// - Parameters:
    ///   - text: the whole article.
    ///   - ranges: the segments of one line, in order.
    func candidates(in text: [UInt8], ranges: [Range<Int>], known: (Range<Int>) -> Bool, place: (Range<Int>) -> Bool = { _ in false }) -> [OrganisationCandidate] {
        let tokens = Self.tokens(text, ranges)
        guard !tokens.isEmpty else { return [] }
        var out: [OrganisationCandidate] = []
        var i = 0
        while i < tokens.count {
            guard tokens[i].capitalised, !Self.isLeadingStopWord(tokens, i) else {
                i += 1
                continue
            }
            var run = Self.run(tokens, from: i, known: known, place: place, text: text)
            defer { i = max(run.upperBound, i + 1) }
            // `Professor Li Wei of Tsinghua University`: after a person's title, the words
            // before `of` are the person's name; the body is the complement.
            if i > 0, Self.personTitles.contains(tokens[i - 1].lower), tokens[i - 1].spaceAfter,
               let of = run.dropFirst().first(where: { tokens[$0].lower == "of" }), of + 1 < run.upperBound {
                run = (of + 1)..<run.upperBound
            }
            // `Students of Beijing Technology and Business University …`: a sentence's first word
            // that the text writes in lower case, before `of`, is no part of the name after it.
            if run.count >= 3, i == 0 || tokens[i - 1].next == 0x2E || tokens[i - 1].text.hasSuffix("."),
               tokens[run.lowerBound + 1].lower == "of", Self.head(of: tokens[run.lowerBound].lower) == nil,
               Self.writesInLowerCase(tokens[run.lowerBound].lower, text) {
                run = (run.lowerBound + 2)..<run.upperBound
            }
            // `Honeywell (China) High-Tech Co. Ltd.`: a name goes on across a parenthesised word.
            let s0 = run.lowerBound
            if s0 >= 2, tokens[s0 - 1].capitalised, tokens[s0 - 2].capitalised,
               tokens[s0 - 1].start >= 2, text[tokens[s0 - 1].start - 1] == 0x28, tokens[s0 - 1].end < text.count, text[tokens[s0 - 1].end] == 0x29 {
                var first = s0 - 2
                while first > 0, tokens[first - 1].capitalised, tokens[first - 1].spaceAfter, !Self.leadingStopWords.contains(tokens[first - 1].lower) { first -= 1 }
                // Back across `and` or `of` as far as the bracketed abbreviation's initials need:
                // `Belt and Road Local Cooperation (BRLC) Committee`.
                var wider = first
                while wider >= 2, Self.connectors.contains(tokens[wider - 1].lower), tokens[wider - 1].spaceAfter,
                      tokens[wider - 2].capitalised, tokens[wider - 2].spaceAfter {
                    var start = wider - 2
                    while start > 0, tokens[start - 1].capitalised, tokens[start - 1].spaceAfter, !Self.leadingStopWords.contains(tokens[start - 1].lower) { start -= 1 }
                    if Self.abbreviates(tokens[s0 - 1].text, tokens[start..<(s0 - 1)]) {
                        first = start
                        break
                    }
                    wider = start
                }
                run = first..<run.upperBound
            }
            // `Fraunhofer and Aachen University`, `Grain and Oil Co.`: one unknown word before `and`
            // may be another name or part of this one; neither is certain enough.
            // An adjective there is part of the name: `Industrial and Commercial Bank of China`, and
            // so is a pair of sizes: `Small and Medium Enterprise Agency`.
            // Two words of their own about `&` are a partnership's name: `Wagener & Herbst Management Consultants GmbH`.
            if run.count >= 3, tokens[run.lowerBound + 1].lower == "and" || tokens[run.lowerBound + 1].lower == "&",
               !Self.isAdjective(tokens[run.lowerBound].lower),
               !(tokens[run.lowerBound + 1].lower == "&" && Self.isOwnNameWord(tokens[run.lowerBound], text) && Self.isOwnNameWord(tokens[run.lowerBound + 2], text)),
               // So does a bracketed abbreviation of all the words before it (`Belt and Road Local
               // Cooperation (BRLC) Committee`).
               !Self.abbreviatesItsStart(tokens, run, text),
               !(Self.sizeWords.contains(tokens[run.lowerBound].lower) && Self.sizeWords.contains(tokens[run.lowerBound + 2].lower)) { continue }
            if let candidate = classify(tokens, run, text) { out.append(candidate) }
        }
        return out
    }

    /// Titles written before a person's name: `Professor Li Wei of …`, `Dr. Santos of …`.
    static let personTitles: Set<String> = [
        "professor", "prof", "prof.", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "minister", "director", "president",
        "chairman", "chairwoman", "ceo", "secretary", "governor", "mayor", "ambassador", "researcher", "economist", "dean",
    ]

    /// Words of size that pair before `and` in names of bodies for firms of that size (`Small and
    /// Medium Enterprise Agency`, `Small and Medium-sized Enterprises Association`).
    static let sizeWords: Set<String> = ["small", "micro", "medium", "medium-sized", "mid-sized", "large", "large-scale"]

    /// Endings of English adjectives that name a field (`Industrial`, `Economic`, `Medical`,
    /// `Agricultural`, `Cooperative`): such a word is no name by itself. Shorter endings
    /// (`-al`, `-ic`) would take nouns too (`Metal`, `Capital`, `Clinic`).
    static let adjectiveEndings = ["ial", "ical", "ional", "ural", "omic", "ific", "ative", "ental"]

    /// Whether a lower-cased word has an adjective's ending and is long enough to be one.
    static func isAdjective(_ lower: String) -> Bool {
        lower.count >= 5 && lower.allSatisfy(\.isLetter) && adjectiveEndings.contains { lower.hasSuffix($0) }
    }

    /// The longest name-like run from `start`: capitalised tokens joined by connectors, and
    /// legal forms after a comma (`Foo Co., Ltd.`). `known` tells the spans of names already
    /// known, `place` those of places; `text`, the article, tells the words it writes in lower case.
    static func run(_ tokens: [Token], from start: Int, known: (Range<Int>) -> Bool = { _ in false }, place: (Range<Int>) -> Bool = { _ in false }, text: [UInt8] = []) -> Range<Int> {
        var end = start + 1
        var j = start + 1
        while j < tokens.count {
            let previous = tokens[j - 1]
            let token = tokens[j]
            // `Foo Co., Ltd.`: a legal form may follow a comma.
            let commaLegal = previous.next == 0x2C && isLegalForm(token)
            // `Ministry of Land, Infrastructure, Transport and Tourism`: a head's complement may be a list.
            if previous.next == 0x2C, let listEnd = complementListEnd(tokens, start: start, comma: j, known: known) {
                j = listEnd
                end = listEnd
                break
            }
            guard previous.spaceAfter || commaLegal || continuesAfterPossessive(previous, token) else { break }
            // A sentence ends after a period, unless a legal form follows (`Co. Ltd.`).
            if previous.text.hasSuffix("."), !isLegalForm(token) { break }
            // After a complement that ends with a known place, `and` starts another name
            // (`University of São Paulo and Embrapa`).
            if token.lower == "and", tokens[start..<(j - 1)].contains(where: { $0.lower == "of" || $0.lower == "for" }),
               place(previous.start..<previous.end) { break }
            // After a complement that ends with a word of its own, `and` before another word of
            // its own that a head closes starts another name (`University of Verona and Tuscia
            // University`); so does `and` before an abbreviation or a place that a head closes,
            // after any complement (`Research Institute of Chemical Industry and CAS Lanzhou
            // Institute of Chemical Physics`). Fields and common words go on with the complement
            // (`Federation of Petroleum and Chemical Industry Associations`, `Institute of
            // Information Technology and Innovation Centre`).
            if token.lower == "and", !text.isEmpty, tokens[start..<(j - 1)].contains(where: { $0.lower == "of" || $0.lower == "for" }),
               let head = headAhead(tokens, from: j + 1),
               tokens[(j + 1)..<head].contains(where: { word in
                   isOwnNameWord(word, text) && (isOwnNameWord(previous, text) || isCapitalsName(word.text) || place(word.start..<word.end))
               }) { break }
            // After a head noun, a company word or a legal form, `and` starts another name
            // (`Chongqing University and Southwest University`, `Chery Automobile Co., Ltd and
            // Yibin Municipal People's Government`).
            if token.lower == "and" || token.lower == "&", heads[previous.lower] != nil || keptLegalForms.contains(previous.lower) || isLegalForm(previous) { break }
            // A legal form closes the name: `United Envirotech Ltd of Singapore`.
            if token.lower == "of", isLegalForm(previous) { break }
            // So does `and` after a named place's administrative unit (`co-invested by Jiangjin
            // District and Nanyang Ventures Pte Ltd`): no name goes on past a district.
            if token.lower == "and", j - 1 > start, placeUnitWords.contains(previous.lower), tokens[j - 2].capitalised { break }
            // So does `and` after a company's closing `Technology`, before a name with its own
            // head or legal form (`Yonyou Network Technology and Inspur Group`), unless the
            // words are a complement (`Ministry of Science and Technology`).
            // But `Chongqing Technology and Business University` is one university of two fields.
            if token.lower == "and", companyClosingWords.contains(previous.lower),
               !tokens[start..<j].contains(where: { $0.lower == "of" || $0.lower == "for" }), namesWithHead(tokens, from: j + 1),
               !abbreviationJoins(tokens, start: start, and: j), !namesFieldsBeforeHead(tokens, from: j + 1) { break }
            // So does `and` after a trade that closes a company's name, before a name that opens
            // with a place and that a head, a legal form or a trade closes (`Suzhou Abogen
            // Biosciences and Yunnan Walvax Biotechnology`, `Baotou Rare Earth High Tech and Gansu
            // Rare Earth Company`).
            if token.lower == "and", j - 1 > start, tradeWords.contains(previous.lower) || companyClosingWords.contains(previous.lower),
               !tokens[start..<j].contains(where: { $0.lower == "of" || $0.lower == "for" || $0.lower == "and" }),
               j + 2 < tokens.count, tokens[j + 1].capitalised, place(tokens[j + 1].start..<tokens[j + 1].end),
               namesWithHead(tokens, from: j + 1) || namesTradeAhead(tokens, from: j + 1) { break }
            // `such as Zongshen Power, Loncin Motor and Chongqing Yuxin Electronic Co., Ltd.`: in a
            // list of names, `and` before a name with a legal form starts the list's last name.
            // So does `and` before a name that a trade closes (`…, Kestrel Mobility and Brightwater Foods`).
            // But where the list goes on after that name (`…, China Energy Conservation and
            // Environmental Protection Group Co., Ltd., and China Logistics Group Co., Ltd.`),
            // the `and` is the name's own.
            if token.lower == "and", isListItem(tokens, start),
               !tokens[start..<j].contains(where: { connectors.contains($0.lower) || heads[$0.lower] != nil }),
               namesWithHead(tokens, from: j + 1, legalFormOnly: true) || namesTradeAhead(tokens, from: j + 1),
               !listGoesOn(tokens, afterLegalFormFrom: j + 1) { break }
            if token.capitalised {
                j += 1
                end = j
            } else if connectors.contains(token.lower), token.spaceAfter, j + 1 < tokens.count, tokens[j + 1].capitalised,
                      !Self.isDemonymBeforeNoun(tokens, j + 1) {
                // One `and` per complement: `Ministry of Ecology and Environment and …` ends before the second.
                if token.lower == "and", tokens[start..<j].contains(where: { $0.lower == "and" }), tokens[start..<j].contains(where: { $0.lower == "of" }) { break }
                j += 1
            } else if token.lower == "of" || token.lower == "for", heads[previous.lower] != nil, !actionHeads.contains(previous.lower), token.spaceAfter, j + 2 < tokens.count, tokens[j + 1].lower == "the",
                      tokens[j + 1].spaceAfter, tokens[j + 2].capitalised, !Self.isDemonymBeforeNoun(tokens, j + 2),
                      !known(tokens[j + 2].start..<tokens[j + 2].end) {
                // `Ministry of the Environment`, `Federal Ministry for the Environment`: a head noun's
                // complement may open with `the`, though not a known name's (`Political Bureau of
                // the Communist Party …` names two bodies).
                j += 2
            } else if token.lower == "on", heads[previous.lower] != nil, !actionHeads.contains(previous.lower), token.spaceAfter,
                      j + 1 < tokens.count, tokens[j + 1].capitalised, !Self.isDemonymBeforeNoun(tokens, j + 1),
                      !known(tokens[j + 1].start..<tokens[j + 1].end), !tokens[j + 1].lower.hasSuffix("ing"),
                      !calendarWords.contains(where: { $0.hasPrefix(tokens[j + 1].lower.filter { $0 != "." }) && tokens[j + 1].lower.count >= 3 }) {
                // `Chinese Expert Committee on CSR Report Rating`, `Global Center on Adaptation`: a
                // head's complement may open with `on`; a date after it does not (`… Center on Nov. 5`).
                j += 1
            } else {
                break
            }
        }
        // `Siemens and Tsinghua University`: a known name before `and` is another name. So is
        // `Schneider Electric and GE`, where one word follows (`Finance and Leasing Company` is one name).
        if end - start >= 3, tokens[start + 1].lower == "and" || tokens[start + 1].lower == "&", known(tokens[start].start..<tokens[start].end) {
            return start..<(start + 1)
        }
        if end - start >= 4, tokens[end - 2].lower == "and" || tokens[end - 2].lower == "&", known(tokens[start].start..<tokens[end - 3].end) {
            return start..<(end - 2)
        }
        // `SK On and Hyundai Motor Group`, `China Braille Library and Zhejiang University`: where
        // the run would be one name (it ends with a head or a legal form), a known name of two
        // words or more after `and` that opens there is another name, unless the words before
        // are a head's complement (`Ministry of Industry and Information Technology`).
        let last = tokens[end - 1]
        if end - start >= 4, heads[last.lower] != nil || keptLegalForms.contains(last.lower) || isLegalForm(last),
           let and = (start + 1..<(end - 2)).first(where: { tokens[$0].lower == "and" || tokens[$0].lower == "&" }),
           !tokens[start..<and].contains(where: { $0.lower == "of" || $0.lower == "for" }),
           known(tokens[and + 1].start..<tokens[and + 1].end), known(tokens[and + 1].start..<last.end) {
            return start..<and
        }
        return start..<end
    }

    /// Where a head noun's complement that lists its fields ends, when the run from `start` stops
    /// at a comma before token `comma`: `Ministry of Land, Infrastructure, Transport and Tourism`,
    /// `Department for Environment, Food and Rural Affairs`, `Agency for Science, Technology and
    /// Research`, `Federal Ministry for the Environment, Nature Conservation and Nuclear Safety`.
    /// The run must be a head and `of` or `for` (and `the`) and one word; each listed field is one
    /// or two capitalised words, none a known name, head noun, legal form or nationality, and the
    /// list closes with `and`. Anything else (`Bank of China,
    /// Alibaba and …`, `University of California, Berkeley`) is a list of names or a seat.
    static func complementListEnd(_ tokens: [Token], start: Int, comma: Int, known: (Range<Int>) -> Bool) -> Int? {
        let article = comma - start >= 4 && tokens[comma - 2].lower == "the" ? 1 : 0
        guard comma - start >= 3 + article, ["of", "for"].contains(tokens[comma - 2 - article].lower), head(of: tokens[comma - 3 - article].lower) != nil,
              tokens[comma - 1].capitalised, !known(tokens[comma - 1].start..<tokens[comma - 1].end) else { return nil }
        func isField(_ k: Int) -> Bool {
            guard k < tokens.count else { return false }
            let token = tokens[k]
            guard token.capitalised, token.text.first?.isUppercase == true, token.text.dropFirst().allSatisfy({ $0.isLowercase || $0 == "-" }) else { return false }
            return head(of: token.lower) == nil && !keptLegalForms.contains(token.lower) && !isLegalForm(token)
                && !demonyms.contains(token.lower) && !known(token.start..<token.end)
        }
        var k = comma
        var fields = 0
        while fields < 6, isField(k) {
            fields += 1
            // `Nature Conservation`: a field may be two words.
            if tokens[k].spaceAfter, isField(k + 1), k + 2 < tokens.count, tokens[k + 1].next == 0x2C || tokens[k + 2].lower == "and" {
                k += 1
            }
            if tokens[k].next == 0x2C {
                k += 1
                // `, and Tourism`: the serial comma.
                if k < tokens.count, tokens[k].lower == "and", tokens[k].spaceAfter { break }
                continue
            }
            guard tokens[k].spaceAfter, k + 1 < tokens.count, tokens[k + 1].lower == "and", tokens[k + 1].spaceAfter else { return nil }
            k += 1
            break
        }
        guard fields >= 1, k < tokens.count, tokens[k].lower == "and", isField(k + 1) else { return nil }
        var last = k + 2
        // `Rural Affairs`: the last field may be two words.
        if tokens[k + 1].spaceAfter, isField(last), last + 1 >= tokens.count || !tokens[last + 1].capitalised || !tokens[last].spaceAfter {
            last += 1
        }
        // The name must end there.
        if tokens[last - 1].spaceAfter, last < tokens.count, tokens[last].capitalised { return nil }
        return last
    }

    /// Whether the name after `and` at token `and` (up to its head) is followed by a bracketed
    /// abbreviation of the initials of the whole run from `start`: `China Automotive Technology
    /// and Research Center (CATARC)` is one name.
    static func abbreviationJoins(_ tokens: [Token], start: Int, and: Int) -> Bool {
        var k = and + 1
        while k < tokens.count, tokens[k].capitalised {
            let isHead = heads[tokens[k].lower] != nil || keptLegalForms.contains(tokens[k].lower)
            k += 1
            if isHead { break }
        }
        guard k < tokens.count, tokens[k - 1].next == 0x28 else { return false }
        let abbreviation = tokens[k].text.filter { $0 != "(" && $0 != ")" }
        guard abbreviation.count >= 3, abbreviation.allSatisfy({ $0.isUppercase || $0.isNumber }) else { return false }
        return initialsMatch(abbreviation, tokens[start..<k].map(\.text).joined(separator: " "))
    }

    /// Whether a bracketed abbreviation of three capitals or more inside `run` has the initials
    /// of all the run's words before it (`Belt and Road Local Cooperation (BRLC) Committee`).
    static func abbreviatesItsStart(_ tokens: [Token], _ run: Range<Int>, _ text: [UInt8]) -> Bool {
        guard run.count >= 4 else { return false }
        for k in (run.lowerBound + 2)..<run.upperBound {
            let token = tokens[k]
            guard token.start >= 1, text[token.start - 1] == 0x28, token.end < text.count, text[token.end] == 0x29,
                  token.text.count >= 3, token.text.allSatisfy({ $0.isUppercase }) else { continue }
            return abbreviates(token.text, tokens[run.lowerBound..<k])
        }
        return false
    }

    /// Whether `abbreviation`, three capitals or more, has the initials of `words`.
    static func abbreviates(_ abbreviation: String, _ words: ArraySlice<Token>) -> Bool {
        abbreviation.count >= 3 && abbreviation.allSatisfy({ $0.isUppercase })
            && initialsMatch(abbreviation, words.map(\.text).joined(separator: " "))
    }

    /// Words that close many companies' names (`Hikvision Digital Technology`) and no body's
    /// complement: before `and` and a name with a head of its own, they end the name.
    static let companyClosingWords: Set<String> = ["technology", "technologies"]

    /// Whether the capitalised words from `index` make a name that ends in a head noun or a
    /// legal form (`Inspur Group`, `Tsinghua University`, `Foo Co., Ltd.`).
    /// With `legalFormOnly`, only a legal form ends it (`Chongqing Yuxin Electronic Co., Ltd.`).
    static func namesWithHead(_ tokens: [Token], from index: Int, legalFormOnly: Bool = false) -> Bool {
        headAhead(tokens, from: index, legalFormOnly: legalFormOnly) != nil
    }

    /// The index of the head noun or legal form that closes the capitalised words from `index`,
    /// when there is a word before it (`Tuscia University`); nil otherwise. With
    /// `legalFormOnly`, only a legal form closes them.
    static func headAhead(_ tokens: [Token], from index: Int, legalFormOnly: Bool = false) -> Int? {
        var k = index
        while k < tokens.count, tokens[k].capitalised {
            if (!legalFormOnly && heads[tokens[k].lower] != nil) || keptLegalForms.contains(tokens[k].lower) || isLegalForm(tokens[k]) { return k > index ? k : nil }
            guard tokens[k].spaceAfter else { return nil }
            k += 1
        }
        return nil
    }

    /// Whether a list goes on after the name with a legal form that opens at `index`: a comma
    /// after its legal forms, then another capitalised name or `and`.
    static func listGoesOn(_ tokens: [Token], afterLegalFormFrom index: Int) -> Bool {
        guard var k = headAhead(tokens, from: index, legalFormOnly: true) else { return false }
        // `Co., Ltd.`: the legal forms may be separated by a comma themselves.
        while k + 1 < tokens.count, keptLegalForms.contains(tokens[k + 1].lower) || isLegalForm(tokens[k + 1]) { k += 1 }
        guard tokens[k].next == 0x2C, k + 1 < tokens.count else { return false }
        return tokens[k + 1].lower == "and" || tokens[k + 1].capitalised
    }

    /// Whether the token is a word of a name's own: no field, adjective, nationality or generic
    /// modifier, and never written in lower case in the article (`text`).
    static func isOwnNameWord(_ token: Token, _ text: [UInt8]) -> Bool {
        !fieldWords.contains(token.lower) && !isAdjective(token.lower) && hasOwnWord([token], 0..<1, text)
    }

    /// Whether the capitalised words from `index` have the shape of a company named by its trade
    /// (``hasTradeShape(_:_:)``), with no nationality before the trade (`Brightwater Foods`).
    static func namesTradeAhead(_ tokens: [Token], from index: Int) -> Bool {
        var end = index
        while end < tokens.count, tokens[end].capitalised, end - index < 5 {
            end += 1
            guard tokens[end - 1].spaceAfter else { break }
        }
        return hasTradeShape(tokens, index..<end) && !tokens[index..<(end - 1)].contains { demonyms.contains($0.lower) }
    }

    /// Fields of study and trade that, joined by `and`, name one university or college
    /// (`Technology and Business University`, `Science and Technology University`).
    static let fieldWords: Set<String> = [
        "business", "economics", "law", "commerce", "finance", "trade", "industry", "engineering", "science", "sciences",
        "medicine", "arts", "design", "management", "education", "communications", "telecommunications", "posts",
        "agriculture", "forestry", "technology", "information", "languages", "politics", "media",
    ]

    /// Whether the capitalised words from `index` up to a head noun are all fields of study
    /// (`Business University`): then an `and` before them joins two fields of one name.
    static func namesFieldsBeforeHead(_ tokens: [Token], from index: Int) -> Bool {
        var k = index
        while k < tokens.count, tokens[k].capitalised, heads[tokens[k].lower] == nil {
            guard fieldWords.contains(tokens[k].lower) else { return false }
            k += 1
        }
        return k > index && k < tokens.count && heads[tokens[k].lower] != nil
    }

    /// Whether the name at `start` follows another name and a comma in a list that a comma or
    /// `such as`, `including`, `like` opens (`such as Zongshen Power, Loncin Motor …`), not a
    /// name's seat (`University of California, Berkeley`).
    static func isListItem(_ tokens: [Token], _ start: Int) -> Bool {
        guard start > 0, tokens[start - 1].capitalised, tokens[start - 1].next == 0x2C else { return false }
        var b = start - 1
        while b > 0, tokens[b - 1].capitalised, tokens[b - 1].spaceAfter, !leadingStopWords.contains(tokens[b - 1].lower) { b -= 1 }
        guard b > 0 else { return false }
        return tokens[b - 1].next == 0x2C || ["as", "including", "like", "include", "includes", "with"].contains(tokens[b - 1].lower)
    }

    /// Head nouns that also name an action (`Organization of the Declaration …`, `Administration
    /// of the Program`): their complement opens no name with `the`.
    static let actionHeads: Set<String> = ["organisation", "organization", "administration"]

    /// Common nouns whose possessive is part of a body's name: `People's Government of Sichuan
    /// Province`, `China Women's Development Foundation`, `Chongqing Mayor's International …`.
    static let possessiveNameNouns: Set<String> = ["people", "women", "children", "mayor", "workers", "farmers", "youth"]

    /// Whether `token` goes on with the name after `previous` written as a possessive (`'s `)
    /// of one of the ``possessiveNameNouns``; a possessive of anything else ends the name
    /// (`Aachen University's`, `Haier's`).
    static func continuesAfterPossessive(_ previous: Token, _ token: Token) -> Bool {
        previous.next == 0x27 && token.start == previous.end + 3 && token.capitalised && possessiveNameNouns.contains(previous.lower)
    }

    /// Whether the token at `index` is a nationality adjective of the lower-case noun after it:
    /// `… Institute for Advanced Equipment and German institutions` joins no `German` to the name.
    static func isDemonymBeforeNoun(_ tokens: [Token], _ index: Int) -> Bool {
        guard demonyms.contains(tokens[index].lower), tokens[index].spaceAfter, index + 1 < tokens.count else { return false }
        return !tokens[index + 1].capitalised
    }

    private func classify(_ tokens: [Token], _ run: Range<Int>, _ text: [UInt8]) -> OrganisationCandidate? {
        let words = tokens[run]
        guard let last = words.last else { return nil }
        let lowers = words.map(\.lower)
        let full = Self.spell(text, words.first!.start, last.end)
        // Legal form at the end.
        let core = Self.legalFormStart(tokens, run) - run.lowerBound
        // `Reduce CO₂`: capitals `CO` ending the name are a formula, not `Co.`.
        if core == lowers.count - 1, words[run.lowerBound + core].text == "CO" { return nil }
        if core < lowers.count || Self.keptLegalForms.contains(lowers[core - 1]) {
            guard core >= 1 else { return nil }
            let nameEnd = core < lowers.count ? words[run.lowerBound + core - 1].end : last.end
            let kept = core < lowers.count ? core : core - 1
            // "Working Group", "Study Group": a group of people, not a company (the word before
            // `Group` is generic), while `Wanda Group Co., Ltd.` is one.
            if core >= 2, lowers[core - 1] == "group", Self.genericModifiers.contains(lowers[core - 2]) { return nil }
            guard kept >= 1, lowers[0..<kept].contains(where: { !Self.genericModifiers.contains($0) && !Self.connectors.contains($0) }) else { return nil }
            // `Siemens R&D (Beijing) Co.`: keep the closing parenthesis that the name opened
            // (not the one that closes a list around it: `(…, and Phong Huy Wind Power Joint Stock Company)`).
            let opened = text[words.first!.start..<nameEnd].reduce(0) { $0 + ($1 == 0x28 ? 1 : $1 == 0x29 ? -1 : 0) } > 0
            let name = Self.spell(text, words.first!.start, opened && nameEnd < text.count && text[nameEnd] == 0x29 ? nameEnd + 1 : nameEnd)
            return OrganisationCandidate(name: name, fullName: full, acronym: nil, type: .company, rule: .legalForm, confidence: 0.95, spans: [words.first!.start..<last.end])
        }
        // Media.
        if Self.mediaWords.contains(lowers.last!), lowers.count >= 2,
           lowers.dropLast().contains(where: { !Self.genericModifiers.contains($0) && !Self.connectors.contains($0) }) {
            return OrganisationCandidate(name: full, fullName: full, acronym: nil, type: .media, rule: .media, confidence: 0.85, spans: [words.first!.start..<last.end])
        }
        // A trade closing the name: `Tata Steel`, `Sembcorp Industries`, `Singapore Airlines`.
        if Self.namesByTrade(tokens, run, text) {
            return OrganisationCandidate(name: full, fullName: full, acronym: nil, type: .company, rule: .tradeWord, confidence: 0.8, spans: [words.first!.start..<last.end])
        }
        // Head noun: the last one in the run, with or without an `of …` complement.
        for k in stride(from: lowers.count - 1, through: 0, by: -1) {
            // `National Payments Corporation of India`: a company's form with a complement heads the name.
            let formWithComplement = ["corporation", "company"].contains(lowers[k]) && k + 1 < lowers.count && lowers[k + 1] == "of"
            guard let head = Self.head(of: lowers[k]) ?? (formWithComplement ? (type: .company, needsOf: true, compound: false) : nil),
                  words[run.lowerBound + k].text.first?.isUppercase == true else { continue }
            let complements: Set<String> = ["of", "for", "on", "de", "di", "du", "des", "der", "del", "della", "für", "von"]
            let hasOf = k + 1 < lowers.count && complements.contains(lowers[k + 1])
            if head.needsOf && !hasOf && !(k == lowers.count - 1 && Self.namesUnitWithoutComplement(lowers[0..<k], head: lowers[k]))
                && !(k >= 2 && lowers[k] == "exchange" && Self.exchangeMarkets.contains(lowers[k - 1])) {
                // `State Administration of Foreign Exchange`: the word is in an earlier head's complement.
                let inComplement = (0..<k).contains { j in Self.head(of: lowers[j]) != nil && complements.contains(lowers[j + 1]) }
                if inComplement { continue }
                return nil
            }
            // `Right Bank`, `South Bank`: a river bank.
            if k >= 1, ["right", "left", "north", "south", "east", "west"].contains(lowers[k - 1]) { return nil }
            // `Quality Award of People's Government of Longyou County`: the body is the complement.
            if let m = (0..<max(k - 1, 0)).last(where: { Self.workWords.contains(lowers[$0]) && lowers[$0 + 1] == "of" }) {
                return classify(tokens, (run.lowerBound + m + 2)..<run.upperBound, text)
            }
            // `School of Electrical Engineering of Bandung Institute of Technology`: a unit of a
            // body named after its last `of` is indexed as that body.
            if Self.subunitHeads.contains(lowers[0]), lowers.count > 1, lowers[1] == "of",
               let m = (2..<max(k - 1, 2)).last(where: { lowers[$0] == "of" }),
               !lowers[(m + 1)..<k].contains(where: { Self.connectors.contains($0) }) {
                return classify(tokens, (run.lowerBound + m + 1)..<run.upperBound, text)
            }
            let before = lowers[0..<k]
            // German names put the seat after the head: `Technische Universität Darmstadt`.
            let seat = !hasOf && Self.seatAfterHeads.contains(where: { lowers[k].hasSuffix($0) }) && k + 1 < lowers.count
                && words[run.lowerBound + k + 1].capitalised && !Self.connectors.contains(lowers[k + 1])
            let distinctive = head.compound || seat || before.contains { !Self.genericModifiers.contains($0) && !Self.connectors.contains($0) }
                || (hasOf && !Self.headsNamedBeforeThem.contains(lowers[k]) && lowers[(k + 1)...].contains { !Self.connectors.contains($0) && !Self.genericModifiers.contains($0) })
                || (lowers[k] == "council" && before.contains("state"))
                || Self.namesNationalGovernment(tokens, run, head: k)
            guard distinctive else { return nil }
            // The name ends with the head, or with its complement.
            let end = hasOf ? last.end : seat ? words[run.lowerBound + k + 1].end : words[run.lowerBound + k].end
            let name = Self.spell(text, words.first!.start, end)
            var type = head.type
            if [.governmentBody, .company, .association].contains(type), lowers.contains(where: Self.internationalWords.contains) {
                type = .internationalOrganisation
            }
            if lowers[k] == "agency", k >= 1, lowers[k - 1] == "news" { type = .media }
            return OrganisationCandidate(name: name, fullName: name, acronym: nil, type: type, rule: .headNoun, confidence: 0.9, spans: [words.first!.start..<end])
        }
        return nil
    }

    /// Whether the run is `the Federal Government`, written with capitals after `the`: the
    /// government of the federation the text is about (Germany's, Austria's, the United States'),
    /// a body of its own. `Central Government` and `Municipal Government` name a level that every
    /// state has, and stay generic.
    static func namesNationalGovernment(_ tokens: [Token], _ run: Range<Int>, head k: Int) -> Bool {
        guard k == 1, run.count == 2, run.lowerBound > 0, tokens[run.lowerBound - 1].lower == "the",
              tokens[run.lowerBound].lower == "federal", tokens[run.lowerBound + 1].lower == "government"
        else { return false }
        return tokens[run].allSatisfy { $0.text.first?.isUppercase == true }
    }

    /// Words of a trade that close companies' names and no body's (`Tata Steel`, `Hainan
    /// Airlines`, `Sembcorp Industries`, `COSCO Shipping`, `Sun Pharmaceuticals`).
    static let tradeWords: Set<String> = [
        "airlines", "airways", "motors", "industries", "pharmaceuticals", "pharma", "shipping", "logistics", "steel",
        "telecom", "telecommunications", "electronics", "semiconductor", "semiconductors", "chemicals", "petroleum",
        "petrochemical", "mining", "securities", "insurance", "automotive", "brewery", "textiles", "foods", "beverages",
        "machinery", "cement", "electric", "power", "energy", "tech", "biotech", "biotechnology", "biologics", "biosciences",
        "therapeutics", "robotics",
        // Investors: `Sequoia Capital`, `Hillhouse Investment`, `Breakthrough Energy Ventures`.
        "capital", "ventures", "investment", "investments",
        // `PSA International`, `Wilmar International`; a sector word before it makes none (`Chinese International`).
        "international",
    ]

    /// Words that make a trade a sector, not a company: `Strategic Emerging Industries`, `Green Steel`.
    static let sectorWords: Set<String> = [
        "emerging", "strategic", "creative", "cultural", "traditional", "future", "pillar", "heavy", "light", "high-tech",
        "modern", "green", "smart", "digital", "low-carbon", "clean", "manufacturing", "service", "services", "processing",
        "global", "world", "international", "domestic", "foreign", "chinese", "china", "automobile", "auto", "special",
        "specialty", "fine", "basic", "bulk", "crude", "stainless", "carbon", "raw", "primary", "secondary", "tertiary",
        // Kinds of capital and investment: `Human Capital`, `Foreign Direct Investment`, `Venture Capital`.
        "human", "natural", "social", "venture", "foreign", "direct", "public", "private", "fixed", "working", "total",
        "sustainable", "responsible", "impact", "patient", "seed", "growth", "equity",
        // Sources of energy and power: `Renewable Energy`, `Wind Power`, `New Energy`.
        "new", "renewable", "solar", "wind", "hydrogen", "nuclear", "thermal", "hydro", "geothermal", "tidal", "wave",
        "ocean", "marine", "biomass", "alternative", "conventional", "fossil", "electrical", "kinetic",
        // Kinds of technology business: `Deep Tech`, `Health Tech`, `Agri Tech`.
        "deep", "high", "med", "fin", "ed", "agri", "food", "health", "climate", "legal", "prop", "bio", "retail",
    ]

    /// Whether the run is a company named by its trade: two to four capitalised words that end
    /// in a trade word, where a word before it is the name's own (never written in lower case,
    /// no nationality or generic modifier), and none before it is a head noun, a legal form, an
    /// adjective or a word that makes the trade a sector. Before a colon (a list item's label)
    /// every word before the trade must be the name's own.
    static func namesByTrade(_ tokens: [Token], _ run: Range<Int>, _ text: [UInt8]) -> Bool {
        guard hasTradeShape(tokens, run) else { return false }
        let before = run.lowerBound..<(run.upperBound - 1)
        // `Optimizing Cold Chain Logistics: establish …`: a label that a colon closes is a name
        // only when every word before the trade is the name's own (`Joyson Electronics: we …`).
        if tokens[run.upperBound - 1].next == 0x3A {
            return before.allSatisfy { hasOwnWord(tokens, $0..<($0 + 1), text) }
        }
        // `SME Logistics`, `SOE Energy`: a class of firm before a trade names a kind of business.
        if before.allSatisfy({ firmClasses.contains(tokens[$0].lower) }) { return false }
        return hasOwnWord(tokens, before, text)
    }

    /// Abbreviations of classes of firm: before a trade word they name no company (`SME
    /// Logistics` is the logistics of small firms), though a body's head may follow them (`SME Agency`).
    static let firmClasses: Set<String> = ["sme", "smes", "msme", "msmes", "soe", "soes", "mnc", "mncs"]

    /// Whether the run has the shape of a company named by its trade: two to four words with a
    /// capital that a trade word closes (`&` may join them), none before the trade a head noun, a
    /// legal form, an adjective, a trade, a word that makes the trade a sector, or `and`.
    static func hasTradeShape(_ tokens: [Token], _ run: Range<Int>) -> Bool {
        guard (2...4).contains(run.count), tradeWords.contains(tokens[run.upperBound - 1].lower),
              tokens[run.upperBound - 1].text.first?.isUppercase == true else { return false }
        let before = run.lowerBound..<(run.upperBound - 1)
        return tokens[before].allSatisfy { token in
            (token.text.first?.isUppercase == true || token.lower == "&")
                && head(of: token.lower) == nil && !keptLegalForms.contains(token.lower) && !isLegalForm(token) && !isAdjective(token.lower)
                && !sectorWords.contains(token.lower) && !tradeWords.contains(token.lower) && token.lower != "and"
        }
    }

    /// Heads of the units of a university or a body (`School of …`, `Department of …`).
    static let subunitHeads: Set<String> = ["school", "faculty", "department", "college", "division", "laboratory", "lab"]

    /// Heads that only the words before them make a name: a complement says whose it is
    /// (`Board of Directors`), not which (`Sustainability Standards Board of Japan`).
    static let headsNamedBeforeThem: Set<String> = ["board"]

    /// Heads that need an `of …` complement unless the name before them says whose unit it is.
    static let unitHeads: Set<String> = ["centre", "center", "office", "department"]

    /// Words that make a centre a place people visit rather than a body: `Olympic Sports Center`,
    /// `Inland International Logistics Hub Center`.
    static let facilityWords: Set<String> = ["sports", "sport", "shopping", "exhibition", "convention", "conference", "logistics", "hub", "trade", "financial"]

    /// Whether the words before a unit head, which ends the name, name the unit by themselves:
    /// two or more that are neither generic modifiers nor connectors (`Tokyo One-Stop Business
    /// Establishment Center`, `Marketing Service Center`), where one alone describes (`Research
    /// Center`, `Sales Department`), and none of a facility.
    /// What an exchange trades, before `Exchange` in a market's name (`Shanghai Stock Exchange`,
    /// `London Metal Exchange`, `Shanghai Data Exchange`), which needs no `of …` then; a place or
    /// another word must come first (`Foreign Exchange`, `Stock Exchange` alone name none).
    static let exchangeMarkets: Set<String> = [
        "stock", "stocks", "securities", "futures", "commodity", "commodities", "mercantile", "metal", "metals",
        "energy", "power", "electricity", "carbon", "emissions", "environment", "data", "grain", "equity", "equities",
    ]

    static func namesUnitWithoutComplement(_ before: ArraySlice<String>, head: String) -> Bool {
        unitHeads.contains(head) && before.filter { !genericModifiers.contains($0) && !connectors.contains($0) }.count >= 2
            && !before.contains(where: facilityWords.contains)
    }

    /// Appositives around a capitalised run: `X, a French company`, `X is a … manufacturer`,
    /// `its subsidiary X`.
    func appositives(in text: [UInt8], ranges: [Range<Int>], known: (Range<Int>) -> Bool, place: (Range<Int>) -> Bool = { _ in false }) -> [OrganisationCandidate] {
        let tokens = Self.tokens(text, ranges)
        var out: [OrganisationCandidate] = []
        var i = 0
        while i < tokens.count {
            guard tokens[i].capitalised, !Self.isLeadingStopWord(tokens, i) else { i += 1; continue }
            let run = Self.run(tokens, from: i, known: known, place: place, text: text)
            defer { i = max(run.upperBound, i + 1) }
            let first = tokens[run.lowerBound], last = tokens[run.upperBound - 1]
            guard !known(first.start..<last.end) else { continue }
            var described = false
            var describedType = OrganisationType.company
            // `its subsidiary X`, `subsidiary X`
            if run.lowerBound >= 1, tokens[run.lowerBound - 1].lower == "subsidiary" || tokens[run.lowerBound - 1].lower == "subsidiaries" { described = true }
            // `a new advisory subsidiary called Bosch Climate Solutions`, `a joint venture named X`.
            if !described, Self.isCalledAfterCompanyNoun(tokens, run.lowerBound) { described = true }
            // `X, a/an … noun` or `X is a/an … noun` or `X, one of the … nouns` or `X, as a … noun`
            var k = run.upperBound
            if !described, k < tokens.count {
                if last.next == 0x2C || tokens[k].lower == "is" {
                    if tokens[k].lower == "is" || (last.next == 0x2C && tokens[k].lower == "as") { k += 1 }
                    // `X is the largest … producer`: a name of its own, since `the` also describes
                    // common nouns (`Manufacturing is the largest employer`).
                    let definite = k < tokens.count && tokens[k].lower == "the" && tokens[k - 1].lower == "is" && Self.hasOwnWord(tokens, run, text)
                    // `TenneT, the Dutch grid operator, is …`: after a comma, `the` describes the name
                    // when the description ends at the noun (not `Meanwhile, the company said`).
                    let definiteAppositive = k < tokens.count && k == run.upperBound && tokens[k].lower == "the" && Self.hasOwnWord(tokens, run, text)
                    if k < tokens.count, ["a", "an", "one"].contains(tokens[k].lower) || (tokens[k - 1].lower == "as" && tokens[k].lower == "the") || definite
                        || definiteAppositive {
                        // `a Chinese solar and wind electric power company`: the words that
                        // join the description's parts are not counted.
                        var limit = min(tokens.count, k + 1 + Self.appositiveReach)
                        var m = k + 1
                        while m < limit {
                            let word = tokens[m].lower
                            if word == "and" || word == "or" { limit = min(tokens.count, limit + 1) }
                            // `Zhang Wei, an engineer with China Railway Group`: a noun after a
                            // preposition describes the complement, not the name.
                            // (`X, one of the largest firms` keeps its `of`.)
                            if ["with", "at", "of", "for", "from", "in", "on", "by"].contains(word), !(word == "of" && tokens[m - 1].lower == "one") { break }
                            // `the company's …` is something of a company, not one.
                            let owned = Self.isPossessive(text, tokens[m].start..<tokens[m].end)
                            if !owned, Self.companyNouns.contains(word) || Self.companyNouns.contains(String(word.dropLast())) {
                                described = !definiteAppositive || Self.endsDescription(tokens, at: m)
                                break
                            }
                            // `a think tank`: `tank` only after `think`.
                            if let type = Self.describingNouns[word], word != "tank" || tokens[m - 1].lower == "think" {
                                described = true
                                describedType = type
                                break
                            }
                            if tokens[m - 1].next == 0x2C || tokens[m - 1].next == 0x2E { break }
                            m += 1
                        }
                    }
                }
            }
            if !described, Self.isDescribedBefore(tokens, run) || Self.followsCopulaTitle(tokens, run, text) { described = true }
            // `the optical equipment manufacturer Olympus`, `the German carmaker BMW`: the title
            // names the first name of a pair (`manufacturer Daikin Industries and Toyota …`).
            var listed = false
            if !described, Self.followsCompanyNounTitle(tokens, run.lowerBound) { described = true; listed = true }
            // `automotive giants such as Daimler Group and Porsche`, `firms (SAP, Siemens and GE)`:
            // every name listed after a plural company noun.
            if !described, Self.followsCompanyNounList(tokens, run.lowerBound, text) { described = true; listed = true }
            var rule = DiscoveryRule.appositive
            // `a partnership between Dravos and Pelltek` names two parties.
            if run.lowerBound >= 1, tokens[run.lowerBound - 1].lower == "between" { listed = true }
            if !described, Self.actsAsCompany(tokens, run, text) || Self.ownsAPossessionNamedBefore(tokens, run) || Self.isCompanyAgent(tokens, run, text, place: place)
                || Self.isNamedAsAPartner(tokens, run, text, known: known) || Self.isSaidToBeFounded(tokens, run, text) {
                described = true
                rule = .companyContext
            }
            guard described else { continue }
            // `makers like FAW, SAIC, Chery, BAW and Dongfeng`: in a list, `and` joins two names.
            for part in listed ? Self.itemsSplitAtAnd(tokens, run) : [run] {
                let words = tokens[part]
                let lowers = words.map(\.lower)
                guard lowers.contains(where: Self.isDistinctive) else { continue }
                // `SMEs`, `SOEs`, `NGOs`: an abbreviation in the plural names a class, not one body.
                guard !(words.count == 1 && Self.isPluralAbbreviation(words[part.lowerBound].text)) else { continue }
                let span = words[part.lowerBound].start..<words[part.upperBound - 1].end
                // `Chery Automobile Co., Ltd, a Chinese automobile manufacturer`: the index name
                // drops the legal form, as a name that the legal form itself finds does.
                let core = max(part.lowerBound + 1, Self.legalFormStart(tokens, part))
                let full = Self.spell(text, span.lowerBound, span.upperBound)
                let name = core == part.upperBound ? full : Self.spell(text, span.lowerBound, tokens[core - 1].end)
                out.append(OrganisationCandidate(name: name, fullName: full, acronym: nil, type: describedType, rule: rule, confidence: rule == .appositive ? 0.85 : 0.8, spans: [span]))
            }
        }
        return out
    }

    /// Words that say where a company leads (`the largest operator in the region`).
    static let scopeNouns: Set<String> = ["region", "country", "world", "market", "sector", "industry", "city", "province", "state", "continent", "nation"]

    /// Whether the description that a definite appositive opens ends at its noun `m`: at a
    /// comma, stop or bracket right after it, or after a short phrase that says where
    /// (`the largest mobile operator in the region,`, `the biggest carmaker in Japan.`, `the
    /// electricity system operator for Great Britain,`, `the largest lender of Kenya.`).
    static func endsDescription(_ tokens: [Token], at m: Int) -> Bool {
        let closing: [UInt8] = [0, 0x2C, 0x2E, 0x29, 0x3B]
        if closing.contains(tokens[m].next) { return true }
        guard m + 2 < tokens.count, ["in", "across", "on", "for", "of"].contains(tokens[m + 1].lower) else { return false }
        var n = m + 2
        if tokens[n].lower == "the", n + 1 < tokens.count { n += 1 }
        // One scope noun, or a place's name of one or two capitalised words.
        if scopeNouns.contains(tokens[n].lower) { return closing.contains(tokens[n].next) }
        guard tokens[n].capitalised else { return false }
        if closing.contains(tokens[n].next) { return true }
        return n + 1 < tokens.count && tokens[n].spaceAfter && tokens[n + 1].capitalised && closing.contains(tokens[n + 1].next)
    }

    /// Whether a sentence opens by describing the name that follows its first comma as a
    /// company: `As a glass manufacturer, Corning …`, `As the major industrial supplier, Mersen …`.
    static func isDescribedBefore(_ tokens: [Token], _ run: Range<Int>) -> Bool {
        let start = run.lowerBound
        guard start >= 3, tokens[start - 1].next == 0x2C else { return false }
        let noun = tokens[start - 1].lower
        guard companyNouns.contains(noun) || companyNouns.contains(String(noun.dropLast())) else { return false }
        // `As` and an article, at most ``appositiveReach`` words before the comma, with no comma
        // or preposition between (`As a result of talks with the manufacturer, …` describes no one).
        var m = start - 2
        while m >= 1, start - 1 - m <= appositiveReach, tokens[m].next != 0x2C, tokens[m].next != 0x2E,
              !["of", "in", "for", "with", "by", "on", "from", "to", "at"].contains(tokens[m].lower) {
            if tokens[m - 1].text == "As", ["a", "an", "the"].contains(tokens[m].lower) {
                return m - 1 == 0 || tokens[m - 2].next == 0x2E
            }
            m -= 1
        }
        return false
    }

    /// Company nouns that may stand right before a company's name as its title (`the restaurant
    /// operator Royal Host`): those of ``companyNouns`` that do not also name a part of one or a
    /// kind of organisation (`the group Chairman`, `the enterprise Chongqing …`).
    /// `giant` is one only as a title (`tech giant Huawei`).
    static let titleCompanyNouns: Set<String> = companyNouns.subtracting(["group", "enterprise", "bank", "corporation", "subsidiary", "multinational"]).union(["giant"])

    /// Whether the capitalised run at `start` is named right after a singular company noun that
    /// `the` opens, with only adjectives and nouns between (`the optical equipment manufacturer
    /// Olympus`, `the German carmaker BMW`, `chipmaker` and any other `-maker`): the noun is the
    /// name's title, as `subsidiary` is in `its subsidiary United Tractors`. The title may also
    /// open its sentence or clause (`Chinese electric vehicle maker Avatr announced`, `…, tech
    /// giant Huawei`) or follow `and` (`and battery manufacturer CATL`).
    static func followsCompanyNounTitle(_ tokens: [Token], _ start: Int) -> Bool {
        guard start >= 2 else { return false }
        let noun = tokens[start - 1]
        // `the restaurant chain Royal Host`; a chain of supply or value is no company.
        let chain = noun.lower == "chain" && !["supply", "value", "industrial", "industry", "production", "cold", "food", "block"].contains(tokens[start - 2].lower)
        guard noun.spaceAfter, !noun.capitalised,
              titleCompanyNouns.contains(noun.lower) || chain || (noun.lower.hasSuffix("maker") && noun.lower.count > 6) else { return false }
        var m = start - 2
        while m >= 0, start - 1 - m <= appositiveReach {
            let word = tokens[m]
            guard word.spaceAfter, word.lower.allSatisfy({ $0.isLetter || $0 == "-" }) else { return false }
            if word.lower == "the" { return true }
            // `at air conditioning manufacturer Daikin Industries`: a preposition opens the title
            // when words of a trade stand between it and the noun.
            if ["at", "by", "from", "with"].contains(word.lower) { return start - 2 - m >= 1 }
            if word.lower == "and" { return start - 2 - m >= 1 && start - 2 - m <= 3 }
            if connectors.contains(word.lower) || genericWordsBeforeTitle.contains(word.lower) || determiners.contains(word.lower) { return false }
            // The title opens the sentence or follows a comma.
            if m == 0 || tokens[m - 1].next == 0x2E || tokens[m - 1].next == 0x2C { return true }
            m -= 1
        }
        return false
    }

    /// Determiners other than `the`: the noun after them is no title (`Every manufacturer X met`).
    static let determiners: Set<String> = ["a", "an", "every", "each", "any", "no", "some", "another", "one", "all", "either", "neither", "which", "what", "such"]

    /// Words that end the search for `the` before a company noun: a verb or preposition between
    /// them means the noun is not a title (`the company has Siemens …`).
    static let genericWordsBeforeTitle: Set<String> = [
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "with", "by", "to", "from", "in", "on", "at", "as",
        "than", "that", "which", "who", "whose", "its", "their", "his", "her", "our", "this", "these", "those",
    ]

    /// Verbs that, right after a name written in capitals, make it a company acting: `KUKA
    /// announced`, `CATL supplies`. Past forms that also read as participles after a noun
    /// (`energy produced by …`) count only after `has` or `have`.
    static let companyVerbs: Set<String> = [
        "announced", "announces", "acquired", "acquires", "signed", "signs", "launched", "launches", "invested", "invests",
        "unveiled", "unveils", "opened", "opens", "manufactures", "produces", "supplies", "operates", "employs", "develops",
        "offers", "provides", "exports", "partnered", "partners",
    ]
    /// Verbs whose subject is a business, never a person (``companyVerbs`` are also people's).
    static let businessVerbs: Set<String> = ["manufactures", "produces", "supplies", "employs", "exports"]
    static let companyPerfectVerbs: Set<String> = [
        "produced", "developed", "built", "supplied", "established", "delivered", "manufactured", "completed", "installed",
    ]
    /// Nouns that, after a possessive name written in capitals, belong to a company: `DURR's plant`.
    static let companyPossessions: Set<String> = [
        "plant", "plants", "factory", "factories", "subsidiary", "subsidiaries", "headquarters", "products", "customers",
        "shares", "shareholders", "revenue", "revenues", "ceo", "chairman", "employees", "workforce", "facility", "facilities",
        "brand", "brands", "branch", "stake", "portfolio",
    ]

    /// Nouns that, before `of` and a name, say that the name is a company's: `the revenue of
    /// General Electric`, `a subsidiary of Jardines`, `the founder of Zorvex`.
    static let possessionsBeforeOf: Set<String> = Set([
        "subsidiary", "subsidiaries", "affiliate", "affiliates", "headquarters", "shareholder", "shareholders", "revenue",
        "revenues", "founders", "investee", "employees", "workforce", "ownership", "acquisition",
    ]).union(officers)
    /// A company's officers: before `of` or `at` and a name, they make it their company's
    /// (`chairman of Changan Automobile`, `CEO at Meridian Clean Energy`).
    static let officers: Set<String> = ["ceo", "cfo", "cto", "coo", "founder", "co-founder", "chairman", "chairwoman"]

    /// Nouns and verbs that, before `with` and a name, make the name a party to a business
    /// relation: `in collaboration with Allganize`, `a joint venture with Zorvex`.
    static let relationsBeforeWith: Set<String> = ["collaboration", "cooperation", "partnership", "venture", "ventures", "partnered", "teamed", "memorandum", "contract"]
    /// Nouns that, before `in` and a name, make the name a company someone owns part of:
    /// `a 50.1 percent interest in Astra`, `a stake in Zorvex`.
    static let holdingsBeforeIn: Set<String> = ["stake", "stakes", "shareholding", "shareholdings"]

    /// Whether the capitalised run is named as a party to a business relation (`in collaboration
    /// with Allganize`, `a joint venture with Zorvex`) or as a company someone holds part of
    /// (`a stake in Zorvex`, `a 50.1 percent interest in Astra`). People and places are parties
    /// too, so the run must hold a word that the article never writes in lower case and that is
    /// no nationality, generic modifier or connector, and no word of it may be a known name or
    /// the run end with a place's last word.
    static func isNamedAsAPartner(_ tokens: [Token], _ run: Range<Int>, _ text: [UInt8], known: (Range<Int>) -> Bool) -> Bool {
        let start = run.lowerBound
        guard start >= 2, run.count <= 4 || tokens[start - 1].lower == "between" && run.count <= 7, tokens[start - 1].spaceAfter, tokens[start - 2].spaceAfter else { return false }
        let before = tokens[start - 2].lower, word = tokens[start - 1].lower
        // `a joint venture between Harlon and Miretta`: both are parties.
        let related = (word == "with" || word == "between") && relationsBeforeWith.contains(before)
        let held = word == "in" && (holdingsBeforeIn.contains(before)
            || before == "interest" && start >= 3 && ["percent", "per", "cent", "%"].contains(tokens[start - 3].lower))
        guard related || held else { return false }
        let lowers = tokens[run].map(\.lower)
        guard !demonyms.contains(lowers[0]), !lowers.contains(where: { heads[$0] != nil || keptLegalForms.contains($0) || currencies.contains($0) }) else { return false }
        // A place is a partner too: `cooperation with Pengshui County`, `with Upper Austria`,
        // `with Central Asia and Europe`; so is a description (`with Chinese-owned companies`).
        guard !placeHeads.contains(lowers[lowers.count - 1]), !tokens[run].contains(where: { known($0.start..<$0.end) }),
              !lowers.contains(where: { $0.contains("-") && $0.split(separator: "-").last.map { ["owned", "based", "funded", "invested", "led"].contains(String($0)) } == true })
        else { return false }
        return hasOwnWord(tokens, run, text)
    }

    /// Participles that say a body was made: `Zorvex was founded in 1998`, `Zorvex, headquartered
    /// in Lyon, …`. People are born, and places get no headquarters.
    static let foundingParticiples: Set<String> = ["founded", "incorporated", "headquartered", "established"]
    /// Last words of sites that are established as places are: `… Innovation Base`, `… Valley`.
    static let siteWords: Set<String> = ["base", "bases", "hub", "campus", "valley", "corridor", "cluster", "center", "centre"]

    /// Whether the name is said to have been founded, incorporated or established (`Signify was
    /// founded in 1891`, `Zorvex, headquartered in Lyon`): a body. A place or zone is established
    /// too (`… New Area was established`), and so is a plan or a programme, so the name must end
    /// with no place's last word and hold a word the article never writes in lower case.
    static func isSaidToBeFounded(_ tokens: [Token], _ run: Range<Int>, _ text: [UInt8]) -> Bool {
        var k = run.upperBound
        guard k + 1 < tokens.count, tokens[k - 1].spaceAfter || tokens[k - 1].next == 0x2C else { return false }
        let comma = tokens[k - 1].next == 0x2C
        if ["was", "is", "were"].contains(tokens[k].lower), tokens[k].spaceAfter {
            k += 1
            // `was officially founded`, `was jointly established`.
            if k + 1 < tokens.count, tokens[k].lower.hasSuffix("ly"), tokens[k].spaceAfter { k += 1 }
        } else if !comma {
            return false
        }
        guard k < tokens.count, foundingParticiples.contains(tokens[k].lower) else { return false }
        // `Zorvex, established …` reads as a participle only with `in` or `by` after it.
        if comma, k == run.upperBound, !(k + 1 < tokens.count && ["in", "by"].contains(tokens[k + 1].lower)) { return false }
        let lowers = tokens[run].map(\.lower)
        guard !placeHeads.contains(lowers[lowers.count - 1]), !siteWords.contains(lowers[lowers.count - 1]),
              !lowers.contains(where: { workWords.contains($0) }),
              // `… (China) Limited Chongqing Representative Office`: the run starts inside a name;
              // a name with a legal form is left to the legal-form rule (`Grain and Oil Co., Ltd.`).
              !lowers.contains(where: { droppedLegalForms.contains($0) || keptLegalForms.contains($0) }) else { return false }
        return hasOwnWord(tokens, run, text)
    }

    /// Whether a lower-cased word of a name can tell it apart: no generic modifier (`Central`,
    /// `Municipal`), connector (`of`) or nationality (`German`).
    static func isDistinctive(_ lower: String) -> Bool {
        !genericModifiers.contains(lower) && !connectors.contains(lower) && !demonyms.contains(lower)
    }

    /// Whether the run holds a word of its own: one that the article never writes in lower case
    /// and that is no nationality, generic modifier, connector or number.
    static func hasOwnWord(_ tokens: [Token], _ run: Range<Int>, _ text: [UInt8]) -> Bool {
        tokens[run].contains { token in
            isDistinctive(token.lower) && !token.lower.contains(where: \.isNumber) && !writesInLowerCase(token.lower, text)
        }
    }

    /// Whether the name is what a company noun that `the` opens is said to be: `The lead
    /// developer is China Aerospace Science and Industry`. The name needs a word of its own.
    static func followsCopulaTitle(_ tokens: [Token], _ run: Range<Int>, _ text: [UInt8]) -> Bool {
        let start = run.lowerBound
        guard start >= 3, tokens[start - 1].lower == "is", tokens[start - 1].spaceAfter, tokens[start - 2].spaceAfter else { return false }
        let noun = tokens[start - 2].lower
        guard titleCompanyNouns.contains(noun) || (noun.hasSuffix("maker") && noun.count > 6) else { return false }
        var m = start - 3
        while m >= 0, start - 2 - m <= appositiveReach {
            let word = tokens[m]
            guard word.spaceAfter, word.lower.allSatisfy({ $0.isLetter || $0 == "-" }) else { return false }
            if word.lower == "the" { return hasOwnWord(tokens, run, text) }
            if connectors.contains(word.lower) || genericWordsBeforeTitle.contains(word.lower) { return false }
            m -= 1
        }
        return false
    }

    /// Whether `lower` is written in lower case somewhere in `text` as a whole word: then the
    /// capitalised word is a common word (`Industry`, `Partners`), not a name's own.
    static func writesInLowerCase(_ lower: String, _ text: [UInt8]) -> Bool {
        var needle = lower
        return needle.withUTF8 { needle in
            text.withUnsafeBufferPointer { text in
                var from = 0
                while let i = ByteSearch.firstIndex(of: needle, in: text, from: from) {
                    let end = i + needle.count
                    if (i == 0 || !ByteClass.isWordByte(text[i - 1])) && (end == text.count || !ByteClass.isWordByte(text[end])) { return true }
                    from = i + 1
                }
                return false
            }
        }
    }

    /// Currency codes and names, written before amounts in capitals (`RMB 2.5 trillion`).
    static let currencies: Set<String> = ["rmb", "cny", "usd", "us$", "eur", "jpy", "gbp", "hkd", "yen", "yuan", "renminbi"]

    /// Whether the capitalised run is named right after one of ``possessionsBeforeOf`` and `of`
    /// (`the revenue of General Electric`): one to four words, at least one of them neither a
    /// generic modifier, a connector nor a head noun (which the head-noun rule decides).
    static func ownsAPossessionNamedBefore(_ tokens: [Token], _ run: Range<Int>) -> Bool {
        let start = run.lowerBound
        guard start >= 2, run.count <= 4, tokens[start - 1].spaceAfter, tokens[start - 2].spaceAfter,
              tokens[start - 1].lower == "of" && possessionsBeforeOf.contains(tokens[start - 2].lower)
                || tokens[start - 1].lower == "at" && officers.contains(tokens[start - 2].lower) else { return false }
        let lowers = tokens[run].map(\.lower)
        guard !lowers.contains(where: { heads[$0] != nil || keptLegalForms.contains($0) }) else { return false }
        // `revenue of RMB 2.5 trillion`, `subsidiary of Singapore-based …`: an amount or a description.
        guard !lowers.contains(where: { currencies.contains($0) || $0.hasSuffix("-based") || $0.contains(where: \.isNumber) }) else { return false }
        return lowers.contains(where: isDistinctive)
    }

    /// Whether `word` is a name written in capitals: two or more upper-case letters, perhaps
    /// joined by `&` (`DURR`, `AT&S`). Codes with digits or hyphens (`FH2R`, `I-REC`) more often
    /// name standards, models or sites, and plurals (`SMEs`) name classes: neither is one.
    static func isCapitalsName(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        // Capitals beyond A–Z count too (`TÜV SÜD`, `ÖBB`).
        guard scalars.filter({ $0.properties.isUppercase }).count >= 2 else { return false }
        return scalars.allSatisfy { $0.properties.isUppercase || $0 == "&" }
    }

    /// Participles whose agent is a company: `operated by Safaricom`, `a plant owned by Zorvex`,
    /// `solar kits sold by Zorvex`.
    static let companyAgentParticiples: Set<String> = [
        "operated", "owned", "manufactured", "acquired", "supplied", "run", "sold", "built", "installed", "distributed",
        "produced", "developed", "marketed",
    ]

    /// Last words that make a title-case name a company's, never a person's: its trade
    /// (``tradeWords``) or one of these (`Yara International`, `Envision Energy`).
    static let companyFinalWords: Set<String> = tradeWords.union(["international", "technologies", "solutions", "energy"])

    /// Whether the name is the agent of a company's participle (`operated by Safaricom`): one
    /// word in title case or up to three in capitals, with a word of its own, that ends the
    /// noun phrase, and no place (`steel produced by Sichuan`). People own and run things too,
    /// so a name of several title-case words (`owned by Li Shufu`) is taken only when its last
    /// word is a company's (`run by Twiga Foods`).
    static func isCompanyAgent(_ tokens: [Token], _ run: Range<Int>, _ text: [UInt8], place: (Range<Int>) -> Bool = { _ in false }) -> Bool {
        let start = run.lowerBound
        guard start >= 2, tokens[start - 1].lower == "by", tokens[start - 1].spaceAfter, tokens[start - 2].spaceAfter,
              companyAgentParticiples.contains(tokens[start - 2].lower), run.count <= 3 else { return false }
        guard !place(tokens[start].start..<tokens[run.upperBound - 1].end) else { return false }
        let single = run.count == 1 && tokens[start].text.count >= 3 && tokens[start].text.first?.isUppercase == true
        let titledCompany = run.count >= 2 && companyFinalWords.contains(tokens[run.upperBound - 1].lower)
            && tokens[run].allSatisfy { $0.text.first?.isUppercase == true }
        guard single || titledCompany || tokens[run].allSatisfy({ isCapitalsName($0.text) }) else { return false }
        let lowers = tokens[run].map(\.lower)
        guard !demonyms.contains(lowers[0]), !lowers.contains(where: { heads[$0] != nil || currencies.contains($0) }) else { return false }
        return hasOwnWord(tokens, run, text)
    }

    /// Whether a run of names written in capitals acts as a company: the subject of a company
    /// verb (`KUKA announced`, `AT&S has developed`) or the owner of a company's possession
    /// (`DURR's plant`, `BASF's new products`).
    static func actsAsCompany(_ tokens: [Token], _ run: Range<Int>, _ text: [UInt8]) -> Bool {
        // One word in title case inside a sentence, as the owner of a company's possession
        // (`… at Zorvex's plant`): a person owns no plant, shares or employees either.
        let titleCase = run.count == 1 && run.lowerBound > 0 && tokens[run.lowerBound - 1].next != 0x2E
            && (tokens[run.lowerBound - 1].spaceAfter || tokens[run.lowerBound - 1].next == 0x2C)
            && !isCapitalsName(tokens[run.lowerBound].text) && tokens[run.lowerBound].text.count >= 3
            && tokens[run.lowerBound].text.dropFirst().allSatisfy { $0.isLowercase }
        guard run.count <= 3, titleCase || tokens[run].allSatisfy({ isCapitalsName($0.text) }) else { return false }
        let last = tokens[run.upperBound - 1]
        let k = run.upperBound
        // A possessive: `'s` or `’s` right after the name.
        if last.end + 1 < text.count, text[last.end] == 0x27 || (last.end + 3 < text.count && text[last.end] == 0xE2 && text[last.end + 1] == 0x80 && text[last.end + 2] == 0x99) {
            var m = k
            // The tokenizer keeps `’s` apart; skip it.
            if m < tokens.count, tokens[m].lower == "s", tokens[m].start <= last.end + 4 {
                m += 1
            } else if titleCase, !(text[last.end] == 0x27 && text[last.end + 1] == 0x73) {
                // A word in title case and a bare apostrophe closes a quotation (`'Wild at Heart' brand`).
                return false
            }
            for offset in 0..<2 where m + offset < tokens.count {
                if companyPossessions.contains(tokens[m + offset].lower) { return true }
                if tokens[m + offset].capitalised || tokens[m + offset].next == 0x2C { break }
            }
            return false
        }
        guard last.spaceAfter, k < tokens.count else { return false }
        // One word in title case as the subject of a verb only a business does (`…, Zorvex
        // manufactures kits`): a person launches, signs and operates things, but does not
        // manufacture, supply or export them, nor employ thousands.
        if titleCase { return businessVerbs.contains(tokens[k].lower) && hasOwnWord(tokens, run, text) }
        if companyVerbs.contains(tokens[k].lower) { return true }
        if ["has", "have"].contains(tokens[k].lower), tokens[k].spaceAfter, k + 1 < tokens.count {
            let verb = tokens[k + 1].lower
            return companyVerbs.contains(verb) || companyPerfectVerbs.contains(verb)
        }
        return false
    }

    /// `Iwatani Corp.` (indexed as `Iwatani`) and `Iwatani Corporation` in one article: one body,
    /// under the name with the kept legal form; the shorter name becomes another name of it.
    static func mergingLegalFormVariants(_ candidates: [OrganisationCandidate]) -> [OrganisationCandidate] {
        var indexByName: [String: Int] = [:]
        for (index, candidate) in candidates.enumerated() where indexByName[candidate.name] == nil { indexByName[candidate.name] = index }
        var absorbedInto: [Int: Int] = [:]
        for (index, candidate) in candidates.enumerated() {
            guard let space = candidate.name.lastIndex(of: " "),
                  keptLegalForms.contains(candidate.name[candidate.name.index(after: space)...].lowercased()),
                  let short = indexByName[String(candidate.name[..<space])], short != index, absorbedInto[index] == nil else { continue }
            absorbedInto[short] = index
        }
        return merging(candidates, absorbedInto: absorbedInto)
    }

    /// The names of the same body with and without the `Group` or `Holdings` that closes a
    /// company's name: `Holcim` for `Holcim Group`, `Ant Group` for `Ant`. Stems of three
    /// letters or more only.
    static func groupVariants(of name: String) -> [String] {
        if let space = name.lastIndex(of: " "), ["group", "holdings"].contains(name[name.index(after: space)...].lowercased()) {
            let stem = String(name[..<space])
            return stem.count >= 3 ? [stem] : []
        }
        return name.count >= 3 ? [name + " Group", name + " Holdings"] : []
    }

    /// `Shanghai Jiao Tong University` and `Shanghai Jiaotong University` (or `Sino-Pec` and
    /// `Sinopec`) in one article: one body, whose names differ only in spaces, hyphens and case,
    /// under the name written first.
    static func mergingSpacingVariants(_ candidates: [OrganisationCandidate]) -> [OrganisationCandidate] {
        var firstByKey: [String: Int] = [:]
        var absorbedInto: [Int: Int] = [:]
        for (index, candidate) in candidates.enumerated() {
            let key = Gazetteers.compact(candidate.name)
            if let first = firstByKey[key] { absorbedInto[index] = first } else { firstByKey[key] = index }
        }
        return merging(candidates, absorbedInto: absorbedInto)
    }

    /// `Chongqing Proton Pharma` and `Proton Pharma` in one article: one body, under the longer
    /// name, when the words before the shorter name are a place (`isPlace` is asked about the
    /// bytes of the longer name's first mention that come before the shorter name).
    static func mergingPlacePrefixedVariants(_ candidates: [OrganisationCandidate], isPlace: (Range<Int>) -> Bool) -> [OrganisationCandidate] {
        var absorbedInto: [Int: Int] = [:]
        for (index, long) in candidates.enumerated() where absorbedInto[index] == nil {
            guard let first = long.spans.first else { continue }
            for (other, short) in candidates.enumerated() where other != index && absorbedInto[other] == nil && absorbedInto[index] == nil {
                guard long.name.utf8.count > short.name.utf8.count + 1, long.name.hasSuffix(" " + short.name) else { continue }
                let prefix = long.name.utf8.count - short.name.utf8.count - 1
                guard first.count >= long.name.utf8.count, isPlace(first.lowerBound..<(first.lowerBound + prefix)) else { continue }
                absorbedInto[other] = index
            }
        }
        return merging(candidates, absorbedInto: absorbedInto)
    }

    /// The candidates with each one in `absorbedInto` (absorbed → absorbing) merged into the
    /// other: its mentions and names become the absorbing one's, and the stronger rule wins.
    private static func merging(_ candidates: [OrganisationCandidate], absorbedInto: [Int: Int]) -> [OrganisationCandidate] {
        guard !absorbedInto.isEmpty else { return candidates }
        var merged = candidates
        for (short, long) in absorbedInto.sorted(by: { $0.key < $1.key }) {
            let absorbed = candidates[short]
            merged[long].spans += absorbed.spans
            for name in [absorbed.name, absorbed.fullName] + absorbed.otherNames where name != merged[long].name && !merged[long].otherNames.contains(name) {
                merged[long].otherNames.append(name)
            }
            merged[long].acronym = merged[long].acronym ?? absorbed.acronym
            if absorbed.confidence > merged[long].confidence {
                merged[long].confidence = absorbed.confidence
                merged[long].rule = absorbed.rule
                merged[long].type = absorbed.type
            }
        }
        return merged.indices.filter { absorbedInto[$0] == nil }.map { merged[$0] }
    }

    /// Whether `word` is an upper-case abbreviation with a plural `s` (`SMEs`, `NGOs`).
    static func isPluralAbbreviation(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 3, scalars.last == "s" else { return false }
        return scalars.dropLast().allSatisfy { $0.value >= 0x41 && $0.value <= 0x5A }
    }

    /// Plural nouns that introduce a list of companies.
    static let companyListNouns: Set<String> = [
        "companies", "firms", "manufacturers", "makers", "carmakers", "automakers", "suppliers", "providers", "vendors",
        "giants", "corporations", "multinationals", "groups", "brands", "producers", "operators", "banks", "insurers",
        "enterprises", "subsidiaries", "factories", "partners", "customers", "clients", "startups", "start-ups", "conglomerates",
    ]
    /// Longest list, in names, that the enumeration rule follows.
    static let enumerationReach = 8

    /// Whether the name at `index` is an item of a list that a plural company noun introduces:
    /// `<noun> such as|like|including A, B and C` or `<noun> (A, B and C)`.
    static func followsCompanyNounList(_ tokens: [Token], _ index: Int, _ text: [UInt8]) -> Bool {
        var j = index - 1
        var names = 0
        // Whether a comma or `and` stands between the noun and the name: it is not the list's first.
        var separated = false
        while j >= 0, names <= enumerationReach {
            let t = tokens[j]
            if ["such", "like", "including", "as", "include", "includes", "included"].contains(t.lower) {
                // `… as`, `… such as`: the word before `such` / `like` / `including`; `partners
                // include X and Y`.
                var k = j - 1
                if t.lower == "as", k >= 0, tokens[k].lower == "such" { k -= 1 }
                if t.lower == "as", j >= 1, tokens[j - 1].lower != "such" { return false }
                return k >= 0 && companyListNouns.contains(tokens[k].lower)
            }
            // `motorcycle makers Loncin, Lifan and Zongshen`: the names stand right after the
            // plural noun, as a list of two or more.
            if companyListNouns.contains(t.lower), t.spaceAfter, j + 1 < tokens.count, tokens[j + 1].capitalised {
                return separated || listGoesOnAfter(tokens, from: index)
            }
            // `firms (SAP, …`: the list opens with a parenthesis right after the noun, and the
            // name is inside it.
            if companyListNouns.contains(t.lower), t.end + 1 < text.count,
               text[t.end] == 0x28 || (text[t.end] == 0x20 && text[t.end + 1] == 0x28) {
                return !text[t.end..<tokens[index].start].contains(0x29)
            }
            // A sentence ended between the noun and the name.
            if t.next == 0x2E, !t.text.hasSuffix(".") { return false }
            guard t.capitalised || t.lower == "and" || t.lower == "&" || t.lower == "or" || t.lower == "well" || t.lower == "as" else { return false }
            if t.capitalised { names += 1 }
            if t.lower == "and" || t.next == 0x2C { separated = true }
            j -= 1
        }
        return false
    }

    /// Whether the capitalised words from `index` are followed by a comma or `and` and another
    /// capitalised word: the name opens a list.
    static func listGoesOnAfter(_ tokens: [Token], from index: Int) -> Bool {
        var k = index
        while k < tokens.count, tokens[k].capitalised, k - index < 6 {
            if tokens[k].next == 0x2C { return k + 1 < tokens.count && tokens[k + 1].capitalised }
            guard tokens[k].spaceAfter else { return false }
            k += 1
        }
        return k + 1 < tokens.count && tokens[k].lower == "and" && tokens[k + 1].capitalised
    }

    /// The tokens of the capitalised long form that ends at `end` (right before an abbreviation's
    /// parenthesis): capitalised words and the connectors between them, without a leading stop
    /// word (`the`); nil when there is none.
    static func capitalisedLongForm(_ tokens: [Token], endingAt end: Int) -> Range<Int>? {
        guard let last = tokens.firstIndex(where: { $0.end == end }) else { return nil }
        var start = last
        while start > 0, tokens[start - 1].capitalised || connectors.contains(tokens[start - 1].lower) && start - 2 >= 0 && tokens[start - 2].capitalised,
              tokens[start - 1].spaceAfter {
            start -= 1
        }
        while start < last, isLeadingStopWord(tokens, start) || !tokens[start].capitalised { start += 1 }
        guard tokens[start].capitalised else { return nil }
        return start..<(last + 1)
    }

    /// `Long Name (ABBR)` pairs in a line: the long form's span, the abbreviation and its span.
    static func definitions(in text: [UInt8], ranges: [Range<Int>]) -> [(long: Range<Int>, abbreviation: String, span: Range<Int>)] {
        definitions(in: text, tokens: Self.tokens(text, ranges))
    }

    /// ``definitions(in:ranges:)`` for the ranges `tokens` were read from.
    static func definitions(in text: [UInt8], tokens: [Token]) -> [(long: Range<Int>, abbreviation: String, span: Range<Int>)] {
        var out: [(Range<Int>, String, Range<Int>)] = []
        for (index, token) in tokens.enumerated() where index > 0 {
            guard token.start >= 1, text[token.start - 1] == 0x28, token.end < text.count, text[token.end] == 0x29,
                  token.text.count >= 2, token.text.count <= 10,
                  token.text.unicodeScalars.allSatisfy({ ($0.value >= 0x41 && $0.value <= 0x5A) || ($0.value >= 0x30 && $0.value <= 0x39) || $0 == "&" || $0 == "-" }) || (token.text.filter(\.isUppercase).count >= 2 && token.text.first?.isUppercase == true && !token.text.contains(" ") && token.text.count <= 6)
            else { continue }
            // The long form ends right before " (".
            var j = index - 1
            while j >= 0, tokens[j].end > token.start - 2 { j -= 1 }
            guard j >= 0 else { continue }
            out.append((tokens[j].start..<tokens[j].end, token.text, token.start..<token.end))
        }
        return out
    }

    /// The type of the body an abbreviation is defined for when the text only describes it, with
    /// a lower-case head noun right before the parenthesis: `Japan's IIoT industry alliance (ICV)`,
    /// `the national standards body's research institute (CESI)`. Heads that need an `of …`
    /// complement (`centre`, `office`) describe too much to count.
    static func describedBody(endingAt long: Range<Int>, in text: [UInt8]) -> OrganisationType? {
        let word = String(decoding: text[long], as: UTF8.self)
        guard let first = word.unicodeScalars.first, first.value >= 0x61, first.value <= 0x7A,
              let head = heads[word], !head.needsOf else { return nil }
        return head.type
    }

    /// Whether the lower-case words that end at `long` (a head noun) spell out `abbreviation`
    /// by their initials: `contract development and manufacturing organisation (CDMO)` names a
    /// kind of body, where `Japan's industry alliance (ICV)` describes one.
    static func spellsOutKind(_ abbreviation: String, endingAt long: Range<Int>, tokens: [Token]) -> Bool {
        guard let last = tokens.lastIndex(where: { $0.end == long.upperBound }) else { return false }
        var first = last
        while first > 0, last - first < 8, !tokens[first - 1].capitalised, tokens[first - 1].spaceAfter { first -= 1 }
        guard first < last else { return false }
        return (first..<last).contains { start in
            initialsMatch(abbreviation, tokens[start...last].map(\.lower).joined(separator: " "))
        }
    }

    /// Whether the capital letters of `abbreviation` are the initials of `name`'s words, in
    /// order (connectors may be skipped or used).
    static func initialsMatch(_ abbreviation: String, _ name: String) -> Bool {
        let letters = Array(abbreviation.uppercased().filter(\.isLetter))
        let words = name.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        guard letters.count >= 2, words.count >= 2 else { return false }
        var i = 0
        for word in words {
            guard let initial = word.first else { continue }
            if i < letters.count, Character(initial.uppercased()) == letters[i] {
                i += 1
                // Letters inside a word ("BioTech" → BT) may follow.
                for ch in word.dropFirst() where ch.isUppercase && i < letters.count && ch == letters[i] { i += 1 }
            } else if !connectors.contains(word.lowercased()) {
                return false
            }
        }
        return i == letters.count
    }

    /// Adjectives of nationality that may precede an organisation's own name
    /// (`German Federal Ministry of …`): the name without them is looked up in the gazetteer.
    static let demonyms: Set<String> = [
        "german", "french", "chinese", "japanese", "british", "american", "korean", "dutch", "swedish", "danish", "italian",
        "spanish", "austrian", "swiss", "belgian", "indian", "singaporean", "australian", "canadian", "finnish", "norwegian",
        "polish", "czech", "european", "us", "u.s.", "uk", "u.k.", "eu",
    ]

    /// `name` without a leading nationality adjective, or `nil` when it has none.
    static func withoutDemonym(_ name: String) -> String? {
        guard let space = name.firstIndex(of: " "), demonyms.contains(name[..<space].lowercased()) else { return nil }
        return String(name[name.index(after: space)...])
    }

    static func spell(_ text: [UInt8], _ start: Int, _ end: Int) -> String {
        var out: [UInt8] = []
        var space = false
        for b in text[start..<end] {
            if ByteClass.isSpace(b) { space = true; continue }
            if space { out.append(0x20); space = false }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `word` ends in a lower-case participle after a hyphen (`Shanghai-based`,
    /// `State-owned`, `US-backed`): an adjective, where names keep a capital after their hyphen
    /// (`Mercedes-Benz`, `Rolls-Royce`).
    static func isJoinedParticiple(_ word: String) -> Bool {
        guard let hyphen = word.lastIndex(of: "-") else { return false }
        let tail = word[word.index(after: hyphen)...]
        return tail.count >= 4 && tail.hasSuffix("ed") && tail.allSatisfy { $0.isLowercase && $0.isLetter }
    }

    /// Splits the segments of one line into word tokens (letters, digits and the marks that
    /// live inside names: `&`, `'`, `-`, `.` in abbreviations, `/` in `A/S`).
    static func tokens(_ text: [UInt8], _ ranges: [Range<Int>]) -> [Token] {
        var tokens: [Token] = []
        for range in ranges {
            var i = range.lowerBound
            while i < range.upperBound {
                let b = text[i]
                guard ByteClass.isWordByte(b) || b == 0x26 || b >= 0xC3 && b <= 0xC9 else { i += 1; continue }
                let start = i
                while i < range.upperBound {
                    let c = text[i]
                    if ByteClass.isWordByte(c) || c >= 0x80 && (c >= 0xC3 && c <= 0xC9 || c < 0xC0) { i += 1; continue }
                    if c == 0x26, i == start { i += 1; break }
                    // Inner marks: followed by a letter or digit.
                    if c == 0x27 || c == 0x2D || c == 0x2F || c == 0x2E || c == 0x26, i > start, i + 1 < range.upperBound, ByteClass.isWordByte(text[i + 1]) { i += 1; continue }
                    break
                }
                // A trailing period belongs to abbreviations such as `Co.`, `Ltd.`, `S.A.`.
                var end = i
                if end < range.upperBound, text[end] == 0x2E {
                    let word = String(decoding: text[start..<end], as: UTF8.self).lowercased() + "."
                    if droppedLegalForms.contains(word) || word.count <= 4 && word.dropLast().contains(".") { end += 1; i = end }
                }
                // A possessive ends the word and the name: `Aachen University's` → `Aachen University`.
                if end - start > 2, text[end - 2] == 0x27, text[end - 1] == 0x73 { end -= 2 }
                var n = end
                while n < range.upperBound, text[n] == 0x20 { n += 1 }
                let word = String(decoding: text[start..<end], as: UTF8.self)
                let first = word.unicodeScalars.first!
                // A capital beyond A–Z starts a name too (`ÖBB`, `École Polytechnique`).
                // `Shanghai-based`, `State-owned`, `Kong-listed`: a place or owner joined to a
                // participle describes a name and is none.
                let capital = (first.properties.isUppercase || (first.value >= 0x30 && first.value <= 0x39 && word.contains(where: \.isUppercase)))
                    && !isJoinedParticiple(word)
                tokens.append(Token(
                    start: start, end: end, text: word, lower: word.lowercased(), capitalised: capital,
                    spaceAfter: n > end && n < range.upperBound && ByteClass.isWordByte(text[n]) || n > end && n < range.upperBound && text[n] == 0x26,
                    next: n < range.upperBound ? text[n] : 0
                ))
            }
        }
        return tokens
    }
}

/// A person's decision on one found name, kept in `Content/data/entity-review.yml`.
public struct ReviewDecision: Sendable, Equatable {
    /// `true`: index it even below the confidence threshold; `false`: never index it.
    public var accepted: Bool
    /// A type that overrides the one the rules gave.
    public var type: OrganisationType?
    /// The name as reviewed, and its other spellings (matched everywhere once accepted).
    public var name: String
    public var variants: [String]

    public init(accepted: Bool, type: OrganisationType? = nil, name: String = "", variants: [String] = []) {
        self.accepted = accepted
        self.type = type
        self.name = name
        self.variants = variants
    }
}
