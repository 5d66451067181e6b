import FolioCore
import Foundation

/// Writes `sitemap.xml`: every HTML page at its absolute URL under `base_url` (the build writes
/// no sitemap when `base_url` is empty).
enum Sitemap {
    static func xml(for site: SiteSnapshot, extraPaths: Set<String>) -> String {
        let base = site.config.baseURL.hasSuffix("/") ? site.config.baseURL : site.config.baseURL + "/"
        let pages = extraPaths.filter { $0.hasSuffix("index.html") }.sorted()
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in pages {
            let dir = String(path.dropLast("index.html".count))
            let loc = (base + dir).replacingOccurrences(of: "&", with: "&amp;")
            xml += "  <url><loc>\(loc)</loc></url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}
