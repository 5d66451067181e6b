import FolioCore
import Foundation

/// Writes a page's "cite this" downloads (`cite.bib`, `cite.ris`, `cite.json`) beside its
/// `index.html`, and gives the template what the Cite box and `<head>` show.
enum CiteFiles {
    /// The files' names, beside the page's `index.html`.
    static let names = ["cite.bib", "cite.ris", "cite.json"]

    /// The absolute URL of the page at `urlPath` when the site has a `base_url`.
    static func absoluteURL(base: String, urlPath: String) -> String? {
        guard !base.isEmpty else { return nil }
        return (base.hasSuffix("/") ? base : base + "/") + urlPath
    }

    /// Writes the three files for `citation` under `urlPath` and returns the template keys:
    /// `cite` (`apa`, `chicago`, `files`: `label`, `url`), `citationMeta` and `jsonLD` (raw HTML).
    static func write(_ citation: Citation, urlPath: String, writer: PageWriter) throws -> [String: Any] {
        let files: [(label: String, name: String, text: String)] = [
            ("BibTeX", names[0], citation.bibtex),
            ("RIS", names[1], citation.ris),
            ("CSL-JSON", names[2], citation.cslJSON),
        ]
        for file in files {
            try writer.write(file.text, to: urlPath + file.name)
        }
        return [
            "cite": [
                "apa": citation.apa,
                "chicago": citation.chicago,
                "files": files.map { ["label": $0.label, "url": $0.name] },
            ] as [String: Any],
            "citationMeta": citation.metaTags,
            "jsonLD": citation.jsonLD,
        ]
    }
}
