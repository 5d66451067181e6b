import FlyingFox
import FlyingSocks
import FolioCore
import FolioSite
import Foundation

/// What `folio serve` should do.
public struct PreviewOptions: Sendable {
    /// The project root containing `folio.yml`, `Content/` and `Templates/`.
    public var projectRoot: URL
    /// Address to listen on; loopback unless the user asks otherwise.
    public var host: String
    /// Port; 0 picks a free one (reported in ``PreviewEvent/listening(url:)``).
    public var port: UInt16
    /// Fail builds on warnings too.
    public var strict: Bool
    /// A directory to also write each good build into; nil serves from memory only and writes
    /// nothing to disk.
    public var outputDirectory: URL?
    /// How often the watched files are checked, in milliseconds.
    public var pollMilliseconds: Int
    /// Header size, timeouts and the connection cap.
    public var limits: ConnectionLimits

    public init(
        projectRoot: URL, host: String = "127.0.0.1", port: UInt16 = 8000, strict: Bool = false, outputDirectory: URL? = nil, pollMilliseconds: Int = 25,
        limits: ConnectionLimits = ConnectionLimits()
    ) {
        self.projectRoot = projectRoot
        self.host = host
        self.port = port
        self.strict = strict
        self.outputDirectory = outputDirectory
        self.pollMilliseconds = pollMilliseconds
        self.limits = limits
    }

    /// Whether `host` is a loopback address, reachable only from this machine.
    public var isLoopback: Bool {
        host == "127.0.0.1" || host == "::1" || host == "localhost" || host.hasPrefix("127.")
    }
}

/// Something the preview server wants the user to know; the command line prints these.
public enum PreviewEvent: Sendable {
    /// The server accepts connections at `url`.
    case listening(url: String)
    /// Files changed; a rebuild starts.
    case changed(paths: [String])
    /// The edited pages were re-rendered alone and open copies of them told to reload; the full
    /// rebuild follows.
    case refreshed(paths: [String], milliseconds: Int)
    /// A build succeeded and open pages whose files changed were told to reload.
    case built(generation: Int, pageCount: Int, milliseconds: Int, diagnostics: [Diagnostic])
    /// A build failed; the last good site is still served and pages show `diagnostics` (or `message`
    /// for a configuration or I/O error) in an overlay.
    case failed(diagnostics: [Diagnostic], message: String?)
}

/// Errors that stop `folio serve`.
public enum ServeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The host is not an IPv4 or IPv6 address (or `localhost`).
    case invalidHost(String)
    /// The server could not listen.
    case cannotListen(host: String, port: UInt16, message: String)

    public var description: String {
        switch self {
        case let .invalidHost(host): "error: `\(host)` is not an IP address; use e.g. 127.0.0.1, ::1 or 0.0.0.0"
        case let .cannotListen(host, port, message): "error: cannot listen on \(host):\(port): \(message)"
        }
    }
}

