/// Tables that a layout converter (`pdftotext -layout`) wrote as columns of spaces: rows whose
/// cells stand two or more spaces apart, found as blocks and rewritten as tab-separated lines,
/// which the figure step turns into GFM tables beside their captions.
///
/// A row has at least three short cells; a block is two or more such rows (a blank line may
/// stand between two) where most rows have the same number of cells, which equations and
/// program output, whose lines split differently, do not. Lines inside a block with fewer
/// cells (a wrapped cell, footnote marks under a column) are kept, their cells placed under
/// the columns they stand below, so they continue the row above.
enum LayoutTable {
    /// Spaces that separate two cells.
    static let minimumGap = 2
    /// A row's cells are short: on average at most this many characters, none longer than
    /// ``longestCell`` (two columns of prose have long ones).
    static let averageCellLength = 24
    static let longestCell = 40
    /// The share of a block's full rows that must have its most common number of cells.
    static let sameShapeShare = 0.7

    /// One cell and the column where it starts.
    struct Cell: Equatable {
        var column: Int
        var text: String
    }

    /// The cells of a laid-out line: its text split at runs of ``minimumGap`` or more spaces
    /// (or a tab), with their start columns.
    static func cells(_ line: String) -> [Cell] {
        var cells: [Cell] = []
        var current = ""
        var start = 0
        var spaces = 0
        var column = 0
        for character in line {
            if character == " " || character == "\t" {
                spaces += character == "\t" ? minimumGap : 1
            } else {
                if !current.isEmpty, spaces >= minimumGap {
                    cells.append(Cell(column: start, text: current))
                    current = ""
                }
                if current.isEmpty {
                    start = column
                } else if spaces > 0 {
                    current += " "
                }
                current.append(character)
                spaces = 0
            }
            column += 1
        }
        if !current.isEmpty { cells.append(Cell(column: start, text: current)) }
        return cells
    }

    /// Whether the cells make a full row: three or more, short, and no contents entry.
    static func isFullRow(_ cells: [Cell], _ line: String) -> Bool {
        guard cells.count >= 3, !TableBlock.isTableOfContentsLine(line) else { return false }
        let lengths = cells.map(\.text.count)
        return lengths.max()! <= longestCell && lengths.reduce(0, +) <= averageCellLength * cells.count
    }

    /// The lines of `lines` that are rows of a laid-out table, each with its cells in column
    /// order (empty where a row leaves a column out).
    static func rows(in lines: [SourceLine]) -> [Int: [String]] {
        let split = lines.map { cells($0.text) }
        var result: [Int: [String]] = [:]
        var i = 0
        while i < lines.count {
            guard isFullRow(split[i], lines[i].text) else { i += 1; continue }
            // The block: full rows and, between two of them, blank lines (one at a time) and
            // shorter lines of two or more cells.
            var members = [i]
            var full = [i]
            var j = i + 1
            var pending: [Int] = []
            var blanks = 0
            while j < lines.count {
                if split[j].isEmpty {
                    blanks += 1
                    if blanks > 1 { break }
                } else if isFullRow(split[j], lines[j].text) {
                    members += pending + [j]
                    full.append(j)
                    pending = []
                    blanks = 0
                } else if split[j].count >= 2, split[j].allSatisfy({ $0.text.count <= longestCell }) {
                    pending.append(j)
                    blanks = 0
                } else {
                    break
                }
                j += 1
            }
            defer { i = max(j - pending.count, i + 1) }
            guard full.count >= 2 else { continue }
            var shapes: [Int: Int] = [:]
            for row in full { shapes[split[row].count, default: 0] += 1 }
            let (width, count) = shapes.max { ($0.value, $0.key) < ($1.value, $1.key) }!
            guard Double(count) >= sameShapeShare * Double(full.count) else { continue }
            // Columns start where the cells of the first row of the common shape start.
            let anchors = split[full.first { split[$0].count == width }!].map(\.column)
            for row in members {
                result[row] = split[row].count == width ? split[row].map(\.text) : placed(split[row], under: anchors)
            }
        }
        return result
    }

    /// Places each cell under the last column that starts at or before it (two columns of
    /// slack for right-aligned numbers), or the next free one when that column is taken.
    static func placed(_ cells: [Cell], under anchors: [Int]) -> [String] {
        var row = [String](repeating: "", count: max(anchors.count, cells.count))
        var next = 0
        for cell in cells {
            var k = anchors.lastIndex { $0 <= cell.column + minimumGap } ?? 0
            k = max(k, next)
            // No column left: the cell joins the last one, so no text is lost.
            guard k < row.count else {
                row[row.count - 1] += " " + cell.text
                continue
            }
            row[k] = cell.text
            next = k + 1
        }
        return row
    }
}
