import Foundation
import Testing

/// The charts and maps of the site built from the repository, measured in headless Chromium with
/// its real fonts at a desktop and a phone width: every label inside its picture, no map label
/// over another, and map labels large enough to read.
@Suite(.serialized, .enabled(if: Chromium.isAvailable, "needs chromium (Debian package `chromium`)"))
struct ChartGeometryTests {
    struct Chart: Decodable {
        var page: String
        /// Labels (SVG `text`) drawn outside their picture, by more than a pixel.
        var outside: [String]
        /// Pairs of map labels that overlap.
        var overlapping: [String]
        var labels: Int
        /// The smallest on-screen height of a visible map label, in CSS pixels.
        var smallestLabel: Double
    }

    static let pages = [
        "cities/index.html", "companies/index.html", "technologies/index.html", "sdgs/index.html",
        "cities/chongqing/index.html", "cities/sichuan/index.html", "cities/germany/index.html", "cities/europe/index.html",
    ]

    static func measure(width: Int) throws -> [Chart] {
        let data = try Chromium.measure(site: try LayoutTests.site.get(), pages: pages, width: width, height: 900, measure: """
            var found = [];
            d.querySelectorAll("details").forEach(function (x) { x.open = true; });
            d.querySelectorAll("svg.chart").forEach(function (svg, n) {
              var s = svg.getBoundingClientRect(), outside = [], overlapping = [], boxes = [], count = 0, smallest = 1e9;
              svg.querySelectorAll("text").forEach(function (t) {
                if (t.getClientRects().length === 0) return;
                var b = t.getBoundingClientRect();
                if (b.width === 0) return;
                count += 1;
                if (b.left < s.left - 1 || b.right > s.right + 1 || b.top < s.top - 1 || b.bottom > s.bottom + 1) outside.push(t.textContent);
                if (t.classList.contains("map-label")) {
                  smallest = Math.min(smallest, b.height);
                  boxes.forEach(function (o) {
                    if (b.left < o.b.right - 0.5 && o.b.left < b.right - 0.5 && b.top < o.b.bottom - 0.5 && o.b.top < b.bottom - 0.5) overlapping.push(o.name + " / " + t.textContent);
                  });
                  boxes.push({ b: b, name: t.textContent });
                }
              });
              found.push({ page: page + " #" + n, outside: outside, overlapping: overlapping, labels: count, smallestLabel: smallest === 1e9 ? 0 : smallest });
            });
            return found;
            """)
        return try JSONDecoder().decode([Chart].self, from: data)
    }

    @Test(arguments: [1280, 390])
    func labelsStayInsideTheirPictureAndApart(width: Int) throws {
        let charts = try Self.measure(width: width)
        // Two overview maps, the goals chart, one matrix per organisation type on two pages,
        // and a locator map on each of the four place pages.
        #expect(charts.filter { $0.page.hasPrefix("cities/index.html") }.count == 2)
        #expect(charts.filter { $0.page.hasPrefix("companies/index.html") }.count >= 5)
        #expect(charts.filter { $0.page.hasPrefix("cities/") && !$0.page.hasPrefix("cities/index.html") }.count == 4)
        for chart in charts {
            #expect(chart.outside.isEmpty, "\(chart.page) at \(width) px: \(chart.outside.prefix(5)) drawn outside the picture")
            #expect(chart.overlapping.isEmpty, "\(chart.page) at \(width) px: \(chart.overlapping.prefix(5)) overlap")
        }
        for map in charts where map.page.hasPrefix("cities/index.html") {
            #expect(map.labels >= (width < 600 ? 12 : 30), "\(map.page) at \(width) px: \(map.labels) labels")
            #expect(map.smallestLabel >= 9, "\(map.page) at \(width) px: labels \(map.smallestLabel) px high")
        }
    }
}
