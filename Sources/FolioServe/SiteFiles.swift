import FolioCore
import Foundation

/// The files the preview server answers from: the last good build, held in memory and replaced
/// whole after each successful rebuild (so a page is never served half-built), plus the pages
/// re-rendered alone after an edit while that rebuild runs. Thread-safe.
final class SiteFiles: @unchecked Sendable {
    // Proof of Sendable: `built`, `refreshed` and `directories` are only touched while holding `lock`.
    private let lock = NSLock()
    private var built: [String: Data] = [:]
    /// Pages re-rendered alone since the last build; they win over `built` until the next build.
    private var refreshed: [String: Data] = [:]
    /// Every folder that holds a file (`""` is the site root), for `index.html` and redirects.
    private var directories: Set<String> = [""]

    /// Replaces every file with those of a new build and drops the refreshed pages.
    /// - Returns: the paths whose bytes differ from what was served before, sorted.
    @discardableResult
    func replace(with newFiles: [String: Data]) -> [String] {
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
        let served = built.merging(refreshed) { _, new in new }
        var changed = newFiles.compactMap { path, data in served[path] == data ? nil : path }
        changed += served.keys.filter { newFiles[$0] == nil }
        built = newFiles
        refreshed = [:]
        directories = folders
        return changed.sorted()
    }

    /// Serves `files` (pages of the current site re-rendered alone) until the next build.
    /// - Returns: the paths whose bytes changed, sorted.
    func refresh(_ files: [String: Data]) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        var changed: [String] = []
        for (path, data) in files where (refreshed[path] ?? built[path]) != data {
            refreshed[path] = data
            changed.append(path)
        }
        return changed.sorted()
    }

    /// Drops the refreshed pages, going back to the last good build (after a failed rebuild).
    /// - Returns: the paths whose bytes changed, sorted.
    func revert() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        let changed = refreshed.keys.filter { refreshed[$0] != built[$0] }
        refreshed = [:]
        return changed.sorted()
    }

    /// The bytes of the file at `path` (relative, no leading slash), if the site has it.
    func data(at path: String) -> Data? {
        lock.lock()
        defer { lock.unlock() }
        return refreshed[path] ?? built[path]
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
