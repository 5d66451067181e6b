/// Keyword-in-context text cut from Markdown: markup removed, cut at word boundaries.
enum Snippets {
    /// Characters of context kept on each side of a mention.
    static let context = 70

    /// Markdown inline text as plain text: emphasis marks, code ticks, link destinations,
    /// footnote references and HTML tags removed.
    static func plain(_ bytes: ArraySlice<UInt8>) -> String {
        plain(bytes, outputLimit: Int.max).text
    }

    /// ``plain(_:)`` that stops once `outputLimit` bytes are written.
    /// - Returns: the text, and whether the whole input was read.
    static func plain(_ bytes: ArraySlice<UInt8>, outputLimit: Int) -> (text: String, complete: Bool) {
        var complete = true
        let text = bytes.withUnsafeBufferPointer { input in
            String(unsafeUninitializedCapacity: input.count) { out in
                let (written, done) = plain(input, into: out, limit: outputLimit)
                complete = done
                return written
            }
        }
        return (text, complete)
    }

    /// The byte loop behind ``plain(_:)``; `out` holds at least `input.count` bytes.
    private static func plain(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>, limit: Int) -> (Int, Bool) {
        var n = 0
        var i = 0
        let end = bytes.count
        @inline(__always) func emit(_ b: UInt8) {
            out[n] = b
            n += 1
        }
        while i < end {
            if n >= limit { return (n, false) }
            let b = bytes[i]
            switch b {
            case 0x2A, 0x60: // * `
                i += 1
            case 0x5F where (i == 0 || !ByteClass.isWordByte(bytes[i - 1])) || (i + 1 >= end || !ByteClass.isWordByte(bytes[i + 1])):
                i += 1
            case 0x5B: // [^n] or [
                if i + 1 < end, bytes[i + 1] == 0x5E {
                    var j = i + 2
                    while j < end, bytes[j] != 0x5D { j += 1 }
                    i = min(j + 1, end)
                } else { i += 1 }
            case 0x5D: // ](dest)
                if i + 1 < end, bytes[i + 1] == 0x28 {
                    var j = i + 2
                    var depth = 1
                    while j < end, depth > 0 {
                        if bytes[j] == 0x28 { depth += 1 } else if bytes[j] == 0x29 { depth -= 1 }
                        j += 1
                    }
                    i = j
                } else { i += 1 }
            case 0x3C: // <tag>
                if i + 1 < end, ByteClass.isWordByte(bytes[i + 1]) || bytes[i + 1] == 0x2F || bytes[i + 1] == 0x21 {
                    var j = i + 1
                    while j < end, bytes[j] != 0x3E { j += 1 }
                    i = j < end ? j + 1 : end
                } else {
                    emit(b)
                    i += 1
                }
            case 0x5C: // backslash escape
                if i + 1 < end, bytes[i + 1] < 0x80, !ByteClass.isWordByte(bytes[i + 1]) {
                    emit(bytes[i + 1])
                    i += 2
                } else {
                    emit(b)
                    i += 1
                }
            case 0x09, 0x0A, 0x0D, 0x20:
                if n == 0 || out[n - 1] != 0x20 { emit(0x20) }
                i += 1
            default:
                emit(b)
                i += 1
            }
        }
        return (n, true)
    }

    /// The text before a mention, at most ``context`` characters, starting at a word.
    static func left(_ bytes: ArraySlice<UInt8>) -> String {
        let s = plain(bytes)
        // Walk back at most `context` characters instead of counting the whole line.
        let tail = s.suffix(context)
        guard tail.startIndex > s.startIndex else { return s.drop(while: { $0 == " " }).description }
        if let space = tail.firstIndex(of: " ") { return "… " + tail[tail.index(after: space)...] }
        return "… " + tail
    }

    /// The text after a mention, at most ``context`` characters, ending at a word.
    static func right(_ bytes: ArraySlice<UInt8>) -> String {
        // Only the first `context` characters are kept: read a few hundred bytes of Markdown,
        // and the whole line only when those give fewer than `context + 2` characters (then the
        // cut could fall inside a character that later bytes extend).
        let partial = plain(bytes, outputLimit: 4 * context)
        let s = partial.complete || partial.text.count >= context + 2 ? partial.text : plain(bytes)
        let head = s.prefix(context)
        guard head.endIndex < s.endIndex else { return s }
        if let space = head.lastIndex(of: " ") { return head[..<space] + " …" }
        return head + " …"
    }
}

private extension StringProtocol {
    var description: String { String(self) }
}
