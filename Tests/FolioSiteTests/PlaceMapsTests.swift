import FolioCore
import FolioEntities
@testable import FolioSite
import Foundation
import Testing

/// The maps of the places index: projections, clipping, label placement, the base map file and
/// the maps on the site built from the repository's corpus.
@Suite struct PlaceMapsTests {
    static let repository = SiteFixture.repository
    static let data = repository.appendingPathComponent("Content/data")

    @Test func equalEarthAndAzimuthalProjectionsGiveTheirKnownValues() {
        let origin = MapProjection.equalEarth.project(MapPoint(longitude: 0, latitude: 0))
        #expect(abs(origin.x) < 1e-12 && abs(origin.y) < 1e-12)
        // The equator's end: 2√3π / (3·A1) on the unit sphere.
        let east = MapProjection.equalEarth.project(MapPoint(longitude: 180, latitude: 0))
        #expect(abs(east.x - 2 * 3.0.squareRoot() * .pi / (3 * 1.340264)) < 1e-9)
        let north = MapProjection.equalEarth.project(MapPoint(longitude: 0, latitude: 90))
        #expect(abs(north.y - 1.3173627591574) < 1e-6)
        // Lambert azimuthal: the centre at the origin, a point 90° away at √2.
        let centre = MapPoint(longitude: 105, latitude: 35)
        let here = MapProjection.azimuthal(centre: centre).project(centre)
        #expect(abs(here.x) < 1e-12 && abs(here.y) < 1e-12)
        let pole = MapProjection.azimuthal(centre: MapPoint(longitude: 0, latitude: 0)).project(MapPoint(longitude: 0, latitude: 90))
        #expect(abs(pole.y - 2.0.squareRoot()) < 1e-9 && abs(pole.x) < 1e-12)
    }

    @Test func ringsAreClippedToTheBoxBeforeProjection() {
        let box = GeoBox(west: 0, south: 0, east: 10, north: 10)
        let ring = [MapPoint(longitude: -5, latitude: 2), MapPoint(longitude: 5, latitude: 2), MapPoint(longitude: 5, latitude: 20), MapPoint(longitude: -5, latitude: 20)]
        let clipped = MapFrame.clip(ring, to: box)
        #expect(clipped.allSatisfy { box.contains($0) })
        let corners = Set(clipped.map { "\($0.longitude),\($0.latitude)" })
        #expect(corners == ["0.0,2.0", "5.0,2.0", "5.0,10.0", "0.0,10.0"])
        // A ring wholly outside leaves nothing to draw.
        let frame = MapFrame(projection: .equalEarth, window: box, width: 100)
        #expect(frame.path([[MapPoint(longitude: 40, latitude: 40), MapPoint(longitude: 41, latitude: 40), MapPoint(longitude: 41, latitude: 41)]]).isEmpty)
        #expect(frame.path([ring]).hasPrefix("M"))
    }

    @Test func pathNumbersAreWrittenAsTheirStringFormsAre() {
        // Whole pixels as `String(Int)` writes them, tenths as `format` does, signs and rounding included.
        for value in [-1234.56, -10.05, -0.04, -0.05, 0, 0.04, 0.05, 0.95, 9.99, 12.5, 40, 359.96, 1e6 + 0.25] {
            var tenths: [UInt8] = []
            MapFrame.appendTenths(value, to: &tenths)
            #expect(String(decoding: tenths, as: UTF8.self) == MapFrame.format(value), "\(value)")
            var whole: [UInt8] = []
            NumberText.append(Int(value.rounded()), radix: 10, to: &whole)
            #expect(String(decoding: whole, as: UTF8.self) == String(Int(value.rounded())), "\(value)")
        }
        // A ring touching the box's edge is clipped, not dropped; one just beyond it is dropped.
        let box = GeoBox(west: 0, south: 0, east: 10, north: 10)
        let touching = [MapPoint(longitude: -4, latitude: 1), MapPoint(longitude: 0, latitude: 5), MapPoint(longitude: -4, latitude: 9)]
        #expect(MapFrame.clip(touching, to: box).allSatisfy { $0.longitude == 0 })
        let beyond = touching.map { MapPoint(longitude: $0.longitude - 0.001, latitude: $0.latitude) }
        #expect(MapFrame.clip(beyond, to: box).isEmpty)
    }

