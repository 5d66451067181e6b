import FolioContent
import FolioCore
import FolioEntities
import FolioMarkdown
import FolioModel
import Foundation

/// What the index pages and the open data read of one published page, and nothing more: its
/// place on the site, the front matter that names terms, its tagging, the headings its mentions
/// link to and the source lines behind its mentions.
///
/// The taxonomy generator sees pages only through these, so two builds whose indexed pages have
/// the same ``digest`` (and the same gazetteers, base map and templates) write the same index
/// pages: an edit that changes no mention leaves them as they were (see ``TaxonomyGenerator``).
struct IndexedPage: Sendable, Equatable {
    /// The `Content/` path.
    var path: String
    var urlPath: String
    var documentSlug: String?
    /// Whether the page is tagged (articles and hand-written pages); the others only name terms
    /// in their front matter.
    var isTagged: Bool
    var title: String
    /// Front matter: `document`, `company` and the term lists.
    var document: String?
    var company: String?
    var companies: [String]?
    var cities: [String]?
    var sdgs: [Int]?
    var technologies: [String]?
    /// Front matter `source`: the raw file and the first and last line it covers.
    var sourceFile: String?
    var sourceLines: [Int]
    /// The tagging (without its linked Markdown, which only rendering reads).
    var entities: ArticleEntities?
    /// The page's headings with their file lines, for the section a mention is in.
    var headings: [RenderedHeading]
    /// The file line of the body's first line.
    var bodyStartLine: Int
    /// The source line behind each body line that holds a mention (pages with `source` only).
    var sourceLineByBodyLine: [Int: Int]

    /// The indexed facts of `published`, with its tagging (`nil` for pages that are not tagged)
    /// and the source lines of its mentions: `mentionLines` when the build worked them out while
    /// rendering (``mentionSourceLines(of:entities:mapper:)``), else from `mapper`.
    init(_ published: PublishedPage, entities: ArticleEntities?, mapper: SourceLineMapper?, mentionLines: [Int: Int]? = nil) {
        let page = published.page
        let fm = page.frontMatter
        path = page.path
        urlPath = published.urlPath
        documentSlug = page.documentSlug
        isTagged = TermLinker.tags(page)
        title = fm.title
        document = fm.document
        company = fm.company
        companies = fm.companies
        cities = fm.cities
        sdgs = fm.sdgs
        technologies = fm.technologies
        sourceFile = fm.source?.file
        sourceLines = fm.source?.lines ?? []
        self.entities = entities
        headings = published.rendered.headings
        bodyStartLine = page.bodyStartLine
        if let mentionLines {
            sourceLineByBodyLine = mentionLines
        } else if let mapper, let entities {
            sourceLineByBodyLine = Self.mentionSourceLines(of: page, entities: entities, mapper: mapper)
        } else {
            sourceLineByBodyLine = [:]
        }
    }

    /// The source line behind each body line of `page` that holds a mention of `entities`
    /// (empty for pages without `source`). It reads the page's Markdown, so the build works it
    /// out while rendering, before the Markdown is let go.
    static func mentionSourceLines(of page: Page, entities: ArticleEntities, mapper: SourceLineMapper) -> [Int: Int] {
        guard page.frontMatter.source != nil else { return [:] }
        let mentionLines = Set(entities.occurrences.flatMap { $0.mentions.map(\.line) })
        guard !mentionLines.isEmpty else { return [:] }
        let bodyLines = TextLines.split(page.body)
        var found: [Int: Int] = [:]
        for line in mentionLines {
            if let location = mapper.sourceLocation(for: page, bodyLine: line, bodyLines: bodyLines) { found[line] = location.line }
        }
        return found
    }

    /// The part of a tagging the indexes read: without the linked Markdown, the rejected
    /// candidates and the mentions' byte offsets, so words added before a mention do not change it.
    static func indexedPart(_ entities: ArticleEntities) -> ArticleEntities {
        func placed(_ mention: Mention) -> Mention {
            var mention = mention
            mention.offset = 0
            return mention
        }
        var kept = entities
        kept.markdown = ""
        kept.candidates = []
        kept.technologyCandidates = []
        kept.occurrences = entities.occurrences.map { occurrence in
            var occurrence = occurrence
            occurrence.mentions = occurrence.mentions.map(placed)
            return occurrence
        }
        kept.organisations = entities.organisations.map { found in
            var found = found
            found.evidence = found.evidence.map(placed)
            return found
        }
        kept.technologies = entities.technologies.map { found in
            var found = found
            found.evidence = found.evidence.map(placed)
            return found
        }
        return kept
    }

    /// The heading a mention on body line `line` is under, if any.
    func heading(forBodyLine line: Int) -> RenderedHeading? {
        let fileLine = line + bodyStartLine - 1
        return headings.last { $0.line <= fileLine }
    }
}

extension IndexedPage {
    /// A SHA-256 of everything the indexes read of the page (the tagging only in its
    /// ``indexedPart(_:)``): two pages with the same digest give the same index pages.
    var digest: Data {
        var archive = ArchiveWriter()
        archive.write(path)
        archive.write(urlPath)
        archive.write(documentSlug)
        archive.write(isTagged)
        archive.write(title)
        archive.write(document)
        archive.write(company)
        archive.write(companies)
        archive.write(cities)
        archive.write(sdgs)
        archive.write(technologies)
        archive.write(sourceFile)
        archive.write(sourceLines)
        archive.write(entities.map(Self.indexedPart))
        archive.write(headings)
        archive.write(bodyStartLine)
        // In line order, so one page always gives the same digest.
        let lines = sourceLineByBodyLine.sorted { $0.key < $1.key }
        archive.write(lines.map(\.key))
        archive.write(lines.map(\.value))
        return FileDigest.sha256(archive.data)
    }
}
