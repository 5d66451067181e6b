/// Escapes text for HTML and XML content and attribute values: the one escaping rule that every
/// page, chart and sanitized tag shares.
public enum HTMLEscaping {
    /// Escapes `<`, `>`, `&`, `"` and `'` (as `&#39;`), per character, so a quote that a combining
    /// mark turns into another character stays as it is. Decided on bytes when every escaped byte
    /// has ASCII neighbours (then it is a character of its own).
    public static func escape(_ value: String) -> String {
        let scan: (needs: Bool, safe: Bool)? = value.utf8.withContiguousStorageIfAvailable { bytes in
            var needs = false, safe = true
            for (i, b) in bytes.enumerated() where b == 0x3C || b == 0x3E || b == 0x26 || b == 0x22 || b == 0x27 {
                needs = true
                if (i > 0 && bytes[i - 1] >= 0x80) || (i + 1 < bytes.count && bytes[i + 1] >= 0x80) { safe = false }
            }
            return (needs, safe)
        }
        if let scan, !scan.needs { return value }
        if let scan, scan.safe {
            var out: [UInt8] = []
            out.reserveCapacity(value.utf8.count + 16)
            for b in value.utf8 {
                switch b {
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                case 0x27: out.append(contentsOf: "&#39;".utf8)
                default: out.append(b)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for c in value {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
