import FolioContent
import FolioMarkdown
import FolioModel

/// Finds the anchor nearest to a line of a published page, so a finding can link to its place:
/// the footnote or figure on that line, else the closest heading above it. Build one per page
/// and reuse it for all of the page's findings.
public struct AnchorLocator: Sendable {
    private let page: PublishedPage
    /// cmark-gfm numbers notes in order of first reference: their ids are `fn-<n>` and `fnref-<n>`.
    private let ordinal: [String: Int]

    public init(_ page: PublishedPage) {
        self.page = page
        var ordinal: [String: Int] = [:]
        for reference in page.rendered.footnoteReferences where reference.defined && ordinal[reference.label.lowercased()] == nil {
            ordinal[reference.label.lowercased()] = ordinal.count + 1
        }
        self.ordinal = ordinal
    }

    /// The id to link to for `fileLine`, or `nil` when the line is above every anchor.
    public func anchor(forFileLine fileLine: Int) -> String? {
        let rendered = page.rendered
        if let definition = rendered.footnoteDefinition(atLine: fileLine), let n = ordinal[definition.label.lowercased()], rendered.anchorIDs.contains("fn-\(n)") {
            return "fn-\(n)"
        }
        if let id = rendered.rawAnchors.first(where: { $0.line == fileLine })?.id, rendered.anchorIDs.contains(id) {
            return id
        }
        if let reference = rendered.footnoteReferences.first(where: { $0.defined && $0.line == fileLine }), let n = ordinal[reference.label.lowercased()], rendered.anchorIDs.contains("fnref-\(n)") {
            return "fnref-\(n)"
        }
        return rendered.headings.last { $0.line <= fileLine }?.id
    }
}
