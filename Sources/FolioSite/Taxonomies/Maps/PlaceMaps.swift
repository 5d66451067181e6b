import FolioCore
import FolioEntities
import Foundation

/// The maps of the places index, drawn at build time as static SVG: country outlines from the
/// ``BaseMap``, a dot per place sized by its articles, and labels placed so that none overlaps
/// another label, a dot or the edge. Every map carries two label sets, one for wide screens and
/// one (fewer, larger) for phones; the style sheet shows the one that fits.
public struct PlaceMaps: Sendable {
    public let index: TaxonomyIndex
    public let baseMap: BaseMap?
    /// Where locator maps drawn by earlier builds are kept.
    public let cache: BuildCache?

    public init(index: TaxonomyIndex, baseMap: BaseMap?, cache: BuildCache? = nil) {
        self.index = index
        self.baseMap = baseMap
        self.cache = cache
    }

    /// The width phones give a map, in CSS pixels, for the phone label set.
    static let phoneWidth = 320.0
    /// The world as the maps show it: every longitude, and the latitudes people live at.
    static let world = GeoBox(west: -180, south: -58, east: 180, north: 84)

    /// A place that is drawn: its own point (not a capital's or a parent's) and its articles.
    struct Mark {
        var term: Term
        var point: MapPoint
        var count: Int
    }

    /// The places whose coordinates are their own, most-mentioned first.
    func marks() -> [Mark] {
        index.terms(of: .place).compactMap { term -> Mark? in
            guard let c = term.coordinates, c.basis == nil else { return nil }
            let count = index.articles(for: term.id).count
            guard count > 0 else { return nil }
            return Mark(term: term, point: MapPoint(longitude: c.longitude, latitude: c.latitude), count: count)
        }.sorted { ($0.count, $1.term.name) > ($1.count, $0.term.name) }
    }

    /// The overview: the country the reports name most, with its neighbours, on an azimuthal
    /// equal-area map, then the world on Equal Earth, each place linked to its page.
    /// - Parameter link: the relative link to a place's page.
    public func overview(link: (TermID) -> String) -> String {
        let marks = marks()
        guard !marks.isEmpty else { return "" }
        let world = MapFrame(projection: .equalEarth, window: Self.world, width: 900)
        var html = ""
        if let (country, frame) = regionalFrame(marks) {
            let inside = marks.filter { frame.window.contains($0.point) }
            html += drawing(frame: frame, marks: inside, title: "Places in and around \(country) named in the reports", focus: [country], link: link)
        }
        html += drawing(frame: world, marks: marks, title: "Places around the world named in the reports", focus: [], link: link)
        let borrowed = index.terms(of: .place).filter { $0.coordinates?.basis != nil && !index.articles(for: $0.id).isEmpty }.count
        html += "<figcaption>Dots are sized by the number of articles; hover or focus one for its name and count. "
        html += "\(marks.count) places are drawn at their own coordinates (GeoNames, CC BY 4.0; country centres from Natural Earth)"
        if borrowed > 0 {
            html += "; \(borrowed) more — provinces, states and regions without coordinates of their own — are shown on their pages at a capital or the centre of their members"
        }
        html += ". Outlines: \(TaxonomyCharts.escape(baseMap?.source ?? "none")), public domain.</figcaption>"
        return html
    }

    /// A small map on a place's page: the place's surroundings with its country shaded and the
    /// place marked; nil when the place has no point.
    ///
    /// A locator depends only on the place's name, type and point, its country and the base map:
    /// one drawn by an earlier build from the same is reused.
    public func locator(for term: Term) -> String? {
        guard let c = term.coordinates else { return nil }
        let focus = [countryName(of: term)].compactMap { $0 }
        guard let cache, baseMap == nil || baseMap?.digest != nil else { return locator(for: term, at: c, focus: focus) }
        var key = CacheKeyBuilder(Self.locatorNamespace)
        key.add(baseMap?.digest ?? Data())
        for text in [term.name, term.type ?? "", c.basis ?? "", focus.first ?? ""] { key.add(text) }
        key.add(Int(truncatingIfNeeded: c.longitude.bitPattern))
        key.add(Int(truncatingIfNeeded: c.latitude.bitPattern))
        let built = key.key()
        if let data = cache.value(Self.locatorNamespace, built) { return String(decoding: data, as: UTF8.self) }
        let drawn = locator(for: term, at: c, focus: focus)
        cache.store(Self.locatorNamespace, built, Data(drawn.utf8))
        return drawn
    }

    /// The build cache's namespace of locator maps.
    static let locatorNamespace = "locator-maps"

