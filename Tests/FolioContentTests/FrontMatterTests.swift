import FolioContent
import FolioCore
import Foundation
import Testing

@Suite struct FrontMatterTests {
    let article = """
    ---
    title: "Scientific and Technological Innovation and Digital Transformation: a Modern Industrial System"
    document: cmia-2021
    order: 7
    company: Schneider Electric
    authors: [{name: "Yin Zheng", role: "Executive Vice President, Schneider Electric"}]
    source: {file: Content/sources/cmia-2021-penetrating-insights.txt, lines: [1398, 1561]}
    companies: [Schneider Electric]
    cities: [Chongqing, Chengdu]
    sdgs: [7, 9, 13]
    technologies: [Digital twin]
    generated: true
    ---

    # Scientific and Technological Innovation

    Body text.

    """

    @Test func splitsAndDecodesTheContract() throws {
        let split = try FrontMatterParser.split(article, file: "a.md")
        #expect(split.bodyStartLine == 14)
        #expect(split.body.hasPrefix("\n# Scientific"))
        let (fm, diagnostics) = try FrontMatterParser.decode(try #require(split.yaml), file: "a.md", firstLine: split.yamlStartLine)
        #expect(diagnostics.isEmpty)
        #expect(fm.title == "Scientific and Technological Innovation and Digital Transformation: a Modern Industrial System")
        #expect(fm.order == 7)
        #expect(fm.authors == [Author(name: "Yin Zheng", role: "Executive Vice President, Schneider Electric")])
        #expect(fm.source == SourceRange(file: "Content/sources/cmia-2021-penetrating-insights.txt", lines: [1398, 1561]))
        #expect(fm.sdgs == [7, 9, 13])
        #expect(fm.generated == true)
    }

    @Test func malformedYAMLNamesFileAndLine() {
        let text = "---\ntitle: \"Unclosed\ndocument: cmia-2021\n---\nBody\n"
        #expect(throws: ContentError.self) {
            let split = try FrontMatterParser.split(text, file: "Content/pages/bad.md")
            _ = try FrontMatterParser.decode(split.yaml ?? "", file: "Content/pages/bad.md", firstLine: split.yamlStartLine)
        }
        do {
            let split = try FrontMatterParser.split(text, file: "Content/pages/bad.md")
            _ = try FrontMatterParser.decode(split.yaml ?? "", file: "Content/pages/bad.md", firstLine: split.yamlStartLine)
        } catch let error as ContentError {
            let d = error.diagnostic
            #expect(d.code == "FM001")
            #expect(d.location?.file == "Content/pages/bad.md")
            #expect((2...4).contains(d.location?.line ?? 0))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func wrongTypeNamesTheKeyLine() throws {
        let yaml = "title: A\ndocument: cmia-2021\norder: seven\n"
        #expect(throws: ContentError.frontMatter(file: "x.md", line: 4, message: "front matter `order`: expected Int", hint: "see the front matter keys in the README")) {
            _ = try FrontMatterParser.decode(yaml, file: "x.md", firstLine: 2)
        }
    }

    @Test func missingTitleIsAnError() {
        #expect(throws: ContentError.frontMatter(file: "x.md", line: 2, message: "front matter has no `title`", hint: "add `title: \"…\"`")) {
            _ = try FrontMatterParser.decode("document: a\n", file: "x.md", firstLine: 2)
        }
    }

    @Test func unclosedFenceIsAnError() {
        #expect(throws: ContentError.self) { try FrontMatterParser.split("---\ntitle: A\n\nBody\n", file: "x.md") }
    }

    @Test func unknownKeysAreWarnings() throws {
        let (fm, diagnostics) = try FrontMatterParser.decode("title: A\ntags: [x]\n", file: "x.md", firstLine: 2)
        #expect(fm.title == "A")
        #expect(diagnostics == [Diagnostic(code: "FM002", severity: .warning, message: "unknown front matter key `tags`", location: SourceLocation(file: "x.md", line: 3), hint: "known keys: \(FrontMatter.knownKeys.sorted().joined(separator: ", "))")])
    }
}

@Suite struct ContentLoaderTests {
    @Test func loadsDocumentsArticlesAndPagesInOrder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-content-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let docs = root.appendingPathComponent("Content/articles/cmia-2021")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/pages"), withIntermediateDirectories: true)
        try "---\ntitle: Second\norder: 2\n---\nB\n".write(to: docs.appendingPathComponent("02-nomura.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: First\norder: 1\n---\nA\n".write(to: docs.appendingPathComponent("01-corning.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: CMIA 2021\n---\nIndex\n".write(to: docs.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: [broken\n---\n".write(to: docs.appendingPathComponent("03-bad.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: About\n---\nHi\n".write(to: root.appendingPathComponent("Content/pages/about.md"), atomically: true, encoding: .utf8)
        let (set, diagnostics) = try ContentLoader(projectRoot: root).load()
        #expect(set.documents.count == 1)
        #expect(set.documents[0].articles.map(\.slug) == ["corning", "nomura"])
        #expect(set.documents[0].articles.map(\.urlPath) == ["cmia-2021/corning/", "cmia-2021/nomura/"])
        #expect(set.documents[0].index?.urlPath == "cmia-2021/")
        #expect(set.pages.map(\.urlPath) == ["about/"])
        #expect(diagnostics.map(\.code) == ["FM001"])
        #expect(diagnostics.first?.location?.file == "Content/articles/cmia-2021/03-bad.md")
        #expect(set.bodiesLoaded)
        #expect(set.allPages.map(\.body) == ["Index\n", "A\n", "B\n", "Hi\n"])

        // Above `bodiesUpTo` article files, the same pages come without their Markdown, which
        // reads back exactly as it was, and the same findings.
        var large = ContentLoader(projectRoot: root)
        large.bodiesUpTo = 3
        let (light, found) = try large.load()
        #expect(!light.bodiesLoaded)
        #expect(light.allPages.map(\.path) == set.allPages.map(\.path))
        #expect(light.allPages.allSatisfy { $0.body.isEmpty })
        #expect(light.allPages.map { ContentLoader.reloadBody(of: $0, projectRoot: root) } == set.allPages.map(\.body))
        #expect(found == diagnostics)
    }
}
