@testable import FolioCore
import Testing

@Suite struct SlugTests {
    @Test func slugsTitlesFromTheCorpus() {
        #expect(Slug.make("Chengdu-Chongqing Economic Circle To Empower High-quality Development") == "chengdu-chongqing-economic-circle-to-empower-high-quality-development")
        #expect(Slug.make("SCHNEIDER-ELECTRIC") == "schneider-electric")
        #expect(Slug.make("AT&S") == "at-s")
        #expect(Slug.make("China's IIoT") == "chinas-iiot")
        #expect(Slug.make("Société Générale") == "societe-generale")
        #expect(Slug.make("工业互联网") == "工业互联网")
        #expect(Slug.make("!!!") == "section")
    }

    @Test func trimsLongSlugsAtWordBoundaries() {
        let slug = Slug.make("Fast-upscaling of the Industrial System and Sustainable Innovations Unlock Chengdu-Chongqing Economic Circle's Full Potential", maxLength: 40)
        #expect(slug == "fast-upscaling-of-the-industrial-system")
        #expect(slug.count <= 40)
    }

    @Test func uniqueSluggerNumbersRepeats() {
        var slugger = UniqueSlugger(reserved: ["main"])
        #expect(slugger.unique("background") == "background")
        #expect(slugger.unique("background") == "background-2")
        #expect(slugger.unique("background") == "background-3")
        #expect(slugger.unique("main") == "main-2")
    }

    /// ASCII text takes a short path; it must give exactly what the folding rule gives, on
    /// random text of letters, digits, apostrophes, spaces and punctuation, at any length limit.
    @Test func asciiTextSlugsAsTheFoldingRuleDoes() {
        var state: UInt64 = 0xC0FFEE
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let alphabet = Array("aZq09 -'&.:()/_,\t\u{7F}\u{1}Mm")
        for _ in 0..<5000 {
            let text = String((0..<next(60)).map { _ in alphabet[next(alphabet.count)] })
            let limit = [80, 20, 5, 1][next(4)]
            #expect(Slug.make(text, maxLength: limit) == Slug.makeFolding(text, maxLength: limit), "\(text.debugDescription) at \(limit)")
        }
    }
}
