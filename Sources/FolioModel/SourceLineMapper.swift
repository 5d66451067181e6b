import FolioContent
import FolioCore
import FolioMarkdown
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Maps a line of an imported article back to the line of `Content/sources/` it came from.
///
/// Import keeps the source order of the text and records each article's range in
/// `source: {file, lines: [first, last]}`. Within that range the mapper anchors on the text
/// itself: it normalises the article line (markup, footnote markers and punctuation removed,
/// letters and digits lower-cased) and finds the source line in the range whose normalised
/// text contains its first characters, preferring the one nearest the line's proportional
/// position; that survives re-joined paragraphs, moved footnote definitions and re-levelled
/// headings. When no text matches (a generated line, a heavy correction) it falls back to the
/// proportional position in the range. Sources are read once, lazily per file, and cached.
public struct SourceLineMapper: Sendable {
    private let projectRoot: URL
    private let cache: SourceCache

    /// - Parameter projectRoot: the directory paths in front matter are relative to.
    public init(projectRoot: URL) {
        self.projectRoot = projectRoot
        cache = SourceCache()
    }

    /// Reads and normalises one source file into the cache (safe from several threads).
    public func preload(_ file: String) -> Bool {
        cache.lines(of: file, root: projectRoot) != nil
    }

    /// The source location of body line `bodyLine` of `page`, or `nil` for pages without `source`.
    /// - Parameters:
    ///   - bodyLines: the page's body split into lines (passed in to avoid splitting again).
    ///   - note: the footnote label the finding is about; when the import moved its marker (out of
    ///     a heading, across a page break), the nearby source line that holds the marker is named.
    public func sourceLocation(for page: Page, bodyLine: Int, bodyLines: [Substring]? = nil, note: Int? = nil) -> SourceLocation? {
        guard let range = page.frontMatter.source, range.lines.count == 2 else { return nil }
        let first = range.lines[0], last = max(range.lines[0], range.lines[1])
        guard first >= 1 else { return nil }
        let lines = bodyLines ?? TextLines.split(page.body)
        // The importer's exact map: the line's own source line, else that of the block it is in.
        if range.map != nil, let exact = cache.exactMap(for: page.path, range: range, lines: lines).flatMap({ Self.walk($0, bodyLine: bodyLine, lines: lines) }) {
            if let note, let raw = cache.raw(of: range.file, root: projectRoot), exact <= raw.count,
               !Self.holds(note: note, raw[exact - 1]), let moved = Self.nearestLine(holding: note, in: raw, near: exact) {
                return SourceLocation(file: range.file, line: moved)
            }
            return SourceLocation(file: range.file, line: exact)
        }
        let total = max(1, lines.count)
        let clamped = min(max(bodyLine, 1), total)
        let proportional = first + Int((Double(clamped - 1) / Double(max(1, total - 1)) * Double(last - first)).rounded())
        guard let source = cache.lines(of: range.file, root: projectRoot) else {
            return SourceLocation(file: range.file, line: proportional)
        }
        let upper = min(last, source.count)
        guard first <= upper else { return SourceLocation(file: range.file, line: proportional) }
        // Try this line, then the nearest lines above it with enough text.
        var candidate = clamped
        while candidate >= 1, clamped - candidate <= 3 {
            let key = Self.normalise(lines[candidate - 1])
            if key.count >= 8 {
                if let hit = Self.find(key, in: source, range: first...upper, near: proportional) {
                    return SourceLocation(file: range.file, line: hit)
                }
            }
            candidate -= 1
        }
        return SourceLocation(file: range.file, line: min(proportional, max(first, upper)))
    }

    /// Whether the map still describes the body: every mapped line exists and holds text.
    static func fits(_ map: [Int: Int], lines: [Substring]) -> Bool {
        guard !map.isEmpty, let lastMapped = map.keys.max(), lastMapped <= lines.count else { return false }
        return map.keys.allSatisfy { !lines[$0 - 1].allSatisfy(\.isWhitespace) }
    }

    /// The source line the importer recorded for `bodyLine`, or for the nearest line above it in
    /// the same block (no blank line between); `nil` when the map does not cover the line.
    static func walk(_ map: [Int: Int], bodyLine: Int, lines: [Substring]) -> Int? {
        var line = bodyLine
        while line >= 1, line <= lines.count {
            if let source = map[line] { return source }
            if lines[line - 1].allSatisfy(\.isWhitespace) { return nil }
            line -= 1
        }
        return nil
    }

    /// Whether a raw source line writes a marker of footnote `label` in any form the sources use:
    /// `<sup>7</sup>`, `<sup>[7]</sup>`, `[^7]`, `[7]`, `^7` or superscript digits.
    static func holds(note label: Int, _ line: [UInt8]) -> Bool {
        let digits = String(label)
        let text = String(decoding: line, as: UTF8.self)
        let forms = ["<sup>\(digits)<", "<sup>[\(digits)]", "[^\(digits)]", "[\(digits)]", "^\(digits)"]
        if forms.contains(where: { text.contains($0) }) { return true }
        let superscript = String(digits.map { Self.superscriptDigits[Int(String($0)) ?? 0] })
        return text.contains(superscript)
    }

