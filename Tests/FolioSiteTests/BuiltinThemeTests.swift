import FolioContent
import FolioCore
import FolioSite
import Foundation
import Testing

/// The theme built into the binary follows `Templates/`, and a project's files override it.
@Suite struct BuiltinThemeTests {
    @Test func embeddedThemeIsTheRepositoryTemplatesFolderByteForByte() throws {
        let templates = SiteFixture.repository.appendingPathComponent("Templates")
        let onDisk = try SiteFixture.snapshot(templates).filter { !$0.key.split(separator: "/").contains { $0.hasPrefix(".") } && !$0.key.hasSuffix(".swift") }
        #expect(Set(BuiltinTheme.files.keys) == Set(onDisk.keys))
        for (path, data) in onDisk { #expect(BuiltinTheme.file(path) == data, "built-in \(path) differs from Templates/\(path)") }
        #expect(BuiltinTheme.files.keys.contains("base.mustache"))
        #expect(BuiltinTheme.files.keys.contains("assets/folio.css"))
    }

    @Test func aProjectWithoutTemplatesBuildsWithTheBuiltinTheme() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("Templates"))
        let (config, _) = try FolioConfig.load(from: fixture.root.appendingPathComponent("folio.yml").path)
        let result = try SiteBuilder().build(.init(projectRoot: fixture.root, config: config))
        #expect(result.published)
        #expect(result.diagnostics.filter { $0.severity == .error } == [])
        #expect(try fixture.read("index.html").contains("<html"))
        let css = try Data(contentsOf: fixture.site.appendingPathComponent("assets/folio.css"))
        #expect(css == BuiltinTheme.file("assets/folio.css"))
    }

    @Test func aProjectFileOverridesOnlyItsBuiltinTwin() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("Templates"))
        try fixture.write("{{<base}}{{$main}}<p id=\"custom-404\">Lost.</p>{{/main}}{{/base}}\n", to: "Templates/404.mustache")
        try fixture.write("body { color: rebeccapurple; }\n", to: "Templates/assets/print.css")
        let (config, _) = try FolioConfig.load(from: fixture.root.appendingPathComponent("folio.yml").path)
        _ = try SiteBuilder().build(.init(projectRoot: fixture.root, config: config))
        #expect(try fixture.read("404.html").contains("custom-404"))
        #expect(try fixture.read("assets/print.css") == "body { color: rebeccapurple; }\n")
        #expect(try Data(contentsOf: fixture.site.appendingPathComponent("assets/folio.css")) == BuiltinTheme.file("assets/folio.css"))
        // Pages the project does not override still use the built-in layout.
        #expect(try fixture.read("index.html").contains("assets/folio.css"))
    }

    @Test func aBrokenOverrideNamesTheProjectFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("folio-theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "{{#open}}\n".write(to: dir.appendingPathComponent("page.mustache"), atomically: true, encoding: .utf8)
        #expect {
            _ = try TemplateLibrary(directory: dir)
        } throws: { error in
            guard case let FolioError.configuration(file, line, _, _) = error else { return false }
            return file == "Templates/page.mustache" && line != nil
        }
        let builtinOnly = try TemplateLibrary(directory: dir.appendingPathComponent("missing"))
        #expect(builtinOnly.has("base") && builtinOnly.has("article") && builtinOnly.has("404"))
    }
}
