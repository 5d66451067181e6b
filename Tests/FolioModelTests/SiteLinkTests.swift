import FolioModel
import Testing

/// Link resolution shared by the build, the validator and the bundles.
struct SiteLinkTests {
    @Test func internalAndExternalURLs() {
        #expect(SiteLink.isInternal("../cmia-2021/index.md"))
        #expect(SiteLink.isInternal("#fn-3"))
        #expect(SiteLink.isInternal("a/b:c.html"))
        #expect(!SiteLink.isInternal("https://www.cdp.net/"))
        #expect(!SiteLink.isInternal("mailto:info@example.org"))
        #expect(!SiteLink.isInternal("//cdn.example.org/x.js"))
    }

    @Test func relativePathsResolveAgainstTheFilesDirectory() {
        #expect(SiteLink.resolve("schneider-electric.md", from: "articles/cmia-2021/index.md") == "articles/cmia-2021/schneider-electric.md")
        #expect(SiteLink.resolve("../cmia-2022/index.md", from: "articles/cmia-2021/index.md") == "articles/cmia-2022/index.md")
        #expect(SiteLink.resolve("./a%20b.md", from: "x/y.md") == "x/a b.md")
        #expect(SiteLink.resolve("../", from: "a/b/index.html") == "a/")
        #expect(SiteLink.resolve("../../../x.md", from: "a/b.md") == nil)
    }

    @Test func fragmentAndQueryAreSplitOff() {
        let (path, fragment) = SiteLink.split("../page/index.html?x=1#fig-2")
        #expect(path == "../page/index.html")
        #expect(fragment == "fig-2")
        #expect(SiteLink.split("index.html").1 == nil)
    }
}