    private func locator(for term: Term, at c: Coordinates, focus: [String]) -> String {
        let point = MapPoint(longitude: c.longitude, latitude: c.latitude)
        let span: (lon: Double, lat: Double)
        switch term.type ?? "" {
        case "city", "district", "county": span = (14, 10)
        case "province", "state": span = (20, 14)
        case "country":
            let box = baseMap?.country(named: term.name)?.bounds
            let half = box.map { max(($0.east - $0.west) * 0.8, ($0.north - $0.south) * 1.1, 12) } ?? 24
            span = (min(half, 60), min(half * 0.72, 40))
        default: span = (60, 40)
        }
        let frame: MapFrame
        if span.lon >= 60 {
            frame = MapFrame(projection: .equalEarth, window: Self.world, width: 360)
        } else {
            let window = GeoBox(west: max(point.longitude - span.lon, -180), south: max(point.latitude - span.lat, -85),
                                east: min(point.longitude + span.lon, 180), north: min(point.latitude + span.lat, 85))
            frame = MapFrame(projection: .azimuthal(centre: point), window: window, width: 360)
        }
        var svg = header(frame, title: "Where \(term.name) is", picture: true)
        svg += land(frame, focus: focus)
        let q = frame.point(point)
        svg += "<circle cx=\"\(MapFrame.format(q.x))\" cy=\"\(MapFrame.format(q.y))\" r=\"5\" class=\"map-dot map-dot--here\"/>"
        svg += "</svg>"
        let name = TaxonomyCharts.escape(term.name)
        let caption: String
        if focus.first == term.name {
            caption = "\(name) (shaded) and its neighbours."
        } else {
            let point = c.basis.map { ", drawn at its \(TaxonomyCharts.escape($0)) (dot)" } ?? " (dot)"
            caption = name + point + (focus.first.map { ", in \(TaxonomyCharts.escape($0)) (shaded)." } ?? ".")
        }
        return "<figure class=\"term__map\">\(svg)<figcaption>\(caption)</figcaption></figure>"
    }

    /// The country whose places the articles name most (each place weighted by its articles), and
    /// a frame around its outline; nil without a base map or when no named place lies in a country.
    func regionalFrame(_ marks: [Mark]) -> (String, MapFrame)? {
        var weight: [String: Int] = [:]
        for mark in marks {
            if let country = countryName(of: mark.term) { weight[country, default: 0] += mark.count }
        }
        guard let (name, _) = weight.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
              let outline = baseMap?.country(named: name)?.bounds else { return nil }
        // The outline and a margin (a tenth of its span, at least 4°) so neighbours show.
        let marginX = max((outline.east - outline.west) * 0.1, 4), marginY = max((outline.north - outline.south) * 0.1, 4)
        let window = GeoBox(west: max(outline.west - marginX, -180), south: max(outline.south - marginY, -85),
                            east: min(outline.east + marginX, 180), north: min(outline.north + marginY, 85))
        // A country across the antimeridian (Russia, Fiji) has no useful box: the world map serves.
        guard window.east - window.west < 120 else { return nil }
        let centre = MapPoint(longitude: (window.west + window.east) / 2, latitude: (window.south + window.north) / 2)
        return (name, MapFrame(projection: .azimuthal(centre: centre), window: window, width: 760))
    }

    /// The country a place lies in, following parents; the place itself when it is a country.
    func countryName(of term: Term) -> String? {
        var current: Term? = term
        var seen: Set<String> = []
        while let place = current, seen.insert(place.name).inserted {
            if place.type == "country" || baseMap?.country(named: place.name) != nil { return place.name }
            current = place.parent.flatMap { index.gazetteers.term(kind: .place, named: $0) }
        }
        return nil
    }

