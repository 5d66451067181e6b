/// Relative URLs between pages of the site. Every link Folio writes is relative, and points at a
/// file (`…/index.html`), so the site works from `file://` and under any sub-path.
public enum SiteURL {
    /// The prefix that leads from the page at `urlPath` (a directory such as `cmia-2021/bp/`, or
    /// `""` for the home page) back to the site root: `../../` or `""`.
    public static func root(from urlPath: String) -> String {
        let depth = urlPath.split(separator: "/").count
        return String(repeating: "../", count: depth)
    }

    /// The link from the page at `fromPath` to the page at `toPath` (both directory URL paths).
    public static func link(from fromPath: String, to toPath: String, fragment: String? = nil) -> String {
        var url = root(from: fromPath) + toPath + "index.html"
        if let fragment, !fragment.isEmpty { url += "#" + fragment }
        return url
    }

    /// The output file of the page at `urlPath`: `cmia-2021/bp/index.html`.
    public static func file(for urlPath: String) -> String { urlPath + "index.html" }
}