/// Builds the site, serves it, watches the sources and rebuilds on change, telling open pages to
/// reload (or to show the build's diagnostics) over server-sent events.
public actor PreviewServer {
    public let options: PreviewOptions
    private let broadcaster = EventBroadcaster()
    private let state = BuildState()
    private var server: PreviewHTTPServer?
    private var watchTask: Task<Void, Never>?
    private var waiter: FileEventWaiter?
    private var stopped = false

    public init(options: PreviewOptions) {
        self.options = options
    }

    /// The port the server listens on, once listening.
    public var port: UInt16? { listening }

    private var listening: UInt16?

    /// Starts listening (failing at once if the port is taken), builds, watches, and returns when
    /// ``stop()`` is called.
    /// - Parameter onEvent: called for every build and for the listening address, on any thread.
    /// - Throws: ``ServeError`` when the address is invalid or the port cannot be bound.
    public func run(onEvent: @escaping @Sendable (PreviewEvent) -> Void) async throws {
        let address = try Self.address(host: options.host, port: options.port)
        let builder = Rebuilder(options: options, state: state, broadcaster: broadcaster, onEvent: onEvent)
        // Read the sources before the first build, so an edit made while it runs is not missed.
        let watcher = ChangeWatcher(root: options.projectRoot, relativePaths: builder.watchedPaths)
        let initial = watcher.fingerprint() ?? ChangeWatcher.Fingerprint(files: [:])
        let waiter = FileEventWaiter(paths: watcher.paths)
        self.waiter = waiter
        let handler = SiteFileHandler(files: builder.files, state: state, broadcaster: broadcaster)
        let server = PreviewHTTPServer(address: address, limits: options.limits, handler: handler)
        self.server = server
        let startError = ErrorSlot()
        let runTask = Task {
            do { try await server.run() } catch { startError.store(error) }
        }
        // Wait until the server listens, or report why it cannot (a port in use fails at once).
        var boundAddress = server.listeningAddress
        var waited = 0
        while boundAddress == nil {
            if let error = startError.value {
                throw ServeError.cannotListen(host: options.host, port: options.port, message: Self.describe(error))
            }
            guard waited < 1000 else {
                runTask.cancel()
                throw ServeError.cannotListen(host: options.host, port: options.port, message: "the server did not start within 10 s")
            }
            try? await Task.sleep(for: .milliseconds(10))
            waited += 1
            boundAddress = server.listeningAddress
        }
        let boundPort = Self.port(of: boundAddress) ?? options.port
        listening = boundPort
        // The port is ours: build, then tell the user where to look.
        await builder.rebuild()
        let shownHost = options.host.contains(":") ? "[\(options.host)]" : options.host
        onEvent(.listening(url: "http://\(shownHost):\(boundPort)/"))
        let interval = max(10, options.pollMilliseconds)
        // The kernel's reports wake the loop at once; a slow poll stays as a safety net.
        let idle = waiter.isAvailable ? max(interval, 500) : interval
        watchTask = Task.detached(priority: .userInitiated) {
            var last = initial
            while !Task.isCancelled {
                _ = await waiter.wait(milliseconds: idle)
                guard var now = watcher.fingerprint(), now != last else { continue }
                // Let an editor finish writing (several files, or write-then-rename): with kernel
                // reports, until they stop for 5 ms; otherwise 10 ms.
                if waiter.isAvailable {
                    var rounds = 0
                    while await waiter.wait(milliseconds: 5), rounds < 20 { rounds += 1 }
                } else {
                    try? await Task.sleep(for: .milliseconds(10))
                }
                if let settled = watcher.fingerprint() { now = settled }
                let changed = now.changes(since: last)
                last = now
                if Task.isCancelled { break }
                waiter.watch(watcher.paths)
                onEvent(.changed(paths: changed))
                await builder.rebuild(changed: changed)
            }
        }
        if stopped {
            await stop()
        }
        await runTask.value
    }

    /// Stops watching, closes every event stream and the server.
    public func stop() async {
        stopped = true
        watchTask?.cancel()
        waiter?.finish()
        broadcaster.finishAll()
        server?.stop()
    }

    static func address(host: String, port: UInt16) throws -> any SocketAddress {
        let name = host == "localhost" ? "127.0.0.1" : host
        if name.contains(":") {
            guard let address = try? sockaddr_in6.inet6(ip6: name, port: port) else { throw ServeError.invalidHost(host) }
            return address
        }
        guard let address = try? sockaddr_in.inet(ip4: name, port: port) else { throw ServeError.invalidHost(host) }
        return address
    }

    /// A socket error as a sentence: `Address already in use` rather than an enum dump.
    static func describe(_ error: any Error) -> String {
        if let socketError = error as? SocketError, case let .failed(_, errno, message) = socketError {
            return "\(message) (errno \(errno))"
        }
        return "\(error)"
    }

    static func port(of address: Socket.Address?) -> UInt16? {
        switch address {
        case let .ip4(_, port): port
        case let .ip6(_, port): port
        default: nil
        }
    }
}

/// The first error of a task, read from another.
final class ErrorSlot: @unchecked Sendable {
    // Proof of Sendable: `stored` is only touched under `lock`.
    private let lock = NSLock()
    private var stored: (any Error)?

    func store(_ error: any Error) {
        lock.lock()
        if stored == nil { stored = error }
        lock.unlock()
    }

    var value: (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}

/// The generation of the last good build and the failure shown since, shared by the builder and
/// the request handlers.
final class BuildState: @unchecked Sendable {
    // Proof of Sendable: both properties are only touched under `lock`.
    private let lock = NSLock()
    private var generationValue = 0
    private var failureValue: String?

    var generation: Int {
        lock.lock()
        defer { lock.unlock() }
        return generationValue
    }

    /// The JSON of the current failure, or `nil` when the last build succeeded.
    var failure: String? {
        lock.lock()
        defer { lock.unlock() }
        return failureValue
    }

    func succeeded() -> Int {
        lock.lock()
        defer { lock.unlock() }
        generationValue += 1
        failureValue = nil
        return generationValue
    }

    /// The served files changed without a build (a page re-rendered alone, or taken back).
    func advanced() -> Int {
        lock.lock()
        defer { lock.unlock() }
        generationValue += 1
        return generationValue
    }

    func failed(_ json: String) {
        lock.lock()
        failureValue = json
        lock.unlock()
    }

