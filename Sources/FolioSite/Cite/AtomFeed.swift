import FolioContent
import FolioCore
import Foundation

/// `feed.xml`: an Atom feed with one entry per document (title, publisher, date, description),
/// so readers and aggregators notice new reports.
enum AtomFeed {
    /// The feed for `documents`; links are absolute when `baseURL` is set, else relative to the site root.
    static func xml(siteTitle: String, baseURL: String, documents: [DocumentContent]) -> String {
        let esc = HTMLEscaping.escape
        let base = baseURL.isEmpty ? "" : (baseURL.hasSuffix("/") ? baseURL : baseURL + "/")
        let feedID = base.isEmpty ? "urn:folio:\(Slug.make(siteTitle))" : base + "feed.xml"
        let entries = documents.map { document -> (updated: String, xml: String) in
            let meta = document.metadata
            let updated = timestamp(meta?.date ?? "")
            let link = base + "\(document.slug)/index.html"
            var xml = "  <entry>\n    <title>\(esc(meta?.title ?? document.title))</title>\n"
            xml += "    <id>\(base.isEmpty ? "\(feedID):\(document.slug)" : esc(link))</id>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(esc(link))\"/>\n"
            xml += "    <updated>\(updated)</updated>\n"
            let names = (meta?.authors ?? []).isEmpty ? [meta?.publisher ?? siteTitle] : meta?.authors ?? []
            for name in names { xml += "    <author><name>\(esc(name))</name></author>\n" }
            if let description = meta?.description { xml += "    <summary>\(esc(description))</summary>\n" }
            xml += "  </entry>\n"
            return (updated, xml)
        }
        let newest = entries.map(\.updated).max() ?? timestamp("")
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        out += "  <title>\(esc(siteTitle))</title>\n  <id>\(esc(feedID))</id>\n  <updated>\(newest)</updated>\n"
        out += "  <link rel=\"self\" href=\"\(esc(base + "feed.xml"))\"/>\n"
        out += "  <author><name>\(esc(siteTitle))</name></author>\n"
        return out + entries.map(\.xml).joined() + "</feed>\n"
    }

    /// `2021` → `2021-01-01T00:00:00Z`, `2022-01` → `2022-01-01T00:00:00Z` (RFC 3339, as Atom asks).
    static func timestamp(_ date: String) -> String {
        let parts = date.split(separator: "-").map(String.init)
        let year = parts.first.flatMap { Int($0) } ?? 1970
        let month = parts.count > 1 ? Int(parts[1]) ?? 1 : 1
        let day = parts.count > 2 ? Int(parts[2]) ?? 1 : 1
        return String(format: "%04d-%02d-%02dT00:00:00Z", year, month, day)
    }
}