    @Test func placedLabelsNeverOverlapEachOtherADotOrTheEdge() {
        // 300 dots spread over a crowded 400 × 300 picture on a fixed pattern.
        var dots: [(x: Double, y: Double)] = []
        for i in 0..<300 {
            let x = (i * 137) % 400, y = (i * 91 + i / 7) % 300
            dots.append((Double(x), Double(y)))
        }
        let boxes = dots.map { LabelPlacer.Box(x0: $0.x - 3, y0: $0.y - 3, x1: $0.x + 3, y1: $0.y + 3) }
        var placer = LabelPlacer(width: 400, height: 300, taken: boxes)
        var placed: [(dot: Int, box: LabelPlacer.Box)] = []
        for (i, dot) in dots.enumerated() where placer.place("Place \(i)", x: dot.x, y: dot.y, radius: 3, fontSize: 11) != nil {
            placed.append((i, placer.labels.last!))
        }
        #expect(placed.count > 20 && placed.count < 300)
        for (n, label) in placed.enumerated() {
            let a = label.box
            #expect(a.x0 >= 0 && a.y0 >= 0 && a.x1 <= 400 && a.y1 <= 300)
            for other in placed[(n + 1)...] { #expect(!a.overlaps(other.box)) }
            for (j, dot) in boxes.enumerated() where j != label.dot && a.overlaps(dot) {
                Issue.record("the label of dot \(label.dot) covers dot \(j)")
            }
        }
    }

    @Test func theBaseMapHoldsTheWorldsCountries() throws {
        let map = try #require(try BaseMap.load(from: Self.data, displayDirectory: "Content/data"))
        #expect(map.countries.count >= 170)
        let china = try #require(map.country(named: "China"))
        #expect(china.bounds.contains(MapPoint(longitude: 106.55771, latitude: 29.56026)))
        #expect(map.source.contains("Natural Earth"))
    }

    /// With a build cache, the outlines read from the same bytes come from the cache, point for
    /// point the same; changed bytes are parsed again, and a broken file is still an error.
    @Test func theBaseMapReadOnceComesFromTheCache() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-basemap-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(BaseMap.fileName)
        try FileManager.default.copyItem(at: Self.data.appendingPathComponent(BaseMap.fileName), to: file)
        let cache = BuildCache(directory: nil)
        let parsed = try #require(try BaseMap.load(from: folder, displayDirectory: "Content/data", cache: cache))
        var builder = CacheKeyBuilder(BaseMap.cacheNamespace)
        builder.add(try Data(contentsOf: file))
        let key = builder.key()
        let stored = try #require(cache.value(BaseMap.cacheNamespace, key))
        let kept = try #require(try BaseMap.load(from: folder, displayDirectory: "Content/data", cache: cache))
        #expect(kept.digest == parsed.digest)
        #expect(kept.source == parsed.source)
        #expect(kept.countries.map(\.name) == parsed.countries.map(\.name))
        #expect(kept.countries.map(\.rings) == parsed.countries.map(\.rings))
        #expect(kept.countries.map(\.bounds) == parsed.countries.map(\.bounds))
        // What the cache holds is what is used: another map stored under the same bytes is read.
        let square = BaseMap(countries: [.init(name: "Square", rings: [[MapPoint(longitude: 0, latitude: 0), MapPoint(longitude: 1, latitude: 1)]], bounds: try #require(GeoBox(enclosing: [MapPoint(longitude: 0, latitude: 0), MapPoint(longitude: 1, latitude: 1)])))], source: "Test")
        cache.store(BaseMap.cacheNamespace, key, square.archived)
        #expect(try BaseMap.load(from: folder, displayDirectory: "Content/data", cache: cache)?.countries.map(\.name) == ["Square"])
        cache.store(BaseMap.cacheNamespace, key, stored)

        let small = #"{"source": "Test", "countries": [{"name": "Square", "rings": [[0, 0, 1, 0, 1, 1, 0, 0]]}]}"#
        try Data(small.utf8).write(to: file)
        let changed = try #require(try BaseMap.load(from: folder, displayDirectory: "Content/data", cache: cache))
        #expect(changed.countries.map(\.name) == ["Square"])
        #expect(changed.digest != parsed.digest)
        try Data("{\"countries\": 3}".utf8).write(to: file)
        #expect(throws: DiagnosticError.self) { _ = try BaseMap.load(from: folder, displayDirectory: "Content/data", cache: cache) }
    }

    @Test func aBrokenBaseMapIsAnErrorThatNamesTheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-basemap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try BaseMap.load(from: folder, displayDirectory: "Content/data") == nil)
        try Data("{\"countries\": [{\"name\": 3}]}".utf8).write(to: folder.appendingPathComponent(BaseMap.fileName))
        #expect {
            _ = try BaseMap.load(from: folder, displayDirectory: "Content/data")
        } throws: { error in
            let diagnostic = (error as? DiagnosticError)?.diagnostic
            return diagnostic?.code == "EN001" && diagnostic?.location?.file == "Content/data/basemap.json" && diagnostic?.hint?.contains("make_basemap.py") == true
        }
    }

