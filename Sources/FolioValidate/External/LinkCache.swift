import Foundation

/// Results of earlier external checks, kept in a JSON file so CI does not hammer servers.
/// Only definitive results (2xx, 4xx) are stored; entries older than the time-to-live are ignored.
public struct LinkCache: Sendable, Equatable, Codable {
    /// One cached result.
    public struct Entry: Sendable, Equatable, Codable {
        public var status: LinkStatus
        public var checked: Date
    }

    public var entries: [String: Entry]

    public init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    /// Reads the cache; a missing or unreadable file is an empty cache.
    public static func load(from url: URL) -> LinkCache {
        guard let data = FileManager.default.contents(atPath: url.path) else { return LinkCache() }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return (try? decoder.decode(LinkCache.self, from: data)) ?? LinkCache()
    }

    /// Writes the cache, creating its directory.
    public func save(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: url, options: .atomic)
    }

    /// The cached status of `url`, if checked less than `ttl` seconds before `now`.
    public func status(of url: String, now: Date, ttl: TimeInterval) -> LinkStatus? {
        guard let entry = entries[url], now.timeIntervalSince(entry.checked) < ttl, entry.checked <= now else { return nil }
        return entry.status
    }
}
