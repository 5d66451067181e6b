import Foundation

/// Where a build writes its files. Every stage writes output only through a sink:
/// ``StagedDirectoryOutput`` for disk (atomic swap) and ``MemoryOutput`` for tests and previews.
public protocol OutputSink: Sendable {
    /// Writes `data` at `path`, a relative path such as `cmia-2021/index.html`.
    func write(_ data: Data, to path: String) throws

    /// Writes a file at `path` that `produce` creates at the URL it is given, piece by piece,
    /// so a large file (open data, a database) never has to be held in memory whole.
    func writeFile(to path: String, producing produce: (URL) throws -> Void) throws

    /// Keeps the previous output's file at `path` as this build's, when it is there and its
    /// bytes have the SHA-256 `digest`; the caller then need not produce it again. A file whose
    /// stamp is still `stamp` (the one it had when its digest was last checked) is taken as
    /// unchanged without being read.
    /// - Returns: the kept file's stamp; nil when the sink has no previous output or the file
    ///   differs (the caller then writes it).
    func keepPrevious(_ path: String, sha256 digest: Data, stamp: FileStamp?) -> FileStamp?

    /// Keeps the previous output's files as this build's when every one of them is there with
    /// its digest (each checked as ``keepPrevious(_:sha256:stamp:)`` checks one); keeps none
    /// when one differs, so a caller that then writes the set again leaves nothing stale.
    /// - Returns: the kept files' stamps in order; nil when nothing was kept.
    func keepAllPrevious(_ files: [PreviousFile]) -> [FileStamp]?

    /// Whether the sink has a previous output whose files ``keepPrevious(_:sha256:stamp:)`` can keep.
    var hasPreviousOutput: Bool { get }
}

/// A file of the previous output a build would keep: its path, the SHA-256 of the bytes it
/// should hold and, when known, the stamp it had when those bytes were last checked.
public struct PreviousFile: Sendable {
    public var path: String
    public var digest: Data
    public var stamp: FileStamp?

    public init(path: String, digest: Data, stamp: FileStamp?) {
        self.path = path
        self.digest = digest
        self.stamp = stamp
    }
}

extension OutputSink {
    /// Writes UTF-8 text at `path`.
    public func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Produces the file in a temporary folder and writes its bytes through ``write(_:to:)``;
    /// sinks with a folder of their own write it in place.
    public func writeFile(to path: String, producing produce: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-file-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent((path as NSString).lastPathComponent)
        try produce(url)
        try write(try Data(contentsOf: url), to: path)
    }

    /// A sink without a previous output keeps nothing.
    public func keepPrevious(_ path: String, sha256 digest: Data, stamp: FileStamp?) -> FileStamp? { nil }

    public func keepAllPrevious(_ files: [PreviousFile]) -> [FileStamp]? { nil }

    public var hasPreviousOutput: Bool { false }
}

/// Keeps written files in memory, keyed by relative path. Thread-safe.
///
/// Made with the previous build's output, it can keep that output's files (``keepPrevious(_:sha256:stamp:)``)
/// as a folder on disk can, so a rebuild in memory (`folio serve`) skips what is unchanged too.
public final class MemoryOutput: OutputSink, @unchecked Sendable {
    // Proof of Sendable: `files`, `digests` and `kept` are only touched while holding `lock`;
    // `previous` is immutable.
    private let lock = NSLock()
    private var files: [String: Data] = [:]
    /// The SHA-256 of files known to hold them: kept files, and files of the previous output once hashed.
    private var digests: [String: Data] = [:]
    /// Paths kept from the previous output.
    private var kept: Set<String> = []
    /// The previous output's files and the digests it knew; nil when there is none.
    private let previous: (files: [String: Data], digests: [String: Data])?

    public init() {
        previous = nil
    }

    /// An output that can keep the files of `previous`, the output of an earlier build.
    public init(previous: MemoryOutput) {
        previous.lock.lock()
        self.previous = (previous.files, previous.digests)
        previous.lock.unlock()
    }

    public func write(_ data: Data, to path: String) throws {
        lock.lock()
        defer { lock.unlock() }
        files[path] = data
        digests[path] = nil
        kept.remove(path)
    }

    /// A stamp for files held in memory, which have none: the caller records it, and this
    /// output checks a file by its digest whatever stamp it is given.
    private static let memoryStamp = FileStamp(size: 0, modifiedSeconds: 0, modifiedNanoseconds: 0, inode: 0, device: 0)

    public var hasPreviousOutput: Bool { previous != nil }

