import Foundation

/// A map projection from longitude/latitude to plane coordinates (unit sphere, y up).
public enum MapProjection: Sendable, Equatable {
    /// Equal Earth (Šavrič, Patterson and Jenny, 2018): an equal-area world map.
    case equalEarth
    /// Lambert azimuthal equal-area, centred on a point: true shapes and areas around it, for
    /// regional and locator maps.
    case azimuthal(centre: MapPoint)

    /// The plane point of `p`.
    public func project(_ p: MapPoint) -> (x: Double, y: Double) {
        switch self {
        case .equalEarth:
            let lambda = p.longitude * .pi / 180, phi = p.latitude * .pi / 180
            let a1 = 1.340264, a2 = -0.081106, a3 = 0.000893, a4 = 0.003796
            let theta = asin(3.0.squareRoot() / 2 * sin(phi))
            let t2 = theta * theta, t6 = t2 * t2 * t2
            let x = 2 * 3.0.squareRoot() * lambda * cos(theta) / (3 * (9 * a4 * t6 * t2 + 7 * a3 * t6 + 3 * a2 * t2 + a1))
            let y = theta * (a4 * t6 * t2 + a3 * t6 + a2 * t2 + a1)
            return (x, y)
        case let .azimuthal(centre):
            return Centre(centre).project(p)
        }
    }

    /// The centre of an azimuthal projection with its sine and cosine worked out once, for the
    /// many points of one map; the same arithmetic as ``project(_:)``, so the same results.
    struct Centre: Sendable {
        let lambda0: Double, sinPhi1: Double, cosPhi1: Double

        init(_ centre: MapPoint) {
            lambda0 = centre.longitude * .pi / 180
            let phi1 = centre.latitude * .pi / 180
            sinPhi1 = sin(phi1)
            cosPhi1 = cos(phi1)
        }

        func project(_ p: MapPoint) -> (x: Double, y: Double) {
            let lambda = p.longitude * .pi / 180, phi = p.latitude * .pi / 180
            let sinPhi = sin(phi), cosPhi = cos(phi), delta = lambda - lambda0, cosDelta = cos(delta)
            let cosC = sinPhi1 * sinPhi + cosPhi1 * cosPhi * cosDelta
            let k = (2 / max(1 + cosC, 1e-9)).squareRoot()
            return (k * cosPhi * sin(delta), k * (cosPhi1 * sinPhi - sinPhi1 * cosPhi * cosDelta))
        }
    }
}

/// A projection fitted to a picture: a longitude/latitude window drawn `width` pixels wide.
/// Outlines are clipped to a box somewhat larger than the window before they are projected, so
/// land reaches the picture's edges, which crop it.
public struct MapFrame: Sendable {
    public let projection: MapProjection
    public let window: GeoBox
    /// What outlines are clipped to: the window and a margin around it.
    public let clipBox: GeoBox
    public let width: Double
    public let height: Double
    private let minX: Double, maxY: Double, scale: Double
    /// The azimuthal projection's centre, prepared once for ``point(_:)``.
    private let centre: MapProjection.Centre?

    public init(projection: MapProjection, window: GeoBox, width: Double) {
        self.projection = projection
        self.window = window
        self.width = width
        if case let .azimuthal(point) = projection { centre = MapProjection.Centre(point) } else { centre = nil }
        switch projection {
        case .equalEarth:
            clipBox = window
        case let .azimuthal(centre):
            // Far from the centre an azimuthal projection bends land around the picture; the
            // margin stays within 75° of it.
            let marginX = max((window.east - window.west) / 3, 4), marginY = max((window.north - window.south) / 3, 4)
            clipBox = GeoBox(
                west: max(window.west - marginX, centre.longitude - 75, -180), south: max(window.south - marginY, centre.latitude - 75, -89),
                east: min(window.east + marginX, centre.longitude + 75, 180), north: min(window.north + marginY, centre.latitude + 75, 89))
        }
        // The window's edge, sampled, bounds the projected picture.
        var xs: [Double] = [], ys: [Double] = []
        let steps = 24
        for i in 0...steps {
            let t = Double(i) / Double(steps)
            let lon = window.west + (window.east - window.west) * t, lat = window.south + (window.north - window.south) * t
            for p in [MapPoint(longitude: lon, latitude: window.south), MapPoint(longitude: lon, latitude: window.north),
                      MapPoint(longitude: window.west, latitude: lat), MapPoint(longitude: window.east, latitude: lat)] {
                let q = projection.project(p)
                xs.append(q.x); ys.append(q.y)
            }
        }
        minX = xs.min() ?? 0
        maxY = ys.max() ?? 0
        let spanX = max((xs.max() ?? 1) - minX, 1e-9), spanY = max(maxY - (ys.min() ?? 0), 1e-9)
        scale = width / spanX
        height = (spanY * scale).rounded()
    }

    /// The picture position of `p` (y grows downwards).
    public func point(_ p: MapPoint) -> (x: Double, y: Double) {
        let q = centre?.project(p) ?? projection.project(p)
        return ((q.x - minX) * scale, (maxY - q.y) * scale)
    }

    /// A small picture (a locator map) needs far fewer points, and whole pixels.
    private var isSmall: Bool { width <= 400 }

    /// The smallest step drawn, in pixels: a point closer than this to the last one drawn is
    /// skipped.
    var step: Double { isSmall ? 1.5 : 0.6 }

