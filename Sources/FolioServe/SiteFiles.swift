import FolioCore
import Foundation

/// The files of the last good build, held in memory for the preview server and replaced whole
/// after each successful rebuild, so a page is never served half-built. Thread-safe.
final class SiteFiles: @unchecked Sendable {
    // Proof of Sendable: `files` and `directories` are only touched while holding `lock`.
    private let lock = NSLock()
    private var files: [String: Data] = [:]
    /// Every folder that holds a file (`""` is the site root), for `index.html` and redirects.
    private var directories: Set<String> = [""]

    /// Replaces every file with those of a new build.
    func replace(with newFiles: [String: Data]) {
        var folders: Set<String> = [""]
        for path in newFiles.keys {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(String(folder)).inserted else { break }
            }
        }
        lock.lock()
        defer { lock.unlock() }
        files = newFiles
        directories = folders
    }

    /// The bytes of the file at `path` (relative, no leading slash), if the site has it.
    func data(at path: String) -> Data? {
        lock.lock()
        defer { lock.unlock() }
        return files[path]
    }

    /// Whether `path` is a folder of the site.
    func isDirectory(_ path: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return directories.contains(path)
    }
}

/// Writes every file to two sinks: the preview's memory and, when asked, a staged directory.
struct TeeOutput: OutputSink {
    let first: any OutputSink
    let second: any OutputSink

    func write(_ data: Data, to path: String) throws {
        try first.write(data, to: path)
        try second.write(data, to: path)
    }
}
