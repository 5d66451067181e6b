import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wakes the change watcher as soon as the kernel reports a change in a watched folder (Linux
/// inotify), so an edit is seen within a millisecond instead of at the next poll. Where inotify is
/// missing (other systems, or no watch left), ``wait(milliseconds:)`` just waits, and the watcher
/// falls back to polling. Used from one thread only.
final class FileEventWaiter: @unchecked Sendable {
    // Proof of Sendable: the waiter is created on one thread and then used only by the watch thread.
    private var descriptor: Int32 = -1
    private var watched: Set<String> = []

    /// Whether the kernel reports changes; false means the caller must poll.
    var isAvailable: Bool { descriptor >= 0 }

    /// Watches the folders among `paths`, recursively, and the folder of each plain file.
    init(paths: [URL]) {
        #if os(Linux)
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        #endif
        watch(paths)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Adds folders created since the last call (a new document folder, say).
    func watch(_ paths: [URL]) {
        #if os(Linux)
        guard descriptor >= 0 else { return }
        let fm = FileManager.default
        var folders: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
                folders.append(path.deletingLastPathComponent().path)
                continue
            }
            guard isDirectory.boolValue else {
                folders.append(path.deletingLastPathComponent().path)
                continue
            }
            folders.append(path.path)
            let enumerator = fm.enumerator(at: path, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
            while let url = enumerator?.nextObject() as? URL {
                if (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true { folders.append(url.path) }
            }
        }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB)
        for folder in folders where !watched.contains(folder) {
            if inotify_add_watch(descriptor, folder, mask) >= 0 {
                watched.insert(folder)
            } else if errno == ENOSPC {
                // Out of watches: a folder would go unseen, so poll everything instead.
                close(descriptor)
                descriptor = -1
                return
            }
        }
        #endif
    }

    /// Waits until the kernel reports a change or `milliseconds` pass, then drains what it reported.
    /// - Returns: whether a change was reported.
    @discardableResult
    func wait(milliseconds: Int) -> Bool {
        #if os(Linux)
        guard descriptor >= 0 else {
            usleep(useconds_t(max(0, milliseconds)) * 1000)
            return false
        }
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, Int32(milliseconds)) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 16384)
        while read(descriptor, &buffer, buffer.count) > 0 {}
        return true
        #else
        usleep(useconds_t(max(0, milliseconds)) * 1000)
        return false
        #endif
    }
}
