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
        #expect(!SiteLink.isInternal("svn+ssh://host/repo"))
        #expect(!SiteLink.isInternal("tel:+86-23-1234"))
        #expect(SiteLink.isInternal(":colon-first.html"))
        #expect(SiteLink.isInternal("page.html?at=12:30"))
        #expect(SiteLink.isInternal("a b:c"), "a space is no scheme character")
        #expect(!SiteLink.isInternal("ŝema:x"), "a letter beyond ASCII is one")
        #expect(SiteLink.isInternal(""))
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
        #expect(SiteLink.split("#top") == ("", "top"))
        #expect(SiteLink.split("a.html?q#") == ("a.html", ""))
        #expect(SiteLink.split("a.html#x?y") == ("a.html", "x?y"), "a `?` after `#` belongs to the fragment")
        #expect(SiteLink.split("café/thé.html#été") == ("café/thé.html", "été"))
    }

    @Test func resolutionKeepsEveryComponentAndDecodesPercentSigns() {
        #expect(SiteLink.directoryParts(of: "a/b/c.html") == ["a", "b"])
        #expect(SiteLink.directoryParts(of: "index.html") == [])
        #expect(SiteLink.resolve("./x//y/../z.html", inDirectory: ["a"]) == "a/x/z.html")
        #expect(SiteLink.resolve("sub/", inDirectory: ["a"]) == "a/sub/")
        #expect(SiteLink.resolve("../", inDirectory: ["a"]) == "")
        #expect(SiteLink.resolve("r%C3%A9sum%C3%A9.html", inDirectory: []) == "résumé.html")
        #expect(SiteLink.resolve("thé/café.html", inDirectory: ["é"]) == "é/thé/café.html")
    }
}
