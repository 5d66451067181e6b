import FolioMarkdown
import Foundation
import FolioContent
import FolioValidate

/// Rewrites links in rendered content so they work in the site: Markdown links between `.md`
/// files become links to the published pages, and directory links get `index.html` so they also
/// work from `file://`.
struct LinkRewriter: Sendable {
    /// Published URL path by `Content/` path.
    let urlByContentPath: [String: String]

    /// Rewrites `html` of `page`, using the links collected while rendering it.
    /// - Returns: the new HTML and the `.md` links that point to no page.
    func rewrite(_ html: String, of page: PublishedPage) -> (String, [(link: String, line: Int)]) {
        var replacements: [String: String] = [:]
        var broken: [(String, Int)] = []
        for link in page.rendered.links where link.kind == .link || link.kind == .image || link.kind == .rawHTML {
            let url = link.destination
            guard OutputLinkValidator.isInternal(url), !url.hasPrefix("#"), !url.isEmpty else { continue }
            var path = url
            var fragment = ""
            if let hash = path.firstIndex(of: "#") {
                fragment = String(path[hash...])
                path = String(path[..<hash])
            }
            if path.hasSuffix(".md") {
                guard let target = OutputLinkValidator.resolve(path, from: page.page.path), let urlPath = urlByContentPath[target] else {
                    broken.append((url, link.line))
                    continue
                }
                replacements[url] = SiteURL.root(from: page.urlPath) + SiteURL.file(for: urlPath) + fragment
            } else if path.hasSuffix("/") || path == ".." || path == "." {
                replacements[url] = (path.hasSuffix("/") ? path : path + "/") + "index.html" + fragment
            }
        }
        guard !replacements.isEmpty else { return (html, broken) }
        var out = html
        for (from, to) in replacements.sorted(by: { $0.key > $1.key }) {
            out = out.replacingOccurrences(of: "href=\"\(escape(from))\"", with: "href=\"\(escape(to))\"")
            out = out.replacingOccurrences(of: "src=\"\(escape(from))\"", with: "src=\"\(escape(to))\"")
        }
        return (out, broken)
    }

    private func escape(_ url: String) -> String {
        url.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
