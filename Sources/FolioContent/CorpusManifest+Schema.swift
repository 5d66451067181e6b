import FolioCore
import Foundation
import Yams

extension CorpusManifest {
    /// Keys every document entry must have, in the order they are reported.
    public static let requiredKeys = ["slug", "title", "publisher", "date", "language", "source"]

    /// A problem with the manifest's shape, placed on its line, worded for a person.
    public struct SchemaProblem: Sendable, Equatable {
        public var line: Int
        public var message: String
        public var hint: String
    }

    /// The first missing required key or wrongly typed value in `text`, before decoding, so the
    /// error names the entry's line and the key instead of a decoder's description.
    /// - Throws: `YamlError` when the text is not YAML at all.
    public static func schemaProblem(in text: String) throws -> SchemaProblem? {
        if let line = YAMLAliasKeys.firstLine(in: text) {
            return SchemaProblem(line: line, message: YAMLAliasKeys.message, hint: YAMLAliasKeys.hint)
        }
        guard let root = try Yams.compose(yaml: YAMLText.prepared(text)) else {
            return SchemaProblem(line: 1, message: "the corpus manifest is empty", hint: "add a `documents:` list; `folio init` writes an example")
        }
        guard let map = root.mapping else {
            return SchemaProblem(line: root.mark?.line ?? 1, message: "the corpus manifest must be a mapping with a `documents:` list", hint: "start the file with `documents:`")
        }
        guard let documents = map["documents"] else {
            return SchemaProblem(line: 1, message: "the corpus manifest has no `documents:` list", hint: "add `documents:` with one entry per source document")
        }
        guard let entries = documents.sequence else {
            return SchemaProblem(line: documents.mark?.line ?? 1, message: "`documents:` must be a list", hint: "write each document as a list item starting with `- slug: …`")
        }
        var slugLines: [String: Int] = [:]
        for entry in entries {
            let line = entry.mark?.line ?? 1
            guard let fields = entry.mapping else {
                return SchemaProblem(line: line, message: "a document entry must be a mapping of keys", hint: "write the entry as `- slug: …` followed by its keys")
            }
            let name = fields["slug"]?.string.map { "document `\($0)`" } ?? "a document entry"
            if let slug = fields["slug"]?.string {
                let slugLine = fields["slug"]?.mark?.line ?? line
                if let first = slugLines[slug] {
                    return SchemaProblem(
                        line: slugLine, message: "the slug `\(slug)` is already used by the document at line \(first)",
                        hint: "give each document its own slug: it names the document's folder under Content/articles/ and its URL")
                }
                slugLines[slug] = slugLine
            }
            let missing = requiredKeys.filter { fields[$0] == nil }
            if !missing.isEmpty {
                let list = missing.map { "`\($0)`" }.joined(separator: ", ")
                return SchemaProblem(
                    line: line, message: "\(name) is missing the required key\(missing.count > 1 ? "s" : "") \(list)",
                    hint: "every document needs \(requiredKeys.joined(separator: ", ")); e.g. `\(missing[0]): \(example(for: missing[0]))`")
            }
            for (key, value) in fields {
                guard let k = key.string else { continue }
                let scalarKeys = requiredKeys + ["subtitle", "short_title", "provenance", "description", "url"]
                if k == "url", let url = value.string, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                    return SchemaProblem(
                        line: value.mark?.line ?? line, message: "`url` of \(name) must be an absolute http(s) address, not `\(url)`",
                        hint: "give the publisher's PDF or page, e.g. `url: \"https://example.org/report.pdf\"`")
                }
                if scalarKeys.contains(k), value.scalar == nil {
                    return SchemaProblem(
                        line: value.mark?.line ?? line, message: "`\(k)` of \(name) must be a single text value",
                        hint: "write it as `\(k): \"…\"`, quoted if it contains a colon")
                }
                if k == "conventions" {
                    guard let stated = value.mapping else {
                        return SchemaProblem(
                            line: value.mark?.line ?? line, message: "`conventions` of \(name) must be a mapping",
                            hint: "write it as `conventions: {figures_numbered: true, figures_referenced: false, citations_repeat: true}`")
                    }
                    for (conventionKey, flag) in stated {
                        let known = ["figures_numbered", "figures_referenced", "citations_repeat"]
                        guard let ck = conventionKey.string, known.contains(ck) else {
                            return SchemaProblem(
                                line: conventionKey.mark?.line ?? line, message: "`conventions` of \(name) has the unknown key `\(conventionKey.string ?? "?")`",
                                hint: "the conventions are \(known.joined(separator: ", "))")
                        }
                        if flag.bool == nil {
                            return SchemaProblem(
                                line: flag.mark?.line ?? line, message: "`\(ck)` of \(name) must be true or false", hint: "write `\(ck): true` or `\(ck): false`")
                        }
                    }
                }
                if k == "authors", value.sequence == nil || value.sequence?.contains(where: { $0.scalar == nil }) == true {
                    return SchemaProblem(
                        line: value.mark?.line ?? line, message: "`authors` of \(name) must be a list of names", hint: "write it as `authors: [\"First Author\", \"Second Author\"]`")
                }
            }
        }
        return nil
    }

    static func example(for key: String) -> String {
        switch key {
        case "slug": "my-report"
        case "title": "\"The Report's Title\""
        case "publisher": "\"The Publishing Organisation\""
        case "date": "\"2024-05\""
        case "language": "en"
        default: "Content/sources/my-report.txt"
        }
    }
}
