/// What a figure or table caption labels, read from its label word (`Figure`, `Fig.`, `Table`,
/// `图`): the one list of caption words that import and validation share. Its raw value is the
/// anchor id prefix the importer writes (`figure-3`, `table-1`).
public enum CaptionKind: String, CaseIterable, Sendable {
    case figure, table, chart, graph, display, exhibit, diagram

    /// The label word shown to readers.
    public var word: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// The kind whose numbering a caption continues: diagrams are numbered with the figures.
    public var numbering: String { self == .diagram ? CaptionKind.figure.rawValue : rawValue }

    /// Reads the label word of a caption or an in-text reference, in any case.
    public static func from(word: String) -> CaptionKind? {
        switch word.lowercased() {
        case "figure", "figures", "fig", "fig.", "figs", "图": .figure
        case "table", "tables", "attached table", "表": .table
        case "chart", "charts": .chart
        case "graph", "graphs": .graph
        case "display", "displays": .display
        case "exhibit", "exhibits": .exhibit
        case "diagram", "diagrams": .diagram
        default: nil
        }
    }
}
