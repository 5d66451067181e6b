import FolioCore
import Foundation
import Yams

/// Measures entity extraction against hand-labelled passages (`Benchmarks/entities/passages.yml`):
/// precision and recall per kind, for Folio's tagger or for spans another system produced.
public enum ExtractionBenchmark {
    /// The kinds measured.
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case organisation, place, technology
    }

    /// One labelled passage: a line of a raw source, or a paragraph of hard-wrapped lines, and the
    /// entities a reader found in it.
    public struct Passage: Sendable, Equatable {
        /// `cmia-2021:125`, or `crc-paper:63-72` for a paragraph of several lines.
        public var id: String
        public var source: String
        public var line: Int
        /// The paragraph's last line (`line` for a one-line passage).
        public var lastLine: Int
        /// `tuning` or `held-out`.
        public var split: String
        /// Per kind, one entry per entity: the forms the passage writes it in.
        public var labels: [Kind: [[String]]]

        public init(id: String, source: String, line: Int, lastLine: Int? = nil, split: String, labels: [Kind: [[String]]]) {
            self.id = id
            self.source = source
            self.line = line
            self.lastLine = lastLine ?? line
            self.split = split
            self.labels = labels
        }
    }

    /// Counts for one kind.
    public struct Score: Sendable, Equatable, Codable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0
        public init() {}
        public var precision: Double { Double(truePositives) / Double(max(truePositives + falsePositives, 1)) }
        public var recall: Double { Double(truePositives) / Double(max(truePositives + falseNegatives, 1)) }
    }

    /// A result: scores per kind and the passages' misses and extras, for reading.
    public struct Result: Sendable {
        public var scores: [Kind: Score]
        /// `missing cmia-2021:125 place "Chongqing"`, `extra …`.
        public var differences: [String]
        public var passages: Int
    }

    /// Reads the passages file.
    /// - Throws: ``EntitiesError`` naming the line of a malformed entry.
    public static func passages(from url: URL, display: String) throws -> [Passage] {
        let node = try Gazetteers.compose(url, file: display)
        guard let list = node.sequence else { throw EntitiesError.malformed(file: display, line: 1, message: "expected a list of passages") }
        return try list.map { item in
            let line = item.mark?.line ?? 1
            guard let map = item.mapping, let id = map["passage"]?.string, let colon = id.lastIndex(of: ":"),
                  let lines = Self.lineRange(id[id.index(after: colon)...]), let split = map["split"]?.string
            else {
                throw EntitiesError.malformed(file: display, line: line, message: "every passage needs `passage: \"<source>:<line>\"` (or `<source>:<first>-<last>`) and `split`")
            }
            var labels: [Kind: [[String]]] = [:]
            for kind in Kind.allCases {
                let key = kind == .organisation ? "organisations" : kind == .place ? "places" : "technologies"
                labels[kind] = (map[key]?.sequence ?? []).compactMap(\.string).map { $0.components(separatedBy: " | ") }
            }
            return Passage(id: id, source: String(id[..<colon]), line: lines.lowerBound, lastLine: lines.upperBound, split: split, labels: labels)
        }
    }

    /// `125` or `63-72` as a line range; nil when malformed or backwards.
    static func lineRange(_ text: Substring) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count <= 2, let first = Int(parts[0]), first >= 1 else { return nil }
        guard parts.count == 2 else { return first...first }
        guard let last = Int(parts[1]), last >= first else { return nil }
        return first...last
    }

    /// The text of a passage. One line is taken as written; a paragraph of several lines (as a
    /// converter wrapped it) is read as one line, every run of white space made a single space.
    public static func text(of passage: Passage, in lines: [Substring]) -> String {
        guard passage.lastLine > passage.line else { return String(lines[passage.line - 1]) }
        return lines[(passage.line - 1)..<passage.lastLine]
            .flatMap { $0.split(whereSeparator: \.isWhitespace) }
            .joined(separator: " ")
    }

    /// Folio's outermost mentions in `text`, per kind (companies are organisations).
    public static func spans(_ tagger: EntityTagger, text: String) -> [Kind: [String]] {
        let result = tagger.analyze(markdown: text, linking: false)
        var all: [(kind: Kind, start: Int, end: Int, text: String)] = []
        for occurrence in result.occurrences {
            let kind: Kind
            switch occurrence.term.kind {
            case .company: kind = .organisation
            case .place: kind = .place
            case .technology: kind = .technology
            case .sdg: continue
            }
            for m in occurrence.mentions { all.append((kind, m.offset, m.offset + m.text.utf8.count, m.text)) }
        }
        // Outermost only: a name inside a longer one is part of it.
        let outer = all.filter { a in !all.contains { b in b.start <= a.start && b.end >= a.end && (b.end - b.start) > (a.end - a.start) } }
        var out: [Kind: [String]] = [:]
        for span in outer { out[span.kind, default: []].append(span.text) }
        return out
    }

    /// Scores found spans against the labels of `passages`.
    /// - Parameter found: per passage id, per kind, the strings a system found.
    public static func score(_ passages: [Passage], found: [String: [Kind: [String]]]) -> Result {
        var scores: [Kind: Score] = [:]
        var differences: [String] = []
        for passage in passages {
            for kind in Kind.allCases {
                var score = scores[kind] ?? Score()
                let labels = passage.labels[kind] ?? []
                var items: [[String]] = []
                for s in found[passage.id]?[kind] ?? [] {
                    let t = tokens(s)
                    if !t.isEmpty, !items.contains(t) { items.append(t) }
                }
                var used = Set<Int>()
                for entity in labels {
                    let forms = entity.map(tokens)
                    let hits = items.indices.filter { i in forms.contains { matches(items[i], $0) } }
                    if hits.isEmpty {
                        score.falseNegatives += 1
                        differences.append("missing \(passage.id) \(kind.rawValue) \"\(entity[0])\"")
                    } else {
                        score.truePositives += 1
                        used.formUnion(hits)
                    }
                }
                for i in items.indices where !used.contains(i) {
                    score.falsePositives += 1
                    differences.append("extra   \(passage.id) \(kind.rawValue) \"\(items[i].joined(separator: " "))\"")
                }
                scores[kind] = score
            }
        }
        return Result(scores: scores, differences: differences, passages: passages.count)
    }

    /// Lower-cased words, without punctuation, a leading `the` or a possessive `s`.
    static func tokens(_ s: String) -> [String] {
        var words = s.lowercased().replacingOccurrences(of: "’", with: "'")
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        if words.first == "the" { words.removeFirst() }
        words.removeAll { $0 == "s" }
        return words
    }

    /// Equal, or one contains the other as whole words and the shorter is at least half as long.
    static func matches(_ a: [String], _ b: [String]) -> Bool {
        if a == b { return true }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard !short.isEmpty, short.count * 2 >= long.count else { return false }
        for start in 0...(long.count - short.count) where Array(long[start..<(start + short.count)]) == short { return true }
        return false
    }
}
