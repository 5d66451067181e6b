import FolioContent
import FolioMarkdown

/// Finds the anchor nearest to a line of a published page, so a finding can link to its place:
/// the footnote or figure on that line, else the closest heading above it.
public enum AnchorLocator {
    /// The id to link to for `fileLine` of `page`, or `nil` when the line is above every anchor.
    public static func anchor(forFileLine fileLine: Int, in page: PublishedPage) -> String? {
        let rendered = page.rendered
        let bodyLine = fileLine - page.page.bodyStartLine + 1
        let lines = page.page.body.split(separator: "\n", omittingEmptySubsequences: false)
        if bodyLine >= 1, bodyLine <= lines.count {
            let line = lines[bodyLine - 1]
            // A footnote definition or a raw HTML id on the line itself.
            if line.hasPrefix("[^"), let close = line.firstIndex(of: "]") {
                let label = line[line.index(line.startIndex, offsetBy: 2)..<close]
                if rendered.anchorIDs.contains("fn-\(label)") { return "fn-\(label)" }
            }
            if let id = PageSource.attributeValues("id", in: String(line)).first, rendered.anchorIDs.contains(id) { return id }
        }
        if let mark = rendered.footnoteReferences.first(where: { $0.line == fileLine }), rendered.anchorIDs.contains("fnref-\(mark.label)") {
            return "fnref-\(mark.label)"
        }
        return rendered.headings.last { $0.line <= fileLine }?.id
    }
}
