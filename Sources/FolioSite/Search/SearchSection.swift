import FolioCore
import FolioMarkdown
import FolioModel

/// One searchable unit of the site: the part of a page under one heading (or its lead before the
/// first sub-heading). Results link to the section, so a reader lands at the nearest heading.
public struct SearchSection: Sendable, Equatable {
    /// Site-relative link: `cmia-2021/corning/index.html#why-chongqing`.
    public var url: String
    /// The page title.
    public var title: String
    /// The heading the section starts at; `nil` for a page's lead.
    public var heading: String?
    /// What the page belongs to, shown with results: a document's short title, `Companies`…
    public var group: String
    /// The plain text of the section's paragraphs and table cells, one string each: the strings
    /// the renderer collected, shared, not copied.
    public var blocks: [String]
    /// Index of the page in the list of indexed pages; sections of one page are contiguous.
    public var page: Int

    public init(url: String, title: String, heading: String?, group: String, blocks: [String], page: Int) {
        self.url = url
        self.title = title
        self.heading = heading
        self.group = group
        self.blocks = blocks
        self.page = page
    }

    public init(url: String, title: String, heading: String?, group: String, text: String, page: Int) {
        self.init(url: url, title: title, heading: heading, group: group, blocks: [text], page: page)
    }

    /// The section's text, a line per block.
    public var text: String { blocks.joined(separator: "\n") }
}

extension SearchSection {
    /// Splits a rendered page into sections at its headings, using the text blocks collected while
    /// rendering. The level-1 heading (the title) starts the lead section, linked without fragment.
    /// - Parameters:
    ///   - urlPath: the page's directory URL path (`cmia-2021/corning/`).
    ///   - page: the page number to record in each section.
    public static func sections(of rendered: RenderedPage, title: String, urlPath: String, group: String, page: Int) -> [SearchSection] {
        let file = SiteURL.file(for: urlPath)
        let titleID = rendered.titleHeading?.id
        var order: [String?] = [nil]
        var texts: [String?: [String]] = [nil: []]
        var headingText: [String: String] = [:]
        for heading in rendered.headings {
            headingText[heading.id] = heading.text
            let key: String? = heading.id == titleID ? nil : heading.id
            if texts[key] == nil {
                order.append(key)
                texts[key] = []
            }
        }
        for block in rendered.textBlocks {
            let key: String? = block.headingID == titleID ? nil : block.headingID
            if texts[key] == nil {
                order.append(key)
                texts[key] = []
            }
            texts[key, default: []].append(block.text)
        }
        var sections: [SearchSection] = []
        // A heading with no text of its own (a part title right above a sub-heading) joins the
        // next section: "Part I › Corning is a leader…", linked at the sub-heading.
        var pendingHeadings: [String] = []
        for (position, key) in order.enumerated() {
            let blocks = texts[key] ?? []
            let heading = key.flatMap { headingText[$0] }
            // No text at all (the blocks joined would be empty).
            let textless = blocks.count <= 1 && blocks.first?.isEmpty != false
            if textless && position + 1 < order.count {
                if let heading { pendingHeadings.append(heading) }
                continue
            }
            let shown = (pendingHeadings + (heading.map { [$0] } ?? [])).joined(separator: " › ")
            pendingHeadings = []
            sections.append(SearchSection(
                url: key.map { "\(file)#\($0)" } ?? file,
                title: title,
                heading: shown.isEmpty ? nil : shown,
                group: group,
                blocks: blocks,
                page: page
            ))
        }
        return sections
    }
}
