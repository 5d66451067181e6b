import FolioCore

/// One kind of finding Folio's validation can report: its stable code, default severity and meaning.
public struct CheckDescriptor: Sendable, Equatable {
    /// Stable code, e.g. `FN001`.
    public var code: String
    /// Severity before `validation.severity` overrides.
    public var severity: Severity
    /// Short name, e.g. `footnote-undefined`.
    public var name: String
    /// One sentence: what the check finds.
    public var summary: String

    public init(code: String, severity: Severity, name: String, summary: String) {
        self.code = code
        self.severity = severity
        self.name = name
        self.summary = summary
    }
}

/// Every check code Folio's validation reports, for documentation, SARIF rules and the report page.
public enum CheckCatalog {
    /// The checks in code order.
    public static let all: [CheckDescriptor] = [
        .init(code: "FN001", severity: .error, name: "footnote-undefined", summary: "A footnote reference has no definition in its article."),
        .init(code: "FN002", severity: .warning, name: "footnote-unreferenced", summary: "A footnote definition is never referenced in its article."),
        .init(code: "FN003", severity: .error, name: "footnote-duplicate-label", summary: "Two footnote definitions share one label."),
        .init(code: "FN004", severity: .warning, name: "footnote-numbering-gap", summary: "Numbered footnote references skip a number that appears nowhere in the document."),
        .init(code: "FN005", severity: .warning, name: "footnote-out-of-order", summary: "A numbered footnote is first referenced after a higher number."),
        .init(code: "FN006", severity: .warning, name: "footnote-duplicate-text", summary: "Two footnotes with different labels have the same text."),
        .init(code: "FN007", severity: .warning, name: "footnote-duplicate-url", summary: "Two different footnotes cite the same URL."),
        .init(code: "FN008", severity: .error, name: "footnote-malformed-url", summary: "A footnote definition contains a malformed or space-broken URL."),
        .init(code: "FN009", severity: .warning, name: "citation-placeholder", summary: "A placeholder such as \"(link)\" stands where a URL was lost."),
        .init(code: "FN010", severity: .warning, name: "footnote-garbled-marker", summary: "Text looks like a footnote marker that was not converted (raw <sup>, mangled [^ or escaped markup)."),
        .init(code: "FIG001", severity: .error, name: "figure-reference-unresolved", summary: "The text refers to a figure or table that has no caption in the article."),
        .init(code: "FIG002", severity: .warning, name: "caption-unnumbered", summary: "A figure or table caption has no number."),
        .init(code: "FIG003", severity: .error, name: "caption-duplicate-number", summary: "Two captions of one kind share a number in the article."),
        .init(code: "FIG004", severity: .warning, name: "caption-numbering-gap", summary: "Figure or table numbers skip a number."),
        .init(code: "FIG005", severity: .warning, name: "figure-deictic-unresolved", summary: "\"The graph above\" or \"the table below\" with no such figure or table nearby."),
        .init(code: "FIG006", severity: .error, name: "image-missing", summary: "An image file does not exist."),
        .init(code: "FIG007", severity: .info, name: "figure-unreferenced", summary: "A numbered figure or table is never referenced in the text."),
        .init(code: "STR001", severity: .warning, name: "heading-level-skipped", summary: "A heading is more than one level below the previous heading."),
        .init(code: "STR002", severity: .error, name: "duplicate-id", summary: "Two elements of a page share an id, so links to it are ambiguous."),
        .init(code: "STR003", severity: .warning, name: "multiple-h1", summary: "An article has more than one level-1 heading."),
        .init(code: "STR004", severity: .warning, name: "footnote-in-heading", summary: "A heading contains a footnote reference."),
        .init(code: "STR005", severity: .warning, name: "toc-missing-article", summary: "An article is not linked from its document's table of contents."),
        .init(code: "STR006", severity: .warning, name: "toc-title-mismatch", summary: "A table-of-contents entry differs from the title of the article it links to."),
        .init(code: "STR007", severity: .info, name: "heading-repeated", summary: "A heading text repeats in the page, so its id got a numeric suffix."),
        .init(code: "LNK001", severity: .error, name: "site-page-missing", summary: "A link in the built site points to a page that does not exist or leaves the site."),
        .init(code: "LNK002", severity: .error, name: "site-anchor-missing", summary: "A link in the built site points to a missing #fragment."),
        .init(code: "LNK003", severity: .error, name: "site-root-relative", summary: "A root-relative link breaks the site under file:// or a sub-path."),
        .init(code: "LNK004", severity: .error, name: "site-file-link", summary: "A file: link in the built site."),
        .init(code: "LNK005", severity: .error, name: "markdown-link-missing", summary: "A Markdown link to a .md file points to no content file."),
        .init(code: "LNK006", severity: .error, name: "anchor-missing", summary: "A Markdown link points to a #fragment that does not exist in its target page."),
        .init(code: "URL001", severity: .error, name: "url-malformed", summary: "An external URL is malformed (no host, spaces, doubled or misspelt scheme)."),
        .init(code: "URL002", severity: .warning, name: "link-text-escape", summary: "Link text shows a backslash escape such as \\_ to the reader."),
        .init(code: "URL003", severity: .warning, name: "url-space-broken", summary: "A URL in the text is broken by a space; the rest of it follows as plain text."),
        .init(code: "URL101", severity: .error, name: "external-broken", summary: "An external link answers 4xx (other than 429)."),
        .init(code: "URL102", severity: .warning, name: "external-unreachable", summary: "An external link timed out, dropped the connection, did not resolve or answered 5xx after every retry."),
        .init(code: "URL103", severity: .warning, name: "external-redirect-loop", summary: "An external link redirects in a loop or more often than max_redirects."),
        .init(code: "URL104", severity: .warning, name: "external-rate-limited", summary: "An external host still answered 429 Too Many Requests after every retry."),
        .init(code: "BAS001", severity: .info, name: "baseline-entry-gone", summary: "A baseline entry no longer matches any finding and can be removed."),
    ]

    /// The descriptor for `code`, if Folio's validation defines it.
    public static func descriptor(_ code: String) -> CheckDescriptor? { byCode[code] }

    private static let byCode: [String: CheckDescriptor] = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })

    /// A diagnostic with the catalog's default severity for `code`.
    static func make(_ code: String, _ message: String, at location: SourceLocation?, hint: String? = nil) -> Diagnostic {
        Diagnostic(code: code, severity: byCode[code]?.severity ?? .warning, message: message, location: location, hint: hint)
    }
}
