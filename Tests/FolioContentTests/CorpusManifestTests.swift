import FolioContent
import FolioCore
import Foundation
import Testing

/// `corpus.yml` problems are reported with their line and a hint, never a decoder's text.
@Suite struct CorpusManifestTests {
    func load(_ text: String) throws -> CorpusManifest {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-\(UUID().uuidString).yml")
        defer { try? FileManager.default.removeItem(at: url) }
        try text.write(to: url, atomically: true, encoding: .utf8)
        return try CorpusManifest.load(from: url, displayPath: "Content/corpus.yml")
    }

    @Test func missingPublisherNamesTheEntryLineAndAHint() throws {
        let text = """
        documents:
          - slug: ok
            title: "Fine"
            publisher: "P"
            date: "2024"
            language: en
            source: Content/sources/ok.txt
          - slug: new-report
            title: "A Report"
            date: "2023"
            language: en
            source: Content/sources/new.txt

        """
        #expect {
            _ = try load(text)
        } throws: { error in
            guard let error = error as? ContentError else { return false }
            let d = error.diagnostic
            return d.code == "FM001" && d.location == SourceLocation(file: "Content/corpus.yml", line: 8)
                && d.message == "document `new-report` is missing the required key `publisher`"
                && d.hint == "every document needs slug, title, publisher, date, language, source; e.g. `publisher: \"The Publishing Organisation\"`"
                && !d.message.contains("CodingKeys")
        }
    }

    @Test func severalMissingKeysAndWrongTypesAreNamed() throws {
        let missing = try CorpusManifest.schemaProblem(in: "documents:\n  - slug: a\n    title: T\n")
        #expect(missing?.line == 2)
        #expect(missing?.message == "document `a` is missing the required keys `publisher`, `date`, `language`, `source`")
        let mapping = try CorpusManifest.schemaProblem(in: "documents:\n  - slug: a\n    title: {x: 1}\n    publisher: P\n    date: '1'\n    language: en\n    source: s\n")
        #expect(mapping?.line == 3)
        #expect(mapping?.message == "`title` of document `a` must be a single text value")
        #expect(try CorpusManifest.schemaProblem(in: "title: x\n")?.message == "the corpus manifest has no `documents:` list")
    }

    /// A complete entry for document `r` whose last key, on line 8, is `key`.
    static func entry(_ key: String) -> String {
        """
        documents:
          - slug: r
            title: "R"
            publisher: "P"
            date: "2024"
            language: en
            source: Content/sources/r.txt
            \(key)

        """
    }

    @Test func statedConventionsAreReadAndAWrongOneIsNamedOnItsLine() throws {
        let entry = Self.entry("conventions: {figures_numbered: false, citations_repeat: true}")
        let manifest = try load(entry)
        #expect(manifest.documents[0].conventions == DocumentConventions(figuresNumbered: false, citationsRepeat: true))
        #expect {
            _ = try load(entry.replacingOccurrences(of: "citations_repeat: true", with: "citations_repeat: sometimes"))
        } throws: { error in
            let d = (error as? ContentError)?.diagnostic
            return d?.location?.line == 8 && d?.message == "`citations_repeat` of document `r` must be true or false"
        }
        #expect {
            _ = try load(entry.replacingOccurrences(of: "citations_repeat", with: "figures_cited"))
        } throws: { error in
            (error as? ContentError)?.diagnostic.message == "`conventions` of document `r` has the unknown key `figures_cited`"
        }
    }

    @Test func theOriginalsAddressMustBeAbsolute() throws {
        let entry = Self.entry(#"url: "https://example.org/r.pdf""#)
        #expect(try load(entry).documents[0].url == "https://example.org/r.pdf")
        #expect {
            _ = try load(entry.replacingOccurrences(of: "https://example.org/r.pdf", with: "r.pdf"))
        } throws: { error in
            let d = (error as? ContentError)?.diagnostic
            return d?.location?.line == 8 && d?.message == "`url` of document `r` must be an absolute http(s) address, not `r.pdf`"
        }
    }

    @Test func theRepositoryCorpusHasNoSchemaProblem() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: repository.appendingPathComponent("Content/corpus.yml"), encoding: .utf8)
        #expect(try CorpusManifest.schemaProblem(in: text) == nil)
    }
}
