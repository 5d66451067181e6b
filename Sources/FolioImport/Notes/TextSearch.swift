import Foundation

/// Substring search over UTF-8 bytes, for the hot loops of the note, figure and inline steps
/// (Foundation's `range(of:)` bridges every line to `NSString` on Linux).
enum TextSearch {
    /// The first occurrence of `needle` in `text` at or after `start`.
    static func range(of needle: String, in text: String, from start: String.Index? = nil) -> Range<String.Index>? {
        let utf8 = text.utf8
        let startOffset = start.map { utf8.distance(from: utf8.startIndex, to: $0) } ?? 0
        guard let offset = search(needle, in: text, from: startOffset, backwards: false) else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }

    /// The last occurrence of `needle` that ends at or before `end`.
    static func lastRange(of needle: String, in text: String, before end: String.Index) -> Range<String.Index>? {
        let utf8 = text.utf8
        let endOffset = utf8.distance(from: utf8.startIndex, to: end)
        guard let offset = search(needle, in: text, from: endOffset, backwards: true) else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }

    /// Whether `text` holds the ASCII byte `byte`.
    static func contains(_ text: String, byte: UInt8) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        }
    }

    static func contains(_ text: String, _ needle: String) -> Bool {
        search(needle, in: text, from: 0, backwards: false) != nil
    }

    private static func search(_ needle: String, in text: String, from offset: Int, backwards: Bool) -> Int? {
        var text = text
        var needle = needle
        return text.withUTF8 { hay in
            needle.withUTF8 { pattern -> Int? in
                let n = pattern.count
                guard n > 0, hay.count >= n else { return nil }
                let first = pattern[0]
                if backwards {
                    var i = min(offset, hay.count) - n
                    while i >= 0 {
                        if hay[i] == first, matches(hay, at: i, pattern) { return i }
                        i -= 1
                    }
                    return nil
                }
                guard let base = hay.baseAddress else { return nil }
                var i = offset
                let last = hay.count - n
                while i <= last {
                    guard let hit = memchr(base + i, Int32(first), last - i + 1) else { return nil }
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if matches(hay, at: at, pattern) { return at }
                    i = at + 1
                }
                return nil
            }
        }
    }

    private static func matches(_ hay: UnsafeBufferPointer<UInt8>, at i: Int, _ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 1
        while k < pattern.count {
            if hay[i + k] != pattern[k] { return false }
            k += 1
        }
        return true
    }
}
