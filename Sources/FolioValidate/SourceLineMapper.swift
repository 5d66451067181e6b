import FolioContent
import FolioCore
import Foundation

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

    /// The source location of body line `bodyLine` of `page`, or `nil` for pages without `source`.
    /// - Parameter bodyLines: the page's body split into lines (passed in to avoid splitting again).
    public func sourceLocation(for page: Page, bodyLine: Int, bodyLines: [Substring]? = nil) -> SourceLocation? {
        guard let range = page.frontMatter.source, range.lines.count == 2 else { return nil }
        let first = range.lines[0], last = max(range.lines[0], range.lines[1])
        guard first >= 1 else { return nil }
        let lines = bodyLines ?? page.body.split(separator: "\n", omittingEmptySubsequences: false)
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

    /// Finds the source line containing the first characters of `key` (or a middle slice of it).
    static func find(_ key: [UInt8], in source: [[UInt8]], range: ClosedRange<Int>, near: Int) -> Int? {
        let probes: [ArraySlice<UInt8>] = [
            key.prefix(32),
            key.count > 24 ? key[12..<min(key.count, 36)] : key.prefix(16),
        ]
        for probe in probes where probe.count >= 8 {
            var best: Int?
            for line in range where contains(source[line - 1], probe) {
                if let current = best, abs(line - near) >= abs(current - near) { continue }
                best = line
            }
            if let best { return best }
        }
        return nil
    }

    static func contains(_ haystack: [UInt8], _ needle: ArraySlice<UInt8>) -> Bool {
        let n = needle.count
        guard n > 0, haystack.count >= n else { return false }
        let first = needle[needle.startIndex]
        var i = 0
        let limit = haystack.count - n
        while i <= limit {
            if haystack[i] == first {
                var j = 1
                while j < n, haystack[i + j] == needle[needle.startIndex + j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }

    /// Letters and digits of a line, lower-cased, as UTF-8; footnote markers (`[^n]`,
    /// `<sup>n</sup>`), HTML tags, URLs' punctuation and Markdown syntax dropped.
    static func normalise<S: StringProtocol>(_ line: S) -> [UInt8] {
        var out: [UInt8] = []
        var chars = Substring(line)
        // A footnote definition's label.
        if chars.hasPrefix("[^"), let close = chars.firstIndex(of: "]") { chars = chars[chars.index(after: close)...] }
        var index = chars.startIndex
        while index < chars.endIndex {
            let c = chars[index]
            if c == "<" {
                // Skip <sup>…</sup> whole (a footnote marker in the source), and any other tag.
                let rest = chars[index...]
                if rest.hasPrefix("<sup>"), let end = rest.range(of: "</sup>") {
                    index = end.upperBound
                    continue
                }
                if let gt = rest.firstIndex(of: ">"), rest.distance(from: index, to: gt) < 200 {
                    index = chars.index(after: gt)
                    continue
                }
            } else if c == "[", chars[index...].hasPrefix("[^"), let close = chars[index...].firstIndex(of: "]") {
                index = chars.index(after: close)
                continue
            }
            if c.isLetter || c.isASCII && c.isNumber {
                out.append(contentsOf: c.lowercased().utf8)
            }
            index = chars.index(after: index)
        }
        return out
    }
}

/// Normalised lines of raw source files, read once per file and shared between threads.
final class SourceCache: @unchecked Sendable {
    // Proof of Sendable: `files` is only read and written under `lock`; values are immutable arrays.
    private var files: [String: [[UInt8]]?] = [:]
    private let lock = NSLock()

    func lines(of file: String, root: URL) -> [[UInt8]]? {
        lock.lock()
        if let cached = files[file] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        var loaded: [[UInt8]]?
        if let data = FileManager.default.contents(atPath: root.appendingPathComponent(file).path) {
            let text = String(decoding: data, as: UTF8.self)
            loaded = text.split(separator: "\n", omittingEmptySubsequences: false).map { SourceLineMapper.normalise($0) }
        }
        lock.lock()
        files[file] = .some(loaded)
        lock.unlock()
        return loaded
    }
}
