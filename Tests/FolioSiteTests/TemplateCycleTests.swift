import FolioCore
import Foundation
import Testing

@testable import FolioSite

/// Templates that include themselves are refused when the library loads, instead of recursing
/// until the stack overflows while a page renders.
@Suite struct TemplateCycleTests {
    /// A library of `files` over the built-in theme, or of exactly `files` without `builtin`.
    static func library(_ files: [String: String], builtin: Bool = true) throws -> TemplateLibrary {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("folio-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files { try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return try TemplateLibrary(directory: directory, builtin: builtin)
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

    /// The fuzzer's case: a page that extends `base` and opens `{{$main}}` again inside its own
    /// `{{$main}}` overflowed the stack while rendering.
    @Test func aBlockNestedInItselfIsRefusedAtTheInnerTag() throws {
        let page = "{{<base}}\n{{$main}}\n<p>x</p>\n{{$main}}inner{{/main}}\n{{/main}}\n{{/base}}\n"
        #expect(throws: FolioError.configuration(file: "Templates/page.mustache", line: 4, message: "block `{{$main}}` is nested inside itself, which would never finish rendering", hint: "close `{{/main}}` before opening `{{$main}}`, or rename one of the blocks")) {
            try Self.library(["page.mustache": page])
        }
    }

    @Test func blocksThatContainEachOtherAreRefused() throws {
        let page = "{{<base}}\n{{$main}}{{$head}}h{{/head}}{{/main}}\n{{$head}}\n{{$main}}m{{/main}}{{/head}}\n{{/base}}\n"
        do {
            _ = try Self.library(["page.mustache": page])
            Issue.record("blocks in a cycle were accepted")
        } catch let FolioError.configuration(file, line, message, _) {
            #expect(file == "Templates/page.mustache" && (line == 2 || line == 4), "\(String(describing: line))")
            #expect(message.contains("`head` → `main` → `head`") || message.contains("`main` → `head` → `main`"), "\(message)")
        }
    }

    @Test func nestedBlocksWithDifferentNamesStayAllowed() throws {
        let page = "{{<base}}\n{{$main}}<div>{{$aside}}side{{/aside}}</div>{{/main}}\n{{/base}}\n"
        let library = try Self.library(["page.mustache": page])
        #expect(try library.render("page", ["site": ["title": "T"]]).contains("side"))
    }
}
