import Foundation

/// Makes URL- and id-safe slugs from titles and names, the one slug rule every stage shares.
public enum Slug {
    /// Lower-cases, folds diacritics, keeps ASCII letters and digits (and CJK characters),
    /// joins words with single hyphens and trims to `maxLength` characters at a word boundary.
    ///
    /// `Slug.make("Chengdu-Chongqing Economic Circle: 2021")` is `chengdu-chongqing-economic-circle-2021`.
    public static func make(_ text: String, maxLength: Int = 80) -> String {
        // Most names and headings are ASCII, where folding changes nothing but the case.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return join(asciiWords(text), maxLength: maxLength) }
        return makeFolding(text, maxLength: maxLength)
    }

    /// The rule for any text: Unicode folding first, then the words.
    static func makeFolding(_ text: String, maxLength: Int) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            let keep = (scalar.value < 128 && (CharacterSet.alphanumerics.contains(scalar)))
                || isCJK(scalar)
            if keep {
                current.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return join(words, maxLength: maxLength)
    }

    /// The words of ASCII text, lower-cased: runs of letters and digits; apostrophes join.
    private static func asciiWords(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5A: current.append(byte | 0x20)
            case 0x61...0x7A, 0x30...0x39: current.append(byte)
            case 0x27: continue
            default:
                if !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// Words joined by hyphens, cut at a word boundary to `maxLength` characters.
    private static func join(_ words: [String], maxLength: Int) -> String {
        var slug = ""
        for word in words {
            let candidate = slug.isEmpty ? word : slug + "-" + word
            if candidate.count > maxLength && !slug.isEmpty { break }
            slug = candidate
        }
        return slug.isEmpty ? "section" : String(slug.prefix(maxLength))
    }

    private static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3040...0x30FF).contains(scalar.value)
            || (0x3400...0x4DBF).contains(scalar.value) || (0xAC00...0xD7AF).contains(scalar.value)
    }
}

/// Hands out slugs that are unique within one scope (a page's heading ids, a document's article slugs).
public struct UniqueSlugger: Sendable {
    private var used: [String: Int] = [:]

    public init(reserved: [String] = []) {
        for r in reserved { used[r] = 1 }
    }

    /// Returns `base`, or `base-2`, `base-3`… when it was handed out already.
    public mutating func unique(_ base: String) -> String {
        guard let count = used[base] else {
            used[base] = 1
            return base
        }
        var n = count + 1
        while used["\(base)-\(n)"] != nil { n += 1 }
        used[base] = n
        used["\(base)-\(n)"] = 1
        return "\(base)-\(n)"
    }
}
