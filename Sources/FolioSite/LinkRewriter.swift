import FolioContent
import FolioMarkdown
import FolioModel
import Foundation

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
            guard SiteLink.isInternal(url), !url.hasPrefix("#"), !url.isEmpty else { continue }
            var path = url
            var fragment = ""
            if let hash = path.firstIndex(of: "#") {
                fragment = String(path[hash...])
                path = String(path[..<hash])
            }
            if path.hasSuffix(".md") {
                guard let target = SiteLink.resolve(path, from: page.page.path), let urlPath = urlByContentPath[target] else {
                    broken.append((url, link.line))
                    continue
                }
                replacements[url] = SiteURL.root(from: page.urlPath) + SiteURL.file(for: urlPath) + fragment
            } else if path.hasSuffix("/") || path == ".." || path == "." {
                replacements[url] = (path.hasSuffix("/") ? path : path + "/") + "index.html" + fragment
            }
        }
        guard !replacements.isEmpty else { return (html, broken) }
        var escaped: [String: String] = [:]
        for (from, to) in replacements { escaped[escape(from)] = escape(to) }
        return (Self.replacingAttributeValues(in: html, escaped), broken)
    }

    /// Replaces `href="…"` and `src="…"` values found in `replacements`, in one pass over the bytes.
    static func replacingAttributeValues(in html: String, _ replacements: [String: String]) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 16)
        let n = bytes.count
        var i = 0
        var copiedUpTo = 0
        while i < n {
            // ` href="` or ` src="`
            var valueStart = -1
            if bytes[i] == 0x20, i + 6 < n, bytes[i + 1] == 0x68, bytes[i + 2] == 0x72, bytes[i + 3] == 0x65, bytes[i + 4] == 0x66, bytes[i + 5] == 0x3D, bytes[i + 6] == 0x22 {
                valueStart = i + 7
            } else if bytes[i] == 0x20, i + 5 < n, bytes[i + 1] == 0x73, bytes[i + 2] == 0x72, bytes[i + 3] == 0x63, bytes[i + 4] == 0x3D, bytes[i + 5] == 0x22 {
                valueStart = i + 6
            }
            guard valueStart >= 0 else {
                i += 1
                continue
            }
            var end = valueStart
            while end < n, bytes[end] != 0x22 { end += 1 }
            let value = String(decoding: bytes[valueStart..<end], as: UTF8.self)
            if let replacement = replacements[value] {
                out.append(contentsOf: bytes[copiedUpTo..<valueStart])
                out.append(contentsOf: Array(replacement.utf8))
                copiedUpTo = end
            }
            i = end
        }
        out.append(contentsOf: bytes[copiedUpTo..<n])
        return String(decoding: out, as: UTF8.self)
    }

    /// `&` and `"` escaped for an attribute value; most URLs have neither and come back as they are.
    private func escape(_ url: String) -> String {
        guard url.utf8.contains(where: { $0 == 0x26 || $0 == 0x22 }) else { return url }
        return url.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
