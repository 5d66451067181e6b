#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StringProtocol {
    /// The first range of `needle`, found by comparing UTF-8 bytes (no Foundation bridging, no
    /// Unicode normalisation, which validation does not need and which costs much time).
    @inlinable
    public func utf8Range(of needle: String, from start: Index? = nil) -> Range<Index>? {
        let view = utf8
        let begin = start ?? view.startIndex
        let offset = view.distance(from: view.startIndex, to: begin)
        let found: Int? = view.withContiguousStorageIfAvailable { haystack in
            Self.search(haystack, needle, from: offset)
        } ?? Array(view).withUnsafeBufferPointer { Self.search($0, needle, from: offset) }
        guard let position = found else { return nil }
        let lower = view.index(view.startIndex, offsetBy: position)
        let upper = view.index(lower, offsetBy: needle.utf8.count)
        return lower..<upper
    }

    /// The text without the spaces at either end: what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` gives (Unicode space separators and the tab), without
    /// its bridging to `NSString`, which dominated the cost of writing the open data.
    public func trimmingSpaces() -> String {
        let text = String(self)
        // Most texts start and end in a letter or a mark: nothing to trim.
        if let first = text.utf8.first, let last = text.utf8.last, Self.isUntrimmable(first), Self.isUntrimmable(last) { return text }
        let scalars = text.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, Self.isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let last = scalars.index(before: end)
            guard Self.isSpace(scalars[last]) else { break }
            end = last
        }
        return String(scalars[start..<end])
    }

    /// Whether a text that starts (or ends) with `byte` starts (or ends) with no space: an ASCII
    /// byte other than the space and the tab. Bytes beyond ASCII may belong to a Unicode space.
    private static func isUntrimmable(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != 0x20 && byte != 0x09
    }

    /// A character of Foundation's `.whitespaces`: a space separator (Unicode category Zs), the
    /// tab, and the zero-width space (U+200B), which Foundation counts among them.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value == 0x20 || scalar.value == 0x09 }
        return scalar.value == 0x200B || scalar.properties.generalCategory == .spaceSeparator
    }

    /// Whether `needle` occurs, comparing UTF-8 bytes.
    @inlinable
    public func has(_ needle: some StringProtocol) -> Bool {
        utf8Range(of: String(needle)) != nil
    }

    @usableFromInline
    static func search(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: String, from start: Int) -> Int? {
        var needle = needle
        return needle.withUTF8 { ByteSearch.firstIndex(of: $0, in: haystack, from: start) }
    }
}

/// Finds bytes in bytes with `memchr` and `memcmp`: the one substring search behind
/// ``Swift/StringProtocol/utf8Range(of:from:)`` and the source-line matching.
public enum ByteSearch {
    /// The offset of the first occurrence of `needle` in `haystack` at or after `start`; `start`
    /// itself for an empty needle.
    public static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        let n = needle.count
        guard n > 0 else { return start }
        guard let h = haystack.baseAddress, let k = needle.baseAddress, haystack.count - start >= n else { return nil }
        let first = Int32(k.pointee)
        var offset = start
        let last = haystack.count - n
        while offset <= last {
            guard let hit = memchr(h + offset, first, last - offset + 1) else { return nil }
            let position = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - h
            if memcmp(h + position, k, n) == 0 { return position }
            offset = position + 1
        }
        return nil
    }
}
