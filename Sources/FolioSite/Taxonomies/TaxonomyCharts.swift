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

    /// Circles at company × technology crossings, sized by the articles that name both.
    public static func companyTechnologyMatrix(_ index: TaxonomyIndex, companies: Int = 20, technologies: Int = 14, link: (TermID) -> String) -> String {
        func top(_ kind: EntityKind, _ n: Int) -> [Term] {
            Array(index.terms(of: kind).sorted { index.articles(for: $0.id).count > index.articles(for: $1.id).count }.prefix(n))
        }
        let rows = top(.company, companies), columns = top(.technology, technologies)
        guard !rows.isEmpty, !columns.isEmpty else { return "" }
        let cell = 30, left = 220, headerHeight = 170
        let width = left + columns.count * cell + 20, height = headerHeight + rows.count * cell + 10
        var cells: [[Int]] = []
        var maxValue = 1
        for row in rows {
            let line = columns.map { index.coOccurrences(row.id, $0.id) }
            maxValue = max(maxValue, line.max() ?? 0)
            cells.append(line)
        }
        var svg = header(width: width, height: height, title: "Companies and the technologies their articles mention")
        for (c, column) in columns.enumerated() {
            let x = left + c * cell + cell / 2
            svg += "<a href=\"\(escape(link(column.id)))\"><text transform=\"translate(\(x + 4),\(headerHeight - 6)) rotate(-55)\" class=\"chart-label\">\(escape(column.name))</text></a>"
            svg += "<line x1=\"\(x)\" y1=\"\(headerHeight)\" x2=\"\(x)\" y2=\"\(headerHeight + rows.count * cell)\" class=\"chart-grid\"/>"
        }
        for (r, row) in rows.enumerated() {
            let y = headerHeight + r * cell + cell / 2
            svg += "<a href=\"\(escape(link(row.id)))\"><text x=\"\(left - 8)\" y=\"\(y + 4)\" text-anchor=\"end\" class=\"chart-label\">\(escape(row.name))</text></a>"
            svg += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(left + columns.count * cell)\" y2=\"\(y)\" class=\"chart-grid\"/>"
            for (c, value) in cells[r].enumerated() where value > 0 {
                let x = left + c * cell + cell / 2
                let radius = 2.5 + 10.5 * (Double(value) / Double(maxValue)).squareRoot()
                svg += "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"\(format(radius))\" class=\"chart-dot\"><title>\(escape(row.name)) × \(escape(columns[c].name)): \(value) article\(value == 1 ? "" : "s")</title></circle>"
            }
        }
        return svg + "</svg>"
    }

    /// The places with coordinates inside the China region, on an equirectangular projection
    /// (longitude 97–123° E, latitude 18–42° N), labelled, sized by article count.
    public static func cityMap(_ index: TaxonomyIndex, link: (TermID) -> String) -> String {
        let minLon = 97.0, maxLon = 123.0, minLat = 18.0, maxLat = 42.0
        let scale = 26.0
        let width = Int((maxLon - minLon) * scale), height = Int((maxLat - minLat) * scale)
        func x(_ lon: Double) -> Double { (lon - minLon) * scale }
        func y(_ lat: Double) -> Double { (maxLat - lat) * scale }
        let places = index.terms(of: .place).compactMap { term -> (Term, Coordinates, Int)? in
            guard let c = term.coordinates, (minLon...maxLon).contains(c.longitude), (minLat...maxLat).contains(c.latitude) else { return nil }
            return (term, c, index.articles(for: term.id).count)
        }.sorted { $0.2 > $1.2 }
        let maxCount = max(places.first?.2 ?? 1, 1)
        var svg = header(width: width, height: height, title: "Places in China named in the reports (coordinates from GeoNames)")
        svg += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" class=\"map-sea\"/>"
        var lon = 100.0
        while lon <= 120 {
            svg += "<line x1=\"\(format(x(lon)))\" y1=\"0\" x2=\"\(format(x(lon)))\" y2=\"\(height)\" class=\"chart-grid\"/><text x=\"\(format(x(lon) + 3))\" y=\"\(height - 4)\" class=\"map-axis\">\(Int(lon))°E</text>"
            lon += 5
        }
        var lat = 20.0
        while lat <= 40 {
            svg += "<line x1=\"0\" y1=\"\(format(y(lat)))\" x2=\"\(width)\" y2=\"\(format(y(lat)))\" class=\"chart-grid\"/><text x=\"3\" y=\"\(format(y(lat) - 3))\" class=\"map-axis\">\(Int(lat))°N</text>"
            lat += 5
        }
        // Labels for the most-mentioned places; the rest are dots with a tooltip.
        for (rank, (term, c, count)) in places.enumerated().reversed() {
            let radius = 3 + 9 * (Double(count) / Double(maxCount)).squareRoot()
            svg += "<a href=\"\(escape(link(term.id)))\"><circle cx=\"\(format(x(c.longitude)))\" cy=\"\(format(y(c.latitude)))\" r=\"\(format(radius))\" class=\"map-dot\"><title>\(escape(term.name)): \(count) article\(count == 1 ? "" : "s")</title></circle>"
            if rank < 24 {
                svg += "<text x=\"\(format(x(c.longitude) + radius + 2))\" y=\"\(format(y(c.latitude) + 4))\" class=\"map-label\">\(escape(term.name))</text>"
            }
            svg += "</a>"
        }
        return svg + "</svg>"
    }

    /// Every chart links its marks to term pages, so it keeps the SVG's own role (a graphics
    /// document, labelled) rather than `img`, which may not hold links.
    private static func header(width: Int, height: Int, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>"
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Escapes text for SVG/XML content and attributes.
    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}
