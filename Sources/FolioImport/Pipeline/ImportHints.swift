import FolioContent
import FolioCore
import Foundation
import Yams

/// The importer's own reading of `Content/corpus.yml`: how each document splits, plus the
/// canonical company table. Bibliographic metadata stays in ``CorpusManifest``.
public struct ImportHints: Sendable, Equatable {
    /// Splitting hints for one document.
    public struct Document: Sendable, Equatable {
        /// Text of the heading or line that opens the table of contents.
        public var toc: String?
        /// Which table-of-contents entries start articles: nil for all, else a pattern over the entry.
        public var articles: String?
        /// Extra article starts not listed in the table of contents.
        public var anchors: [Anchor] = []
        /// A label every case study carries (`Corporate Profile`); cases start just above it.
        public var cases: String?
        /// Extra section labels promoted to headings.
        public var labels: [String] = []
        /// Headings whose sections are imprint or credits.
        public var imprint: [String] = []
        /// `toc-company` when the table of contents names each paper's company.
        public var byline: String?
        /// Case titles name their company before a dash (`Baowu Carbon Technology – Digital Virtual Factory`).
        public var companyFromTitle = false
        /// Keys the `import:` block sets; every other key is detected (see ``AutoHints``).
        public var given: Set<String> = []
        /// Only level-1 contents entries start articles (detected when `articles` is not given).
        public var topLevelEntries = false
        /// Link citations to the reference list: on without an `import:` block, else only
        /// when `citations: true` is given (documents tuned by hand keep their notes as they are).
        public var citations: Bool?
        public var linksCitations: Bool { citations ?? given.isEmpty }

        public init() {}
    }

    /// An extra article start: a pattern over a heading or short line, and an optional title.
    public struct Anchor: Sendable, Equatable {
        /// Regular expression over the text of a heading or short line.
        public var match: String
        /// Display title; the matched line when absent.
        public var title: String?
    }

    /// Hints per document slug.
    public var documents: [String: Document]
    /// Canonical company name → spellings.
    public var companies: [String: [String]]

    public init(documents: [String: Document] = [:], companies: [String: [String]] = [:]) {
        self.documents = documents
        self.companies = companies
    }

    /// Reads the hints from the manifest text.
    /// - Throws: ``ImportError/configuration(file:line:message:)`` for a malformed hint.
    public static func parse(_ text: String, file: String) throws -> ImportHints {
        if let line = YAMLAliasKeys.firstLine(in: text) {
            throw ImportError.configuration(file: file, line: line, message: YAMLAliasKeys.message, hint: YAMLAliasKeys.hint)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: YAMLText.prepared(text))
        } catch let error as YamlError {
            throw ImportError.configuration(file: file, line: YAMLErrors.line(of: error) ?? 1, message: "malformed YAML: \(YAMLErrors.describe(error))")
        }
        var hints = ImportHints()
        guard let map = root?.mapping else { return hints }
        if let companies = map["companies"]?.mapping {
            for (key, value) in companies {
                guard let name = key.string else { continue }
                hints.companies[name] = value.sequence?.compactMap(\.string) ?? value.string.map { [$0] } ?? []
            }
        }
        for doc in map["documents"]?.sequence ?? [] {
            guard let slug = doc.mapping?["slug"]?.string else { continue }
            var d = Document()
            if let imp = doc.mapping?["import"]?.mapping {
                d.given = Set(imp.keys.compactMap(\.string))
                d.toc = imp["toc"]?.string
                if let a = imp["articles"]?.string, a != "all" { d.articles = a }
                d.cases = imp["cases"]?.string
                d.byline = imp["byline"]?.string
                d.companyFromTitle = imp["company_from_title"]?.bool ?? false
                d.citations = imp["citations"]?.bool
                d.labels = imp["labels"]?.sequence?.compactMap(\.string) ?? []
                d.imprint = imp["imprint"]?.sequence?.compactMap(\.string) ?? []
                for anchor in imp["anchors"]?.sequence ?? [] {
                    guard let m = anchor.mapping?["match"]?.string else {
                        throw ImportError.configuration(file: file, line: anchor.mark?.line ?? 1, message: "an anchor needs a `match` pattern")
                    }
                    d.anchors.append(Anchor(match: m, title: anchor.mapping?["title"]?.string))
                }
                for pattern in [d.articles].compactMap({ $0 }) + d.anchors.map(\.match) {
                    if (try? NSRegularExpression(pattern: pattern)) == nil {
                        throw ImportError.configuration(file: file, line: imp["articles"]?.mark?.line ?? doc.mark?.line ?? 1, message: "invalid pattern `\(pattern)`")
                    }
                }
            }
            hints.documents[slug] = d
        }
        return hints
    }
}
