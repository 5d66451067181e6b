import FolioCore
import FolioEntities
import Foundation

/// Static SVG pictures drawn at build time for the index pages; no script needed to read them.
public enum TaxonomyCharts {
    /// Horizontal bars: articles per goal, each bar in the goal's official colour.
    /// - Parameter link: the relative link to a goal's page, by goal number.
    public static func sdgCoverage(_ index: TaxonomyIndex, link: (Int) -> String) -> String {
        let goals = index.gazetteers.terms(of: .sdg)
        let counts = goals.map { index.articles(for: $0.id).count }
        let maxCount = max(counts.max() ?? 1, 1)
        let rowHeight = 24, labelWidth = 290, barWidth = 330, top = 8
        let height = top + goals.count * rowHeight + 8
        var svg = header(width: labelWidth + barWidth + 50, height: height, title: "Articles per Sustainable Development Goal")
        for (row, (goal, count)) in zip(goals, counts).enumerated() {
            guard let info = goal.goal else { continue }
            let y = top + row * rowHeight
            let width = Int((Double(count) / Double(maxCount) * Double(barWidth)).rounded())
            svg += "<a href=\"\(escape(link(info.number)))\">"
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 16)\" text-anchor=\"end\" class=\"chart-label\">\(info.number). \(escape(info.shortTitle))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(max(width, 1))\" height=\"\(rowHeight - 6)\" rx=\"3\" fill=\"\(escape(info.colour))\"><title>SDG \(info.number): \(count) article\(count == 1 ? "" : "s")</title></rect>"
            svg += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 16)\" class=\"chart-value\">\(count)</text></a>"
        }
        return svg + "</svg>"
    }

    /// Circles at organisation × technology crossings, sized by the articles that name both: one
    /// matrix per organisation type (companies first and open, the others folded), each with a
    /// legend and room for its full labels.
    public static func companyTechnologyMatrix(_ index: TaxonomyIndex, rows rowCount: Int = 16, technologies: Int = 14, link: (TermID) -> String) -> String {
        func byArticles(_ terms: [Term]) -> [Term] {
            terms.map { ($0, index.articles(for: $0.id).count) }.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }.map(\.0)
        }
        let columns = Array(byArticles(index.terms(of: .technology)).prefix(technologies))
        guard !columns.isEmpty else { return "" }
        var groups: [String: [Term]] = [:]
        for term in index.terms(of: .company) { groups[term.type ?? "organisation", default: []].append(term) }
        let types = groups.keys.sorted { a, b in
            (a == "company" ? 0 : 1, -groups[a]!.count, a) < (b == "company" ? 0 : 1, -groups[b]!.count, b)
        }
        var html = ""
        for (position, type) in types.enumerated() {
            let rows = Array(byArticles(groups[type]!).prefix(rowCount))
            guard !rows.isEmpty else { continue }
            let title = plural(type).prefix(1).uppercased() + plural(type).dropFirst()
            let svg = matrix(index, rows: rows, columns: columns, title: "\(title) and the technologies their articles mention", link: link)
            html += "<details class=\"matrix\"\(position == 0 ? " open" : "")><summary>\(escape(String(title))) — the \(rows.count) named in most articles</summary>\(svg)</details>"
        }
        return html
    }

    /// "company" → "companies", "government body" → "government bodies", "media" stays.
    static func plural(_ noun: String) -> String {
        if noun.hasSuffix("media") || noun.hasSuffix("s") { return noun }
        if noun.hasSuffix("y"), let before = noun.dropLast().last, !"aeiou".contains(before) { return noun.dropLast() + "ies" }
        return noun + "s"
    }

    private static func matrix(_ index: TaxonomyIndex, rows: [Term], columns: [Term], title: String, link: (TermID) -> String) -> String {
        let cell = 30.0, fontSize = 12.0, slant = 55.0 * .pi / 180
        let left = (rows.map { LabelPlacer.textWidth($0.name, fontSize: fontSize) }.max() ?? 100) + 16
        let headerHeight = max((columns.map { LabelPlacer.textWidth($0.name, fontSize: fontSize) }.max() ?? 100) * sin(slant) + 16, 90)
        let gridRight = left + Double(columns.count) * cell
        var overhang = 0.0
        for (c, column) in columns.enumerated() {
            let labelEnd: Double = left + Double(c) * cell + cell / 2 + 4 + LabelPlacer.textWidth(column.name, fontSize: fontSize) * cos(slant)
            overhang = max(overhang, labelEnd - gridRight)
        }
        let width = Int((gridRight + overhang + 12).rounded(.up)), height = Int((headerHeight + Double(rows.count) * cell + 10).rounded(.up))
        var cells: [[Int]] = []
        var maxValue = 1
        for row in rows {
            let line = columns.map { index.coOccurrences(row.id, $0.id) }
            maxValue = max(maxValue, line.max() ?? 0)
            cells.append(line)
        }
        func radius(_ value: Int) -> Double { 2.5 + 10.5 * (Double(value) / Double(maxValue)).squareRoot() }
        var svg = header(width: width, height: height, title: title)
        // Legend, in the empty corner above the row labels.
        let samples = Array(Set([1, max(1, maxValue / 2), maxValue])).sorted()
        svg += "<g class=\"chart-legend\"><text x=\"8\" y=\"18\" class=\"chart-value\">Articles naming both</text>"
        var x = 16.0
        for value in samples {
            let r = radius(value)
            svg += "<circle cx=\"\(format(x + r))\" cy=\"40\" r=\"\(format(r))\" class=\"chart-dot\"/><text x=\"\(format(x + 2 * r + 4))\" y=\"44\" class=\"chart-value\">\(value)</text>"
            x += 2 * r + 14 + LabelPlacer.textWidth(String(value), fontSize: 11)
        }
        svg += "</g>"
        for (c, column) in columns.enumerated() {
            let x = left + Double(c) * cell + cell / 2
            svg += "<a href=\"\(escape(link(column.id)))\"><text transform=\"translate(\(format(x + 4)),\(format(headerHeight - 6))) rotate(-55)\" class=\"chart-label\">\(escape(column.name))</text></a>"
            svg += "<line x1=\"\(format(x))\" y1=\"\(format(headerHeight))\" x2=\"\(format(x))\" y2=\"\(format(headerHeight + Double(rows.count) * cell))\" class=\"chart-grid\"/>"
        }
        for (r, row) in rows.enumerated() {
            let y = headerHeight + Double(r) * cell + cell / 2
            svg += "<a href=\"\(escape(link(row.id)))\"><text x=\"\(format(left - 8))\" y=\"\(format(y + 4))\" text-anchor=\"end\" class=\"chart-label\">\(escape(row.name))</text></a>"
            svg += "<line x1=\"\(format(left))\" y1=\"\(format(y))\" x2=\"\(format(gridRight))\" y2=\"\(format(y))\" class=\"chart-grid\"/>"
            for (c, value) in cells[r].enumerated() where value > 0 {
                let x = left + Double(c) * cell + cell / 2
                svg += "<circle cx=\"\(format(x))\" cy=\"\(format(y))\" r=\"\(format(radius(value)))\" class=\"chart-dot\"><title>\(escape(row.name)) × \(escape(columns[c].name)): \(value) article\(value == 1 ? "" : "s")</title></circle>"
            }
        }
        return svg + "</svg>"
    }

    /// Every chart links its marks to term pages, so it keeps the SVG's own role (a graphics
    /// document, labelled) rather than `img`, which may not hold links.
    private static func header(width: Int, height: Int, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>"
    }

    private static func format(_ value: Double) -> String { MapFrame.format(value) }

    /// Escapes text for SVG/XML content and attributes.
    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}
