import Foundation

/// A run of tab-separated lines (a table flattened by the PDF conversion).
struct TableBlock {
    /// Line indices of the rows, in order (blank lines between rows are not included).
    var rows: [Int]
    /// Index of the first and last line the block spans, blank lines included.
    var first: Int
    var last: Int

    /// Finds tab-separated blocks of two or more rows; a single blank line may split a block.
    /// Lines listed in `skip` (captions) and table-of-contents lines (dot leaders) are not rows.
    static func find(in lines: [SourceLine], skip: Set<Int>) -> [TableBlock] {
        var blocks: [TableBlock] = []
        var current: [Int] = []
        var blanks = 0
        func flush() {
            if current.count >= 2, let f = current.first, let l = current.last { blocks.append(TableBlock(rows: current, first: f, last: l)) }
            current = []
        }
        for (i, line) in lines.enumerated() {
            let text = line.text
            if LineShape.isBlank(text) {
                blanks += 1
                if blanks > 1 { flush() }
                continue
            }
            let isRow = TextSearch.contains(text, byte: 0x09) && !skip.contains(i) && !isTableOfContentsLine(text) && !LineShape.isHeading(text)
            if isRow {
                current.append(i)
                blanks = 0
            } else {
                flush()
                blanks = 0
            }
        }
        flush()
        return blocks
    }

    static func isTableOfContentsLine(_ text: String) -> Bool {
        TextSearch.contains(text, ".....") || TextSearch.contains(text, "…\t") || TextSearch.contains(text, "·····")
    }

    /// The cells of a row, with trailing empty cells dropped.
    static func cells(_ text: String) -> [String] {
        var cells = text.split(separator: "\t", omittingEmptySubsequences: false).map { cell($0) }
        while let last = cells.last, last.isEmpty, cells.count > 1 { cells.removeLast() }
        return cells
    }

    static func columnCount(of block: TableBlock, in lines: [SourceLine]) -> Int {
        block.rows.map { cells(lines[$0].text).count }.max() ?? 0
    }

    /// Renders the block as GFM table lines (each keeping its source line number).
    /// Rows whose first cell is empty continue the row above (text wrapped in the PDF).
    static func render(rows: [Int], in lines: [SourceLine]) -> (lines: [SourceLine], merged: Int) {
        var table: [[String]] = []
        var numbers: [Int] = []
        var merged = 0
        for index in rows {
            let row = cells(lines[index].text)
            if table.count >= 2, row.first?.isEmpty ?? false, row.count > 1 {
                var previous = table[table.count - 1]
                for (k, value) in row.enumerated() where !value.isEmpty {
                    while previous.count <= k { previous.append("") }
                    previous[k] = previous[k].isEmpty ? value : previous[k] + " " + value
                }
                table[table.count - 1] = previous
                merged += 1
                continue
            }
            table.append(row)
            numbers.append(lines[index].number)
        }
        let columns = max(2, table.map(\.count).max() ?? 2)
        var out: [SourceLine] = []
        for (r, var row) in table.enumerated() {
            while row.count < columns { row.append("") }
            out.append(SourceLine("| " + row.joined(separator: " | ") + " |", number: numbers[r]))
            if r == 0 {
                out.append(SourceLine("|" + Array(repeating: " --- |", count: columns).joined(), number: numbers[r]))
            }
        }
        return (out, merged)
    }

    /// One cell: trimmed, `|` escaped, HTML lists flattened into `; `-separated text.
    private static func cell(_ raw: Substring) -> String {
        var text = String(raw.drop(while: { $0 == " " }))
        while text.last == " " { text.removeLast() }
        if TextSearch.contains(text, byte: 0x3C) {
            text = text.replacingOccurrences(of: "<ul[^>]*>", with: "", options: .regularExpression)
            text = text.replacingOccurrences(of: "</ul>", with: "")
            text = text.replacingOccurrences(of: "<li>", with: "")
            text = text.replacingOccurrences(of: "</li>", with: "; ")
            text = text.trimmingCharacters(in: CharacterSet(charactersIn: " ;"))
        }
        return TextSearch.contains(text, byte: 0x7C) ? text.replacingOccurrences(of: "|", with: "\\|") : text
    }
}
