import Foundation

/// Detects changes below a set of files and directories by comparing modification times and
/// sizes, which works on every platform and file system. Directories are listed recursively;
/// hidden files and editor backups (`~`, `.swp`) are ignored.
public struct ChangeWatcher: Sendable {
    /// A snapshot of the watched files: path → (modification time, size).
    public struct Fingerprint: Sendable, Equatable {
        var files: [String: FileStamp]

        /// Paths added, removed or changed since `old`, sorted.
        public func changes(since old: Fingerprint) -> [String] {
            var changed: Set<String> = []
            for (path, stamp) in files where old.files[path] != stamp { changed.insert(path) }
            for path in old.files.keys where files[path] == nil { changed.insert(path) }
            return changed.sorted()
        }
    }

    struct FileStamp: Sendable, Equatable {
        var modified: TimeInterval
        var size: Int
    }

    /// Watched paths, absolute.
    public let paths: [URL]
    /// The project root, to print paths relative to it.
    public let root: URL

    public init(root: URL, relativePaths: [String]) {
        self.root = root.standardizedFileURL
        paths = relativePaths.map { root.appendingPathComponent($0).standardizedFileURL }
    }

    /// Reads the current modification times and sizes; nil when a folder could not be listed
    /// (out of file descriptors, say), so a glitch never passes for files that vanished.
    public func fingerprint() -> Fingerprint? {
        let fm = FileManager.default
        var files: [String: FileStamp] = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        func record(_ url: URL) {
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { return }
            let name = url.lastPathComponent
            if name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") { return }
            files[relative(url)] = FileStamp(modified: values.contentModificationDate?.timeIntervalSinceReferenceDate ?? 0, size: values.fileSize ?? 0)
        }
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path.path, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue {
                record(path)
                continue
            }
            let failure = FailureFlag()
            guard let enumerator = fm.enumerator(at: path, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles], errorHandler: { _, _ in
                failure.raise()
                return true
            }) else { return nil }
            for case let url as URL in enumerator { record(url) }
            if failure.raised { return nil }
        }
        return Fingerprint(files: files)
    }

    func relative(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}

/// Set by an enumerator's error handler, read after the enumeration.
private final class FailureFlag: @unchecked Sendable {
    // Proof of Sendable: the enumerator calls its handler on the enumerating thread only.
    private(set) var raised = false
    func raise() { raised = true }
}
