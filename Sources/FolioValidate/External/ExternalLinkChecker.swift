import FolioCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Checks external links over HTTP(S): bounded concurrency overall and per host, a timeout per
/// request, HEAD first with a GET fallback, redirects followed by hand up to a cap (loops
/// detected), retries with exponential backoff for timeouts, dropped connections, 5xx and 429
/// (honouring `Retry-After`), and a cache file with a time-to-live.
public struct ExternalLinkChecker: Sendable {
    public var config: ExternalLinkConfig
    /// The cache file, or `nil` for no cache.
    public var cacheFile: URL?
    /// First backoff delay in seconds; doubles on each retry.
    public var backoffBase: Double
    /// Longest `Retry-After` honoured, in seconds.
    public var maxRetryAfter: Double

    public init(config: ExternalLinkConfig, cacheFile: URL?, backoffBase: Double = 0.5, maxRetryAfter: Double = 30) {
        self.config = config
        self.cacheFile = cacheFile
        self.backoffBase = backoffBase
        self.maxRetryAfter = maxRetryAfter
    }

    /// Checks every link and returns one diagnostic per place of each failing link.
    public func check(_ links: [ExternalLink], now: Date = Date()) async -> [Diagnostic] {
        let statuses = await statuses(of: links.map(\.url), now: now)
        var found: [Diagnostic] = []
        for link in links {
            guard let status = statuses[link.url], let (code, message, hint) = Self.describe(status, url: link.url) else { continue }
            for place in link.places {
                var d = CheckCatalog.make(code, message, at: place.location, hint: hint)
                d.source = place.source
                found.append(d)
            }
        }
        return found
    }

    /// The status of each URL, from the cache or the network; updates the cache file.
    public func statuses(of urls: [String], now: Date = Date()) async -> [String: LinkStatus] {
        var cache = cacheFile.map(LinkCache.load(from:)) ?? LinkCache()
        let ttl = config.cacheTTLHours * 3600
        var results: [String: LinkStatus] = [:]
        var pending: [String] = []
        for url in Set(urls).sorted() {
            if let cached = cache.status(of: url, now: now, ttl: ttl) { results[url] = cached } else { pending.append(url) }
        }
        if !pending.isEmpty {
            let session = HTTPSession(timeout: config.timeout)
            let limiter = ConcurrencyLimiter(total: config.concurrency, perHost: config.perHost)
            let checked = await withTaskGroup(of: (String, LinkStatus).self, returning: [(String, LinkStatus)].self) { group in
                for url in pending {
                    group.addTask {
                        let host = URL(string: url)?.host?.lowercased() ?? url
                        await limiter.acquire(host)
                        let status = await self.check(url, session: session)
                        await limiter.release(host)
                        return (url, status)
                    }
                }
                var all: [(String, LinkStatus)] = []
                for await result in group { all.append(result) }
                return all
            }
            session.invalidate()
            for (url, status) in checked {
                results[url] = status
                if status.isDefinitive { cache.entries[url] = LinkCache.Entry(status: status, checked: now) }
            }
            if let cacheFile { try? cache.save(to: cacheFile) }
        }
        return results
    }

    /// One URL: retries around redirects-and-fallback.
    func check(_ url: String, session: HTTPSession) async -> LinkStatus {
        var attempt = 0
        while true {
            let (status, retryAfter) = await follow(url, session: session)
            let transient: Bool
            switch status {
            case .unreachable, .rateLimited: transient = true
            default: transient = false
            }
            guard transient, attempt < config.retries else { return status }
            var delay = backoffBase * pow(2, Double(attempt))
            if let retryAfter { delay = max(delay, min(retryAfter, maxRetryAfter)) }
            attempt += 1
            try? await Task.sleep(nanoseconds: UInt64(max(0, delay) * 1_000_000_000))
        }
    }

    /// Follows redirects by hand from `url`; HEAD first, GET when HEAD is refused or fails.
    func follow(_ start: String, session: HTTPSession) async -> (LinkStatus, Double?) {
        var current = start
        var visited: Set<String> = [start]
        var redirects = 0
        while true {
            guard let url = URL(string: current) else { return (.unreachable("invalid URL"), nil) }
            var response = await session.request(url, method: "HEAD")
            if case let .status(code, _, _) = response, code >= 400, code != 429 {
                response = await session.request(url, method: "GET")
            } else if case .failure = response {
                response = await session.request(url, method: "GET")
            }
            switch response {
            case let .failure(reason):
                return (.unreachable(reason), nil)
            case let .status(code, location, retryAfter):
                switch code {
                case 200..<300: return (.ok(code), nil)
                case 300..<400:
                    guard let location, let next = URL(string: location, relativeTo: url)?.absoluteURL.absoluteString else {
                        return (.ok(code), nil)
                    }
                    redirects += 1
                    if visited.contains(next) { return (.redirectLoop("redirect loop back to \(next)"), nil) }
                    if redirects > config.maxRedirects { return (.redirectLoop("more than \(config.maxRedirects) redirects"), nil) }
                    visited.insert(next)
                    current = next
                case 429: return (.rateLimited, retryAfter)
                case 400..<500: return (.broken(code), nil)
                default: return (.unreachable("HTTP \(code)"), nil)
                }
            }
        }
    }

