import Foundation

/// How links inside the site resolve: which URLs are internal, and relative paths resolved
/// against the directory of the page or file that holds them. Shared by the build, the
/// validator and the bundles.
public enum SiteLink {
    /// Whether a URL points inside the site (no scheme, not protocol-relative).
    public static func isInternal(_ url: String) -> Bool {
        if url.hasPrefix("//") { return false }
        if let colon = url.firstIndex(of: ":") {
            let scheme = url[..<colon]
            if !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }),
               !(url.firstIndex(of: "/").map { $0 < colon } ?? false) {
                return false
            }
        }
        return true
    }

    /// Splits `path#fragment` (dropping any `?query`).
    public static func split(_ url: String) -> (String, String?) {
        var path = url
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let q = path.firstIndex(of: "?") { path = String(path[..<q]) }
        return (path, fragment)
    }

    /// Resolves a relative path against the directory of `from`; `nil` if it climbs above the root.
    public static func resolve(_ relative: String, from: String) -> String? {
        resolve(relative, inDirectory: directoryParts(of: from))
    }

    /// The path components of the directory of `path` (`a/b/c.html` → `a`, `b`).
    public static func directoryParts(of path: String) -> [String] {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast()
        return parts
    }

    /// Resolves a relative path against the directory given by its components.
    public static func resolve(_ relative: String, inDirectory directory: [String]) -> String? {
        var parts = directory
        for component in relative.split(separator: "/", omittingEmptySubsequences: false) {
            switch component {
            case ".", "": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default:
                parts.append(component.utf8.contains(0x25) ? (String(component).removingPercentEncoding ?? String(component)) : String(component))
            }
        }
        var result = parts.joined(separator: "/")
        if relative.hasSuffix("/") && !result.isEmpty { result += "/" }
        return result
    }
}
