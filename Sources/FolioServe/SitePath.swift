import Foundation

/// Maps a request target to a file of the site, refusing anything that could leave the site
/// directory: `..` and `.` segments (also percent-encoded), backslashes, NUL bytes and
/// absolute-looking paths such as `//etc/passwd`.
public enum SitePath {
    /// The result of resolving a request path.
    public enum Resolution: Sendable, Equatable {
        /// A site-relative file path to try (`cmia-2021/index.html`); `directory` when the request
        /// named a directory (ends in `/`).
        case file(String, directory: Bool)
        /// The path tries to leave the site or is malformed.
        case refused
    }

    /// Resolves the raw, percent-encoded request path (`/cmia-2021/`).
    public static func resolve(_ rawPath: String) -> Resolution {
        guard rawPath.hasPrefix("/"), !rawPath.hasPrefix("//"), let decoded = rawPath.removingPercentEncoding else { return .refused }
        if decoded.contains("\\") || decoded.contains("\0") || decoded.hasPrefix("//") { return .refused }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        var parts: [String] = []
        for (index, segment) in segments.enumerated() {
            if segment == ".." || segment == "." { return .refused }
            if segment.isEmpty {
                // Only a trailing slash may be empty.
                if index != segments.count - 1 { return .refused }
                continue
            }
            if segment.hasPrefix(".") && segment != ".well-known" { return .refused }
            parts.append(String(segment))
        }
        let isDirectory = decoded.hasSuffix("/")
        return .file(parts.joined(separator: "/"), directory: isDirectory)
    }
}
