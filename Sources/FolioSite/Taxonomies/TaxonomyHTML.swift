import FolioCore
import FolioEntities

/// HTML fragments of the index pages that repeat hundreds of times per build (article entries
/// and facts on term pages, rows and goal tiles on overviews), written directly instead of
/// through Mustache, whose per-tag lookups and per-character escaping dominated the build. The
/// templates insert them with `{{{…}}}`; the markup, escaping and indentation are exactly what
/// the templates rendered before, including `false` for an empty value (the page writer turns
/// empty strings into `false`).
enum TaxonomyHTML {
    /// One snippet of an entry: keyword in context, linked to the nearest heading.
    struct Snippet {
        var before: String
        var match: String
        var after: String
        var url: String
        var section: String
        var inFootnote: Bool
    }

    /// One article on a term page.
    struct Entry {
        var title: String
        var url: String
        var document: String
        var company: String
        var bodyCount: Int
        var footnoteCount: Int
        var frontMatterOnly: Bool
        var evidence: String?
        var snippets: [Snippet]
    }

    /// `<li class="term-article">…</li>` followed by a newline.
    static func entry(_ e: Entry, into out: inout String) {
        out += "<li class=\"term-article\">\n  <h3 class=\"term-article__title\"><a href=\""
        out += text(e.url)
        out += "\">"
        out += text(e.title)
        out += "</a></h3>\n  <p class=\"term-article__meta\">"
        out += text(e.document)
        if !e.company.isEmpty {
            out += " · "
            out += escape(e.company)
        }
        out += " · "
        if e.frontMatterOnly {
            out += "listed in the front matter"
        } else {
            out += "\(e.bodyCount) in the text, \(e.footnoteCount) in notes"
        }
        out += "</p>\n  "
        if let evidence = e.evidence, !evidence.isEmpty {
            out += "<p class=\"term-article__evidence\">Why: "
            out += escape(evidence)
            out += "</p>"
        }
        out += "\n"
        if !e.snippets.isEmpty {
            out += "  <ul class=\"kwic\">\n    "
            for s in e.snippets {
                out += "<li>"
                if s.inFootnote { out += "<span class=\"kwic__note\">note</span> " }
                out += "<a href=\""
                out += text(s.url)
                out += "\">"
                out += text(s.before)
                // `before` and `after` keep the text's own spacing: "Chongqing's", "(Chongqing)".
                out += "<mark>"
                out += text(s.match)
                out += "</mark>"
                out += text(s.after)
                out += "</a>"
                if !s.section.isEmpty {
                    out += " <span class=\"kwic__section\">— "
                    out += escape(s.section)
                    out += "</span>"
                }
                out += "</li>"
            }
            out += "\n  </ul>\n"
        }
        out += "</li>\n"
    }

    /// A name that links to its term page when the page exists (`url` empty otherwise).
    struct Link {
        var name: String
        var url: String
    }

    /// The lines of a term page's `<dl class="term__facts">`, each indented and ending in a
    /// newline: aliases, former names, parent, facts, related terms and, for goals, the
    /// evidence phrases and threshold.
    static func facts(
        aliases: [String], formerNames: String, parent: Link?, facts: [(label: String, value: String)],
        related: [Link], goal: (phrases: String, threshold: String)?
    ) -> String {
        func linked(_ link: Link, into out: inout String) {
            if link.url.isEmpty {
                out += text(link.name)
            } else {
                out += "<a href=\"\(escape(link.url))\">\(text(link.name))</a>"
            }
        }
        var out = "      "
        if !aliases.isEmpty {
            out += "<dt>Also written</dt><dd>"
            for alias in aliases { out += "<span class=\"alias\">\(escape(alias))</span> " }
            out += "</dd>"
        }
        out += "\n      "
        if !formerNames.isEmpty { out += "<dt>Formerly</dt><dd>\(escape(formerNames))</dd>" }
        out += "\n      "
        if let parent {
            out += "<dt>Part of</dt><dd>"
            linked(parent, into: &out)
            out += "</dd>"
        }
        out += "\n      "
        for fact in facts { out += "<dt>\(text(fact.label))</dt><dd>\(text(fact.value))</dd>" }
        out += "\n      "
        if !related.isEmpty {
            out += "<dt>Related</dt><dd>"
            for link in related {
                linked(link, into: &out)
                out += " "
            }
            out += "</dd>"
        }
        out += "\n      "
        if let goal {
            out += "<dt>Evidence phrases</dt><dd>\(text(goal.phrases))</dd><dt>Listed when</dt><dd>the article names the goal, or has \(text(goal.threshold))</dd>"
        }
        out += "\n"
        return out
    }

    /// One term in an overview table.
    struct OverviewRow {
        var name: String
        var url: String
        var articleCount: Int
        var mentionCount: Int
        var group: String
        var detail: String
        var aliases: String
        var author: Bool
    }

    /// `<tr>` of an overview table, indented, with the group column when `groupColumn`.
    static func overviewRow(_ row: OverviewRow, groupColumn: Bool, into out: inout String) {
        out += "        <tr data-name=\"\(text(row.name)) \(text(row.aliases))\"\(groupColumn && !row.group.isEmpty ? " data-group=\"\(text(row.group))\"" : "")>\n"
        out += "          <td><a href=\"\(text(row.url))\">\(text(row.name))</a>"
        if row.author { out += " <span class=\"badge\" title=\"wrote a paper in the reports\">author</span>" }
        if !row.detail.isEmpty { out += "<br><small>\(escape(row.detail))</small>" }
        out += "</td>\n          "
        if groupColumn { out += "<td>\(text(row.group))</td>" }
        out += "\n          <td class=\"num\">\(row.articleCount)</td>\n          <td class=\"num\">\(row.mentionCount)</td>\n        </tr>\n"
    }

    /// A goal's coloured tile on the goals overview.
    static func goalTile(_ row: OverviewRow, goal: GoalInfo, textColour: String, into out: inout String) {
        out += "<li class=\"goal-tile\" style=\"background:\(text(goal.colour));color:\(text(textColour))\">"
        out += "<a href=\"\(text(row.url))\" style=\"color:\(text(textColour))\"><span class=\"goal-tile__number\">\(goal.number)</span>"
        out += "<span class=\"goal-tile__title\">\(text(goal.shortTitle))</span><span class=\"goal-tile__count\">\(row.articleCount) articles</span></a></li>"
    }

    /// A value as a Mustache variable tag shows it: escaped, and nothing for an empty string.
    private static func text(_ value: String) -> String {
        escape(value)
    }

    /// Escapes text as Mustache's `{{variable}}` does.
    static func escape(_ value: String) -> String { HTMLEscaping.escape(value) }
}
