import FolioContent
import FolioCore
import Foundation

/// What a reader needs to cite an article or a whole document, drawn from `corpus.yml` and the
/// article's front matter; written out as BibTeX, RIS, CSL-JSON, APA and Chicago text, Google
/// Scholar `citation_*` tags and JSON-LD.
struct Citation: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A paper or chapter inside a document.
        case article
        /// A whole report.
        case report
    }

    var kind: Kind
    /// Citation key: `cmia-2021-fanuc`.
    var key: String
    var title: String
    /// People, as written ("Yoshiharu Inaba"); empty when only an organisation is named.
    var authors: [String]
    /// The organisation that wrote it when no person is named (an article's company).
    var organisation: String?
    /// The document's title, for an article.
    var containerTitle: String?
    var publisher: String
    /// `2021` or `2022-01`, as in `corpus.yml`.
    var date: String
    var language: String?
    /// Absolute URL of the page when the site has a `base_url`.
    var url: String?
    /// 1-based position in the document, for an article.
    var position: Int?
    /// The printed page an article starts on, from the report's contents.
    var firstPage: String? = nil

    /// The year of ``date`` (its first four digits), or `n.d.`.
    var year: String {
        let digits = date.prefix(4)
        return digits.count == 4 && digits.allSatisfy(\.isNumber) ? String(digits) : "n.d."
    }

    /// The month of ``date`` when it has one (`2022-01` → 1).
    var month: Int? {
        let parts = date.split(separator: "-")
        guard parts.count >= 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
        return m
    }

    /// People to credit, else the organisation, else the publisher.
    var creditedNames: [String] {
        if !authors.isEmpty { return authors }
        return [organisation ?? publisher]
    }

    static func article(_ page: Page, in document: DocumentContent, position: Int?, url: String?) -> Citation {
        let fm = page.frontMatter
        let meta = document.metadata
        let slug = page.urlPath.split(separator: "/").last.map(String.init) ?? Slug.make(fm.title)
        return Citation(
            kind: .article, key: "\(document.slug)-\(slug)", title: fm.title,
            authors: (fm.authors ?? []).map(\.name).filter { !$0.isEmpty }, organisation: fm.company,
            containerTitle: meta?.title ?? document.title, publisher: meta?.publisher ?? "",
            date: meta?.date ?? "", language: fm.language ?? meta?.language, url: url, position: position,
            firstPage: fm.source?.page)
    }

    static func report(_ document: DocumentContent, url: String?) -> Citation {
        let meta = document.metadata
        return Citation(
            kind: .report, key: document.slug, title: meta?.title ?? document.title,
            authors: meta?.authors ?? [], organisation: nil, containerTitle: nil,
            publisher: meta?.publisher ?? "", date: meta?.date ?? "", language: meta?.language, url: url, position: nil)
    }

    /// "Yoshiharu Inaba" → (family "Inaba", given "Yoshiharu"); a single word is all family name.
    static func split(_ name: String) -> (family: String, given: String) {
        let words = name.split(separator: " ").map(String.init)
        guard words.count > 1 else { return (name, "") }
        return (words.last!, words.dropLast().joined(separator: " "))
    }
}
