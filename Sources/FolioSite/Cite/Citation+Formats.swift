import FolioCore
import Foundation

extension Citation {
    /// A BibTeX entry: `@incollection` for an article in a report, `@techreport` for a report.
    var bibtex: String {
        func field(_ name: String, _ value: String?) -> String? {
            guard let value, !value.isEmpty else { return nil }
            return "  \(name) = {\(Self.bibtexEscaped(value))}"
        }
        let author = authors.isEmpty ? "{\(Self.bibtexEscaped(creditedNames[0]))}" : authors.map(Self.bibtexEscaped).joined(separator: " and ")
        var fields: [String?] = ["  author = {\(author)}", field("title", title)]
        switch kind {
        case .article:
            fields += [field("booktitle", containerTitle), field("publisher", publisher), field("pages", firstPage)]
        case .report:
            fields += [field("institution", publisher), field("type", "Report")]
        }
        fields += [field("year", year == "n.d." ? nil : year), field("month", month.map(String.init)), field("language", language), field("url", url)]
        let entry = kind == .article ? "incollection" : "techreport"
        return "@\(entry){\(key),\n" + fields.compactMap { $0 }.joined(separator: ",\n") + "\n}\n"
    }

    /// A RIS record (`CHAP` or `RPRT`), lines ending in CR LF as the format asks.
    var ris: String {
        var lines = ["TY  - \(kind == .article ? "CHAP" : "RPRT")"]
        if authors.isEmpty {
            lines.append("AU  - \(creditedNames[0])")
        } else {
            lines += authors.map { name in
                let (family, given) = Self.split(name)
                return "AU  - " + (given.isEmpty ? family : "\(family), \(given)")
            }
        }
        lines.append("TI  - \(title)")
        if let containerTitle { lines.append("T2  - \(containerTitle)") }
        if let firstPage { lines.append("SP  - \(firstPage)") }
        if !publisher.isEmpty { lines.append("PB  - \(publisher)") }
        if year != "n.d." { lines.append("PY  - \(year)") }
        if let language { lines.append("LA  - \(language)") }
        if let url { lines.append("UR  - \(url)") }
        lines.append("ER  - ")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// One CSL-JSON item (an array of one, as citation managers import it).
    var cslJSON: String {
        var item: [String: Any] = ["id": key, "type": kind == .article ? "chapter" : "report", "title": title]
        if authors.isEmpty {
            item["author"] = [["literal": creditedNames[0]]]
        } else {
            item["author"] = authors.map { name -> [String: String] in
                let (family, given) = Self.split(name)
                return given.isEmpty ? ["literal": family] : ["family": family, "given": given]
            }
        }
        if let containerTitle { item["container-title"] = containerTitle }
        if let firstPage { item["page-first"] = firstPage }
        if !publisher.isEmpty { item["publisher"] = publisher }
        if year != "n.d.", let y = Int(year) {
            item["issued"] = ["date-parts": [month.map { [y, $0] } ?? [y]]]
        }
        if let language { item["language"] = language }
        if let url { item["URL"] = url }
        let data = (try? JSONSerialization.data(withJSONObject: [item], options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// APA (7th edition) reference text, plain.
    var apa: String {
        let names = authors.isEmpty ? creditedNames : authors.map { name -> String in
            let (family, given) = Self.split(name)
            let initials = given.split(separator: " ").compactMap { $0.first.map { "\($0)." } }.joined(separator: " ")
            return initials.isEmpty ? family : "\(family), \(initials)"
        }
        let who = names.count > 1 ? names.dropLast().joined(separator: ", ") + ", & " + names.last! : names[0]
        var text = "\(who) (\(year)). \(title)."
        if let containerTitle { text += " In \(containerTitle)" + (firstPage.map { " (p. \($0))." } ?? ".") }
        if !publisher.isEmpty, publisher != names.first { text += " \(publisher)." }
        if let url { text += " \(url)" }
        return text
    }

    /// Chicago (notes and bibliography) bibliography entry, plain.
    var chicago: String {
        let names = creditedNames
        var who: String
        if authors.isEmpty {
            who = names[0]
        } else {
            let (family, given) = Self.split(names[0])
            who = given.isEmpty ? family : "\(family), \(given)"
            if names.count > 1 { who += (names.count > 2 ? ", " + names[1..<(names.count - 1)].joined(separator: ", ") + "," : "") + " and " + names.last! }
        }
        var text = "\(who). "
        if let containerTitle {
            text += "“\(title).” In \(containerTitle)" + (firstPage.map { ", \($0)." } ?? ".")
        } else {
            text += "\(title)."
        }
        if !publisher.isEmpty { text += " \(publisher), \(year)." } else { text += " \(year)." }
        if let url { text += " \(url)." }
        return text
    }

    /// Google Scholar's `citation_*` meta tags.
    var metaTags: String {
        var tags: [(String, String)] = [("citation_title", title)]
        tags += creditedNames.map { ("citation_author", $0) }
        if year != "n.d." { tags.append(("citation_publication_date", month.map { String(format: "%@/%02d", year, $0) } ?? year)) }
        if let containerTitle { tags.append(("citation_inbook_title", containerTitle)) }
        if let firstPage { tags.append(("citation_firstpage", firstPage)) }
        if !publisher.isEmpty { tags.append(("citation_technical_report_institution", publisher)) }
        if let language { tags.append(("citation_language", language)) }
        if let url { tags.append(("citation_abstract_html_url", url)) }
        return tags.map { "<meta name=\"\($0.0)\" content=\"\(HTMLEscaping.escape($0.1))\">" }.joined(separator: "\n")
    }

    /// Schema.org JSON-LD: `ScholarlyArticle` (part of its `Report`) or `Report`.
    var jsonLD: String {
        func person(_ name: String) -> [String: Any] { ["@type": "Person", "name": name] }
        var item: [String: Any] = ["@context": "https://schema.org", "@type": kind == .article ? "ScholarlyArticle" : "Report", "name": title, "headline": title]
        item["author"] = authors.isEmpty ? [["@type": "Organization", "name": creditedNames[0]]] : authors.map(person)
        if !publisher.isEmpty { item["publisher"] = ["@type": "Organization", "name": publisher] }
        if year != "n.d." { item["datePublished"] = date }
        if let language { item["inLanguage"] = language }
        if let url { item["url"] = url }
        if let containerTitle { item["isPartOf"] = ["@type": "Report", "name": containerTitle] }
        let data = (try? JSONSerialization.data(withJSONObject: item, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        // Safe inside <script>: no "</" sequence can close the element.
        let json = String(decoding: data, as: UTF8.self)
        return json.has("</") ? json.replacingOccurrences(of: "</", with: "<\\/") : json
    }

    /// Braces balanced and BibTeX's special characters escaped.
    static func bibtexEscaped(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "{", "}", "\\": out += " "
            case "&", "%", "$", "#", "_": out += "\\\(c)"
            default: out.append(c)
            }
        }
        return out
    }
}
