import Crypto
import Foundation

/// Results of earlier builds, keyed by the SHA-256 of everything that produced them, so a build
/// redoes only the work whose inputs changed. Kept in `.folio-cache/` between `folio build`s and
/// in memory across the rebuilds of `folio serve`.
///
/// A value is found only under the digest of its exact inputs, so a stale entry can never be
/// used: it is simply never asked for again. ``save()`` keeps the entries the last build asked
/// for or stored and drops the rest, so the cache does not grow with old versions. Thread-safe.
public final class BuildCache: @unchecked Sendable {
    // Proof of Sendable: `entries`, `used`, `loaded` and `changed` are only touched under `lock`.
    private let lock = NSLock()
    /// The cache folder, or nil for a cache held in memory only.
    public let directory: URL?
    private var entries: [String: [Key: Data]] = [:]
    private var used: [String: Set<Key>] = [:]
    private var loaded: Set<String> = []
    private var changed: Set<String> = []

    /// A digest of a value's inputs.
    public struct Key: Hashable, Sendable {
        public let bytes: Data
    }

    /// The file format's first bytes; a file that does not start with them is ignored.
    static let magic = Data("folio-cache 1\n".utf8)

    /// Whether the files already in `directory` are ignored (and replaced by ``save()``).
    private let ignoresSaved: Bool

    /// Opens the cache in `directory` (read lazily, one file per namespace); nil keeps it in
    /// memory. With `clean`, what is saved there is ignored and rewritten.
    public init(directory: URL?, clean: Bool = false) {
        self.directory = directory
        ignoresSaved = clean
    }

    /// The cache folder of a project.
    public static func directory(in projectRoot: URL) -> URL {
        projectRoot.appendingPathComponent(".folio-cache", isDirectory: true)
    }

    /// The value stored under `key` in `namespace` (one kind of result, one file on disk).
    public func value(_ namespace: String, _ key: Key) -> Data? {
        lock.lock()
        defer { lock.unlock() }
        load(namespace)
        guard let value = entries[namespace]?[key] else { return nil }
        used[namespace, default: []].insert(key)
        return value
    }

    /// Stores `value` under `key` in `namespace`.
    public func store(_ namespace: String, _ key: Key, _ value: Data) {
        lock.lock()
        defer { lock.unlock() }
        load(namespace)
        if entries[namespace]?[key] != value {
            entries[namespace, default: [:]][key] = value
            changed.insert(namespace)
        }
        used[namespace, default: []].insert(key)
    }

    /// Starts the next build: what it does not ask for is dropped by ``save()``.
    public func beginBuild() {
        lock.lock()
        used = [:]
        lock.unlock()
    }

    /// Keeps only the entries this build used and writes the namespaces that changed
    /// (each to a temporary file renamed into place). A cache that cannot be written is only
    /// slower next time, so failures are ignored.
    public func save() {
        lock.lock()
        defer { lock.unlock() }
        for namespace in loaded {
            let keep = used[namespace] ?? []
            if let all = entries[namespace], all.count != keep.count {
                entries[namespace] = all.filter { keep.contains($0.key) }
                changed.insert(namespace)
            }
        }
        guard let directory else {
            changed = []
            return
        }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for namespace in changed.sorted() {
            var data = Self.magic
            for (key, value) in (entries[namespace] ?? [:]).sorted(by: { $0.key.bytes.lexicographicallyPrecedes($1.key.bytes) }) {
                data.append(key.bytes)
                var count = UInt32(value.count).littleEndian
                withUnsafeBytes(of: &count) { data.append(contentsOf: $0) }
                data.append(value)
            }
            try? data.write(to: directory.appendingPathComponent("\(namespace).cache"), options: .atomic)
        }
        changed = []
    }

    /// Reads a namespace's file once; a missing, foreign or truncated file gives what it holds up to the damage.
    private func load(_ namespace: String) {
        guard loaded.insert(namespace).inserted else { return }
        guard !ignoresSaved, let directory, let data = try? Data(contentsOf: directory.appendingPathComponent("\(namespace).cache")),
              data.starts(with: Self.magic)
        else { return }
        var found: [Key: Data] = [:]
        var offset = data.startIndex + Self.magic.count
        while offset + 36 <= data.endIndex {
            let key = Key(bytes: Data(data[offset ..< offset + 32]))
            let count = data[offset + 32 ..< offset + 36].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
            let start = offset + 36
            guard start + count <= data.endIndex else { break }
            found[key] = data[start ..< start + count]
            offset = start + count
        }
        entries[namespace] = found
    }
}

/// Feeds the inputs of a cached result into a SHA-256 digest, each with its length, so that
/// different inputs can never run together into the same bytes.
public struct CacheKeyBuilder {
    private var hasher = SHA256()

    /// Starts a key for results of `kind` made by this build of Folio (``BuildIdentity``).
    public init(_ kind: String) {
        add(kind)
        add(BuildIdentity.current)
    }

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            add(count: bytes.count)
            hasher.update(bufferPointer: UnsafeRawBufferPointer(bytes))
        }
    }

    public mutating func add(_ data: Data) {
        add(count: data.count)
        hasher.update(data: data)
    }

    public mutating func add(_ number: Int) {
        add(count: number)
    }

    private mutating func add(count: Int) {
        var value = UInt64(bitPattern: Int64(count)).littleEndian
        withUnsafeBytes(of: &value) { hasher.update(bufferPointer: $0) }
    }

    /// The finished key.
    public func key() -> BuildCache.Key {
        BuildCache.Key(bytes: Data(hasher.finalize()))
    }
}

/// Which build of Folio is running: its version and its executable's size and modification time,
/// so results cached by one build of Folio are never used by another.
public enum BuildIdentity {
    public static let current: String = {
        var identity = "folio"
        if let path = Bundle.main.executablePath, let attributes = try? FileManager.default.attributesOfItem(atPath: path) {
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            identity += " \(size) \(modified)"
        }
        return identity
    }()
}
