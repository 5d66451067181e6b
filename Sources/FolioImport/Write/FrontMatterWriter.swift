import FolioContent
import FolioCore
import Foundation

/// Writes front matter YAML by hand, in a fixed key order with every string double-quoted and
/// escaped, so titles with colons, quotes or `#` always parse and output is byte-stable.
enum FrontMatterWriter {
    /// A double-quoted YAML scalar.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\x%02X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func list(_ items: [String]) -> String {
        "[" + items.map(quote).joined(separator: ", ") + "]"
    }

    /// The front matter lines (without the `---` fences) of a page; `hash` goes last but one.
    static func lines(_ fm: FrontMatter) -> [String] {
        var out: [String] = ["title: \(quote(fm.title))"]
        if let subtitle = fm.subtitle { out.append("subtitle: \(quote(subtitle))") }
        if let document = fm.document { out.append("document: \(quote(document))") }
        if let order = fm.order { out.append("order: \(order)") }
        if let company = fm.company { out.append("company: \(quote(company))") }
        if let authors = fm.authors {
            if authors.isEmpty {
                out.append("authors: []")
            } else {
                out.append("authors:")
                for a in authors {
                    out.append("  - name: \(quote(a.name))")
                    if let role = a.role { out.append("    role: \(quote(role))") }
                }
            }
        }
        if let source = fm.source {
            out.append("source:")
            out.append("  file: \(quote(source.file))")
            out.append("  lines: [\(source.lines.map(String.init).joined(separator: ", "))]")
            if let map = source.map { out.append("  map: \(quote(map))") }
            if let page = source.page { out.append("  page: \(quote(page))") }
        }
        if let companies = fm.companies { out.append("companies: \(list(companies))") }
        if let cities = fm.cities { out.append("cities: \(list(cities))") }
        if let sdgs = fm.sdgs { out.append("sdgs: [\(sdgs.map(String.init).joined(separator: ", "))]") }
        if let technologies = fm.technologies { out.append("technologies: \(list(technologies))") }
        if let repairs = fm.repairs, !repairs.isEmpty {
            out.append("repairs: {" + repairs.keys.sorted().map { "\($0): \(repairs[$0] ?? 0)" }.joined(separator: ", ") + "}")
        }
        if let summary = fm.summary { out.append("summary: \(quote(summary))") }
        if let language = fm.language { out.append("language: \(quote(language))") }
        if let generated = fm.generated { out.append("generated: \(generated)") }
        if let hash = fm.hash { out.append("hash: \(quote(hash))") }
        return out
    }
}

/// The content hash recorded in generated files: FNV-1a (64-bit) over the file text without
/// its `hash:` line, so a later import can tell its own output from a hand edit.
public enum ContentHash {
    /// `fnv1a64:` followed by 16 hex digits.
    public static func of(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The file text with its front matter `hash:` line removed (what the hash covers).
    public static func hashedText(of fileText: String) -> String {
        // Only the front matter can hold the hash line; the body is copied as is.
        guard fileText.hasPrefix("---\n") else { return fileText }
        var out = "---\n"
        var rest = fileText.utf8.dropFirst(4)
        while let newline = rest.firstIndex(of: 10) {
            let line = Substring(rest[rest.startIndex..<newline])
            rest = rest[rest.index(after: newline)...]
            if line == "---" {
                out += "---\n"
                out += Substring(rest)
                return out
            }
            if !line.hasPrefix("hash: ") {
                out += line
                out += "\n"
            }
        }
        return out + Substring(rest)
    }

    /// The `hash:` value recorded in a file, if any.
    public static func recorded(in fileText: String) -> String? {
        guard fileText.hasPrefix("---\n") else { return nil }
        var rest = Substring(fileText).utf8.dropFirst(4)
        while let newline = rest.firstIndex(of: 10) {
            let line = Substring(rest[rest.startIndex..<newline])
            if line == "---" { return nil }
            if line.hasPrefix("hash: ") {
                var value = line.dropFirst(6)
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
                return String(value)
            }
            rest = rest[rest.index(after: newline)...]
        }
        return nil
    }

    /// True when the file is unchanged since import wrote it.
    public static func isUnedited(_ fileText: String) -> Bool {
        guard let recorded = recorded(in: fileText) else { return false }
        return of(hashedText(of: fileText)) == recorded
    }
}
