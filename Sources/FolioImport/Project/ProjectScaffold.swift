import FolioCore
import Foundation

/// `folio init`: writes a new project that builds at once — `folio.yml`, `.gitignore`,
/// `Content/corpus.yml` with one short example report in `Content/sources/`, a hand-written
/// page, and the vocabularies the indexes match against in `Content/data/` — and imports the
/// example so `Content/articles/` is ready for `folio build`.
///
/// The project has no `Templates/`: the site uses Folio's built-in theme until a file placed in
/// `Templates/` overrides its built-in twin.
public struct ProjectScaffold: Sendable {
    /// What `create` wrote, as paths relative to the project.
    public struct Result: Sendable, Equatable {
        public var created: [String]
        public var imported: ImportResult
    }

    public init() {}

    /// Creates the project in `directory` (made when missing).
    /// - Parameters:
    ///   - title: the site title written to `folio.yml`.
    ///   - vocabulary: files for `Content/data/`, by name (`technologies.yml`, `organisations.yml`,
    ///     `cities.yml`, `sdgs.yml`, `basemap.json`: Folio's built-in field vocabularies). With
    ///     any, the project also gets an empty `companies.yml`, so its indexes are built from the
    ///     first report on: well-known organisations, places and technologies are matched against
    ///     the lists, other organisations are found in the text.
    /// - Throws: ``ImportError/configuration(file:line:message:hint:)`` when `directory` already
    ///   holds a project (`folio.yml` or `Content/`), ``ImportError/io(path:message:)`` when a
    ///   file cannot be written.
    public func create(at directory: URL, title: String = "My Reports", vocabulary: [String: Data] = [:]) throws -> Result {
        let fm = FileManager.default
        for existing in ["folio.yml", "Content"] where fm.fileExists(atPath: directory.appendingPathComponent(existing).path) {
            throw ImportError.configuration(
                file: directory.appendingPathComponent(existing).path, line: 1, message: "a Folio project already exists here (found `\(existing)`)",
                hint: "choose an empty or new directory: `folio init NEW-DIR`")
        }
        var created: [String] = []
        var files = Self.files(title: title).map { ($0.0, Data($0.1.utf8)) }
        if !vocabulary.isEmpty {
            files += vocabulary.sorted { $0.key < $1.key }.map { ("Content/data/\($0.key)", $0.value) }
            files.append(("Content/data/companies.yml", Data(Self.companiesHeader.utf8)))
        }
        for (path, data) in files {
            let url = directory.appendingPathComponent(path)
            do {
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url, options: .atomic)
            } catch {
                throw ImportError.io(path: url.path, message: "cannot write the file: \(error.localizedDescription)")
            }
            created.append(path)
        }
        let imported = try Importer().run(ImportOptions(projectRoot: directory))
        return Result(created: created, imported: imported)
    }

    /// The files of a new project, by relative path.
    static func files(title: String) -> [(String, String)] {
        [
            ("folio.yml", """
            # Folio site configuration. Every key is optional; see Folio's README for the full list.
            title: "\(title.replacingOccurrences(of: "\"", with: "'"))"
            description: "Reports published with Folio."
            base_url: ""
            language: en
            output: Site

            """),
            (".gitignore", """
            /Site/
            /.folio-cache/
            .DS_Store

            """),
            ("Content/corpus.yml", """
            # The documents of this site: what each raw source is. `folio add FILE` appends an entry.
            # Required keys: slug, title, publisher, date, language, source. Folio finds the contents,
            # the articles, notes and references by itself; an `import:` block overrides what it finds.
            documents:
              - slug: example
                title: "An Example Report"
                subtitle: "How Folio turns a converted report into a website"
                publisher: "Example Publisher"
                authors: ["Ada Example"]
                date: "2024"
                language: en
                source: Content/sources/example.txt
                provenance: "written by hand as an example"
                description: "A two-chapter example that shows contents, notes and references."

            """),
            ("Content/sources/example.txt", exampleSource),
            ("Content/pages/about.md", """
            ---
            title: "About this site"
            summary: "What this site publishes and how it is made."
            ---

            # About this site

            This site publishes reports converted from PDF, imported and checked by Folio. Add a
            report with `folio add path/to/report.txt`, then run `folio build`.

            """),
        ]
    }

    /// A new project's organisation list: empty, since `organisations.yml` lists the well-known
    /// ones, import finds others in the text (`organisations-found.yml`) and `folio entities`
    /// lists the candidates to review.
    static let companiesHeader = """
    # Companies and other organisations, reviewed by hand. organisations.yml lists well-known
    # organisations of the field; import also finds organisations in the text by itself (legal
    # forms, head nouns such as University or Ministry, definitions with an abbreviation) and
    # writes them to organisations-found.yml; `folio entities` lists the names it found but did
    # not accept, for review. List an organisation here to give it a type, aliases or a parent,
    # or to index a name the text gives no clue about; an entry here wins over organisations.yml.
    #
    # Each entry: `name` (canonical), optional `slug`, `type` (company | government body |
    # international organisation | research institute | association | media | NGO), `country`,
    # `parent`, `aliases`, `former_names`, `related`, `author_of` (document slugs).
    #
    # - name: Example Corporation
    #   type: company
    #   country: Germany
    #   aliases: [Example Corp., EXAMPLE]
    []

    """

    static let exampleSource = """
    # An Example Report

    ## How Folio turns a converted report into a website

    Ada Example

    2024

    ## Contents

    1. Getting started .......... 1
    2. Notes and references .......... 2

    ## 1. Getting started

    This example report stands for the text a PDF converter writes. Folio reads its contents, finds each chapter's heading in the body and publishes every chapter as an article.<sup>1</sup>

    ### 1.1 What to do next

    Replace this file with your own report, or add another one with `folio add`. Then run `folio build` and open `Site/index.html`.

    <sup>1</sup> Chapters are the top-level entries of the contents; sections stay inside their chapter.

    ## 2. Notes and references

    Footnotes are linked to their text, and citations to their entry in the reference list [1, 2]. Folio checks every note, citation and link when it builds the site.<sup>2</sup>

    <sup>2</sup> See the README of Folio for the checks and their codes.

    ### References

    [1] A. Example. Reports that convert well. Example Series 1, 2024.

    [2] B. Example. From PDF to website. Example Series 2, 2023.

    """
}
