import FolioCore
import Foundation
/// Maps the many spellings of a company (table of contents, bylines) to one canonical name.
struct CompanyResolver: Sendable {
    /// (alias key, canonical), longest alias first.
    private var aliases: [(key: String, canonical: String)]

    init(table: [String: [String]]) {
        var list: [(String, String)] = []
        for (canonical, spellings) in table {
            for spelling in spellings + [canonical] {
                let key = TextNormalizer.key(spelling)
                if !key.isEmpty { list.append((key, canonical)) }
            }
        }
        aliases = list.sorted { $0.0.count != $1.0.count ? $0.0.count > $1.0.count : ($0.0, $0.1) < ($1.0, $1.1) }
            .map { (key: $0.0, canonical: $0.1) }
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
