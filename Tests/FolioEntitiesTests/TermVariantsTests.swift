@testable import FolioEntities
import Testing

/// The spellings of technology aliases matched by rule, and the vocabulary that relies on them.
struct TermVariantsTests {
    private func variants(_ text: String) -> Set<String> {
        Set(TermVariants.of(Alias(text: text, caseSensitive: false)).map(\.text))
    }

    @Test func numberHyphenAndAbbreviationPlural() {
        #expect(variants("digital twin").isSuperset(of: ["digital twins", "digital-twin"]))
        #expect(variants("lithium-ion battery").isSuperset(of: ["lithium ion battery", "lithium-ion batteries"]))
        #expect(variants("bus").isEmpty)
        #expect(Set(TermVariants.of(Alias(text: "EV", caseSensitive: true)).map(\.text)) == ["EVs"])
        #expect(TermVariants.of(Alias(text: "CNS", caseSensitive: true)).isEmpty)
    }

    @Test func britishAndAmericanSpellings() {
        #expect(variants("data centre").isSuperset(of: ["data center", "data centers"]))
        #expect(variants("fibre-optic").contains("fiber-optic"))
        #expect(variants("electrolyser").isSuperset(of: ["electrolyzer", "electrolyzers"]))
        #expect(variants("grid digitalisation").contains("grid digitalization"))
        #expect(variants("climate modelling").contains("climate modeling"))
        #expect(variants("aluminium alloy").contains("aluminum alloy"))
        #expect(variants("smart meter").contains("smart metre"))
        // Words too short to respell, and `-ter` words with no `-tre` form.
        #expect(variants("rise").isEmpty == false && !variants("rise").contains("rize"))
        #expect(!variants("selling point").contains("seling point"))
        #expect(!variants("water treatment").contains(where: { $0.hasPrefix("watre") }))
        #expect(!variants("computer vision").contains("computre vision"))
    }

    @Test func combiningPrefixesJoinedOrHyphenated() {
        #expect(variants("biofertiliser").isSuperset(of: ["bio-fertiliser", "bio-fertilizer", "bio-fertilisers"]))
        #expect(variants("e-commerce").contains("ecommerce"))
        #expect(variants("co-generation").contains("cogeneration"))
        #expect(variants("geothermal heating").contains("geo-thermal heating"))
        // Short prefixes are only joined: no "re-mote", "co-balt"; nor a stem under three letters.
        #expect(!variants("remote sensing").contains("re-mote sensing"))
        #expect(!variants("cobalt").contains("co-balt"))
        #expect(variants("biogas").contains("bio-gas"))
        #expect(!variants("bios").contains("bio-s"))
    }

    @Test func smartAndIntelligentLeadEachOther() {
        #expect(variants("smart grid").isSuperset(of: ["intelligent grid", "intelligent grids"]))
        #expect(variants("intelligent connected vehicle").contains("smart connected vehicle"))
        #expect(!variants("grid smart").contains("grid intelligent"))
    }

    /// The vocabulary lists no spelling the rules already give: a listed variant would hide
    /// which spellings are data and which are rule. An alias whose every spelling the name or
    /// an alias listed before it already gives is one too many.
    @Test func theVocabularyListsNoRuleVariant() {
        var listedTwice: [String] = []
        for term in Fixtures.gazetteers.terms where term.id.kind == .technology {
            var covered: Set<String> = []
            for alias in term.aliases where !alias.caseSensitive && alias.rule.isEmpty {
                let own = Set([alias.text.lowercased()] + TermVariants.of(alias).map { $0.text.lowercased() })
                if own.isSubset(of: covered) { listedTwice.append("\(term.name): \(alias.text)") }
                covered.formUnion(own)
            }
        }
        #expect(listedTwice.isEmpty, "\(listedTwice.count) aliases are rule variants of the name or an earlier alias: \(listedTwice.prefix(40).joined(separator: "; "))")
    }
}