    private static let superscriptDigits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]

    /// The source line nearest `line` (a few lines above it first: a heading or page break the
    /// marker was moved from, then below) that holds a marker of `label`.
    static func nearestLine(holding label: Int, in raw: [[UInt8]], near line: Int) -> Int? {
        for distance in 1...12 {
            for candidate in [line - distance, line + distance] where candidate >= 1 && candidate <= raw.count {
                if holds(note: label, raw[candidate - 1]) { return candidate }
            }
        }
        return nil
    }

    /// Finds the source line containing the first characters of `key` (or a middle slice of it).
    static func find(_ key: [UInt8], in source: [[UInt8]], range: ClosedRange<Int>, near: Int) -> Int? {
        let probes: [ArraySlice<UInt8>] = [
            key.prefix(32),
            key.count > 24 ? key[12..<min(key.count, 36)] : key.prefix(16),
        ]
        // Near the proportional position first, then the whole range.
        let window = max(range.lowerBound, near - 80)...min(range.upperBound, max(near + 80, range.lowerBound))
        for probe in probes where probe.count >= 8 {
            for candidates in [window, range] {
                var best: Int?
                for line in candidates where contains(source[line - 1], probe) {
                    if let current = best, abs(line - near) >= abs(current - near) { continue }
                    best = line
                }
                if let best { return best }
            }
        }
        return nil
    }

    static func contains(_ haystack: [UInt8], _ needle: ArraySlice<UInt8>) -> Bool {
        guard !needle.isEmpty else { return false }
        return haystack.withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { ByteSearch.firstIndex(of: $0, in: h) != nil } }
    }

    /// Letters and digits of a line, lower-cased, as UTF-8; footnote markers (`[^n]`,
    /// `<sup>n</sup>`), HTML tags, punctuation and Markdown syntax dropped. Works on bytes:
    /// ASCII letters and digits are kept, other ASCII dropped, non-ASCII kept except general
    /// punctuation (dashes, curly quotes) and no-break spaces.
    static func normalise<S: StringProtocol>(_ line: S) -> [UInt8] {
        normalise(bytes: Array(line.utf8)[...])
    }

    /// ``normalise(_:)`` on the UTF-8 bytes of one line.
    static func normalise(bytes slice: ArraySlice<UInt8>) -> [UInt8] {
        var bytes = slice
        if bytes.count > 2, bytes[bytes.startIndex] == 0x5B, bytes[bytes.startIndex + 1] == 0x5E, let close = bytes.firstIndex(of: 0x5D) {
            bytes = bytes[(close + 1)...]
        }
        return bytes.withUnsafeBufferPointer { normalise(buffer: $0) }
    }

    private static func normalise(buffer bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        let n = bytes.count
        var i = 0
        let supOpen: [UInt8] = Array("<sup>".utf8), supClose: [UInt8] = Array("</sup>".utf8)
        func matches(_ pattern: [UInt8], at index: Int) -> Bool {
            guard index + pattern.count <= n else { return false }
            for k in 0..<pattern.count where bytes[index + k] != pattern[k] { return false }
            return true
        }
        while i < n {
            let b = bytes[i]
            if b == 0x3C {
                if matches(supOpen, at: i) {
                    var j = i + supOpen.count
                    while j < n, !matches(supClose, at: j) { j += 1 }
                    if j < n { i = j + supClose.count; continue }
                }
                var j = i + 1
                while j < n, j - i < 200, bytes[j] != 0x3E { j += 1 }
                if j < n, bytes[j] == 0x3E { i = j + 1; continue }
            } else if b == 0x5B, i + 1 < n, bytes[i + 1] == 0x5E {
                var j = i + 2
                while j < n, bytes[j] != 0x5D, j - i < 40 { j += 1 }
                if j < n, bytes[j] == 0x5D { i = j + 1; continue }
            }
            if b < 0x80 {
                if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                    out.append(b)
                } else if b >= 0x41 && b <= 0x5A {
                    out.append(b + 0x20)
                }
                i += 1
            } else if b == 0xE2, i + 1 < n, bytes[i + 1] == 0x80 {
                i += 3
            } else if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 {
                i += 2
            } else {
                out.append(b)
                i += 1
            }
        }
        return out
    }
}

/// Raw source files, read once per file, their normalised lines, and the pages' exact line
/// maps, each worked out once and shared between threads.
final class SourceCache: @unchecked Sendable {
    // Proof of Sendable: the tables are only read and written under `lock`; values are immutable.
    private let lock = NSLock()
    private var rawFiles: [String: [[UInt8]]?] = [:]
    private var files: [String: [[UInt8]]?] = [:]
    private var maps: [String: [Int: Int]?] = [:]

    /// The value cached under `key` in `table`, else `make()`'s, stored for the next caller.
    private func memoized<Value>(_ table: ReferenceWritableKeyPath<SourceCache, [String: Value?]>, _ key: String, _ make: () -> Value?) -> Value? {
        lock.lock()
        if let cached = self[keyPath: table][key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let made = make()
        lock.lock()
        self[keyPath: table][key] = .some(made)
        lock.unlock()
        return made
    }

    /// A page's exact line map, parsed once; `nil` when it no longer fits the body (a hand edit).
    func exactMap(for path: String, range: SourceRange, lines: [Substring]) -> [Int: Int]? {
        memoized(\.maps, path) {
            let parsed = range.exactLines
            return SourceLineMapper.fits(parsed, lines: lines) ? parsed : nil
        }
    }

    /// The file's lines as they are (for finding a marker the normalised text drops).
    func raw(of file: String, root: URL) -> [[UInt8]]? {
        memoized(\.rawFiles, file) {
            guard case let .success(data) = InputFile.contents(atPath: root.appendingPathComponent(file).path) else { return nil }
            return [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        }
    }

    /// The file's lines normalised for matching (``SourceLineMapper/normalise(bytes:)``).
    func lines(of file: String, root: URL) -> [[UInt8]]? {
        memoized(\.files, file) {
            raw(of: file, root: root)?.map { SourceLineMapper.normalise(bytes: $0[...]) }
        }
    }
}
