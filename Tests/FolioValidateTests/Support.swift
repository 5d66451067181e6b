import FolioContent
import FolioCore
import FolioMarkdown
import FolioModel
@testable import FolioValidate
import Foundation

/// Builds published pages from Markdown, the way the site builder does.
enum Fixture {
    /// The repository root (for `Content/sources/` and `Templates/`).
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// An article of document `document` with `body`; the body starts at file line 8.
    static func article(_ body: String, path: String = "Content/articles/doc/01-a.md", document: String = "doc", title: String = "A", source: SourceRange? = nil, kind: Page.Kind = .article) -> PublishedPage {
        var fm = FrontMatter(title: title)
        fm.document = document
        fm.source = source
        let slug = ContentLoader.slug(fromFileName: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
        let page = Page(kind: kind, path: path, frontMatter: fm, body: body, bodyStartLine: 8, documentSlug: document, slug: slug)
        let rendered = MarkdownRenderer().render(body, origin: .init(file: path, firstLine: 8))
        return PublishedPage(page: page, urlPath: page.urlPath, rendered: rendered)
    }

    /// Findings of the content checks over `pages`.
    static func check(_ pages: [PublishedPage], root: URL = repositoryRoot, conventions: [String: DocumentConventions] = [:]) -> [Diagnostic] {
        ContentValidator(projectRoot: root, conventions: conventions).validate(pages).diagnostics
    }

    /// Every line of the corpus: the imported articles and the raw sources, read once.
    static let corpusLines: [String] = {
        var lines: [String] = []
        for folder in ["Content/articles", "Content/sources"] {
            let enumerator = FileManager.default.enumerator(at: repositoryRoot.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                guard ["md", "txt"].contains(url.pathExtension), let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                lines += text.components(separatedBy: "\n")
            }
        }
        return lines
    }()

    /// `(code, line)` pairs, sorted, for compact assertions.
    static func codes(_ diagnostics: [Diagnostic]) -> [String] {
        Diagnostic.sortedForOutput(diagnostics).map { "\($0.code)@\($0.location?.line ?? 0)" }
    }
}