    /// A locator map comes from the build cache when the place, its country and the base map are
    /// the same, and is drawn again when any of them changes; drawn or cached, it is the same map.
    @Test func locatorMapsAreDrawnOnceForTheSamePlaceAndBaseMap() throws {
        let gazetteers = try Gazetteers.load(from: Self.data)
        let map = try #require(try BaseMap.load(from: Self.data, displayDirectory: "Content/data"))
        #expect(map.digest != nil)
        let index = TaxonomyIndex(gazetteers: gazetteers, articles: [:], termsByPage: [:])
        let cache = BuildCache(directory: nil)
        let cached = PlaceMaps(index: index, baseMap: map, cache: cache), plain = PlaceMaps(index: index, baseMap: map)
        let places = ["Chongqing", "Sichuan", "Germany", "Shanghai"].compactMap { gazetteers.term(kind: .place, named: $0) }
        #expect(places.count == 4)
        for place in places {
            let drawn = try #require(plain.locator(for: place))
            #expect(cached.locator(for: place) == drawn, "first drawn")
            #expect(cached.locator(for: place) == drawn, "then cached")
        }
        // The entry is what a later build shows: plant one and see it come back.
        let chongqing = places[0]
        var key = CacheKeyBuilder(PlaceMaps.locatorNamespace)
        key.add(try #require(map.digest))
        for text in [chongqing.name, chongqing.type ?? "", chongqing.coordinates?.basis ?? "", cached.countryName(of: chongqing) ?? ""] { key.add(text) }
        key.add(Int(truncatingIfNeeded: try #require(chongqing.coordinates).longitude.bitPattern))
        key.add(Int(truncatingIfNeeded: try #require(chongqing.coordinates).latitude.bitPattern))
        cache.store(PlaceMaps.locatorNamespace, key.key(), Data("planted".utf8))
        #expect(cached.locator(for: chongqing) == "planted")
        // Another point, or another base map, is drawn afresh.
        var moved = chongqing
        moved.coordinates?.longitude += 1
        #expect(cached.locator(for: moved) == plain.locator(for: moved))
        var otherMap = map
        otherMap.digest = Data([1, 2, 3])
        #expect(PlaceMaps(index: index, baseMap: otherMap, cache: cache).locator(for: chongqing) == plain.locator(for: chongqing))
    }

    /// Every place an article of the corpus names can be drawn, and a point that is not the
    /// place's own says what it is.
    @Test func everyPlaceTheCorpusNamesHasAPoint() throws {
        let gazetteers = try Gazetteers.load(from: Self.data)
        var named: Set<String> = []
        let articles = Self.repository.appendingPathComponent("Content/articles")
        for case let url as URL in FileManager.default.enumerator(at: articles, includingPropertiesForKeys: nil)! where url.pathExtension == "md" {
            let text = try String(contentsOf: url, encoding: .utf8)
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("cities: [") }) else { continue }
            for match in line.matches(of: /"([^"]+)"/) { named.insert(String(match.1)) }
        }
        #expect(named.count > 100)
        for name in named {
            let term = try #require(gazetteers.term(kind: .place, named: name), "\(name)")
            let c = try #require(term.coordinates, "\(name) has no coordinates")
            // A province's point is a city's: its capital or, abroad, its principal city.
            if term.type == "province" && c.source == "GeoNames" {
                #expect(c.basis.map { $0.hasPrefix("capital, ") || $0.hasPrefix("principal city, ") } == true, "\(name): \(c.basis ?? "own point")")
            }
        }
    }

    /// The maps of the corpus site: two overview maps with land and a dot per place, and a
    /// locator map on every place page.
    @Test func theCorpusSiteDrawsItsMaps() throws {
        let site = try OpenDataTests.built.get().deletingLastPathComponent()
        let overview = try String(contentsOf: site.appendingPathComponent("cities/index.html"), encoding: .utf8)
        #expect(overview.components(separatedBy: "class=\"chart map\"").count - 1 == 2)
        #expect(overview.components(separatedBy: "class=\"map-dot\"").count - 1 > 150)
        #expect(overview.contains("class=\"map-land\"") && overview.contains("map-labels--narrow"))
        let places = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("cities").path).filter { !$0.contains(".") }
        #expect(places.count > 100)
        for place in places {
            let page = try String(contentsOf: site.appendingPathComponent("cities/\(place)/index.html"), encoding: .utf8)
            guard page.contains("term__header") else { continue } // a redirect
            #expect(page.contains("<figure class=\"term__map\">"), "\(place) has no locator map")
        }
        let sichuan = try String(contentsOf: site.appendingPathComponent("cities/sichuan/index.html"), encoding: .utf8)
        #expect(sichuan.contains("Sichuan, drawn at its capital, Chengdu (dot), in China (shaded)."))
        let germany = try String(contentsOf: site.appendingPathComponent("cities/germany/index.html"), encoding: .utf8)
        #expect(germany.contains("Germany (shaded) and its neighbours."))
    }

    /// The regional map follows the reports, not this corpus: a report about Germany gets Germany
    /// and its neighbours, even beside articles that name China.
    @Test func theRegionalMapShowsTheCountryTheArticlesNameMost() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let fm = FileManager.default
        let data = fixture.root.appendingPathComponent("Content/data")
        try fm.createDirectory(at: data, withIntermediateDirectories: true)
        for file in ["companies.yml", "sdgs.yml", "technologies.yml", BaseMap.fileName] {
            try fm.copyItem(at: Self.data.appendingPathComponent(file), to: data.appendingPathComponent(file))
        }
        try fixture.write("""
            - name: "China"
              type: country
              coordinates: {lat: 36.61, lon: 103.87, source: Natural Earth}
            - name: "Germany"
              type: country
              coordinates: {lat: 51.13, lon: 10.29, source: Natural Earth}
            - name: "Berlin"
              type: city
              parent: "Germany"
              coordinates: {lat: 52.52437, lon: 13.41053, source: GeoNames, geonames_id: 2950159}
            - name: "Munich"
              type: city
              parent: "Germany"
              coordinates: {lat: 48.13743, lon: 11.57549, source: GeoNames, geonames_id: 2867714}
            - name: "Hamburg"
              type: city
              parent: "Germany"
              coordinates: {lat: 53.57532, lon: 10.01534, source: GeoNames, geonames_id: 2911298}

            """, to: "Content/data/cities.yml")
        try fixture.write("""
            ---
            title: "Factories in Germany"
            document: leiden-2023
            order: 3
            cities: ["Germany", "Berlin", "Munich", "Hamburg"]
            ---

            # Factories in Germany

            Plants in Berlin, Munich and Hamburg run connected machines across Germany.

            """, to: "Content/articles/leiden-2023/03-germany.md")
        let (config, _) = try FolioConfig.load(from: fixture.root.appendingPathComponent("folio.yml").path)
        let result = try SiteBuilder().build(.init(projectRoot: fixture.root, config: config))
        #expect(!result.failed, "\(result.diagnostics.filter { $0.severity == .error })")
        let overview = try fixture.read("cities/index.html")
        #expect(overview.contains("aria-label=\"Places in and around Germany named in the reports\""))
        #expect(!overview.contains("Places in and around China"))
        let berlin = try fixture.read("cities/berlin/index.html")
        #expect(berlin.contains("Berlin (dot), in Germany (shaded)."))
    }
}
