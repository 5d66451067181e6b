import FolioCore
import FolioSite
import Foundation
import Testing

/// The `bundles:` configuration and the download links `folio build` writes for it.
@Suite struct DownloadLinkTests {
    @Test func bundlesConfigurationAcceptsABooleanOrAMapping() throws {
        #expect(try FolioConfig.parse("bundles: true\n").0.bundles == BundleConfig(enabled: true, formats: [.zip, .epub, .html]))
        #expect(try FolioConfig.parse("title: x\n").0.bundles.linkedFormats == [])
        #expect(try FolioConfig.parse("bundles:\n  formats: [html, epub]\n").0.bundles == BundleConfig(enabled: true, formats: [.epub, .html]))
        #expect(try FolioConfig.parse("bundles:\n  enabled: false\n").0.bundles.linkedFormats == [])
        #expect(throws: FolioError.configuration(file: "folio.yml", line: 2, message: "bundle format `pdf` is not one of zip, epub, html", hint: "use for example `formats: [zip, epub, html]`")) {
            try FolioConfig.parse("bundles:\n  formats: [pdf]\n")
        }
        let (_, diagnostics) = try FolioConfig.parse("bundles:\n  format: [zip]\n")
        #expect(diagnostics.map(\.code) == ["CFG001"])
    }

    @Test func siteLinksToAnnouncedBundlesAndStillValidates() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let result = try SiteBuilder().build(.init(projectRoot: fixture.root, config: fixture.config(), outputDirectory: fixture.url("Site")))
        #expect(!result.failed, "\(DiagnosticFormatter.text(result.diagnostics))")
        let home = try String(contentsOf: fixture.url("Site/index.html"), encoding: .utf8)
        #expect(home.contains("<a href=\"downloads/digital-industry-reports.zip\">"))
        #expect(home.contains("<a href=\"downloads/digital-industry-reports.epub\">"))
        #expect(home.contains("<a href=\"downloads/leiden-2023.epub\">"))
        let document = try String(contentsOf: fixture.url("Site/leiden-2023/index.html"), encoding: .utf8)
        #expect(document.contains("href=\"../downloads/leiden-2023.epub\""))
        #expect(document.contains("href=\"../downloads/leiden-2023.html\""))
        #expect(!document.contains("giz-ccid-2022.epub"))
    }

    @Test func siteWithoutBundlesHasNoDownloadLinks() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        var config = try fixture.config()
        config.bundles.enabled = false
        let result = try SiteBuilder().build(.init(projectRoot: fixture.root, config: config, outputDirectory: fixture.url("Site")))
        #expect(!result.failed)
        let home = try String(contentsOf: fixture.url("Site/index.html"), encoding: .utf8)
        #expect(!home.contains("downloads/"))
    }
}
