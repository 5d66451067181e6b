import FolioContent
import FolioMarkdown
/// The back-matter index of a book: every company, place, SDG and technology named in the
/// articles' front matter, with links to the articles that mention it.
enum IndexPage {
    /// One group of terms.
    struct Group {
        var id: String
        var title: String
        /// Terms in display order, each with the (document, article) pairs that carry it.
        var terms: [(name: String, articles: [BundleArticle])]
    }

    /// The groups for `documents`, leaving out empty ones. Terms sort case-insensitively; SDGs by number.
    static func groups(_ documents: [BundleDocument]) -> [Group] {
        let articles = documents.flatMap(\.articles)
        func group(_ id: String, _ title: String, _ names: (BundleArticle) -> [String], numeric: Bool = false) -> Group? {
            var byTerm: [String: [BundleArticle]] = [:]
            for article in articles {
                var seen = Set<String>()
                for name in names(article) where seen.insert(name).inserted { byTerm[name, default: []].append(article) }
            }
            guard !byTerm.isEmpty else { return nil }
            let sorted = byTerm.keys.sorted { a, b in
                if numeric, let x = Int(a.split(separator: " ").last ?? ""), let y = Int(b.split(separator: " ").last ?? "") { return x < y }
                let (la, lb) = (a.lowercased(), b.lowercased())
                return la != lb ? la < lb : a < b
            }
            return Group(id: id, title: title, terms: sorted.map { ($0, byTerm[$0] ?? []) })
        }
        return [
            group("companies", "Companies", { $0.page.frontMatter.companies ?? [] }),
            group("places", "Places", { $0.page.frontMatter.cities ?? [] }),
            group("sdgs", "Sustainable Development Goals", { ($0.page.frontMatter.sdgs ?? []).map { "SDG \($0)" } }, numeric: true),
            group("technologies", "Technologies", { $0.page.frontMatter.technologies ?? [] }),
        ].compactMap { $0 }
    }

    /// The index as an EPUB content document, or `nil` when no article has terms.
    static func xhtml(documents: [BundleDocument], fileName: (String, String?) -> String, language: String) -> String? {
        let groups = groups(documents)
        guard !groups.isEmpty else { return nil }
        func esc(_ s: String) -> String { HTMLRewriter.escapeAttribute(s) }
        var body = "<section class=\"back-index\">\n<h1>Index</h1>\n"
        for group in groups {
            body += "<section class=\"index-group\" id=\"index-\(group.id)\">\n<h2>\(esc(group.title))</h2>\n<ul class=\"index-terms\">\n"
            for term in group.terms {
                let links = term.articles.map { "<a href=\"\(esc(fileName($0.documentSlug, $0.slug)))\">\(esc($0.title))</a>" }
                body += "<li><span class=\"term\">\(esc(term.name))</span>: \(links.joined(separator: "; "))</li>\n"
            }
            body += "</ul>\n</section>\n"
        }
        body += "</section>"
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="\(esc(language))" lang="\(esc(language))">
        <head>
        <meta charset="UTF-8"/>
        <title>Index</title>
        <link rel="stylesheet" type="text/css" href="style.css"/>
        </head>
        <body epub:type="backmatter">
        \(body)
        </body>
        </html>

        """
    }
}
