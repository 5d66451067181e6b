import FolioCore
import Foundation
import Testing

@testable import FolioSite

/// Templates that include themselves are refused when the library loads, instead of recursing
/// until the stack overflows while a page renders.
@Suite struct TemplateCycleTests {
    static func library(_ files: [String: String]) throws -> TemplateLibrary {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("folio-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files { try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return try TemplateLibrary(directory: directory)
    }

    @Test func aPartialThatIncludesItselfIsAConfigurationErrorAtItsTag() throws {
        #expect(throws: FolioError.configuration(file: "Templates/loop.mustache", line: 2, message: "template `loop` includes itself, which would never finish rendering", hint: "remove the `{{> loop}}` tag or break the chain of partials")) {
            try Self.library(["loop.mustache": "before\n{{> loop}}\n"])
        }
    }

    @Test func anIndirectCycleNamesEveryTemplateInIt() throws {
        do {
            _ = try Self.library(["a.mustache": "{{> b}}\n", "b.mustache": "x\n\n{{>c}}\n", "c.mustache": "{{> a}}"])
            Issue.record("a cycle of three partials was accepted")
        } catch let FolioError.configuration(file, line, message, _) {
            #expect(file == "Templates/c.mustache" && line == 1)
            #expect(message.contains("`a` → `b` → `c` → `a`"), "\(message)")
        }
    }

    @Test func theBuiltInThemeAndSharedPartialsAreNotCycles() throws {
        let library = try Self.library(["note.mustache": "{{> footer}}", "footer.mustache": "<footer></footer>", "other.mustache": "{{> footer}}{{> note}}"])
        #expect(library.has("note") && library.has("article"))
    }
}
