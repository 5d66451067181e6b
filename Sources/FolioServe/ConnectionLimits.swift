import Foundation

/// Bounds that keep one client, or thousands of idle ones, from starving the preview server.
public struct ConnectionLimits: Sendable, Equatable {
    /// Most bytes a request line and its headers may take together; a larger head is answered
    /// with 431 and the connection is closed.
    public var maxHeadBytes: Int
    /// Most bytes of request body accepted (a preview needs none); more is answered with 413.
    public var maxBodyBytes: Int
    /// Seconds a connection may wait for its next request before it is closed quietly.
    public var idleSeconds: Double
    /// Seconds a request may take to arrive in full once its first byte came; then 408 and close.
    public var requestSeconds: Double
    /// Seconds one write to a client may wait (a client that stops reading); then the connection
    /// is closed.
    public var writeSeconds: Double
    /// Seconds the site handler may take to answer; then 503.
    public var handlerSeconds: Double
    /// Most connections open at once, event streams included; one more is answered with 503 and
    /// closed.
    public var maxConnections: Int

    /// - Parameters:
    ///   - maxHeadBytes: bytes of request line and headers (default 16 KiB, like common proxies).
    ///   - maxBodyBytes: bytes of request body (default 64 KiB).
    ///   - idleSeconds: seconds between requests on one connection (default 5).
    ///   - requestSeconds: seconds for a whole request to arrive (default 10).
    ///   - writeSeconds: seconds one write may block (default 10).
    ///   - handlerSeconds: seconds the site handler may take (default 30).
    ///   - maxConnections: connections open at once (default 512, below the usual 1,024 files a
    ///     process may open, so the builds running beside the server always have descriptors left).
    public init(
        maxHeadBytes: Int = 16 * 1024, maxBodyBytes: Int = 64 * 1024, idleSeconds: Double = 5, requestSeconds: Double = 10,
        writeSeconds: Double = 10, handlerSeconds: Double = 30, maxConnections: Int = 512
    ) {
        self.maxHeadBytes = maxHeadBytes
        self.maxBodyBytes = maxBodyBytes
        self.idleSeconds = idleSeconds
        self.requestSeconds = requestSeconds
        self.writeSeconds = writeSeconds
        self.handlerSeconds = handlerSeconds
        self.maxConnections = maxConnections
    }
}
