import FolioCore
import Foundation

/// Maps the many spellings of a company (table of contents, bylines) to one canonical name.
struct CompanyResolver: Sendable {
    /// Comparison key of every spelling → canonical name.
    private var canonicalByKey: [String: String]
    /// Length in bytes of the longest spelling key.
    private var longestKey: Int

    /// - Parameters:
    ///   - table: canonical name → spellings, from the manifest; these win.
    ///   - gazetteer: canonical name → spellings from the company gazetteer, used for every
    ///     spelling the manifest does not settle.
    init(table: [String: [String]], gazetteer: [String: [String]] = [:]) {
        var byKey: [String: String] = [:]
        for source in [gazetteer, table] {
            for (canonical, spellings) in source.sorted(by: { $0.key < $1.key }) {
                for spelling in spellings + [canonical] {
                    let key = TextNormalizer.key(spelling)
                    if !key.isEmpty { byKey[key] = canonical }
                }
            }
        }
        // A manifest name the gazetteer knows under another name takes the gazetteer's name.
        for (key, canonical) in byKey {
            let canonicalKey = TextNormalizer.key(canonical)
            if let renamed = byKey[canonicalKey], renamed != canonical, table[renamed] == nil { byKey[key] = renamed }
        }
        canonicalByKey = byKey
        longestKey = byKey.keys.map(\.utf8.count).max() ?? 0
    }

    /// The canonical company when `text` is exactly one of its spellings (ignoring case,
    /// punctuation and a trailing parenthesis such as `(SMFG)`).
    func exact(_ text: String) -> String? {
        var t = text
        if t.hasSuffix(")"), let open = t.lastIndex(of: "(") { t = String(t[..<open]) }
        let key = TextNormalizer.key(t)
        guard !key.isEmpty else { return nil }
        return canonicalByKey[key]
    }

    /// The canonical company whose spelling appears as whole words in `text`; the longest
    /// spelling wins, then the earliest.
    func mentioned(in text: String) -> String? {
        let keys = Self.words(text).map { TextNormalizer.key(String($0)) }
        var best: (length: Int, canonical: String)?
        for start in keys.indices {
            var acc = ""
            for end in start..<keys.count {
                acc += keys[end]
                if acc.utf8.count > longestKey { break }
                if acc.utf8.count >= 2, let canonical = canonicalByKey[acc], acc.utf8.count > (best?.length ?? 0) {
                    best = (acc.utf8.count, canonical)
                }
            }
        }
        return best?.canonical
    }

    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "/" })
    }
}
