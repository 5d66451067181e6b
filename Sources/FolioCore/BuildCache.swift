import Crypto
#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Results of earlier builds, keyed by the SHA-256 of everything that produced them, so a build
/// redoes only the work whose inputs changed. Kept in `.folio-cache/` between `folio build`s and
/// in memory across the rebuilds of `folio serve`.
///
/// A value is found only under the digest of its exact inputs, so a stale entry can never be
/// used: it is simply never asked for again. On disk each value is one file,
/// `<namespace>/<digest>`, read only when asked for (memory stays flat however large the site)
/// and written through a temporary file, with a SHA-256 of its bytes that is checked on reading:
/// a damaged entry is a miss, never a wrong page. ``save()`` removes the entries the last build
/// did not use, so the cache does not grow with old versions. Thread-safe.
public final class BuildCache: @unchecked Sendable {
    // Proof of Sendable: `memory` and `used` are only touched under `lock`; the files of one key
    // always hold the same bytes, and each is written to a unique temporary name, then renamed.
    private let lock = NSLock()
    /// The cache folder, or nil for a cache held in memory only.
    public let directory: URL?
    /// Values of a memory-only cache.
    private var memory: [String: [Key: Data]] = [:]
    /// The keys this build asked for or stored, by namespace.
    private var used: [String: Set<Key>] = [:]
    /// Whether the cache is only read: nothing is stored or removed (`folio check`).
    private let readOnly: Bool
    /// Whether the cache is only read: what is stored is dropped, so there is no need to make it.
    public var isReadOnly: Bool { readOnly }
    /// Namespace folders known to exist.
    private var folders: Set<String> = []

    /// A digest of a value's inputs.
    public struct Key: Hashable, Sendable {
        public let bytes: Data

        public init(bytes: Data) {
            self.bytes = bytes
        }

        /// The digest in lower-case hexadecimal: the entry's file name.
        var name: String {
            let digits = Array("0123456789abcdef".utf8)
            var hex: [UInt8] = []
            hex.reserveCapacity(bytes.count * 2)
            for byte in bytes {
                hex.append(digits[Int(byte >> 4)])
                hex.append(digits[Int(byte & 0x0F)])
            }
            return String(decoding: hex, as: UTF8.self)
        }
    }

    /// Opens the cache in `directory`; nil keeps it in memory. With `readOnly`, it is read and
    /// never changed.
    public init(directory: URL?, readOnly: Bool = false) {
        self.directory = directory
        self.readOnly = readOnly
    }

    /// The cache folder of a project.
    public static func directory(in projectRoot: URL) -> URL {
        projectRoot.appendingPathComponent(".folio-cache", isDirectory: true)
    }

    /// The value stored under `key` in `namespace` (one kind of result, one folder on disk).
    public func value(_ namespace: String, _ key: Key) -> Data? {
        // A cache in memory hands out the stored value itself, without a copy.
        guard let directory else { return remembered(namespace, key) }
        return found(Self.read(Self.entryPath(directory, namespace, key)).map { Data($0) }, namespace, key)
    }

    /// The bytes stored under `key` in `namespace`, as ``value(_:_:)`` gives them but read
    /// straight into the array an archive is read from.
    public func bytes(_ namespace: String, _ key: Key) -> [UInt8]? {
        guard let directory else { return remembered(namespace, key).map { [UInt8]($0) } }
        return found(Self.read(Self.entryPath(directory, namespace, key)), namespace, key)
    }

    /// The file of the entry under `key` in `namespace`.
    private static func entryPath(_ directory: URL, _ namespace: String, _ key: Key) -> String {
        directory.path + "/" + namespace + "/" + key.name
    }

    /// The value a cache in memory holds under `key`, counted as used.
    private func remembered(_ namespace: String, _ key: Key) -> Data? {
        lock.lock()
        defer { lock.unlock() }
        let value = memory[namespace]?[key]
        if value != nil { used[namespace, default: []].insert(key) }
        return value
    }

    /// `value`, counted as used when there is one.
    private func found<Value>(_ value: Value?, _ namespace: String, _ key: Key) -> Value? {
        if value != nil {
            lock.lock()
            used[namespace, default: []].insert(key)
            lock.unlock()
        }
        return value
    }

