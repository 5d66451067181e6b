import Foundation
import FolioCore

/// The technologies import found by their shape in the text, gathered over all articles:
/// written to `Content/data/technologies-found.yml` by `folio import`, read by the build so
/// that every found technology has an index page with its group and evidence.
///
/// Import never reads this file when it tags (the file is its output, not its input): accepted
/// or rejected technologies go into the `technologies` list of `entity-review.yml` instead.
public enum FoundTechnologies {
    /// The file name inside `Content/data`.
    public static let fileName = "technologies-found.yml"

    /// One found technology and the article that gave its strongest evidence.
    public struct Entry: Sendable, Equatable {
        public var technology: FoundTechnology
        /// Path of the article, e.g. `Content/articles/cmia-2024/05-catl.md`.
        public var article: String
        /// Articles that mention it.
        public var articles: Int

        public init(technology: FoundTechnology, article: String, articles: Int) {
            self.technology = technology
            self.article = article
            self.articles = articles
        }
    }

    /// Merges per-article findings by slug: the highest confidence gives group, rule and
    /// evidence (the first article on a tie); variants are pooled; counts add up.
    /// - Parameter found: (article path, technologies found in it), in path order.
    public static func merge(_ found: [(article: String, technologies: [FoundTechnology])]) -> [Entry] {
        var bySlug: [String: Entry] = [:]
        for (article, technologies) in found {
            for technology in technologies {
                guard var entry = bySlug[technology.slug] else {
                    bySlug[technology.slug] = Entry(technology: technology, article: article, articles: 1)
                    continue
                }
                let best = technology.confidence > entry.technology.confidence
                var merged = best ? technology : entry.technology
                merged.count = entry.technology.count + technology.count
                var variants = entry.technology.variants
                for v in technology.variants where !variants.contains(v) && v != merged.name { variants.append(v) }
                merged.variants = variants
                // A group from a known technology beats the fallback `Other`.
                if merged.group == TechnologyFinder.otherGroup, technology.group != TechnologyFinder.otherGroup {
                    merged.group = technology.group
                    merged.domain = technology.domain
                }
                entry.technology = merged
                if best { entry.article = article }
                entry.articles += 1
                bySlug[technology.slug] = entry
            }
        }
        return bySlug.keys.sorted().compactMap { bySlug[$0] }
    }

    /// The YAML text of the file.
    public static func yaml(_ entries: [Entry]) -> String {
        var out = """
            # Technologies that the vocabulary does not list, found in the articles by their shape: a
            # lower-case phrase with a technology head noun defined with its abbreviation (`battery
            # management system (BMS)`), or nouns named as a technology (`membrane filtration
            # technology`) that recur or stand in a list beside a known technology, and list items
            # of modifier nouns and a technology head beside a known technology. `category` is the
            # group of the known technology it stands with, else the group its words share with the
            # vocabulary, else `Other`. Written by `folio import`
            # and read by `folio build`; do not edit: accept or reject terms in entity-review.yml
            # (see `folio entities`), or add them to technologies.yml.

            """
        for entry in entries {
            let t = entry.technology
            out += "\n- name: \(FoundOrganisations.quote(t.name))\n  slug: \(t.slug)\n"
            out += "  category: \(FoundOrganisations.quote(t.group))\n  domain: \(FoundOrganisations.quote(t.domain))\n"
            out += "  found_by: \(FoundOrganisations.quote("\(t.rule.rawValue), confidence \(FoundOrganisations.format(t.confidence))"))\n"
            if !t.variants.isEmpty { out += "  aliases: [\(t.variants.map(FoundOrganisations.quote).joined(separator: ", "))]\n" }
            out += "  mentions: \(t.count)\n  articles: \(entry.articles)\n"
            if let e = t.evidence {
                out += "  evidence: {article: \(FoundOrganisations.quote(entry.article)), line: \(e.line), text: \(FoundOrganisations.quote("\(e.before)\(e.text)\(e.after)".trimmingCharacters(in: .whitespaces)))}\n"
            }
        }
        // A file of comments alone is no YAML document: an empty list keeps it readable.
        if entries.isEmpty { out += "[]\n" }
        return out
    }
}
