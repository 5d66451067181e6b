import FolioCore
import Foundation

/// Country outlines for the maps Folio draws, read from `Content/data/basemap.json`
/// (Natural Earth's 1:110m countries, public domain; written by `Content/data/tools/make_basemap.py`).
public struct BaseMap: Sendable {
    /// One country: its name (as `cities.yml` spells it) and its outline rings.
    public struct Country: Sendable {
        public var name: String
        /// Closed rings of (longitude, latitude) in degrees.
        public var rings: [[MapPoint]]
        /// The smallest longitude/latitude box holding every ring.
        public var bounds: GeoBox
    }

    /// The file's name inside `Content/data/`.
    public static let fileName = "basemap.json"

    public var countries: [Country]
    /// Where the outlines come from, for captions.
    public var source: String
    /// A digest of the file the map was read from; nil for a map made in code. Drawings of the
    /// map are cached under it.
    public var digest: Data?

    private let byName: [String: Int]

    public init(countries: [Country], source: String) {
        self.countries = countries
        self.source = source
        byName = Dictionary(countries.enumerated().map { ($1.name.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The country of this name (case-insensitive), if the map has it.
    public func country(named name: String) -> Country? { byName[name.lowercased()].map { countries[$0] } }

    /// Reads `basemap.json` from `directory`; nil when the project has none (maps are then
    /// drawn without land). With a build cache, the outlines read from the same bytes before are
    /// taken from the cache instead of parsing the JSON again.
    /// - Throws: a `EN001` diagnostic naming the file when it exists but cannot be read.
    public static func load(from directory: URL, displayDirectory: String, cache: BuildCache? = nil) throws(DiagnosticError) -> BaseMap? {
        let url = directory.appendingPathComponent(fileName)
        let display = "\(displayDirectory)/\(fileName)"
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        func failure(_ message: String) -> DiagnosticError {
            DiagnosticError(Diagnostic(
                code: "EN001", severity: .error, message: message, location: SourceLocation(file: display, line: 1),
                hint: "regenerate it with `python3 Content/data/tools/make_basemap.py`, or delete it to draw maps without land"))
        }
        let bytes: Data
        do {
            bytes = try Data(contentsOf: url)
        } catch {
            throw failure("the base map is not readable JSON: \(error.localizedDescription)")
        }
        var digest = CacheKeyBuilder(cacheNamespace)
        digest.add(bytes)
        let key = digest.key()
        if let cache, let data = cache.value(cacheNamespace, key), var map = BaseMap.unarchived(data) {
            map.digest = key.bytes
            return map
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: bytes)
        } catch {
            throw failure("the base map is not readable JSON: \(error.localizedDescription)")
        }
        guard let root = object as? [String: Any], let entries = root["countries"] as? [[String: Any]] else {
            throw failure("the base map needs a `countries` list")
        }
        var countries: [Country] = []
        for (position, entry) in entries.enumerated() {
            guard let name = entry["name"] as? String, let flatRings = entry["rings"] as? [[Double]] else {
                throw failure("country \(position + 1) needs a `name` and `rings` of numbers")
            }
            var rings: [[MapPoint]] = []
            for flat in flatRings where flat.count >= 6 && flat.count.isMultiple(of: 2) {
                rings.append(stride(from: 0, to: flat.count, by: 2).map { MapPoint(longitude: flat[$0], latitude: flat[$0 + 1]) })
            }
            guard let bounds = GeoBox(enclosing: rings.joined()) else { continue }
            countries.append(Country(name: name, rings: rings, bounds: bounds))
        }
        var map = BaseMap(countries: countries, source: root["source"] as? String ?? "Natural Earth")
        map.digest = key.bytes
        cache?.store(cacheNamespace, key, map.archived)
        return map
    }

    /// The build cache's namespace of base maps read, under the digest of their file's bytes.
    static let cacheNamespace = "base-map"
}

extension BaseMap: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(source)
        archive.write(countries.count)
        for country in countries {
            archive.write(country.name)
            archive.write(country.rings.count)
            for ring in country.rings {
                archive.write(ring.count)
                for point in ring {
                    archive.write(point.longitude)
                    archive.write(point.latitude)
                }
            }
        }
    }

    public init(from archive: inout ArchiveReader) throws {
        let source = try archive.readString()
        var countries: [Country] = []
        for _ in 0..<(try archive.readCount()) {
            let name = try archive.readString()
            var rings: [[MapPoint]] = []
            for _ in 0..<(try archive.readCount()) {
                let count = try archive.readCount()
                var ring: [MapPoint] = []
                ring.reserveCapacity(count)
                for _ in 0..<count {
                    let longitude = try archive.readDouble()
                    ring.append(MapPoint(longitude: longitude, latitude: try archive.readDouble()))
                }
                rings.append(ring)
            }
            guard let bounds = GeoBox(enclosing: rings.joined()) else { throw ArchiveError.damaged }
            countries.append(Country(name: name, rings: rings, bounds: bounds))
        }
        self.init(countries: countries, source: source)
    }
}

/// A diagnostic carried as an error, for loaders that report one problem.
public struct DiagnosticError: Error, Sendable {
    public var diagnostic: Diagnostic
    public init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}

/// A point on the globe, in degrees.
public struct MapPoint: Sendable, Equatable {
    public var longitude: Double
    public var latitude: Double
    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }
}

/// A longitude/latitude box, in degrees (never across the antimeridian).
public struct GeoBox: Sendable, Equatable {
    public var west: Double, south: Double, east: Double, north: Double

    public init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west
        self.south = south
        self.east = east
        self.north = north
    }

    /// The box around `points`; nil when there are none.
    public init?(enclosing points: some Sequence<MapPoint>) {
        var west = Double.infinity, south = Double.infinity, east = -Double.infinity, north = -Double.infinity
        for p in points {
            west = min(west, p.longitude); east = max(east, p.longitude)
            south = min(south, p.latitude); north = max(north, p.latitude)
        }
        guard west <= east else { return nil }
        self.init(west: west, south: south, east: east, north: north)
    }

    public func contains(_ p: MapPoint) -> Bool {
        (west...east).contains(p.longitude) && (south...north).contains(p.latitude)
    }

    public func intersects(_ other: GeoBox) -> Bool {
        west <= other.east && other.west <= east && south <= other.north && other.south <= north
    }
}
