import FolioSite
import Testing

@Suite struct PorterStemmerTests {
    /// Pairs from the reference vocabulary of Porter's algorithm (tartarus.org/martin/PorterStemmer),
    /// one or more per rule.
    static let reference: [(String, String)] = [
        ("caresses", "caress"), ("ponies", "poni"), ("ties", "ti"), ("caress", "caress"), ("cats", "cat"),
        ("feed", "feed"), ("agreed", "agre"), ("plastered", "plaster"), ("bled", "bled"), ("motoring", "motor"),
        ("sing", "sing"), ("conflated", "conflat"), ("troubled", "troubl"), ("sized", "size"), ("hopping", "hop"),
        ("tanned", "tan"), ("falling", "fall"), ("hissing", "hiss"), ("fizzed", "fizz"), ("failing", "fail"),
        ("filing", "file"), ("happy", "happi"), ("sky", "sky"), ("relational", "relat"), ("conditional", "condit"),
        ("rational", "ration"), ("valenci", "valenc"), ("hesitanci", "hesit"), ("digitizer", "digit"),
        ("conformabli", "conform"), ("radicalli", "radic"), ("differentli", "differ"), ("vileli", "vile"),
        ("analogousli", "analog"), ("vietnamization", "vietnam"), ("predication", "predic"), ("operator", "oper"),
        ("feudalism", "feudal"), ("decisiveness", "decis"), ("hopefulness", "hope"), ("callousness", "callous"),
        ("formaliti", "formal"), ("sensitiviti", "sensit"), ("sensibiliti", "sensibl"), ("triplicate", "triplic"),
        ("formative", "form"), ("formalize", "formal"), ("electriciti", "electr"), ("electrical", "electr"),
        ("hopeful", "hope"), ("goodness", "good"), ("revival", "reviv"), ("allowance", "allow"), ("inference", "infer"),
        ("airliner", "airlin"), ("gyroscopic", "gyroscop"), ("adjustable", "adjust"), ("defensible", "defens"),
        ("irritant", "irrit"), ("replacement", "replac"), ("adjustment", "adjust"), ("dependent", "depend"),
        ("adoption", "adopt"), ("homologou", "homolog"), ("communism", "commun"), ("activate", "activ"),
        ("angulariti", "angular"), ("homologous", "homolog"), ("effective", "effect"), ("bowdlerize", "bowdler"),
        ("probate", "probat"), ("rate", "rate"), ("cease", "ceas"), ("controll", "control"), ("roll", "roll"),
        ("generalizations", "gener"), ("oscillators", "oscil"),
    ]

    @Test(arguments: reference)
    func matchesTheReferenceVocabulary(word: String, stem: String) {
        #expect(PorterStemmer.stem(word) == stem)
    }

    @Test func conflatesCorpusVocabulary() {
        // Words of the reports that a reader expects to find each other.
        #expect(PorterStemmer.stem("manufacturing") == PorterStemmer.stem("manufactured"))
        #expect(PorterStemmer.stem("digitalization") == PorterStemmer.stem("digitalize"))
        #expect(PorterStemmer.stem("companies") == PorterStemmer.stem("company"))
        #expect(PorterStemmer.stem("emissions") == "emiss")
        #expect(PorterStemmer.stem("twins") == "twin")
    }

    @Test func leavesShortAndNonASCIIWordsAlone() {
        #expect(PorterStemmer.stem("is") == "is")
        #expect(PorterStemmer.stem("重庆") == "重庆")
        #expect(PorterStemmer.stem("5g") == "5g")
    }
}