    static func describe(_ status: LinkStatus, url: String) -> (String, String, String)? {
        switch status {
        case .ok: nil
        case let .broken(code):
            ("URL101", "external link \(url) answers HTTP \(code)", "find the page's new address (an archive copy may help), or remove the link")
        case let .unreachable(reason):
            ("URL102", "external link \(url) is unreachable (\(reason))", "try again later; if it persists, replace the link")
        case let .redirectLoop(reason):
            ("URL103", "external link \(url): \(reason)", "link to the final address directly")
        case .rateLimited:
            ("URL104", "external link \(url) is rate-limited (HTTP 429)", "lower validation.external.per_host or check again later")
        }
    }
}

/// Limits requests in flight overall and per host; waiters are served in arrival order.
actor ConcurrencyLimiter {
    private let total: Int
    private let perHost: Int
    private var inFlight = 0
    private var byHost: [String: Int] = [:]
    private var waiters: [(host: String, continuation: CheckedContinuation<Void, Never>)] = []

    init(total: Int, perHost: Int) {
        self.total = max(1, total)
        self.perHost = max(1, perHost)
    }

    private func canStart(_ host: String) -> Bool { inFlight < total && byHost[host, default: 0] < perHost }

    func acquire(_ host: String) async {
        if canStart(host) {
            inFlight += 1
            byHost[host, default: 0] += 1
            return
        }
        await withCheckedContinuation { waiters.append((host, $0)) }
    }

    func release(_ host: String) {
        inFlight -= 1
        byHost[host, default: 1] -= 1
        var index = 0
        while index < waiters.count {
            let waiter = waiters[index]
            if canStart(waiter.host) {
                inFlight += 1
                byHost[waiter.host, default: 0] += 1
                waiters.remove(at: index)
                waiter.continuation.resume()
            } else {
                index += 1
            }
        }
    }

    /// Most requests seen in flight at once (for tests).
    var current: Int { inFlight }
}

/// A URLSession that never follows redirects, so the checker can count them.
final class HTTPSession: Sendable {
    enum Response: Sendable {
        case status(Int, location: String?, retryAfter: Double?)
        case failure(String)
    }

    private let session: URLSession

    init(timeout: Double) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 2
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpShouldSetCookies = false
        session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }

    func invalidate() { session.finishTasksAndInvalidate() }

    func request(_ url: URL, method: String) async -> Response {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue("Folio link checker", forHTTPHeaderField: "User-Agent")
        return await withCheckedContinuation { continuation in
            let task = session.dataTask(with: request) { _, response, error in
                if let http = response as? HTTPURLResponse {
                    let location = http.value(forHTTPHeaderField: "Location")
                    let retryAfter = http.value(forHTTPHeaderField: "Retry-After").flatMap(Self.retryAfterSeconds)
                    continuation.resume(returning: .status(http.statusCode, location: location, retryAfter: retryAfter))
                } else {
                    continuation.resume(returning: .failure(error.map { Self.describe($0 as NSError) } ?? "no response"))
                }
            }
            task.resume()
        }
    }

    /// A short reason for a transport error.
    static func describe(_ error: NSError) -> String {
        guard error.domain == NSURLErrorDomain else { return error.localizedDescription }
        switch error.code {
        case NSURLErrorTimedOut: return "timed out"
        case NSURLErrorNetworkConnectionLost: return "connection dropped"
        case NSURLErrorCannotConnectToHost: return "connection refused"
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: return "host not found"
        case NSURLErrorNotConnectedToInternet: return "no network"
        case NSURLErrorBadServerResponse: return "connection dropped"  // closed without a valid response
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted, NSURLErrorServerCertificateHasBadDate: return "TLS failure"
        default: return "network error \(error.code)"
        }
    }

    /// `Retry-After` as seconds: a number, or an HTTP date.
    static func retryAfterSeconds(_ value: String) -> Double? {
        if let seconds = Double(value.trimmingCharacters(in: .whitespaces)) { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, $0.timeIntervalSinceNow) }
    }

    /// Refuses every redirect so the response reaches the caller with its `Location`.
    final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
            completionHandler(nil)
        }
    }
}
