/// Splits text into lines by scanning its UTF-8 bytes.
public enum TextLines {
    /// The same slices as `text.split(separator: "\n", omittingEmptySubsequences: false)`: a line
    /// ends at a `\n` that is not part of a `\r\n` pair (which is one character), without the
    /// per-character grapheme breaking of `split`.
    public static func split(_ text: String) -> [Substring] {
        lines(of: text, carriageReturnLineFeedEnds: false)
    }

    /// The same slices as `text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }`:
    /// a line ends at a `\n` or a `\r\n`, which the line does not include.
    public static func splitAtLineEnds(_ text: String) -> [Substring] {
        lines(of: text, carriageReturnLineFeedEnds: true)
    }

    /// Cuts `text` at each `\n` that does not follow a `\r`, and, when asked, at each `\r\n`
    /// (without the `\r`).
    private static func lines(of text: String, carriageReturnLineFeedEnds: Bool) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var previous = utf8.startIndex
        var cursor = utf8.startIndex
        while cursor != utf8.endIndex {
            if utf8[cursor] == 0x0A {
                let afterCarriageReturn = cursor != start && utf8[previous] == 0x0D
                if !afterCarriageReturn || carriageReturnLineFeedEnds {
                    lines.append(text[start..<(afterCarriageReturn ? previous : cursor)])
                    start = utf8.index(after: cursor)
                }
            }
            previous = cursor
            cursor = utf8.index(after: cursor)
        }
        lines.append(text[start..<utf8.endIndex])
        return lines
    }
}
