import Foundation

/// How links inside the site resolve: which URLs are internal, and relative paths resolved
/// against the directory of the page or file that holds them. Shared by the build, the
/// validator and the bundles.
public enum SiteLink {
    /// Whether a URL points inside the site (no scheme, not protocol-relative).
    public static func isInternal(_ url: String) -> Bool {
        let bytes = url.utf8
        if bytes.starts(with: "//".utf8) { return false }
        // A scheme is letters, digits, `+`, `-` and `.` before the first `:`, with no `/` before it.
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon != bytes.startIndex else { return true }
        for byte in bytes[..<colon] {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                continue
            case 0x80...:
                // Letters beyond ASCII count as scheme characters, as `Character.isLetter` says.
                return !url[..<colon].allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
            default:
                return true
            }
        }
        return false
    }

    /// Splits `path#fragment` (dropping any `?query`).
    public static func split(_ url: String) -> (String, String?) {
        let bytes = url.utf8
        var fragment: String?
        var end = bytes.endIndex
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(url[bytes.index(after: hash)...])
            end = hash
        }
        if let query = bytes[..<end].firstIndex(of: UInt8(ascii: "?")) { end = query }
        return (end == bytes.endIndex ? url : String(url[..<end]), fragment)
    }

    /// Resolves a relative path against the directory of `from`; `nil` if it climbs above the root.
    public static func resolve(_ relative: String, from: String) -> String? {
        resolve(relative, inDirectory: directoryParts(of: from))
    }

    /// The path components of the directory of `path` (`a/b/c.html` → `a`, `b`).
    public static func directoryParts(of path: String) -> [String] {
        var parts = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { String(Substring($0)) }
        parts.removeLast()
        return parts
    }

    /// Resolves a relative path against the directory given by its components.
    public static func resolve(_ relative: String, inDirectory directory: [String]) -> String? {
        var parts = directory
        for bytes in relative.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            if bytes.isEmpty || bytes.elementsEqual(".".utf8) { continue }
            if bytes.elementsEqual("..".utf8) {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                continue
            }
            let component = String(Substring(bytes))
            parts.append(bytes.contains(0x25) ? (component.removingPercentEncoding ?? component) : component)
        }
        var result = parts.joined(separator: "/")
        if relative.hasSuffix("/") && !result.isEmpty { result += "/" }
        return result
    }
}
