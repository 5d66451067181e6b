extension OrganisationFinder {
    /// Header cells that say a table column lists organisations (`| Company | City | Measure |`).
    static let organisationColumnHeaders: Set<String> = [
        "company", "companies", "company name", "name of company", "enterprise", "enterprises", "name of enterprise",
        "organisation", "organisations", "organization", "organizations", "firm", "firms", "partner", "partners",
        "institution", "institutions", "manufacturer", "manufacturers", "supplier", "suppliers", "investor", "investors",
        "operator", "operators", "developer", "developers",
    ]

    /// The cells of the columns of Markdown tables whose header names organisations (see
    /// ``organisationColumnHeaders``): each cell's text without spaces or emphasis marks. A cell
    /// that lists several names (a comma, a slash, `and`) or holds no letter is left out.
    /// - Parameter lines: the article's lines (``MarkdownSegments/lineBounds``).
    static func organisationColumnCells(in text: [UInt8], lines: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var index = 0
        while index + 1 < lines.count {
            defer { index += 1 }
            guard isTableRow(text, lines[index]), MarkdownSegments.isTableDelimiter(text[lines[index + 1]]) else { continue }
            let header = cells(text, lines[index])
            let columns = header.indices.filter { column in
                var name = String(decoding: text[header[column]], as: UTF8.self).lowercased()
                if name.hasSuffix(":") { name.removeLast() }
                return organisationColumnHeaders.contains(name)
            }
            guard !columns.isEmpty else { continue }
            var row = index + 2
            while row < lines.count, isTableRow(text, lines[row]) {
                let cells = cells(text, lines[row])
                for column in columns where column < cells.count {
                    let cell = cells[column]
                    let value = text[cell]
                    guard cell.count >= 2, value.contains(where: { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 >= 0x80 }), !value.contains(0x2C), !value.contains(0x2F), !value.contains(0x3B),
                          !String(decoding: value, as: UTF8.self).contains(" and ") else { continue }
                    out.append(cell)
                }
                row += 1
            }
            index = row - 1
        }
        return out
    }

    /// Words of table cells that name no organisation: `Total`, `Others`, `Average`.
    static let tableFillerWords: Set<String> = [
        "total", "totals", "subtotal", "others", "other", "average", "sum", "none", "unknown", "various", "n/a", "na",
        "mean", "median", "overall", "remaining", "misc", "miscellaneous", "tbd", "example",
    ]

    /// The organisation a cell of an organisation column names: a name of up to six capitalised
    /// words (and connectors) with a word of its own, so `Total` or `Others` name none.
    func tableCell(_ text: [UInt8], _ cell: Range<Int>) -> OrganisationCandidate? {
        let tokens = Self.tokens(text, [cell])
        guard (1...6).contains(tokens.count), tokens[0].capitalised,
              tokens.allSatisfy({ $0.capitalised || Self.connectors.contains($0.lower) }),
              !tokens.contains(where: { Self.tableFillerWords.contains($0.lower) || Self.leadingStopWords.contains($0.lower) }),
              Self.hasOwnWord(tokens, tokens.indices, text) else { return nil }
        let name = Self.spell(text, tokens[0].start, tokens[tokens.count - 1].end)
        return OrganisationCandidate(name: name, fullName: name, acronym: nil, type: .company, rule: .tableColumn, confidence: 0.8, spans: [tokens[0].start..<tokens[tokens.count - 1].end])
    }

    /// Whether the line is a row of a pipe table: it opens with `|` after at most three spaces.
    private static func isTableRow(_ text: [UInt8], _ line: Range<Int>) -> Bool {
        var i = line.lowerBound
        while i < line.upperBound, i - line.lowerBound < 3, text[i] == 0x20 { i += 1 }
        return i < line.upperBound && text[i] == 0x7C
    }

    /// The cells of a table row, each trimmed of spaces and emphasis marks (`**`, `*`, `_`).
    private static func cells(_ text: [UInt8], _ line: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = line.lowerBound
        while i < line.upperBound, text[i] != 0x7C { i += 1 }
        var cellStart = i + 1
        i += 1
        while i < line.upperBound {
            if text[i] == 0x5C { i += 2; continue }
            if text[i] == 0x7C {
                out.append(trimmed(text, cellStart..<i))
                cellStart = i + 1
            }
            i += 1
        }
        if cellStart < line.upperBound, text[cellStart..<line.upperBound].contains(where: { $0 != 0x20 }) {
            out.append(trimmed(text, cellStart..<line.upperBound))
        }
        return out
    }

    private static func trimmed(_ text: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        func isTrim(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x2A || byte == 0x5F || byte == 0x09 }
        while start < end, isTrim(text[start]) { start += 1 }
        while end > start, isTrim(text[end - 1]) { end -= 1 }
        return start..<end
    }
}
