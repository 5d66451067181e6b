import FolioCore
import Foundation

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
        .init(code: "FIG002", severity: .warning, name: "caption-unnumbered", summary: "A figure or table caption has no number where the text numbers its captions."),
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

    private static let byCode: [String: CheckDescriptor] = Dictionary(every.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })

    /// A diagnostic with the catalog's default severity for `code`.
    static func make(_ code: String, _ message: String, at location: SourceLocation?, hint: String? = nil) -> Diagnostic {
        Diagnostic(code: code, severity: byCode[code]?.severity ?? .warning, message: message, location: location, hint: hint)
    }
}

extension CheckCatalog {
    /// Codes of the other stages (configuration, content loading, rendering, import, site
    /// generation): not checks of `folio check`, but findings every output format may carry.
    public static let otherStages: [CheckDescriptor] = table.split(separator: "\n").compactMap { row in
        let cells = row.split(separator: "|", maxSplits: 3).map { $0.trimmingCharacters(in: .whitespaces) }
        guard cells.count == 4, let severity = Severity(rawValue: cells[1]) else { return nil }
        return CheckDescriptor(code: cells[0], severity: severity, name: cells[2], summary: cells[3])
    }

    /// Every code Folio reports, in code order within each stage.
    public static let every: [CheckDescriptor] = all + otherStages

    /// The stage a code belongs to, for help texts: its letters and, for import, the hundreds.
    public static func help(for descriptor: CheckDescriptor) -> String {
        let code = descriptor.code
        let letters = code.prefix { $0.isLetter }
        let number = Int(code.dropFirst(letters.count)) ?? 0
        let importCode = ["IMP", "TOC", "SPL", "COR", "INL", "REF"].contains(letters) || (["FN", "FIG"].contains(letters) && number >= 100)
        var text: String
        switch letters {
        case "CFG": text = "Correct folio.yml (or the command-line option) at the place shown; unknown keys are listed with the keys Folio knows."
        case "FM": text = "Correct the front matter between the --- lines at the top of the Markdown file shown."
        case "IO": text = "Check that the file exists, is readable or writable, and is UTF-8 text."
        case "MD": text = "Raw HTML and link URLs are sanitised; rewrite the passage in plain Markdown."
        case "TPL": text = "Correct the template in Templates/ at the line and column shown, or the variable or partial it names."
        case "SITE", "TAX": text = "Two pages or terms collide, or a template is missing: rename one of them or add the template."
        case "EN": text = "Correct the gazetteer file under Content/data/ at the line shown."
        case "BAS": text = "The accepted finding was fixed; run `folio check --update-baseline` to drop its entry."
        case "LNK", "URL": text = "Correct the link in the Markdown file at the line shown (the built-site checks point at the Markdown behind the page)."
        default:
            text = importCode
                ? "Import found this in the raw source: fix it with an entry in Content/corrections.yml or corpus.yml (or in the source itself) and run `folio import`; repairs reported as info need nothing."
                : "Correct the Markdown at the line shown; if it cannot be fixed, accept it with `folio check --write-baseline`."
        }
        text += " Default severity: \(descriptor.severity.rawValue); `validation.severity` in folio.yml can change it."
        return text
    }

