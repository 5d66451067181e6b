import FolioCore
import Foundation
import Testing

@testable import FolioSite

/// Templates too large, with too many tags or nested too deep are refused when the library
/// loads, quickly and with the file and line, instead of hanging the parser or overflowing the
/// stack.
@Suite struct TemplateLimitsTests {
    static func loadError(_ files: [String: String]) -> FolioError? {
        do {
            _ = try TemplateCycleTests.library(files)
            return nil
        } catch let error as FolioError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func aTenMegabyteTemplateIsRefusedAtOnceWithoutParsing() throws {
        let error = Self.loadError(["huge.mustache": String(repeating: "{{title}}", count: 10 * 1024 * 1024 / 9)])
        guard case let .configuration(file, line, message, _) = error else { Issue.record("accepted: \(String(describing: error))"); return }
        #expect(file == "Templates/huge.mustache" && line == nil)
        #expect(message.contains("may be at most 262144 bytes"), "\(message)")
    }

    @Test func tooManyTagsAreRefusedAtTheLineOfTheFirstOneTooMany() throws {
        let text = String(repeating: "{{title}}\n", count: TemplateLibrary.maxTemplateTags + 10)
        let error = Self.loadError(["tags.mustache": text])
        #expect(error == .configuration(file: "Templates/tags.mustache", line: TemplateLibrary.maxTemplateTags + 1, message: "the template has more than 2000 tags", hint: "split it into partials ({{> name}}) or loop over a list with {{#items}}…{{/items}}"))
    }

    @Test(arguments: ["{{#a}}\n", "{{^a}}\n", "{{$a}}\n", "{{ #a }}\n"])
    func sectionsNestedTooDeepAreRefusedAtTheTagThatGoesTooDeep(open: String) throws {
        let text = String(repeating: open, count: 60) + String(repeating: "{{/a}}", count: 60)
        let error = Self.loadError(["deep.mustache": text])
        guard case let .configuration(file, line, message, _) = error else { Issue.record("accepted: \(String(describing: error))"); return }
        #expect(file == "Templates/deep.mustache" && line == 51)
        #expect(message == "sections are nested more than 50 deep")
    }

    @Test func changedDelimitersDoNotHideDeepNesting() throws {
        let text = "{{=<% %>=}}\n" + String(repeating: "<%#a%>", count: 60) + String(repeating: "<%/a%>", count: 60)
        guard case let .configuration(_, line, message, _) = Self.loadError(["deep.mustache": text]) else { Issue.record("accepted"); return }
        #expect(line == 2 && message.contains("nested more than 50"))
    }

    @Test func templatesWithinTheLimitsLoadAndRender() throws {
        let tags = String(repeating: "{{title}}", count: TemplateLibrary.maxTemplateTags - 1)
        let nested = String(repeating: "{{#title}}", count: 50) + "x" + String(repeating: "{{/title}}", count: 50)
        let library = try TemplateCycleTests.library(["tags.mustache": tags, "nested.mustache": nested, "delims.mustache": "{{=<% %>=}}<%#title%><%title%><%/title%>"])
        #expect(try library.render("nested", ["title": "T"]) == "x")
        #expect(try library.render("delims", ["title": "T"]) == "T")
        #expect(try library.render("tags", ["title": "a"]).count == TemplateLibrary.maxTemplateTags - 1)
    }

    @Test func aSyntaxErrorOnALongLineQuotesOnlyPartOfIt() throws {
        let text = String(repeating: "x", count: 100_000) + "{{#open}}" + String(repeating: "y", count: 100_000)
        guard case let .configuration(file, line, message, _) = Self.loadError(["long.mustache": text]) else { Issue.record("accepted"); return }
        #expect(file == "Templates/long.mustache" && line == 1)
        #expect(message.count < 300, "\(message.count) characters")
    }
}
