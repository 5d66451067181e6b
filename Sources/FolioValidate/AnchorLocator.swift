import FolioContent
import FolioMarkdown

/// Finds the anchor nearest to a line of a published page, so a finding can link to its place:
/// the footnote or figure on that line, else the closest heading above it.
public enum AnchorLocator {
    /// The id to link to for `fileLine` of `page`, or `nil` when the line is above every anchor.
    public static func anchor(forFileLine fileLine: Int, in page: PublishedPage) -> String? {
        let rendered = page.rendered
        let bodyLine = fileLine - page.page.bodyStartLine + 1
        let source = PageSource(page)
        // cmark-gfm numbers notes in order of first reference: ids are fn-<n> and fnref-<n>.
        var ordinal: [String: Int] = [:]
        for reference in source.resolvedReferences where ordinal[reference.label.lowercased()] == nil {
            ordinal[reference.label.lowercased()] = ordinal.count + 1
        }
        if let definition = source.definition(atBodyLine: bodyLine), let n = ordinal[definition.label.lowercased()], rendered.anchorIDs.contains("fn-\(n)") {
            return "fn-\(n)"
        }
        if bodyLine >= 1, bodyLine <= source.lines.count,
           let id = PageSource.attributeValues("id", in: String(source.lines[bodyLine - 1])).first, rendered.anchorIDs.contains(id) {
            return id
        }
        if let reference = source.resolvedReferences.first(where: { $0.bodyLine == bodyLine }), let n = ordinal[reference.label.lowercased()], rendered.anchorIDs.contains("fnref-\(n)") {
            return "fnref-\(n)"
        }
        return rendered.headings.last { $0.line <= fileLine }?.id
    }
}
