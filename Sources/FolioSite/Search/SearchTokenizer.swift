import Foundation

/// Splits text into the terms the search index stores: lower-cased, accents removed, split at
/// anything that is not a letter or digit, one-letter words and stop words dropped, stemmed with
/// ``PorterStemmer``. `Templates/assets/search.js` applies the same rules to queries.
public enum SearchTokenizer {
    /// Words longer than this are not indexed (tables of numbers, URLs run together).
    public static let maximumWordLength = 32

    /// The words of `text` in order, lower-cased and accent-free, before stop-word removal and
    /// stemming. One-letter words are dropped unless they are digits.
    public static func words(_ text: some StringProtocol) -> [String] {
        if let ascii = asciiWords(text) { return ascii }
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var length = 0
        var asciiOnly = true
        func flush() {
            if length > 0 {
                if length <= maximumWordLength && (length > 1 || current.first.map(isDigit) == true) {
                    let word = String(current)
                    words.append(asciiOnly ? word.lowercased() : fold(word))
                }
                current = String.UnicodeScalarView()
                length = 0
                asciiOnly = true
            }
        }
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
                length += 1
                if scalar.value >= 0x80 { asciiOnly = false }
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// ``words(_:)`` of ASCII text, scanning bytes and lower-casing them on the way; `nil` when
    /// `text` has a byte outside ASCII.
    static func asciiWords(_ text: some StringProtocol) -> [String]? {
        // Native strings and their slices are contiguous UTF-8; anything else is copied once.
        if let words = text.utf8.withContiguousStorageIfAvailable({ asciiWords(bytes: $0) }) { return words }
        var copy = String(text)
        return copy.withUTF8 { asciiWords(bytes: $0) }
    }

    /// ``asciiWords(_:)`` of UTF-8 bytes.
    private static func asciiWords(bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        var words: [String] = []
        var start = 0
        var i = 0
        func flush() {
            let length = i - start
            if length > 0 && length <= maximumWordLength && (length > 1 || (bytes[start] >= 48 && bytes[start] <= 57)) {
                words.append(String(unsafeUninitializedCapacity: length) { buffer in
                    for k in 0..<length {
                        let c = bytes[start + k]
                        buffer[k] = c >= 65 && c <= 90 ? c + 32 : c
                    }
                    return length
                })
            }
        }
        while i < bytes.count {
            let c = bytes[i]
            if c >= 0x80 { return nil }
            let isWord = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
            if !isWord {
                flush()
                start = i + 1
            }
            i += 1
        }
        flush()
        return words
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }

    /// Letters, digits and combining marks (which folding removes) belong to words.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 {
            return (v >= 97 && v <= 122) || (v >= 65 && v <= 90) || (v >= 48 && v <= 57)
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
    }

    /// Lower-cases and removes diacritics: `Zürich` → `zurich`.
    public static func fold(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
        return word.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
    }

    /// The index terms of `text`: words without stop words, stemmed.
    public static func terms(_ text: String) -> [String] {
        var cache = StemCache()
        return terms(text, cache: &cache)
    }

    /// The index terms of `text`, reusing stems already computed in `cache`.
    public static func terms(_ text: String, cache: inout StemCache) -> [String] {
        words(text).compactMap { word in
            stopWords.contains(word) ? nil : cache.stem(word)
        }
    }

    /// English words too common to be worth indexing. Written into the index so the browser
    /// drops the same words from queries.
    public static let stopWords: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "etc", "few", "for", "from", "further", "had", "has", "have", "having",
        "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "if", "in", "into", "is", "it",
        "its", "itself", "just", "may", "me", "might", "more", "most", "must", "my", "myself", "no", "nor", "not", "now",
        "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "shall",
        "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
        "there", "these", "they", "this", "those", "through", "thus", "to", "too", "under", "until", "up", "upon", "us",
        "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
        "within", "would", "you", "your", "yours", "yourself",
    ]
}

/// Stems already computed during one index build (a corpus has far fewer distinct words than words).
public struct StemCache: Sendable {
    private var stems: [String: String] = [:]

    public init() {}

    /// The stem of `word`, computed once.
    public mutating func stem(_ word: String) -> String {
        if let known = stems[word] { return known }
        let stem = PorterStemmer.stem(word)
        stems[word] = stem
        return stem
    }
}
