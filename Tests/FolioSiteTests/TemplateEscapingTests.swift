import FolioCore
import Foundation
import Mustache
import Testing

@testable import FolioSite

/// Template variables are escaped by Folio's HTML escaper exactly as the template engine's own
/// HTML content type escapes them, in every template, partial and parent.
@Suite struct TemplateEscapingTests {
    /// Strings at the edges of escaping: the five characters, none, non-ASCII neighbours, and a
    /// quote that a combining mark turns into another character (the engine leaves it as it is).
    static let values = [
        "Plain", "", "<b>Tom & Jerry's \"shop\"</b>", "Zhōngguó <重庆> & “quotes”", "'\u{301}x", "a\"\u{308}b", "&amp;", "1 < 2 > 0",
    ]

    @Test(arguments: values)
    func variablesAreEscapedAsTheEngineEscapesThem(value: String) throws {
        let templates = [
            "page.mustache": "{{<base}}{{$main}}<p title=\"{{value}}\">{{value}}</p>{{> part}}{{/main}}{{/base}}",
            "base.mustache": "<main>{{$main}}{{/main}}</main><footer>{{value}}</footer>",
            "part.mustache": "<i>{{value}}</i>{{{value}}}",
        ]
        let folio = try TemplateCycleTests.library(templates).render("page", ["value": value])
        // The engine on its own, with its default HTML content type.
        var parsed: [String: MustacheTemplate] = [:]
        for (file, text) in templates { parsed[String(file.dropLast(".mustache".count))] = try MustacheTemplate(string: text) }
        let engine = try #require(MustacheLibrary(templates: parsed).render(["value": value], withTemplate: "page"))
        #expect(folio == engine)
        if !value.isEmpty { #expect(folio.contains(HTMLEscaping.escape(value))) }
    }

    @Test func aTemplateThatChoosesItsContentTypeKeepsIt() throws {
        let library = try TemplateCycleTests.library(["plain.mustache": "{{% CONTENT_TYPE: TEXT }}{{value}}"])
        #expect(try library.render("plain", ["value": "<a & b>"]) == "<a & b>")
    }

    @Test func aSyntaxErrorOnTheFirstLineIsReportedWhereItIsWritten() throws {
        do {
            _ = try TemplateCycleTests.library(["bad.mustache": "<p>{{#open}}</p>{{/close}}"])
            Issue.record("a mismatched section was accepted")
        } catch let FolioError.configuration(file, line, message, _) {
            #expect(file == "Templates/bad.mustache")
            #expect(line == 1)
            // The column counts from the start of the line as written, not after Folio's pragma.
            #expect(message.contains("at column 20: <p>{{#open}}</p>{{/close}}"), "\(message)")
        }
    }
}