    public func keepPrevious(_ path: String, sha256 digest: Data, stamp: FileStamp?) -> FileStamp? {
        guard let data = previousFile(path, sha256: digest) else { return nil }
        keep(path, data, digest)
        return Self.memoryStamp
    }

    public func keepAllPrevious(_ files: [PreviousFile]) -> [FileStamp]? {
        // Checked first and kept only when all hold, as on disk.
        let found = ConcurrentMap.map(files) { previousFile($0.path, sha256: $0.digest) }
        guard !found.contains(where: { $0 == nil }) else { return nil }
        for (file, data) in zip(files, found) { keep(file.path, data!, file.digest) }
        return files.map { _ in Self.memoryStamp }
    }

    /// The previous output's file at `path` when its bytes have the SHA-256 `digest`.
    private func previousFile(_ path: String, sha256 digest: Data) -> Data? {
        guard let previous, let data = previous.files[path] else { return nil }
        let known = previous.digests[path] ?? FileDigest.sha256(data)
        return known == digest ? data : nil
    }

    private func keep(_ path: String, _ data: Data, _ digest: Data) {
        lock.lock()
        defer { lock.unlock() }
        files[path] = data
        digests[path] = digest
        kept.insert(path)
    }

    /// The paths kept from the previous output so far.
    public var keptPaths: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return kept
    }

    /// A snapshot of everything written so far.
    public var contents: [String: Data] {
        lock.lock()
        defer { lock.unlock() }
        return files
    }

    /// The text written at `path`, if any.
    public func text(at path: String) -> String? {
        contents[path].map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Writes into a temporary directory beside the final output directory and publishes it with
/// ``commit(preserving:)`` only when the whole build succeeded. ``discard()`` (or never
/// committing) leaves the previous output byte for byte as it was.
///
/// When there is no previous output, the staged tree is renamed into place whole. When there is
/// one, it is updated in place: a file whose bytes equal the previous output's is not written at
/// all (no new inode, no folder made for it), the changed and new files are staged and then each
/// renamed over its old version (atomic per file), and files the build did not write are removed.
/// Either way the result is byte for byte what a build into an empty folder gives.
public final class StagedDirectoryOutput: OutputSink, @unchecked Sendable {
    // Proof of Sendable: the URLs and the mode are immutable; `createdDirectories`, `staged` and
    // `unchanged` are only touched while holding `lock`; FileManager calls are thread-safe for
    // distinct paths, and directory creation tolerates races.
    private let lock = NSLock()
    private var createdDirectories: Set<String> = []
    /// Output paths whose new bytes are in the staging folder.
    private var staged: Set<String> = []
    /// Output paths whose previous file already holds exactly the new bytes (update mode).
    private var unchanged: Set<String> = []
    /// The final output directory.
    public let destination: URL
    /// The staging directory written to until ``commit(preserving:)``.
    public let staging: URL
    /// Whether the previous output is updated in place (it existed when the build began)
    /// rather than replaced by the staged tree.
    public let updatesInPlace: Bool

    /// Creates the staging directory beside `destination`.
    /// - Throws: ``FolioError/io(path:message:)`` when the parent directory is not writable.
    public init(destination: URL) throws {
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        let name = ".\(self.destination.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        staging = parent.appendingPathComponent(name, isDirectory: true)
        var isDirectory: ObjCBool = false
        updatesInPlace = FileManager.default.fileExists(atPath: self.destination.path, isDirectory: &isDirectory) && isDirectory.boolValue
        Self.removeAbandonedStaging(beside: self.destination)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw FolioError.io(path: parent.path, message: "cannot create a staging directory: \(error.localizedDescription)")
        }
    }

    public func write(_ data: Data, to path: String) throws {
        if updatesInPlace, Self.sameContents(data, atPath: destination.appendingPathComponent(path).path) {
            // The previous output already holds these bytes: nothing is written, and an earlier
            // write of this path in the same build is taken back.
            if record(path, unchanged: true) { unlink(staging.appendingPathComponent(path).path) }
            return
        }
        try writing(path) { url in try Self.writeFile(data, at: url.path) }
    }

    /// Lets `produce` create the file in the staging folder itself: nothing of it is held in
    /// memory. When updating in place, a produced file equal to the previous one is dropped.
    public func writeFile(to path: String, producing produce: (URL) throws -> Void) throws {
        try writing(path, produce)
        let url = staging.appendingPathComponent(path)
        if updatesInPlace, Self.sameFiles(url.path, destination.appendingPathComponent(path).path) {
            record(path, unchanged: true)
            unlink(url.path)
        }
    }

    /// Keeps the previous output's file when its bytes hash to `digest` (update mode only); one
    /// whose stamp is `stamp` is not read again. A file changed by hand since, or left by a
    /// failed build, differs and is not kept.
    public func keepPrevious(_ path: String, sha256 digest: Data, stamp: FileStamp?) -> FileStamp? {
        guard updatesInPlace, let current = unchangedStamp(path, sha256: digest, stamp: stamp) else { return nil }
        keep(path)
        return current
    }

    public func keepAllPrevious(_ files: [PreviousFile]) -> [FileStamp]? {
        guard updatesInPlace else { return nil }
        // Checked first, on all cores, and kept only when all hold: a set kept in part would
        // leave files the caller no longer writes.
        let stamps = ConcurrentMap.map(files) { unchangedStamp($0.path, sha256: $0.digest, stamp: $0.stamp) }
        let kept = stamps.compactMap { $0 }
        guard kept.count == files.count else { return nil }
        for file in files { keep(file.path) }
        return kept
    }

    /// The stamp of the previous output's file at `path` when it still holds the bytes with the
    /// SHA-256 `digest`: known without reading it when its stamp is still `stamp`.
    private func unchangedStamp(_ path: String, sha256 digest: Data, stamp: FileStamp?) -> FileStamp? {
        let previous = destination.appendingPathComponent(path).path
        guard let current = FileStamp(path: previous) else { return nil }
        return current == stamp || FileDigest.sha256(atPath: previous) == digest ? current : nil
    }

    /// Takes the previous output's file at `path` as this build's, dropping any staged copy.
    private func keep(_ path: String) {
        if record(path, unchanged: true) { unlink(staging.appendingPathComponent(path).path) }
    }

    public var hasPreviousOutput: Bool { updatesInPlace }

    /// Records whether the file at `path` is unchanged or staged; returns whether it was staged before.
    @discardableResult
    private func record(_ path: String, unchanged isUnchanged: Bool) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if isUnchanged {
            unchanged.insert(path)
            return staged.remove(path) != nil
        }
        unchanged.remove(path)
        return !staged.insert(path).inserted
    }

    /// Runs `body` with the staging URL of `path`, its folders made; a failure names the output
    /// path and says the previous output is unchanged.
    private func writing(_ path: String, _ body: (URL) throws -> Void) throws {
        let url = staging.appendingPathComponent(path)
        do {
            let directory = url.deletingLastPathComponent()
            if !isCreated(directory.path) {
                try makeDirectories(directory)
                markCreated(directory.path)
            }
            try body(url)
            record(path, unchanged: false)
        } catch {
            throw FolioError.io(path: destination.appendingPathComponent(path).path, message: Self.writeFailure(error, staging: staging))
        }
    }

    /// Says why a staged write failed, in the system's words (`No space left on device`), and what
    /// it means for the reader: the previous output is kept as it was.
    static func writeFailure(_ error: any Error, staging: URL) -> String {
        let reason: String
        if case let FolioError.io(_, message) = error {
            reason = message
        } else {
            reason = error.localizedDescription
        }
        let hint = reason.contains("No space left") || reason.contains("quota")
            ? "free space on the disk that holds \(staging.deletingLastPathComponent().path)"
            : "check the permissions and free space of \(staging.deletingLastPathComponent().path)"
        return "cannot write: \(reason); the previous output is unchanged (\(hint))"
    }

    /// Creates `directory` and its missing parents below the staging folder, never the staging
    /// folder itself: once a stopped build has removed it, late writes fail instead of recreating it.
    private func makeDirectories(_ directory: URL) throws {
        let base = staging.path
        let path = directory.path
        guard path.hasPrefix(base) else { throw FolioError.io(path: path, message: "outside the staging folder") }
        var current = base
        for component in path.dropFirst(base.count).split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o777) != 0 && errno != EEXIST {
                throw FolioError.io(path: current, message: String(cString: strerror(errno)))
            }
        }
    }

    /// Whether the regular file at `path` (not a link to one) holds exactly `data`: its size
    /// first, then its bytes.
    static func sameContents(_ data: Data, atPath path: String) -> Bool {
        guard FileStamp(path: path)?.size == data.count, let existing = FileManager.default.contents(atPath: path) else { return false }
        return existing == data
    }

    /// Whether two regular files (not links) hold the same bytes.
    static func sameFiles(_ a: String, _ b: String) -> Bool {
        guard let size = FileStamp(path: a)?.size, FileStamp(path: b)?.size == size else { return false }
        return FileManager.default.contentsEqual(atPath: a, andPath: b)
    }


    private func isCreated(_ directory: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return createdDirectories.contains(directory)
    }

    private func markCreated(_ directory: String) {
        lock.lock()
        createdDirectories.insert(directory)
        lock.unlock()
    }

    /// Writes `data` into a new file with plain `open`/`write`/`close`. No `fsync` per file:
    /// the staged files become visible only through ``commit(preserving:)``'s renames.
    private static func writeFile(_ data: Data, at path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw FolioError.io(path: path, message: String(cString: strerror(errno))) }
        var failure: Int32 = 0
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard var pointer = buffer.baseAddress else { return }
            var remaining = buffer.count
            while remaining > 0 {
                let written = Foundation.write(fd, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                remaining -= written
                pointer += written
            }
        }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure != 0 { throw FolioError.io(path: path, message: String(cString: strerror(failure))) }
    }

    /// Publishes the build: renames the staged tree into place when there was no previous output,
    /// else moves each staged file over its old version and removes the files this build did not
    /// write.
    /// - Parameter preserving: top-level folders of the previous output that other commands write
    ///   (such as `downloads`), kept as they are when the build wrote nothing in them.
    public func commit(preserving: [String] = []) throws {
        let fm = FileManager.default
        guard updatesInPlace else {
            do {
                try fm.moveItem(at: staging, to: destination)
            } catch {
                throw FolioError.io(path: destination.path, message: "cannot move the new output into place: \(error.localizedDescription)")
            }
            return
        }
        // The unchanged files were never staged: without the previous output there is nothing to update.
        guard fm.fileExists(atPath: destination.path) else {
            throw FolioError.io(path: destination.path, message: "the previous output was removed while the build ran; build again to write it whole")
        }
        lock.lock()
        let changed = staged.sorted(), kept = unchanged
        lock.unlock()
        for path in changed {
            let target = destination.appendingPathComponent(path)
            do {
                try Self.makeParents(of: path, in: destination)
                if rename(staging.appendingPathComponent(path).path, target.path) != 0 {
                    // A folder (or a file where a folder now is) stands in the way: it goes.
                    guard errno == EISDIR || errno == ENOTEMPTY || errno == EEXIST else { throw FolioError.io(path: target.path, message: String(cString: strerror(errno))) }
                    try fm.removeItem(at: target)
                    guard rename(staging.appendingPathComponent(path).path, target.path) == 0 else { throw FolioError.io(path: target.path, message: String(cString: strerror(errno))) }
                }
            } catch {
                throw FolioError.io(path: target.path, message: "cannot publish the file: \(error.localizedDescription); the output is partly updated, and the next build completes it")
            }
        }
        let written = kept.union(changed)
        let writtenFolders = Set(written.compactMap { $0.split(separator: "/").first.map(String.init) })
        let preserved = Set(preserving).subtracting(writtenFolders)
        Self.removeStale(in: destination.path, keeping: written, preserved: preserved)
        Self.removeTree(staging)
    }

    /// Makes the folders of `path` below `root`, replacing a file that stands where a folder must be.
    private static func makeParents(of path: String, in root: URL) throws {
        let components = path.split(separator: "/").dropLast()
        var current = root.path
        for component in components {
            current += "/" + component
            if mkdir(current, 0o777) == 0 || errno != EEXIST { continue }
            var info = stat()
            if lstat(current, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
                unlink(current)
                guard mkdir(current, 0o777) == 0 else { throw FolioError.io(path: current, message: String(cString: strerror(errno))) }
            }
        }
    }

    /// Removes every entry below `folder` whose output path is not in `keeping` (top-level
    /// folders in `preserved` are left alone), then the folders that end up empty. The top-level
    /// folders are walked on all cores.
    private static func removeStale(in folder: String, keeping: Set<String>, preserved: Set<String>) {
        let entries = entries(of: folder)
        _ = ConcurrentMap.map(entries) { entry in
            let full = folder + "/" + entry.name
            if entry.isFolder {
                if preserved.contains(entry.name) { return false }
                if removeStale(in: full, relative: entry.name, keeping: keeping) { rmdir(full) }
            } else if !keeping.contains(entry.name) {
                unlink(full)
            }
            return true
        }
    }

    /// The names in `folder`, and whether each is a folder.
    private static func entries(of folder: String) -> [(name: String, isFolder: Bool)] {
        guard let directory = opendir(folder) else { return [] }
        var entries: [(name: String, isFolder: Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                var info = stat()
                isFolder = lstat(folder + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            entries.append((name, isFolder))
        }
        closedir(directory)
        return entries
    }

    /// Removes the entries below `folder` (output path `relative`) that are not in `keeping`;
    /// true when nothing in it was kept, so that the folder itself may go.
    private static func removeStale(in folder: String, relative: String, keeping: Set<String>) -> Bool {
        var keptAny = false
        for (name, isFolder) in entries(of: folder) {
            let path = relative + "/" + name
            let full = folder + "/" + name
            if isFolder {
                if removeStale(in: full, relative: path, keeping: keeping) {
                    rmdir(full)  // fails, as it should, if a file appeared in it meanwhile
                } else {
                    keptAny = true
                }
            } else if keeping.contains(path) {
                keptAny = true
            } else {
                unlink(full)
            }
        }
        return !keptAny
    }

    /// Removes a folder and everything in it, its top-level entries on all cores: the previous
    /// output holds a file and a folder per page, and removing them one by one came last on the
    /// build's path.
    static func removeTree(_ folder: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        _ = ConcurrentMap.map(names) { name in
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// The prefix of every staging folder name for `destination`, and of the folders earlier
    /// versions of Folio set the old output aside in while swapping; the process id follows.
    static func scratchPrefixes(for destination: URL) -> [String] {
        [".\(destination.lastPathComponent).staging-", ".\(destination.lastPathComponent).old-"]
    }

    /// Removes staging and set-aside folders beside `destination` left by a build that was killed
    /// (SIGKILL, power loss): those whose process is no longer running. A running build's are kept.
    public static func removeAbandonedStaging(beside destination: URL) {
        let parent = destination.standardizedFileURL.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names {
            for prefix in scratchPrefixes(for: destination) where name.hasPrefix(prefix) {
                let pidText = name.dropFirst(prefix.count).prefix { $0 != "-" }
                guard let pid = Int32(pidText), pid > 0 else { continue }
                // kill(pid, 0) fails with ESRCH when no such process exists.
                if kill(pid, 0) != 0 && errno == ESRCH {
                    try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
                }
            }
        }
    }

    /// Removes this process's staging and set-aside folders beside `destination`; for a signal
    /// handler that stops a build half way (the old output stays as it was).
    public static func removeOwnStaging(beside destination: URL) {
        let parent = destination.standardizedFileURL.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        let pid = ProcessInfo.processInfo.processIdentifier
        for (index, name) in names.enumerated() where name.hasPrefix(scratchPrefixes(for: destination)[0] + "\(pid)-") {
            // Renamed first (atomic), so writes still in flight fail rather than land in it; the
            // new name keeps the prefix, so a folder that cannot be removed now goes with the next build.
            let stopped = parent.appendingPathComponent(scratchPrefixes(for: destination)[0] + "\(pid)-stopped-\(index)")
            let victim = rename(parent.appendingPathComponent(name).path, stopped.path) == 0 ? stopped : parent.appendingPathComponent(name)
            for _ in 0..<3 where (try? FileManager.default.removeItem(at: victim)) == nil && FileManager.default.fileExists(atPath: victim.path) {}
        }
    }

    /// Deletes the staged tree and leaves the destination untouched.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}

/// Decides whether a directory may be replaced wholesale by a build.
public enum OutputGuard {
    /// Refuses `/`, the home directory, the project root, an ancestor of the project root, and
    /// anything inside the content directory.
    /// - Throws: ``FolioError/refusedOutput(path:reason:)``.
    public static func check(output: URL, projectRoot: URL, contentDirectory: URL) throws {
        let out = output.standardizedFileURL.resolvingSymlinksInPath().path
        let root = projectRoot.standardizedFileURL.resolvingSymlinksInPath().path
        let content = contentDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.resolvingSymlinksInPath().path
        func isInside(_ path: String, _ dir: String) -> Bool {
            path == dir || path.hasPrefix(dir.hasSuffix("/") ? dir : dir + "/")
        }
        if out == "/" { throw FolioError.refusedOutput(path: out, reason: "it is the filesystem root") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw FolioError.refusedOutput(path: out, reason: "it is a file, not a folder, and a build would replace it")
        }
        if out == home { throw FolioError.refusedOutput(path: out, reason: "it is the home directory") }
        if out == root { throw FolioError.refusedOutput(path: out, reason: "it is the project root") }
        if isInside(root, out) { throw FolioError.refusedOutput(path: out, reason: "it contains the project") }
        if isInside(out, content) { throw FolioError.refusedOutput(path: out, reason: "it is inside the content directory") }
    }
}
