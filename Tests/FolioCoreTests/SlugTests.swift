import FolioCore
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
}