    /// The greeting sent to a page when it connects.
    var helloJSON: String {
        lock.lock()
        defer { lock.unlock() }
        return "{\"generation\":\(generationValue),\"failure\":\(failureValue ?? "null")}"
    }
}

/// Runs builds one at a time and reports them to pages and to the terminal.
actor Rebuilder {
    let options: PreviewOptions
    let state: BuildState
    let broadcaster: EventBroadcaster
    let onEvent: @Sendable (PreviewEvent) -> Void
    nonisolated let watchedPaths: [String]
    /// The last good build, which the server answers from.
    nonisolated let files = SiteFiles()

    init(options: PreviewOptions, state: BuildState, broadcaster: EventBroadcaster, onEvent: @escaping @Sendable (PreviewEvent) -> Void) {
        self.options = options
        self.state = state
        self.broadcaster = broadcaster
        self.onEvent = onEvent
        let config = (try? FolioConfig.load(from: options.projectRoot.appendingPathComponent("folio.yml").path).0) ?? FolioConfig()
        watchedPaths = [config.content, config.templates, "folio.yml"]
    }

    /// The last good build's page refresher.
    private var refresher: PageRefresher?
    /// Results of earlier rebuilds (pages rendered from the same template and context), in memory.
    nonisolated let cache = BuildCache(directory: nil)
    /// The last good build's files, which the next build keeps where its inputs are unchanged.
    private var lastOutput: MemoryOutput?

    /// After an edit, first re-renders the edited pages alone and reloads their open copies
    /// (milliseconds), then rebuilds the whole site.
    func rebuild(changed: [String]) async {
        let start = Date()
        if let refresher, let fresh = refresher.refresh(changed).map(files.refresh), !fresh.isEmpty {
            let generation = state.advanced()
            broadcaster.send(EventBroadcaster.encode(event: "reload", data: Self.reloadJSON(generation: generation, paths: fresh)))
            onEvent(.refreshed(paths: fresh, milliseconds: Int(Date().timeIntervalSince(start) * 1000)))
        }
        await rebuild()
    }

    /// Builds the site into memory (and into `--output` when given), and tells open pages.
    func rebuild() async {
        let options = self.options
        let cache = self.cache
        let previous = lastOutput
        let start = Date()
        let outcome: Result<(SiteBuilder.Result, [Diagnostic], MemoryOutput), any Error> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: Result {
                    let (config, configDiagnostics) = try FolioConfig.load(from: options.projectRoot.appendingPathComponent("folio.yml").path)
                    // The first build keeps from an empty output: it has nothing to keep, but it
                    // records what it writes, so the first rebuild after an edit keeps already.
                    let memory = MemoryOutput(previous: previous ?? MemoryOutput())
                    let disk = try options.outputDirectory.map { try StagedDirectoryOutput(destination: $0) }
                    let sink: any OutputSink = disk.map { TeeOutput(first: memory, second: $0) } ?? memory
                    var result: SiteBuilder.Result
                    do {
                        var build = SiteBuilder.Options(projectRoot: options.projectRoot, config: config, strict: options.strict, writeOutput: true, sink: sink)
                        build.cache = cache
                        result = try SiteBuilder().build(build)
                    } catch {
                        disk?.discard()
                        throw error
                    }
                    if result.failed {
                        disk?.discard()
                        result.refresher = nil
                    } else {
                        try disk?.commit(preserving: [DownloadCatalog.directory])
                    }
                    return (result, configDiagnostics, memory)
                })
            }
        }
        let milliseconds = Int(Date().timeIntervalSince(start) * 1000)
        switch outcome {
        case let .success((result, configDiagnostics, memory)):
            let diagnostics = Diagnostic.sortedForOutput(configDiagnostics + result.diagnostics)
            if result.failed {
                report(failure: diagnostics, message: nil)
            } else {
                // The new site replaces the old one whole.
                let changed = files.replace(with: memory.contents)
                lastOutput = memory
                refresher = result.refresher
                let showedFailure = state.failure != nil
                let generation = state.succeeded()
                // Pages whose files did not change stay as they are; an overlay goes away by reloading.
                let paths: [String]? = showedFailure || changed.count > Self.mostPathsNamed ? nil : changed
                if paths.map({ !$0.isEmpty }) ?? true {
                    broadcaster.send(EventBroadcaster.encode(event: "reload", data: Self.reloadJSON(generation: generation, paths: paths)))
                }
                onEvent(.built(generation: generation, pageCount: result.pageCount, milliseconds: milliseconds, diagnostics: diagnostics))
            }
        case let .failure(error):
            report(failure: [], message: "\(error)")
        }
    }

    /// Beyond this many changed files, a reload event tells every page to reload.
    static let mostPathsNamed = 200

    /// The data of a `reload` event: the new generation and the site paths that changed (`null`: all).
    static func reloadJSON(generation: Int, paths: [String]?) -> String {
        "{\"generation\":\(generation),\"paths\":\(paths.map { "[" + $0.map(json).joined(separator: ",") + "]" } ?? "null")}"
    }

    private func report(failure diagnostics: [Diagnostic], message: String?) {
        // Pages re-rendered alone go back to the last good build.
        if !files.revert().isEmpty { _ = state.advanced() }
        var text = ""
        let shown = diagnostics.filter { $0.severity != .info }
        if !shown.isEmpty { text += DiagnosticFormatter.text(shown, color: false) }
        if let message { text += message + "\n" }
        let summary = DiagnosticFormatter.summaryLine(DiagnosticSummary(diagnostics))
        let json = "{\"text\":\(Self.json(text)),\"summary\":\(Self.json(summary))}"
        state.failed(json)
        broadcaster.send(EventBroadcaster.encode(event: "failure", data: json))
        onEvent(.failed(diagnostics: diagnostics, message: message))
    }

    static func json(_ string: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = (try? encoder.encode(string)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