    /// An overview map links its dots, so it keeps the SVG's own role; a locator map holds no
    /// link and is one picture (`role="img"`).
    private func header(_ frame: MapFrame, title: String, picture: Bool = false) -> String {
        let w = Int(frame.width), h = Int(frame.height)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart map\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\"\(picture ? " role=\"img\"" : "") aria-label=\"\(TaxonomyCharts.escape(title))\"><title>\(TaxonomyCharts.escape(title))</title>"
            + "<rect width=\"\(w)\" height=\"\(h)\" class=\"map-sea\"/>"
    }

    /// Graticule every 10° (30° on world maps) and the countries, the focused ones shaded.
    private func land(_ frame: MapFrame, focus: [String]) -> String {
        var svg = ""
        let step = frame.window.east - frame.window.west > 120 ? 30.0 : 10.0
        var grid = ""
        for lon in stride(from: (frame.clipBox.west / step).rounded(.up) * step, through: frame.clipBox.east, by: step) {
            grid += frame.graticule(longitude: lon)
        }
        for lat in stride(from: (frame.clipBox.south / step).rounded(.up) * step, through: frame.clipBox.north, by: step) {
            grid += frame.graticule(latitude: lat)
        }
        if !grid.isEmpty { svg += "<path d=\"\(grid)\" class=\"map-graticule\"/>" }
        guard let baseMap else { return svg }
        var plain = "", shaded = ""
        for country in baseMap.countries where country.bounds.intersects(frame.clipBox) {
            let d = frame.path(country.rings)
            guard !d.isEmpty else { continue }
            if focus.contains(where: { $0.caseInsensitiveCompare(country.name) == .orderedSame }) {
                shaded += d
            } else {
                plain += d
            }
        }
        if !plain.isEmpty { svg += "<path d=\"\(plain)\" class=\"map-land\"/>" }
        if !shaded.isEmpty { svg += "<path d=\"\(shaded)\" class=\"map-land map-land--focus\"/>" }
        return svg
    }

    /// One overview map: land, dots (largest last so small ones stay clickable) and both label sets.
    private func drawing(frame: MapFrame, marks: [Mark], title: String, focus: [String], link: (TermID) -> String) -> String {
        let maxCount = Double(max(marks.first?.count ?? 1, 1))
        var svg = header(frame, title: title) + land(frame, focus: focus)
        let placed = marks.map { mark -> (mark: Mark, x: Double, y: Double, r: Double) in
            let q = frame.point(mark.point)
            return (mark, q.x, q.y, 2.5 + 7 * (Double(mark.count) / maxCount).squareRoot())
        }.filter { (0...frame.width).contains($0.x) && (0...frame.height).contains($0.y) }
        for item in placed.reversed() {
            let name = TaxonomyCharts.escape(item.mark.term.name)
            svg += "<a href=\"\(TaxonomyCharts.escape(link(item.mark.term.id)))\"><circle cx=\"\(MapFrame.format(item.x))\" cy=\"\(MapFrame.format(item.y))\" r=\"\(MapFrame.format(item.r))\" class=\"map-dot\"><title>\(name): \(item.mark.count) article\(item.mark.count == 1 ? "" : "s")</title></circle></a>"
        }
        let dots = placed.map { LabelPlacer.Box(x0: $0.x - $0.r, y0: $0.y - $0.r, x1: $0.x + $0.r, y1: $0.y + $0.r) }
        for (variant, fontSize) in [("wide", 11.0), ("narrow", 10 * frame.width / Self.phoneWidth)] {
            var placer = LabelPlacer(width: frame.width, height: frame.height, taken: dots)
            svg += "<g class=\"map-labels map-labels--\(variant)\" style=\"font-size:\(MapFrame.format(fontSize))px\">"
            for item in placed {
                guard let at = placer.place(item.mark.term.name, x: item.x, y: item.y, radius: item.r, fontSize: fontSize) else { continue }
                svg += "<text x=\"\(MapFrame.format(at.x))\" y=\"\(MapFrame.format(at.y))\" class=\"map-label\">\(TaxonomyCharts.escape(item.mark.term.name))</text>"
            }
            svg += "</g>"
        }
        return "<div class=\"map-panel\">" + svg + "</svg></div>"
    }
}

/// Greedy label placement: each label tries eight spots around its dot and takes the first that
/// overlaps no dot, no placed label and stays inside the picture; a label that fits nowhere is left
/// out (its dot keeps its tooltip).
struct LabelPlacer {
    struct Box: Equatable {
        var x0: Double, y0: Double, x1: Double, y1: Double
        func overlaps(_ other: Box) -> Bool { x0 < other.x1 && other.x0 < x1 && y0 < other.y1 && other.y0 < y1 }
    }

    let width: Double
    let height: Double
    /// Dots and labels already on the map.
    var taken: [Box]
    /// Labels placed so far.
    private(set) var labels: [Box] = []

    init(width: Double, height: Double, taken: [Box]) {
        self.width = width
        self.height = height
        self.taken = taken
    }

    /// A generous estimate of the text's width in a wide sans-serif (DejaVu Sans, the fallback on
    /// many systems): capitals about 0.72 em, other letters 0.6 em, spaces 0.32 em.
    static func textWidth(_ text: String, fontSize: Double) -> Double {
        text.reduce(0) { sum, c in sum + (c.isUppercase ? 0.72 : c == " " ? 0.32 : 0.6) } * fontSize
    }

    /// Where to write `text` (left-aligned) beside the dot at (x, y): the start of its baseline, or nil.
    mutating func place(_ text: String, x: Double, y: Double, radius: Double, fontSize: Double) -> (x: Double, y: Double)? {
        let w = Self.textWidth(text, fontSize: fontSize), h = fontSize, gap = radius + 2
        // The label's left and top edges: right, left, above, below, then the four diagonals.
        let spots: [(Double, Double)] = [
            (x + gap, y - h / 2), (x - gap - w, y - h / 2), (x - w / 2, y - gap - h), (x - w / 2, y + gap),
            (x + gap * 0.7, y - gap * 0.7 - h), (x + gap * 0.7, y + gap * 0.7), (x - gap * 0.7 - w, y - gap * 0.7 - h), (x - gap * 0.7 - w, y + gap * 0.7),
        ]
        let own = Box(x0: x - radius, y0: y - radius, x1: x + radius, y1: y + radius)
        for (left, top) in spots {
            let box = Box(x0: left - 1, y0: top - 1, x1: left + w + 1, y1: top + h + 1)
            guard box.x0 >= 0, box.y0 >= 0, box.x1 <= width, box.y1 <= height else { continue }
            guard !taken.contains(where: { $0 != own && $0.overlaps(box) }) else { continue }
            taken.append(box)
            labels.append(box)
            return (left, top + h * 0.8)
        }
        return nil
    }
}