    /// Appends a picture position as path coordinates: whole pixels on a small picture, else
    /// tenths (``format(_:)``), the two numbers separated by a space.
    private func appendCoordinates(_ q: (x: Double, y: Double), to out: inout [UInt8]) {
        if isSmall {
            NumberText.append(Int(q.x.rounded()), radix: 10, to: &out)
            out.append(0x20)
            NumberText.append(Int(q.y.rounded()), radix: 10, to: &out)
        } else {
            Self.appendTenths(q.x, to: &out)
            out.append(0x20)
            Self.appendTenths(q.y, to: &out)
        }
    }

    /// An SVG path of the rings, clipped to the window; empty when nothing is inside. Written as
    /// bytes: a locator map has thousands of points, and a string per number dominated its cost.
    public func path(_ rings: [[MapPoint]]) -> String {
        var d: [UInt8] = []
        var part: [UInt8] = []
        let step = self.step
        for ring in rings {
            let clipped = Self.clip(ring, to: clipBox)
            guard clipped.count >= 3 else { continue }
            part.removeAll(keepingCapacity: true)
            var count = 0
            var last = (x: Double.infinity, y: Double.infinity)
            for p in clipped {
                let q = point(p)
                guard abs(q.x - last.x) >= step || abs(q.y - last.y) >= step else { continue }
                part.append(count == 0 ? 0x4D : 0x4C) // M, L
                appendCoordinates(q, to: &part)
                last = q
                count += 1
            }
            // A ring smaller than a few pixels is not drawn.
            if count >= 3 {
                d += part
                d.append(0x5A) // Z
            }
        }
        return String(decoding: d, as: UTF8.self)
    }

    /// A line of constant longitude or latitude across the window, as an SVG path.
    public func graticule(longitude: Double? = nil, latitude: Double? = nil) -> String {
        var points: [MapPoint] = []
        let box = clipBox
        if let longitude, (box.west...box.east).contains(longitude) {
            points = stride(from: box.south, through: box.north, by: 2).map { MapPoint(longitude: longitude, latitude: $0) }
        } else if let latitude, (box.south...box.north).contains(latitude) {
            points = stride(from: box.west, through: box.east, by: 2).map { MapPoint(longitude: $0, latitude: latitude) }
        }
        var d: [UInt8] = []
        for (i, p) in points.enumerated() {
            d.append(i == 0 ? 0x4D : 0x4C) // M, L
            appendCoordinates(point(p), to: &d)
        }
        return String(decoding: d, as: UTF8.self)
    }

    /// Sutherland–Hodgman clipping of a ring to a longitude/latitude box.
    static func clip(_ ring: [MapPoint], to box: GeoBox) -> [MapPoint] {
        guard let bounds = GeoBox(enclosing: ring) else { return [] }
        if box.west <= bounds.west, bounds.east <= box.east, box.south <= bounds.south, bounds.north <= box.north {
            return ring
        }
        // Wholly beyond one edge: every point is outside it, so nothing is left.
        if bounds.east < box.west || bounds.west > box.east || bounds.north < box.south || bounds.south > box.north {
            return []
        }
        typealias Edge = (inside: (MapPoint) -> Bool, cross: (MapPoint, MapPoint) -> MapPoint)
        func atLongitude(_ lon: Double) -> (MapPoint, MapPoint) -> MapPoint {
            { a, b in
                let t = (lon - a.longitude) / (b.longitude - a.longitude)
                return MapPoint(longitude: lon, latitude: a.latitude + t * (b.latitude - a.latitude))
            }
        }
        func atLatitude(_ lat: Double) -> (MapPoint, MapPoint) -> MapPoint {
            { a, b in
                let t = (lat - a.latitude) / (b.latitude - a.latitude)
                return MapPoint(longitude: a.longitude + t * (b.longitude - a.longitude), latitude: lat)
            }
        }
        let edges: [Edge] = [
            ({ $0.longitude >= box.west }, atLongitude(box.west)),
            ({ $0.longitude <= box.east }, atLongitude(box.east)),
            ({ $0.latitude >= box.south }, atLatitude(box.south)),
            ({ $0.latitude <= box.north }, atLatitude(box.north)),
        ]
        var output = ring
        for edge in edges {
            guard let last = output.last else { break }
            let input = output
            output = []
            var previous = last
            for current in input {
                if edge.inside(current) {
                    if !edge.inside(previous) { output.append(edge.cross(previous, current)) }
                    output.append(current)
                } else if edge.inside(previous) {
                    output.append(edge.cross(previous, current))
                }
                previous = current
            }
        }
        return output
    }

    /// Appends `value` as ``format(_:)`` writes it.
    static func appendTenths(_ value: Double, to out: inout [UInt8]) {
        let tenths = Int((value * 10).rounded())
        if tenths < 0 { out.append(0x2D) }
        NumberText.append(abs(tenths) / 10, radix: 10, to: &out)
        let fraction = abs(tenths) % 10
        if fraction != 0 {
            out.append(0x2E)
            out.append(0x30 + UInt8(fraction))
        }
    }

    /// A coordinate to one decimal (`12.5`, `-3`, `40`), without Foundation's `String(format:)`,
    /// which dominates the cost of drawing maps.
    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let whole = String(abs(tenths) / 10), fraction = abs(tenths) % 10
        let sign = tenths < 0 ? "-" : ""
        return fraction == 0 ? sign + whole : sign + whole + "." + String(fraction)
    }
}
