import Foundation

/// Makes URL- and id-safe slugs from titles and names, the one slug rule every stage shares.
public enum Slug {
    /// Lower-cases, folds diacritics, keeps ASCII letters and digits (and CJK characters),
    /// joins words with single hyphens and trims to `maxLength` characters at a word boundary.
    ///
    /// `Slug.make("Chengdu-Chongqing Economic Circle: 2021")` is `chengdu-chongqing-economic-circle-2021`.
    public static func make(_ text: String, maxLength: Int = 80) -> String {
        // Most names and headings are ASCII, where folding changes nothing but the case.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return makeASCII(text, maxLength: maxLength) }
        return makeFolding(text, maxLength: maxLength)
    }

    /// The rule for ASCII text, in one pass over its bytes: the words (runs of letters and
    /// digits, lower-cased; apostrophes join) of ``makeFolding(_:maxLength:)``, joined and cut as
    /// ``join(_:maxLength:)`` does, where every character is one byte.
    static func makeASCII(_ text: String, maxLength: Int) -> String {
        var slug: [UInt8] = []
        var word: [UInt8] = []
        /// Adds the current word; false once the slug is full (as `join` stops at the first
        /// word that does not fit).
        func addWord() -> Bool {
            defer { word.removeAll(keepingCapacity: true) }
            guard !word.isEmpty else { return true }
            if slug.isEmpty {
                slug = word
                return true
            }
            guard slug.count + 1 + word.count <= maxLength else { return false }
            slug.append(0x2D)
            slug.append(contentsOf: word)
            return true
        }
        scan: for byte in text.utf8 {
            switch byte {
            case 0x41...0x5A: word.append(byte | 0x20)
            case 0x61...0x7A, 0x30...0x39: word.append(byte)
            case 0x27: continue
            default: if !addWord() { break scan }
            }
        }
        _ = addWord()
        return slug.isEmpty ? "section" : String(decoding: slug.prefix(max(maxLength, 0)), as: UTF8.self)
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
