import FolioCore
import Foundation

/// Maps the many spellings of a company (table of contents, bylines) to one canonical name.
struct CompanyResolver: Sendable {
    /// (alias key, canonical), longest alias first.
    private var aliases: [(key: String, canonical: String)]

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
        aliases = byKey.map { (key: $0.key, canonical: $0.value) }
            .sorted { $0.key.count != $1.key.count ? $0.key.count > $1.key.count : ($0.key, $0.canonical) < ($1.key, $1.canonical) }
    }

    /// The canonical company when `text` is exactly one of its spellings (ignoring case,
    /// punctuation and a trailing parenthesis such as `(SMFG)`).
    func exact(_ text: String) -> String? {
        var t = text
        if t.hasSuffix(")"), let open = t.lastIndex(of: "(") { t = String(t[..<open]) }
        let key = TextNormalizer.key(t)
        guard !key.isEmpty else { return nil }
        return aliases.first { $0.key == key }?.canonical
    }

    /// The canonical company whose spelling appears as whole words in `text`, longest first.
    func mentioned(in text: String) -> String? {
        let words = Self.words(text)
        guard !words.isEmpty else { return nil }
        let joinedKeys = words.map { TextNormalizer.key(String($0)) }
        for alias in aliases where alias.key.count >= 2 {
            // Try every run of consecutive words whose keys concatenate to the alias key.
            for start in joinedKeys.indices {
                var acc = ""
                var end = start
                while end < joinedKeys.count && acc.count < alias.key.count {
                    acc += joinedKeys[end]
                    end += 1
                }
                if acc == alias.key { return alias.canonical }
            }
        }
        return nil
    }

    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "/" })
    }
}
