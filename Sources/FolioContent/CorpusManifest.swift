import FolioCore
import Foundation
import Yams

/// `Content/corpus.yml`: what each source document is and where its raw text lives.
///
/// Import reads its own splitting hints from the same file; this type holds the bibliographic
/// metadata every later stage (site, bundles) needs.
public struct CorpusManifest: Sendable, Equatable, Codable {
    public var documents: [CorpusDocument]

    public init(documents: [CorpusDocument]) {
        self.documents = documents
    }

    /// The document with the given slug.
    public func document(_ slug: String) -> CorpusDocument? {
        documents.first { $0.slug == slug }
    }

    /// Reads and decodes `corpus.yml`.
    /// - Throws: ``ContentError`` naming the file and line of the problem.
    public static func load(from url: URL, displayPath: String) throws -> CorpusManifest {
        let data: Data
        switch InputFile.contents(atPath: url.path) {
        case let .success(contents): data = contents
        case let .failure(problem): throw ContentError.unreadable(file: displayPath, message: "cannot read the corpus manifest: \(problem.reason)")
        }
        return try parse(String(decoding: data, as: UTF8.self), displayPath: displayPath)
    }

    /// Decodes the text of a `corpus.yml`.
    /// - Throws: ``ContentError`` naming the file and line of the problem.
    public static func parse(_ text: String, displayPath: String) throws -> CorpusManifest {
        do {
            if let problem = try schemaProblem(in: text) {
                throw ContentError.frontMatter(file: displayPath, line: problem.line, message: problem.message, hint: problem.hint)
            }
            return try YAMLDecoder().decode(CorpusManifest.self, from: YAMLText.prepared(text))
        } catch let error as ContentError {
            throw error
        } catch let error as YamlError {
            throw ContentError.frontMatter(file: displayPath, line: YAMLErrors.line(of: error, in: text) ?? 1, message: "malformed corpus manifest: \(YAMLErrors.describe(error, in: text))", hint: nil)
        } catch {
            throw ContentError.frontMatter(file: displayPath, line: 1, message: "corpus manifest does not match its schema: \(error)", hint: "every document needs slug, title, publisher, date, language and source")
        }
    }
}

/// One source document: its bibliographic data and its raw text file.
public struct CorpusDocument: Sendable, Equatable, Codable {
    /// URL slug and folder name under `Content/articles/`, e.g. `cmia-2021`.
    public var slug: String
    public var title: String
    public var subtitle: String?
    /// A short name for navigation, e.g. `CMIA 2021`.
    public var shortTitle: String?
    public var publisher: String
    /// Authors or editors of the whole document, when named.
    public var authors: [String]?
    /// Publication date as given, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var date: String
    /// BCP 47 language code.
    public var language: String
    /// Repository-relative path of the raw source, e.g. `Content/sources/….txt`.
    public var source: String
    /// Where the raw file came from (original file name, conversion).
    public var provenance: String?
    /// One paragraph describing the document.
    public var description: String?
    /// Where readers find the original: the publisher's PDF or page (`https://…`).
    public var url: String?
    /// Conventions the entry states, overriding what the checks learn from the text.
    public var conventions: DocumentConventions?

    enum CodingKeys: String, CodingKey {
        case slug, title, subtitle, publisher, authors, date, language, source, provenance, description, url, conventions
        case shortTitle = "short_title"
    }

    public init(slug: String, title: String, subtitle: String? = nil, shortTitle: String? = nil, publisher: String, authors: [String]? = nil, date: String, language: String, source: String, provenance: String? = nil, description: String? = nil) {
        self.slug = slug
        self.title = title
        self.subtitle = subtitle
        self.shortTitle = shortTitle
        self.publisher = publisher
        self.authors = authors
        self.date = date
        self.language = language
        self.source = source
        self.provenance = provenance
        self.description = description
    }
}

/// How a document writes its figures and citations, as its corpus entry states them
/// (`conventions:`). The checks learn each convention from the text; a stated one wins.
public struct DocumentConventions: Sendable, Equatable, Codable {
    /// Whether the document numbers its figure and table captions (`FIG002` for one without).
    public var figuresNumbered: Bool?
    /// Whether the text refers to its figures and tables by number (`FIG007`, `FIG108` for one
    /// it never refers to).
    public var figuresReferenced: Bool?
    /// Whether the document cites a work again in a new note rather than referring back, so a
    /// repeated note text or URL is its style (`FN006`, `FN007` are not reported).
    public var citationsRepeat: Bool?

    enum CodingKeys: String, CodingKey {
        case figuresNumbered = "figures_numbered"
        case figuresReferenced = "figures_referenced"
        case citationsRepeat = "citations_repeat"
    }

    public init(figuresNumbered: Bool? = nil, figuresReferenced: Bool? = nil, citationsRepeat: Bool? = nil) {
        self.figuresNumbered = figuresNumbered
        self.figuresReferenced = figuresReferenced
        self.citationsRepeat = citationsRepeat
    }
}
