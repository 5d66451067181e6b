import Foundation
import FolioCore

/// The organisations import found by their shape in the text, gathered over all articles:
/// written to `Content/data/organisations-found.yml` by `folio import`, read by the build so
/// that every found name has an index page with its type and evidence.
///
/// Import never reads this file when it tags (the file is its output, not its input): accepted
/// or rejected names go into `entity-review.yml` instead.
public enum FoundOrganisations {
    /// The file name inside `Content/data`.
    public static let fileName = "organisations-found.yml"

    /// One found organisation and the article that gave its strongest evidence.
    public struct Entry: Sendable, Equatable {
        public var organisation: FoundOrganisation
        /// Path of the article, e.g. `Content/articles/cmia-2021/14-bp.md`.
        public var article: String
        /// Articles that mention it.
        public var articles: Int

        public init(organisation: FoundOrganisation, article: String, articles: Int) {
            self.organisation = organisation
            self.article = article
            self.articles = articles
        }
    }

    /// Merges per-article findings by slug: the highest confidence gives type, rule and
    /// evidence; variants are pooled; counts add up.
    /// - Parameter found: (article path, organisations found in it), in path order.
    public static func merge(_ found: [(article: String, organisations: [FoundOrganisation])]) -> [Entry] {
        var bySlug: [String: Entry] = [:]
        var order: [String] = []
        for (article, organisations) in found {
            for organisation in organisations {
                if var entry = bySlug[organisation.slug] {
                    let best = organisation.confidence > entry.organisation.confidence
                    var merged = best ? organisation : entry.organisation
                    merged.count = entry.organisation.count + organisation.count
                    var variants = entry.organisation.variants
                    for v in organisation.variants where !variants.contains(v) && v != merged.name { variants.append(v) }
                    merged.variants = variants
                    entry.organisation = merged
                    if best { entry.article = article }
                    entry.articles += 1
                    bySlug[organisation.slug] = entry
                } else {
                    bySlug[organisation.slug] = Entry(organisation: organisation, article: article, articles: 1)
                    order.append(organisation.slug)
                }
            }
        }
        return order.sorted().compactMap { bySlug[$0] }
    }

    /// The YAML text of the file.
    public static func yaml(_ entries: [Entry]) -> String {
        var out = """
            # Organisations that no gazetteer lists, found in the articles by their shape: a legal form
            # (`Co., Ltd.`), a head noun (`University`, `Ministry of …`), a news-media word, an
            # appositive (`X, a French company`) or a reviewed abbreviation. Written by `folio import`
            # and read by `folio build`; do not edit: accept or reject names in entity-review.yml
            # (see `folio entities`), or add them to companies.yml.

            """
        for entry in entries {
            let o = entry.organisation
            out += "\n- name: \(quote(o.name))\n  slug: \(o.slug)\n  type: \(o.type.rawValue)\n"
            out += "  found_by: \(quote("\(o.rule.rawValue), confidence \(format(o.confidence))"))\n"
            if !o.variants.isEmpty { out += "  aliases: [\(o.variants.map(quote).joined(separator: ", "))]\n" }
            out += "  mentions: \(o.count)\n  articles: \(entry.articles)\n"
            if let e = o.evidence {
                out += "  evidence: {article: \(quote(entry.article)), line: \(e.line), text: \(quote("\(e.before)\(e.text)\(e.after)".trimmingCharacters(in: .whitespaces)))}\n"
            }
        }
        // A file of comments alone is no YAML document: an empty list keeps it readable.
        if entries.isEmpty { out += "[]\n" }
        return out
    }

    static func format(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r", "\t": out += " "
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }
}
