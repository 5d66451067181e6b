import FolioContent
import FolioCore
import Foundation

/// Finds names the document misspells once or twice: a capitalised word one letter away
/// (a changed letter, or two letters swapped) from a name the same document writes many times,
/// such as `Chongging` beside 1,200 × `Chongqing`. Reports them (`IMP070`) with the correction
/// to add; it never changes the text, since only an editor can tell a typo from a second name.
public struct NameSpellingCheck: DocumentStep {
    public let name = "spelling"
    /// How often a name must occur to count as the document's spelling.
    public var frequent: Int
    /// How often a near-miss may occur at most to count as a slip.
    public var rare: Int

    public init(frequent: Int = 20, rare: Int = 2) {
        self.frequent = frequent
        self.rare = rare
    }

    public func apply(to document: inout DocumentDraft, findings: inout [ImportFinding]) {
        var counts: [String: Int] = [:]
        // Occurrences inside a sentence: a name there is capitalised for being a name, not for
        // opening a sentence (`Retrieved from …` is no name).
        var inSentence: [String: Int] = [:]
        var first: [String: (article: Int, line: Int)] = [:]
        for (a, article) in document.articles.enumerated() {
            for (word, _) in Self.names(in: article.title) {
                counts[word, default: 0] += 1
                if first[word] == nil { first[word] = (a, article.sourceLines.lowerBound) }
            }
            // Reference entries, note definitions and citation previews quote other works' titles,
            // whose spelling is theirs (`Heteroscedasticity` in a cited title).
            for line in article.lines where !line.text.hasPrefix("<") && !line.text.hasPrefix("- <span id=\"ref-") && !line.text.hasPrefix("[^") {
                let text = TextSearch.range(of: "(#ref-", in: line.text) != nil ? line.text.replacing(/\(#ref-[^\s)]*(?: "[^"]*")?\)/, with: "") : line.text
                for (word, inside) in Self.names(in: text) {
                    counts[word, default: 0] += 1
                    if inside { inSentence[word, default: 0] += 1 }
                    if first[word] == nil { first[word] = (a, line.number) }
                }
            }
        }
        let common = counts.filter { $0.value >= frequent && (inSentence[$0.key] ?? 0) * 2 >= $0.value }
        var byLength: [Int: [String]] = [:]
        for word in common.keys { byLength[word.count, default: []].append(word) }
        for (word, count) in counts.sorted(by: { $0.key < $1.key }) where count <= rare && common[word] == nil {
            let letters = Array(word)
            guard let match = byLength[letters.count]?.sorted().first(where: { Self.oneSlipApart(letters, Array($0)) }),
                  let place = first[word], let times = common[match], times >= 10 * count else { continue }
            findings.append(ImportFinding(
                code: "IMP070", severity: .warning,
                message: "`\(word)` (\(count)×) looks like a misspelling of `\(match)`, which this document writes \(times) times",
                hint: "if it is a typo, add a correction: `{document: \(document.metadata.slug), find: \"\(word)\", replace: \"\(match)\"}`",
                sourceLine: place.line, articleIndex: place.article, markers: [word]))
        }
    }

    /// Capitalised words of six letters or more (apostrophes end a word: `Chongqing's`), each
    /// with whether it stands inside a sentence (after a word or a comma, not at a line's start
    /// or after a full stop, colon or bracket).
    ///
    /// Text is read byte by byte where it is ASCII (a letter or a space is then one byte); any
    /// other character is read whole, with its Unicode properties.
    static func names(in text: String) -> [(word: String, inSentence: Bool)] {
        var out: [(word: String, inSentence: Bool)] = []
        var current = ""
        var currentIsASCII = true
        var before: Character?
        var lastNonSpace: Character?
        func flush() {
            defer {
                current = ""
                currentIsASCII = true
            }
            if currentIsASCII {
                let bytes = current.utf8
                guard bytes.count >= 6, let head = bytes.first, head >= 0x41, head <= 0x5A,
                      bytes.dropFirst().allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return }
            } else {
                guard current.count >= 6, let head = current.first, head.isUppercase, current.dropFirst().allSatisfy(\.isLowercase) else { return }
            }
            out.append((current, before.map { $0.isLetter || $0 == "," } ?? false))
        }
        let utf8 = text.utf8
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let byte = utf8[i]
            let next = utf8.index(after: i)
            let character: Character, isLetter: Bool, isWhitespace: Bool, after: String.Index
            // An ASCII byte before another ASCII byte (but CR before LF) is a character of its own.
            if byte < 0x80, next == utf8.endIndex || (utf8[next] < 0x80 && !(byte == 0x0D && utf8[next] == 0x0A)) {
                character = Character(Unicode.Scalar(byte))
                isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
                isWhitespace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                after = next
            } else {
                character = text[i]
                isLetter = character.isLetter
                isWhitespace = character.isWhitespace
                after = text.index(after: i)
            }
            if isLetter {
                if current.isEmpty { before = lastNonSpace }
                current.append(character)
                if byte >= 0x80 || after != next { currentIsASCII = false }
            } else {
                flush()
            }
            if !isWhitespace { lastNonSpace = character }
            i = after
        }
        flush()
        return out
    }

    /// One changed letter (not the first), or two neighbouring letters swapped.
    static func oneSlipApart(_ a: [Character], _ b: [Character]) -> Bool {
        guard a.count == b.count, a.first == b.first, a != b else { return false }
        let differences = a.indices.filter { a[$0] != b[$0] }
        if differences.count == 1 { return true }
        if differences.count == 2, differences[1] == differences[0] + 1 {
            // `Centre` / `Center` is a spelling, not a slip.
            if differences[1] == a.count - 1, Set([a[differences[0]], a[differences[1]]]) == ["r", "e"] { return false }
            return a[differences[0]] == b[differences[1]] && a[differences[1]] == b[differences[0]]
        }
        return false
    }
}
