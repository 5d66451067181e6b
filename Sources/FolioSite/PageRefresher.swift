import FolioContent
import FolioCore
import FolioEntities
import FolioMarkdown
import FolioModel
import Foundation

/// What a finished build keeps so that `folio serve` can re-render one edited article or page
/// alone, in milliseconds, before the full rebuild that follows it has finished.
///
/// The refreshed page is rendered exactly as the build renders it (same loader, renderer,
/// templates, layout and neighbours), so for an edit that leaves the rest of the site alone it is
/// byte-identical to the full build's page. Anything it cannot decide alone — a new or deleted
/// file, a moved URL, a template, data file or document index, front matter that does not load —
/// gets no refresh, and the full rebuild is the only answer.
public struct PageRefresher: Sendable {
    let snapshot: SiteSnapshot
    let templates: TemplateLibrary
    let layout: [String: any Sendable]
    let sections: Set<String>
    let linker: TermLinker?
    let includeDrafts: Bool

    /// The most files one refresh re-renders; a larger change waits for the full rebuild.
    public static let maximumFiles = 4

    /// The files of the pages behind `changedPaths` (project-relative, as the change watcher
    /// reports them), keyed by site path; nil when a full rebuild is the only correct answer.
    public func refresh(_ changedPaths: [String]) -> [String: Data]? {
        guard !changedPaths.isEmpty, changedPaths.count <= Self.maximumFiles, let root = snapshot.projectRoot else { return nil }
        var site = snapshot
        var changed: [PublishedPage] = []
        let loader = ContentLoader(projectRoot: root, contentDirectory: snapshot.config.content, includeDrafts: includeDrafts)
        for path in changedPaths {
            guard let old = site.pages.first(where: { $0.page.path == path }), old.page.kind != .documentIndex else { return nil }
            let url = root.appendingPathComponent(path)
            guard let (page, found) = try? loader.loadPage(at: url, relativePath: path, kind: old.page.kind, documentSlug: old.page.documentSlug),
                  found.allSatisfy({ $0.severity != .error }), page.urlPath == old.urlPath,
                  includeDrafts || page.frontMatter.draft != true
            else { return nil }
            // A new order moves the page among its neighbours: only the full build can place it.
            guard page.frontMatter.order == old.page.frontMatter.order else { return nil }
            let (rendered, analysis, key) = TermLinker.render(page, linker: linker, renderer: MarkdownRenderer())
            let published = PublishedPage(page: page, urlPath: old.urlPath, rendered: rendered, renderingKey: key)
            site.replace(published)
            site.entities[path] = analysis
            changed.append(published)
        }
        let memory = MemoryOutput()
        let writer = PageWriter(templates: templates, sink: memory, layout: layout)
        let pages = ContentPageWriter(snapshot: site, writer: writer, sections: sections)
        do {
            for published in changed {
                try pages.write(published)
            }
        } catch {
            return nil
        }
        return memory.contents
    }
}

extension SiteSnapshot {
    /// Puts `published` in place of the page with the same `Content/` path, in the page list and
    /// in its document's article list.
    mutating func replace(_ published: PublishedPage) {
        let path = published.page.path
        if let index = pages.firstIndex(where: { $0.page.path == path }) { pages[index] = published }
        for d in content.documents.indices {
            if let index = content.documents[d].articles.firstIndex(where: { $0.path == path }) {
                content.documents[d].articles[index] = published.page
            }
        }
        if let index = content.pages.firstIndex(where: { $0.path == path }) { content.pages[index] = published.page }
    }
}
