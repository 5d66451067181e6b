/// Keyword-in-context text cut from Markdown: markup removed, cut at word boundaries.
enum Snippets {
    /// Characters of context kept on each side of a mention.
    static let context = 70

    /// Markdown inline text as plain text: emphasis marks, code ticks, link destinations,
    /// footnote references and HTML tags removed.
    static func plain(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: plainBytes(bytes), as: UTF8.self)
    }

    /// The bytes of ``plain(_:)``, stopping once `outputLimit` bytes are written.
    private static func plainBytes(_ bytes: ArraySlice<UInt8>, outputLimit: Int = Int.max) -> [UInt8] {
        bytes.withUnsafeBufferPointer { input in
            [UInt8](unsafeUninitializedCapacity: input.count) { out, count in
                count = plain(input, into: out, limit: outputLimit).0
            }
        }
    }

    /// Whether a character starts at `i` whatever precedes `i - 1`: two ASCII bytes other than
    /// CR LF always have a grapheme break between them, and no later break depends on text
    /// before it.
    private static func isCharacterBreak(_ bytes: [UInt8], _ i: Int) -> Bool {
        bytes[i - 1] < 0x80 && bytes[i] < 0x80 && !(bytes[i - 1] == 0x0D && bytes[i] == 0x0A)
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

    /// Where a line's text starts once its block marks are skipped: blockquote `>`, heading `#`,
    /// list markers (`-`, `*`, `+`, `1.`, `1)`, and a typed bullet `\\*` after one) and footnote
    /// labels (`[^n]:`), each followed by
    /// spaces. Never past `limit` (the mention), so a mention that is itself a mark stays whole.
    static func contentStart(of text: [UInt8], line start: Int, before limit: Int) -> Int {
        var i = start
        func spaces(_ j: Int) -> Int {
            var k = j
            while k < limit, text[k] == 0x20 || text[k] == 0x09 { k += 1 }
            return k
        }
        i = spaces(i)
        while i < limit {
            let b = text[i]
            if b == 0x3E || b == 0x23 { // > or #
                var j = i
                while j < limit, text[j] == b { j += 1 }
                i = spaces(j)
            } else if (b == 0x2D || b == 0x2A || b == 0x2B), i + 1 < limit, text[i + 1] == 0x20 { // - * +
                i = spaces(i + 1)
            } else if b == 0x5C, i + 2 < limit, text[i + 1] == 0x2A || text[i + 1] == 0x2D, text[i + 2] == 0x20 {
                // `\* ` or `\- `: a bullet the source typed into the text (a doubled bullet).
                i = spaces(i + 2)
            } else if b >= 0x30, b <= 0x39 { // 1. or 1)
                var j = i
                while j < limit, j - i < 9, text[j] >= 0x30, text[j] <= 0x39 { j += 1 }
                guard j + 1 < limit, text[j] == 0x2E || text[j] == 0x29, text[j + 1] == 0x20 else { return i }
                i = spaces(j + 1)
            } else if b == 0x5B, i + 1 < limit, text[i + 1] == 0x5E { // [^label]:
                var j = i + 2
                while j < limit, text[j] != 0x5D, text[j] != 0x0A { j += 1 }
                guard j + 1 < limit, text[j] == 0x5D, text[j + 1] == 0x3A else { return i }
                i = spaces(j + 2)
            } else {
                return i
            }
        }
        return min(i, limit)
    }

    /// The text before a mention, at most ``context`` characters, starting at a word.
    static func left(_ bytes: ArraySlice<UInt8>) -> String {
        let out = plainBytes(bytes)
        // Only the last `context` characters are kept: decode a window of a few hundred bytes
        // that starts at a character break; the whole text when the window is too short.
        var from = max(out.count - 4 * context, 0)
        while from > 0, !isCharacterBreak(out, from) { from -= 1 }
        // ASCII: one byte per character.
        if out[from...].allSatisfy({ $0 < 0x80 }) {
            if out.count - from > context { return cutLeft(out[(out.count - context)...]) }
            if from == 0 { return String(decoding: out.drop(while: { $0 == 0x20 }), as: UTF8.self) }
        }
        if from > 0 {
            let window = String(decoding: out[from...], as: UTF8.self)
            let tail = window.suffix(context)
            if tail.startIndex > window.startIndex { return cutLeft(tail) }
        }
        let s = String(decoding: out, as: UTF8.self)
        let tail = s.suffix(context)
        guard tail.startIndex > s.startIndex else { return s.drop(while: { $0 == " " }).description }
        return cutLeft(tail)
    }

    private static func cutLeft(_ tail: ArraySlice<UInt8>) -> String {
        if let space = tail.firstIndex(of: 0x20) { return "… " + String(decoding: tail[(space + 1)...], as: UTF8.self) }
        return "… " + String(decoding: tail, as: UTF8.self)
    }

    private static func cutLeft(_ tail: Substring) -> String {
        if let space = tail.firstIndex(of: " ") { return "… " + tail[tail.index(after: space)...] }
        return "… " + tail
    }

    /// The text after a mention, at most ``context`` characters, ending at a word.
    static func right(_ bytes: ArraySlice<UInt8>) -> String {
        // Only the first `context` characters are kept: read a few hundred bytes of output, and
        // the whole line only when those give too few characters to be sure of the cut (a later
        // byte could extend the last character).
        let limit = 4 * context
        let partial = plainBytes(bytes, outputLimit: limit)
        if partial.allSatisfy({ $0 < 0x80 }) {
            // ASCII: one byte per character; later bytes cannot join the first `context`.
            guard partial.count > context else { return String(decoding: partial, as: UTF8.self) }
            let head = partial[..<context]
            if let space = head.lastIndex(of: 0x20) { return String(decoding: head[..<space], as: UTF8.self) + " …" }
            return String(decoding: head, as: UTF8.self) + " …"
        }
        var s = String(decoding: partial, as: UTF8.self)
        if partial.count >= limit, s.count < context + 3 {
            s = String(decoding: plainBytes(bytes), as: UTF8.self)
        }
        let head = s.prefix(context)
        guard head.endIndex < s.endIndex else { return s }
        if let space = head.lastIndex(of: " ") { return head[..<space] + " …" }
        return head + " …"
    }
}

private extension StringProtocol {
    var description: String { String(self) }
}
