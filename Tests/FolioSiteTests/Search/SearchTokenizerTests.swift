import FolioSite
import Testing

@Suite struct SearchTokenizerTests {
    @Test func splitsFoldsAndDropsOneLetterWords() {
        // cmia-2021-penetrating-insights.txt:2288 (abridged)
        let text = "In addition, ThyssenKrupp is using “digital twin” technology at its elevator test tower in Rottweil, Germany's 246-m tower; a Zürich-based firm"
        #expect(SearchTokenizer.words(text) == [
            "in", "addition", "thyssenkrupp", "is", "using", "digital", "twin", "technology", "at", "its", "elevator",
            "test", "tower", "in", "rottweil", "germany", "246", "tower", "zurich", "based", "firm",
        ])
    }

    @Test func termsDropStopWordsAndStem() {
        // cmia-2024-penetrating-insights.txt:604 (abridged)
        let terms = SearchTokenizer.terms("Hitachi is using a digital twin of this factory to visualize electricity usage")
        #expect(terms == ["hitachi", "us", "digit", "twin", "factori", "visual", "electr", "usag"])
    }

    @Test func keepsDigitsAndCJK() {
        #expect(SearchTokenizer.words("5G 重庆 a 7 SDG 9") == ["5g", "重庆", "7", "sdg", "9"])
    }
}
