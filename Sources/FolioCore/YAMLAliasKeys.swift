import Foundation

/// Finds YAML whose mapping keys may hold aliases, which Folio refuses before parsing: the YAML
/// library hashes every key to find duplicates, and a key is hashed with the whole expansion of
/// the aliases in it, so ten nested anchors of ten items each (a few hundred bytes) keep it busy
/// for hours. A key can hold an alias only if it is an alias (`*name: value`), an explicit key
/// (`? …`) or a flow collection (`[…]: value`); such keys are refused in text that uses aliases.
/// Aliases as values stay allowed: they are never expanded.
public enum YAMLAliasKeys {
    /// The message for a refused key.
    public static let message = "a mapping key that is an alias, `? …` or `[…]`, in text that uses aliases (`*name`): the YAML parser would expand them in full"
    /// The hint for a refused key.
    public static let hint = "write keys as plain text; use aliases only as values"

    /// The 1-based line of the first key that could hold an alias, when `text` uses aliases;
    /// otherwise `nil`.
    public static func firstLine(in text: String) -> Int? {
        var aliasSeen = false
        var complexKeyLine: Int?
        let bytes = Array(text.utf8)
        var line = 1
        var index = 0
        // Whether the next non-space byte starts a node: line start, after `- `, `? `, `: `,
        // `[`, `{` or `,`. Quoted scalars start only there; elsewhere a quote is text.
        var atNodeStart = true
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x0A:
                line += 1
                atNodeStart = true
                index += 1
                continue
            case 0x20, 0x09, 0x0D:
                index += 1
                continue
            case UInt8(ascii: "#") where index == 0 || [0x20, 0x09, 0x0A].contains(bytes[index - 1]):
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                continue
            case UInt8(ascii: "\"") where atNodeStart, UInt8(ascii: "'") where atNodeStart:
                // A quoted scalar: skip to its closing quote (`\"` and `''` escape one).
                let quote = byte
                index += 1
                while index < bytes.count {
                    if bytes[index] == 0x0A { line += 1 }
                    if quote == UInt8(ascii: "\""), bytes[index] == UInt8(ascii: "\\") {
                        index += 2
                        continue
                    }
                    if bytes[index] == quote {
                        if quote == UInt8(ascii: "'"), index + 1 < bytes.count, bytes[index + 1] == quote {
                            index += 2
                            continue
                        }
                        break
                    }
                    index += 1
                }
                index += 1
                atNodeStart = false
                continue
            case UInt8(ascii: "*") where atNodeStart:
                var end = index + 1
                while end < bytes.count, isAnchorByte(bytes[end]) { end += 1 }
                aliasSeen = true
                var next = end
                while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
                if next < bytes.count, bytes[next] == UInt8(ascii: ":") { return line }
                if let complexKeyLine { return complexKeyLine }
                index = end
                atNodeStart = false
                continue
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                // A flow collection followed by `:` is a key.
                var next = index + 1
                while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
                if next < bytes.count, bytes[next] == UInt8(ascii: ":") {
                    if complexKeyLine == nil { complexKeyLine = line }
                    if aliasSeen { return complexKeyLine }
                }
                atNodeStart = false
                index += 1
                continue
            default:
                break
            }
            let following = index + 1 < bytes.count ? bytes[index + 1] : 0x0A
            let separated = following == 0x20 || following == 0x09 || following == 0x0A || following == 0x0D
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","):
                atNodeStart = true
            case UInt8(ascii: "-") where atNodeStart && separated:
                atNodeStart = true
            case UInt8(ascii: "?") where atNodeStart && separated:
                atNodeStart = true
                if complexKeyLine == nil { complexKeyLine = line }
                if aliasSeen { return complexKeyLine }
            case UInt8(ascii: ":") where separated:
                atNodeStart = true
            default:
                atNodeStart = false
            }
            index += 1
        }
        return nil
    }

    /// Bytes libyaml accepts in an anchor or alias name.
    static func isAnchorByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
}

/// Makes YAML text count lines the way Folio's messages do, at line feeds only. YAML also breaks
/// lines at a carriage return without a line feed and at U+0085, U+2028 and U+2029, so the
/// parser's line numbers would run past the file's lines; those characters are read as spaces.
/// Windows line endings (`\r\n`) are left as they are: both count them as one break.
public enum YAMLText {
    /// `text` with every YAML line break other than `\n` and `\r\n` replaced by a space.
    public static func prepared(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: { $0 == "\r" || $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }) else { return text }
        var result = String.UnicodeScalarView()
        var iterator = scalars.makeIterator()
        var pending = iterator.next()
        while let scalar = pending {
            let next = iterator.next()
            switch scalar {
            case "\r" where next != "\n", "\u{85}", "\u{2028}", "\u{2029}":
                result.append(" ")
            default:
                result.append(scalar)
            }
            pending = next
        }
        return String(result)
    }
}