    /// Stores `value` under `key` in `namespace`.
    public func store(_ namespace: String, _ key: Key, _ value: Data) {
        guard !readOnly else { return }
        lock.lock()
        used[namespace, default: []].insert(key)
        if directory == nil { memory[namespace, default: [:]][key] = value }
        let folderExists = !folders.insert(namespace).inserted
        lock.unlock()
        if let directory {
            let folder = directory.appendingPathComponent(namespace)
            if !folderExists { try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
            // A cache that cannot be written is only slower next time.
            Self.writeEntry(value, to: folder.appendingPathComponent(key.name).path)
        }
    }

    /// Starts the next build: what it does not ask for is dropped by ``save()``.
    public func beginBuild() {
        lock.lock()
        used = [:]
        lock.unlock()
    }

    /// The keys this build has asked for or stored so far, by namespace.
    public var usedKeys: [String: Set<Key>] {
        lock.lock()
        defer { lock.unlock() }
        return used
    }

    /// Counts `keys` as used by this build, so ``save()`` keeps their entries although nothing
    /// asked for them (the work that would was skipped because its result is already in place).
    public func retain(_ keys: [String: [Key]]) {
        lock.lock()
        defer { lock.unlock() }
        for (namespace, list) in keys { used[namespace, default: []].formUnion(list) }
    }

    /// Removes the entries of every namespace this build used that it did not ask for or store.
    public func save() {
        guard !readOnly else { return }
        lock.lock()
        defer { lock.unlock() }
        guard let directory else {
            for (namespace, values) in memory {
                let keep = used[namespace] ?? []
                memory[namespace] = values.filter { keep.contains($0.key) }
            }
            return
        }
        for (namespace, keys) in used {
            let folder = directory.appendingPathComponent(namespace)
            let keep = Set(keys.map(\.name))
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where !keep.contains(name) {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }

    /// An entry's bytes, when its file exists and its checksum matches. Read with one `read` of
    /// the size the file has, into the array returned (entries are many and small).
    private static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              info.st_size >= 32, info.st_size <= InputFile.maxMediaBytes else { return nil }
        let size = Int(info.st_size)
        var complete = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let got = Glibc.read(descriptor, buffer.baseAddress! + done, size - done)
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { break }
                done += got
            }
            complete = done == size
            // Bytes never read are not handed out: the entry is dropped below.
            count = complete ? size : 0
        }
        guard complete else { return nil }
        let matches = bytes.withUnsafeBufferPointer { buffer in
            SHA256.hash(data: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[..<(size - 32)]))).elementsEqual(buffer[(size - 32)...])
        }
        guard matches else { return nil }
        bytes.removeLast(32)
        return bytes
    }

    /// Writes an entry (its bytes, then their SHA-256) under a temporary name and renames it
    /// into place, so a reader never sees half an entry.
    private static func writeEntry(_ value: Data, to path: String) {
        var data = value
        data.append(Data(SHA256.hash(data: value)))
        let temporary = path + ".partial-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        if written != data.count || rename(temporary, path) != 0 { unlink(temporary) }
    }
}

/// Feeds the inputs of a cached result into a SHA-256 digest, each with its length, so that
/// different inputs can never run together into the same bytes.
public struct CacheKeyBuilder {
    private var hasher = SHA256()
    /// Inputs not yet hashed: most are a few bytes, and hashing them in larger pieces is faster.
    private var pending: [UInt8] = []
    private static let pieceSize = 8192

    /// Starts a key for results of `kind` made by this build of Folio (``BuildIdentity``).
    public init(_ kind: String) {
        pending.reserveCapacity(Self.pieceSize)
        add(kind)
        add(BuildIdentity.current)
    }

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            add(count: bytes.count)
            append(UnsafeRawBufferPointer(bytes))
        }
    }

    public mutating func add(_ data: Data) {
        add(count: data.count)
        data.withUnsafeBytes { append($0) }
    }

    public mutating func add(_ number: Int) {
        add(count: number)
    }

    /// Adds a value as its JSON with sorted keys (nothing for nil, or a value that does not encode).
    public mutating func add(json value: (some Encodable)?) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        add(value.flatMap { try? encoder.encode($0) } ?? Data())
    }

    private mutating func add(count: Int) {
        var value = UInt64(bitPattern: Int64(count)).littleEndian
        withUnsafeBytes(of: &value) { append($0) }
    }

    private mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if pending.count + bytes.count > Self.pieceSize {
            pending.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            pending.removeAll(keepingCapacity: true)
            if bytes.count > Self.pieceSize {
                hasher.update(bufferPointer: bytes)
                return
            }
        }
        pending.append(contentsOf: bytes)
    }

    /// The finished key.
    public func key() -> BuildCache.Key {
        var hasher = hasher
        pending.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return BuildCache.Key(bytes: Data(hasher.finalize()))
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

extension BuildCache {
    /// The value archived under `key` in `namespace` when there is one that reads back whole and
    /// that `accept` takes; else the value `compute` makes, stored there when `accept` takes it.
    public func archived<Value: BinaryArchivable>(
        _ namespace: String, _ key: Key, accept: (Value) -> Bool = { _ in true }, compute: () throws -> Value
    ) rethrows -> Value {
        if let bytes = bytes(namespace, key), let cached = Value.unarchived(bytes: bytes), accept(cached) { return cached }
        let computed = try compute()
        if accept(computed) { store(namespace, key, computed.archived) }
        return computed
    }
}
