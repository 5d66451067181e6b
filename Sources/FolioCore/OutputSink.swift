import Foundation

/// Where a build writes its files. Every stage writes output only through a sink:
/// ``StagedDirectoryOutput`` for disk (atomic swap) and ``MemoryOutput`` for tests and previews.
public protocol OutputSink: Sendable {
    /// Writes `data` at `path`, a relative path such as `cmia-2021/index.html`.
    func write(_ data: Data, to path: String) throws

    /// Writes a file at `path` that `produce` creates at the URL it is given, piece by piece,
    /// so a large file (open data, a database) never has to be held in memory whole.
    func writeFile(to path: String, producing produce: (URL) throws -> Void) throws
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
}

/// Keeps written files in memory, keyed by relative path. Thread-safe.
public final class MemoryOutput: OutputSink, @unchecked Sendable {
    // Proof of Sendable: `files` is only touched while holding `lock`.
    private let lock = NSLock()
    private var files: [String: Data] = [:]

    public init() {}

    public func write(_ data: Data, to path: String) throws {
        lock.lock()
        defer { lock.unlock() }
        files[path] = data
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

/// Writes into a temporary directory beside the final output directory and swaps it into
/// place with ``commit()`` only when the whole build succeeded. ``discard()`` (or never
/// committing) leaves the previous output byte for byte as it was.
public final class StagedDirectoryOutput: OutputSink, @unchecked Sendable {
    // Proof of Sendable: the URLs are immutable; `createdDirectories` is only touched while
    // holding `lock`, and so is `linkedFiles`; FileManager calls are thread-safe for distinct paths, and directory
    // creation tolerates races.
    private let lock = NSLock()
    private var createdDirectories: Set<String> = []
    private var linkedFiles: Set<String> = []
    /// The final output directory.
    public let destination: URL
    /// The staging directory written to until ``commit()``.
    public let staging: URL

    /// Whether files equal to the previous output's are linked from it (else all are written).
    public let reusingUnchanged: Bool

    /// Creates the staging directory beside `destination`.
    /// - Parameter reusingUnchanged: link files equal to the previous output's instead of writing them.
    /// - Throws: ``FolioError/io(path:message:)`` when the parent directory is not writable.
    public init(destination: URL, reusingUnchanged: Bool = true) throws {
        self.reusingUnchanged = reusingUnchanged
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        let name = ".\(self.destination.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        staging = parent.appendingPathComponent(name, isDirectory: true)
        Self.removeAbandonedStaging(beside: self.destination)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw FolioError.io(path: parent.path, message: "cannot create a staging directory: \(error.localizedDescription)")
        }
    }

    public func write(_ data: Data, to path: String) throws {
        try writing(path) { url in
            // A file equal to the previous output's is linked to it, not written again: no new
            // inode, no data written, and removing the old tree after the swap frees nothing.
            let previous = destination.appendingPathComponent(path).path
            if reusingUnchanged, Self.sameContents(data, atPath: previous), link(previous, url.path) == 0 {
                markLinked(url.path)
                return
            }
            try Self.writeFile(data, at: url.path)
        }
    }

    /// Lets `produce` create the file in the staging folder itself: nothing of it is held in
    /// memory, and it is never linked to the previous output.
    public func writeFile(to path: String, producing produce: (URL) throws -> Void) throws {
        try writing(path, produce)
    }

    /// Runs `body` with the staging URL of `path`, its folders made and any earlier link at that
    /// path removed; a failure names the output path and says the previous output is unchanged.
    private func writing(_ path: String, _ body: (URL) throws -> Void) throws {
        let url = staging.appendingPathComponent(path)
        do {
            let directory = url.deletingLastPathComponent()
            if !isCreated(directory.path) {
                try makeDirectories(directory)
                markCreated(directory.path)
            }
            // A file the build wrote before (a second write to one path) may be a link into the
            // previous output: it is replaced, never written through.
            if wasLinked(url.path) { unlink(url.path) }
            try body(url)
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

    /// Whether the file at `path` holds exactly `data` (its size first, then its bytes).
    static func sameContents(_ data: Data, atPath path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == data.count else { return false }
        guard let existing = FileManager.default.contents(atPath: path) else { return false }
        return existing == data
    }

    private func wasLinked(_ path: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return linkedFiles.contains(path)
    }

    private func markLinked(_ path: String) {
        lock.lock()
        linkedFiles.insert(path)
        lock.unlock()
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
    /// the staged tree becomes visible only through ``commit()``'s rename.
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

    /// Replaces the destination with the staged tree. The old tree is moved aside first and
    /// restored if the final rename fails.
    /// - Parameter preserving: top-level folders of the old tree that other commands write (such
    ///   as `downloads`), carried into the new tree when the build did not write them itself.
    public func commit(preserving: [String] = []) throws {
        let fm = FileManager.default
        let aside = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: aside)
        let hadOld = fm.fileExists(atPath: destination.path)
        for folder in preserving where hadOld {
            let old = destination.appendingPathComponent(folder, isDirectory: true)
            let new = staging.appendingPathComponent(folder, isDirectory: true)
            guard fm.fileExists(atPath: old.path), !fm.fileExists(atPath: new.path) else { continue }
            do {
                try fm.copyItem(at: old, to: new)
            } catch {
                throw FolioError.io(path: old.path, message: "cannot carry the folder into the new output: \(error.localizedDescription)")
            }
        }
        do {
            if hadOld { try fm.moveItem(at: destination, to: aside) }
            try fm.moveItem(at: staging, to: destination)
        } catch {
            if hadOld && !fm.fileExists(atPath: destination.path) { try? fm.moveItem(at: aside, to: destination) }
            throw FolioError.io(path: destination.path, message: "cannot swap in the new output: \(error.localizedDescription)")
        }
        if hadOld { Self.removeTree(aside) }
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

    /// The prefix of every staging (and set-aside) folder name for `destination`; the process id follows.
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
