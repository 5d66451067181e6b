import FolioServe
import Foundation
import Testing

@Suite struct ChangeWatcherTests {
    @Test func reportsAddedChangedAndRemovedFilesButNotHiddenOnes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/pages"), withIntermediateDirectories: true)
        try "a".write(to: root.appendingPathComponent("Content/pages/a.md"), atomically: true, encoding: .utf8)
        try "title: x\n".write(to: root.appendingPathComponent("folio.yml"), atomically: true, encoding: .utf8)
        let watcher = ChangeWatcher(root: root, relativePaths: ["Content", "Templates", "folio.yml"])
        let before = try #require(watcher.fingerprint())
        #expect(watcher.fingerprint() == before)

        try "a, longer".write(to: root.appendingPathComponent("Content/pages/a.md"), atomically: true, encoding: .utf8)
        try "b".write(to: root.appendingPathComponent("Content/pages/b.md"), atomically: true, encoding: .utf8)
        try "swap".write(to: root.appendingPathComponent("Content/pages/.a.md.swp"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: root.appendingPathComponent("folio.yml"))
        let after = try #require(watcher.fingerprint())
        #expect(after.changes(since: before) == ["Content/pages/a.md", "Content/pages/b.md", "folio.yml"])
    }
}

@Suite struct LiveReloadScriptTests {
    @Test func goesBeforeTheClosingBodyTag() {
        let html = "<html><body><p>Why Chongqing?</p></body></html>"
        let out = LiveReloadScript.inject(into: html, generation: 4)
        #expect(out.hasPrefix("<html><body><p>Why Chongqing?</p><script data-folio-live-reload>"))
        #expect(out.hasSuffix("</script>\n</body></html>"))
        #expect(out.contains("var generation=4;"))
        #expect(out.contains(LiveReloadScript.eventsPath))
    }

    @Test func isAppendedWhenThereIsNoBody() {
        #expect(LiveReloadScript.inject(into: "<p>x</p>", generation: 1).hasPrefix("<p>x</p><script"))
    }
}

@Suite struct ContentTypesTests {
    @Test func coversTheFilesOfASite() {
        #expect(ContentTypes.forPath("index.html") == "text/html; charset=utf-8")
        #expect(ContentTypes.forPath("assets/search.js") == "text/javascript; charset=utf-8")
        #expect(ContentTypes.forPath("downloads/cmia-2021.epub") == "application/epub+zip")
        #expect(ContentTypes.forPath("assets/favicon.svg") == "image/svg+xml")
        #expect(ContentTypes.forPath("sitemap.xml") == "application/xml; charset=utf-8")
        #expect(ContentTypes.forPath("LICENSE") == "application/octet-stream")
    }
}
