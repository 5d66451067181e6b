/// Keyword-in-context text cut from Markdown: markup removed, cut at word boundaries.
enum Snippets {
    /// Characters of context kept on each side of a mention.
    static let context = 70

    /// Markdown inline text as plain text: emphasis marks, code ticks, link destinations,
    /// footnote references and HTML tags removed.
    static func plain(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            switch b {
            case 0x2A, 0x60: // * `
                i += 1
            case 0x5F where (i == bytes.startIndex || !ByteClass.isWordByte(bytes[i - 1])) || (i + 1 >= end || !ByteClass.isWordByte(bytes[i + 1])):
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
                    out.append(b)
                    i += 1
                }
            case 0x5C: // backslash escape
                if i + 1 < end, bytes[i + 1] < 0x80, !ByteClass.isWordByte(bytes[i + 1]) {
                    out.append(bytes[i + 1])
                    i += 2
                } else {
                    out.append(b)
                    i += 1
                }
            case 0x09, 0x0A, 0x0D, 0x20:
                if out.last != 0x20 { out.append(0x20) }
                i += 1
            default:
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The text before a mention, at most ``context`` characters, starting at a word.
    static func left(_ bytes: ArraySlice<UInt8>) -> String {
        let s = plain(bytes)
        guard s.count > context else { return s.drop(while: { $0 == " " }).description }
        let tail = s.suffix(context)
        if let space = tail.firstIndex(of: " ") { return "… " + tail[tail.index(after: space)...] }
        return "… " + tail
    }

    /// The text after a mention, at most ``context`` characters, ending at a word.
    static func right(_ bytes: ArraySlice<UInt8>) -> String {
        let s = plain(bytes)
        guard s.count > context else { return s }
        let head = s.prefix(context)
        if let space = head.lastIndex(of: " ") { return head[..<space] + " …" }
        return head + " …"
    }
}

private extension StringProtocol {
    var description: String { String(self) }
}