    private static let table = """
    CFG001|warning|config-unknown-key|An unknown key in folio.yml.
    CFG002|error|config-invalid|folio.yml, --root, --baseline or another configuration input is invalid, so the run stopped.
    CFG003|error|output-refused|The output directory is dangerous to replace (/, home, the project or Content/).
    FM001|error|front-matter-malformed|Malformed front matter in a content file.
    FM002|warning|front-matter-unknown-key|An unknown front matter key.
    IO001|error|content-unreadable|A content file cannot be read or is not UTF-8.
    IO002|error|io-failed|A file or directory could not be read or written.
    MD001|warning|unsafe-html-removed|Unsafe raw HTML (script, event handler, style, unknown tag) was removed.
    MD002|warning|unsafe-url-neutralised|An unsafe link URL (javascript:, data:…) was neutralised.
    SITE001|error|url-collision|Two pages would be published at the same URL.
    SITE002|error|url-case-collision|Two pages would be published at URLs that differ only in case, which overwrite each other on case-insensitive disks.
    CNT001|warning|content-outside-document|A Markdown file directly in Content/articles/, outside any document folder, is not published.
    CNT002|warning|invisible-control-removed|A NUL character or a bidirectional control was removed from a content file.
    CNT003|warning|slug-not-url-safe|A slug (front matter or file name) is not URL-safe; the page is published under a safe one.
    SITE010|warning|report-template-missing|The report template is missing, so the validation report was not published.
    TAX001|warning|taxonomy-slug-collision|Two index terms would be published at the same URL.
    EN001|error|gazetteer-malformed|A gazetteer file under Content/data/ is malformed.
    TPL001|warning|template-unknown-variable|A template uses a variable the page does not provide; it renders empty.
    TPL002|warning|template-unknown-partial|A template includes a partial that does not exist; it renders empty.
    TPL003|error|template-syntax|A template does not parse (an unclosed or mismatched section tag).
    SITE020|info|sitemap-omitted|No sitemap.xml was written because base_url is empty (the sitemap protocol needs absolute URLs).
    IMP001|info|cover-to-metadata|A cover, title or imprint block was turned into metadata.
    IMP003|info|back-cover-to-metadata|A back-cover block was turned into metadata.
    IMP010|info|title-merged|A title split over two lines was merged.
    IMP011|info|heading-promoted-doubtful|A bold line that reads like a sentence (long, lower-case start, "Second, …") was promoted to a heading.
    IMP012|info|title-repeat-removed|A repeated title (and its byline) was removed.
    IMP013|info|heading-demoted|A caption, sentence or salutation written as a heading was demoted.
    IMP014|info|section-dots-restored|Section-number dots were restored from the table of contents.
    IMP015|info|inner-toc-removed|An internal table of contents was removed.
    IMP016|info|empty-heading-removed|A heading without content at the end of an article was removed.
    IMP017|info|title-marker-moved|A footnote marker was moved out of a title.
    IMP018|info|outline-removed|An outline was removed.
    IMP019|info|heading-rejoined|A heading split by a footnote block was rejoined.
    IMP023|info|cjk-fragment-removed|A stray CJK fragment before a Latin heading was removed.
    IMP022|info|heading-promoted|A known section label or a short bold title line was promoted to a heading.
    IMP020|info|paragraph-rejoined|A paragraph was rejoined across a page break.
    IMP021|info|hyphenation-rejoined|A hyphenated word was rejoined.
    IMP030|info|stray-markup-removed|Stray <b>, <u> or <i> markup was removed.
    IMP031|info|page-artefact-removed|A page artefact (page number, footer) was removed.
    IMP032|info|running-header-removed|A running header was removed.
    IMP033|info|label-removed|A stray label was removed.
    IMP034|info|case-theme-opened|A case theme opens its first case.
    IMP035|info|image-missing-removed|An image not included in the source was removed.
    IMP040|warning|byline-no-person|The byline names no person, only a company.
    IMP041|info|company-mismatch|The contents and the byline name different companies.
    IMP042|warning|company-not-found|No company was found for an article.
    IMP050|info|toc-detected|A table of contents was detected (no toc: given).
    IMP051|info|articles-from-toc|Articles start at the top-level contents entries (no articles: given).
    IMP052|info|articles-from-headings|No contents: articles start at chapter headings, or the document is one article.
    IMP060|info|converted-text-read|Converted text (layout-converter Markdown or pdftotext -layout) was read into paragraphs and headings.
    IMP070|warning|name-misspelt|A capitalised word is one letter away from a name the document writes many times (`Chongging` / `Chongqing`).
    IMP090|error|article-stale|A generated file is stale: import would change it.
    IMP091|error|article-hand-edited|A hand-edited or foreign file was not overwritten.
    TOC001|warning|toc-title-differs|A table-of-contents title differs from the body title.
    TOC002|warning|toc-entry-ambiguous|A table-of-contents entry matches more than one heading.
    TOC003|error|toc-order|Table-of-contents entries and body headings are in a different order.
    TOC004|warning|toc-not-found|No table of contents with the configured heading was found.
    TOC005|warning|toc-entry-unmatched|A table-of-contents entry has no matching heading in the body.
    SPL001|error|split-anchor-unmatched|A split anchor in corpus.yml matches no line.
    SPL002|error|no-articles|No article start was found in the document.
    COR001|warning|correction-unmatched|A correction in corrections.yml no longer matches the source (or matches a different number of times).
    COR002|info|correction-applied|A correction was applied.
    COR003|warning|figure-image-unmatched|An image supplied for a lost figure in corrections.yml matched no figure of its article.
    FN101|warning|note-undefined|A footnote is cited without a definition; the marker stays visible as text.
    FN102|warning|note-uncited|A footnote definition is never cited; it is kept as a plain note.
    FN103|warning|note-defined-twice|One label is defined twice; resolved as the missing neighbour or merged.
    FN104|warning|note-order|Footnote numbering skips a number or goes out of order.
    FN105|info|marker-repaired|A garbled marker was repaired, read by its digits, or kept as text.
    FN106|info|note-text-repeated|A definition repeats another one's text.
    FN107|warning|note-link-placeholder|A definition has a "(link)" placeholder.
    FN108|info|reference-list-uncited|Entries of a [n] reference list are never cited.
    FN109|info|note-moved|A definition found in another article was moved to the citing one.
    FN110|info|label-reused|A label used for two notes; the later one was renamed.
    FN111|info|heading-note-moved|A footnote reference was moved out of a heading.
    FN112|info|note-block-rejoined|A paragraph cut by a footnote block was rejoined.
    FN113|info|superscript-repaired|Entity-mangled superscript markup was repaired.
    FN115|warning|note-truncated|A footnote definition looks truncated.
    FIG101|warning|figure-reference-uncaptioned|The text refers to a figure or table with no caption.
    FIG102|warning|caption-unnumbered-import|A caption has no number where the article numbers its other captions of the kind.
    FIG103|warning|caption-number-shared|Two captions share a number; the second id gets -2.
    FIG104|warning|caption-gap-import|Figure or table numbering has a gap.
    FIG105|warning|figure-deictic-import|"The graph above/below" with no figure nearby.
    FIG106|info|caption-moved|A caption that cut a sentence was moved after the rejoined paragraph.
    FIG107|info|caption-kind-corrected|A Figure caption labels a table; it was anchored as a table.
    FIG108|info|figure-unreferenced-import|A figure or table is never referenced.
    FIG113|warning|chart-read-as-text|A table whose cells are mostly bullet marks is a chart read as text; it was removed.
    FIG111|info|table-converted|A tab-separated table was converted to a GFM table.
    FIG112|info|table-rows-merged|Wrapped table rows were merged, or a split table rejoined.
    INL001|info|superscript-as-text|A superscript that is not a footnote was rendered as text.
    INL002|info|subscript-as-text|A subscript was rendered as text.
    INL003|info|emphasis-converted|HTML emphasis became Markdown emphasis, an autolink or plain text.
    INL004|info|escapes-removed|Backslash escapes were removed from links and URLs.
    INL005|info|url-rejoined|A URL broken by a space was rejoined.
    INL006|info|markup-repaired|Entity-mangled markup was repaired.
    INL008|info|placeholder-escaped|A placeholder in angle brackets that is not HTML (<pid>) was escaped so it shows as text.
    REF001|warning|citation-unresolved|A citation has no entry in the reference list.
    REF002|warning|reference-uncited|A reference entry is listed but never cited.
    REF003|warning|reference-duplicate|A reference entry appears twice.
    REF004|warning|citation-ambiguous|An author-year citation matches more than one reference entry.
    REF010|info|reference-list-found|A reference list was found and its entries anchored.
    """
}
