import FolioContent
import FolioCore
import FolioMarkdown
import FolioModel
import Foundation

/// An external http(s) link and every place it is written.
public struct ExternalLink: Sendable, Equatable {
    public var url: String
    /// Where the link appears in `Content/` (with the raw source line when known).
    public var places: [Place]

    /// One occurrence of a link.
    public struct Place: Sendable, Equatable {
        public var location: SourceLocation
        public var source: SourceLocation?

        public init(location: SourceLocation, source: SourceLocation? = nil) {
            self.location = location
            self.source = source
        }
    }

    public init(url: String, places: [Place]) {
        self.url = url
        self.places = places
    }

    /// The well-formed http(s) links of `pages`, deduplicated by URL in first-seen order,
    /// without the URLs starting with one of `excluded`.
    public static func collect(from pages: [PublishedPage], excluding excluded: [String] = [], mapper: SourceLineMapper? = nil) -> [ExternalLink] {
        var order: [String] = []
        var places: [String: [Place]] = [:]
        for published in pages {
            var lines: [Substring]?
            for link in published.rendered.links where link.kind != .rawHTML || !link.destination.isEmpty {
                var url = link.destination
                let lower = url.lowercased()
                guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { continue }
                guard URLText.malformed(url) == nil, URL(string: url) != nil else { continue }
                if excluded.contains(where: { url.hasPrefix($0) }) { continue }
                if let hash = url.firstIndex(of: "#") { url = String(url[..<hash]) }
                let location = SourceLocation(file: published.page.path, line: link.line, column: link.column)
                var source: SourceLocation?
                if let mapper, published.page.frontMatter.source != nil {
                    if lines == nil { lines = published.page.body.split(separator: "\n", omittingEmptySubsequences: false) }
                    source = mapper.sourceLocation(for: published.page, bodyLine: link.line - published.page.bodyStartLine + 1, bodyLines: lines)
                }
                if places[url] == nil { order.append(url) }
                places[url, default: []].append(Place(location: location, source: source))
            }
        }
        return order.map { ExternalLink(url: $0, places: places[$0] ?? []) }
    }
}

/// The outcome of checking one URL.
public enum LinkStatus: Sendable, Equatable, Codable {
    /// 2xx, after following redirects; the final status code.
    case ok(Int)
    /// A definitive client error (4xx other than 429); a host that does not resolve is `unreachable`
    /// (the network may be down), never cached.
    case broken(Int)
    /// Transport failure or 5xx after every retry; the reason.
    case unreachable(String)
    /// A redirect loop, or more redirects than allowed.
    case redirectLoop(String)
    /// Still 429 after every retry.
    case rateLimited

    private enum CodingKeys: String, CodingKey { case kind, code, reason }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .kind) {
        case "ok": self = .ok(try c.decode(Int.self, forKey: .code))
        case "broken": self = .broken(try c.decode(Int.self, forKey: .code))
        case "redirect-loop": self = .redirectLoop(try c.decode(String.self, forKey: .reason))
        case "rate-limited": self = .rateLimited
        default: self = .unreachable(try c.decodeIfPresent(String.self, forKey: .reason) ?? "unknown")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .ok(code): try c.encode("ok", forKey: .kind); try c.encode(code, forKey: .code)
        case let .broken(code): try c.encode("broken", forKey: .kind); try c.encode(code, forKey: .code)
        case let .unreachable(reason): try c.encode("unreachable", forKey: .kind); try c.encode(reason, forKey: .reason)
        case let .redirectLoop(reason): try c.encode("redirect-loop", forKey: .kind); try c.encode(reason, forKey: .reason)
        case .rateLimited: try c.encode("rate-limited", forKey: .kind)
        }
    }

    /// Whether a result may be cached (transient failures are retried next run).
    var isDefinitive: Bool {
        switch self {
        case .ok, .broken: true
        default: false
        }
    }
}
