import Foundation
import Testing

/// An image an editor supplies for a figure the source lost: named in `corrections.yml`, placed
/// by import with its size, copied into the site and carried inside the EPUB and single HTML.
@Suite struct FigureImageTests {
    /// A copy of the project with an SVG chart in `Content/media/` and `extra` appended to
    /// `corrections.yml`.
    static func project(_ extra: String) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-figure-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for item in ["Content", "Templates", "folio.yml", ".folio-baseline.json"] {
            try FileManager.default.copyItem(at: FolioProcess.repository.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        let media = root.appendingPathComponent("Content/media")
        try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
        try """
            <svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360"><rect width="640" height="360" fill="#eef"/><polyline points="20,300 200,200 400,220 620,80" fill="none" stroke="#246" stroke-width="4"/></svg>
            """.write(to: media.appendingPathComponent("mufg-figure-1.svg"), atomically: true, encoding: .utf8)
        let corrections = root.appendingPathComponent("Content/corrections.yml")
        try (try String(contentsOf: corrections, encoding: .utf8) + extra).write(to: corrections, atomically: true, encoding: .utf8)
        return root
    }

    static let entry = """

        figures:
          - document: cmia-2024
            article: mufg
            figure: "Figure 1"
            image: media/mufg-figure-1.svg
            alt: "Line chart: the shares of Chongqing's gross regional product by industry"
            credit: "redrawn for this test"

        """

    @Test func theImageReachesTheArticleTheSiteAndTheBundles() throws {
        let root = try Self.project(Self.entry)
        defer { try? FileManager.default.removeItem(at: root) }
        let imported = try FolioProcess.run(["import", "--quiet", "--root", root.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let article = try String(contentsOf: root.appendingPathComponent("Content/articles/cmia-2024/04-mufg.md"), encoding: .utf8)
        #expect(article.contains(#"<figure id="figure-1" class="figure"><img src="../../media/mufg-figure-1.svg" alt="Line chart: the shares of Chongqing&#39;s gross regional product by industry" width="640" height="360" loading="lazy"><figcaption><span class="figure-label">Figure 1</span> Trends in the share of gross regional product (GRP) by industry <span class="figure-note">(redrawn for this test)</span></figcaption></figure>"#), "\(article.components(separatedBy: "\n").first { $0.contains("figure-1\"") } ?? "")")
        // The other lost figures keep their note.
        #expect(article.contains(#"<figure id="figure-2" class="figure-missing">"#))

        let site = root.appendingPathComponent("Site")
        let built = try FolioProcess.run(["build", "--quiet", "--root", root.path, "--output", site.path])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("media/mufg-figure-1.svg").path))
        let page = try String(contentsOf: site.appendingPathComponent("cmia-2024/mufg/index.html"), encoding: .utf8)
        #expect(page.contains(#"<img src="../../media/mufg-figure-1.svg""#) && page.contains(#"width="640" height="360" loading="lazy""#))

        let bundles = root.appendingPathComponent("Bundles")
        let bundled = try FolioProcess.run(["bundle", "--quiet", "--root", root.path, "--output", bundles.path])
        #expect(bundled.status == 0, "\(bundled.stderr)")
        let epub = try Data(contentsOf: bundles.appendingPathComponent("cmia-2024.epub"))
        // Zip entry names are stored as they are: the image is in the book, under its content path.
        #expect(epub.range(of: Data("OEBPS/media/mufg-figure-1.svg".utf8)) != nil)
        let single = try String(contentsOf: bundles.appendingPathComponent("cmia-2024.html"), encoding: .utf8)
        #expect(single.contains(#"<img src="data:image/svg+xml;base64,"#))
        #expect(!single.contains("media/mufg-figure-1.svg"), "the single file needs nothing beside it")
    }

    @Test func aMissingFileStopsTheImportAtItsEntry() throws {
        let root = try Self.project(Self.entry.replacingOccurrences(of: "mufg-figure-1.svg", with: "nowhere.png"))
        defer { try? FileManager.default.removeItem(at: root) }
        let lines = try String(contentsOf: root.appendingPathComponent("Content/corrections.yml"), encoding: .utf8).components(separatedBy: "\n")
        let line = try #require(lines.indices.first { lines[$0].contains("- document: cmia-2024") && lines[$0 + 1].contains("article: mufg") }) + 1
        let result = try FolioProcess.run(["import", "--root", root.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Content/corrections.yml:\(line)") && result.stderr.contains("figure image `Content/media/nowhere.png` does not exist"), "\(result.stderr)")
    }

    @Test func anEntryWithoutAltOrMatchingNoFigureIsReported() throws {
        let noAlt = try Self.project(Self.entry.replacingOccurrences(of: "    alt: \"Line chart: the shares of Chongqing's gross regional product by industry\"\n", with: ""))
        defer { try? FileManager.default.removeItem(at: noAlt) }
        let refused = try FolioProcess.run(["import", "--root", noAlt.path])
        #expect(refused.status == 2 && refused.stderr.contains("figure image is missing `alt`"), "\(refused.stderr)")

        let unmatched = try Self.project(Self.entry.replacingOccurrences(of: "figure: \"Figure 1\"", with: "figure: \"Figure 99\""))
        defer { try? FileManager.default.removeItem(at: unmatched) }
        let warned = try FolioProcess.run(["import", "--root", unmatched.path, "--format", "json"])
        #expect(warned.stdout.contains("COR003") && warned.stdout.contains("matched no lost “Figure 99” in this article"), "\(warned.stdout.prefix(400)) \(warned.stderr)")
    }
}
