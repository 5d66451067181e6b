/// Splits text into lines by scanning its UTF-8 bytes.
public enum TextLines {
    /// The same slices as `text.split(separator: "\n", omittingEmptySubsequences: false)`: a line
    /// ends at a `\n` that is not part of a `\r\n` pair (which is one character), without the
    /// per-character grapheme breaking of `split`.
    public static func split(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var previous: UInt8 = 0
        var cursor = utf8.startIndex
        while cursor != utf8.endIndex {
            let byte = utf8[cursor]
            if byte == 0x0A && previous != 0x0D {
                lines.append(text[start..<cursor])
                start = utf8.index(after: cursor)
            }
            previous = byte
            cursor = utf8.index(after: cursor)
        }
        lines.append(text[start..<utf8.endIndex])
        return lines
    }

    /// The same slices as `text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }`:
    /// a line ends at a `\n` or a `\r\n`, which the line does not include.
    public static func splitAtLineEnds(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var previous = utf8.startIndex
        var cursor = utf8.startIndex
        while cursor != utf8.endIndex {
            if utf8[cursor] == 0x0A {
                let end = cursor != start && utf8[previous] == 0x0D ? previous : cursor
                lines.append(text[start..<end])
                start = utf8.index(after: cursor)
            }
            previous = cursor
            cursor = utf8.index(after: cursor)
        }
        lines.append(text[start..<utf8.endIndex])
        return lines
    }
}
