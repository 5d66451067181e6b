import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wakes the change watcher as soon as the kernel reports a change in a watched folder (Linux
/// inotify), so an edit is seen within a millisecond instead of at the next poll. Where inotify is
/// missing (other systems, or no watch left), a wait just sleeps, and the watcher falls back to
/// polling.
///
/// The waits block a thread of the waiter's own, never one of Dispatch's workers: Dispatch watches
/// its blocked workers through `/proc`, which a server out of file descriptors cannot open.
final class FileEventWaiter: @unchecked Sendable {
    // Proof of Sendable: `descriptor` and `watched` are only touched by the waiter's thread (and
    // by init before it starts); `jobs` only under `lock`.
    private var descriptor: Int32 = -1
    private var watched: Set<String> = []
    private let lock = NSLock()
    private var jobs: [@Sendable () -> Void] = []
    private let signal = DispatchSemaphore(value: 0)
    private var finished = false

    /// Whether the kernel reported changes when the waiter started; false means the caller must poll.
    let isAvailable: Bool

    /// Watches the folders among `paths`, recursively, and the folder of each plain file.
    init(paths: [URL]) {
        #if os(Linux)
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        #endif
        isAvailable = descriptor >= 0
        addWatches(paths)
        // The thread holds the waiter until ``finish()``.
        let thread = Thread { self.run() }
        thread.name = "folio.serve.watch"
        thread.start()
    }

    /// Waits on the waiter's thread until the kernel reports a change or `milliseconds` pass.
    /// - Returns: whether a change was reported.
    func wait(milliseconds: Int) async -> Bool {
        await withCheckedContinuation { continuation in
            submit { continuation.resume(returning: self.waitHere(milliseconds: milliseconds)) }
        }
    }

    /// Adds, on the waiter's thread, the folders created since the last call (a new document folder).
    func watch(_ paths: [URL]) {
        submit { self.addWatches(paths) }
    }

    /// Ends the waiter's thread and closes the kernel's event queue.
    func finish() {
        lock.lock()
        finished = true
        lock.unlock()
        signal.signal()
    }

    private func submit(_ job: @escaping @Sendable () -> Void) {
        lock.lock()
        jobs.append(job)
        lock.unlock()
        signal.signal()
    }

    private func run() {
        while true {
            signal.wait()
            lock.lock()
            let done = finished
            let job = jobs.isEmpty ? nil : jobs.removeFirst()
            lock.unlock()
            if done { break }
            job?()
        }
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        // Waits asked for after the end return at once, so no caller is left suspended.
        lock.lock()
        let rest = jobs
        jobs = []
        lock.unlock()
        for job in rest { job() }
    }

    private func addWatches(_ paths: [URL]) {
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

    /// Blocks until the kernel reports a change or `milliseconds` pass, then drains what it reported.
    private func waitHere(milliseconds: Int) -> Bool {
        lock.lock()
        let done = finished
        lock.unlock()
        if done { return false }
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
