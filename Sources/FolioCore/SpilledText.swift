import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Texts a large build sets aside on disk between the phase that makes them and the phase that
/// uses them, so memory holds a file offset per text instead of the text (the articles' HTML
/// between rendering and writing their pages). The file is removed from its folder as soon as it
/// is created, so it goes with the process, even one that crashes. Storing and reading are safe
/// from several threads.
public final class SpilledText: @unchecked Sendable {
    /// Where one text was stored.
    public struct Handle: Sendable, Equatable {
        let offset: Int64
        let length: Int
    }

    private let descriptor: Int32
    private let lock = NSLock()
    private var end: Int64 = 0
    /// The folder the file was made in, for error messages.
    public let directory: URL

    /// Creates the file in `directory`; nil when it cannot be made there (the caller keeps its
    /// texts in memory).
    public init?(in directory: URL) {
        var template = Array(directory.appendingPathComponent(".folio-spill-XXXXXX").path.utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        unlink(path)
        self.descriptor = descriptor
        self.directory = directory
    }

    deinit { close(descriptor) }

    /// Writes `text` to the file; nil when the write fails (the disk is full), and the caller
    /// keeps the text.
    public func store(_ text: String) -> Handle? {
        var text = text
        return text.withUTF8 { bytes -> Handle? in
            lock.lock()
            let offset = end
            end += Int64(bytes.count)
            lock.unlock()
            var written = 0
            while written < bytes.count {
                let result = pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(offset) + off_t(written))
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { return nil }
                written += result
            }
            return Handle(offset: offset, length: bytes.count)
        }
    }

    /// Reads back a text stored by ``store(_:)``.
    public func read(_ handle: Handle) throws -> String {
        guard handle.length > 0 else { return "" }
        return try String(unsafeUninitializedCapacity: handle.length) { buffer in
            var done = 0
            while done < handle.length {
                let result = pread(descriptor, buffer.baseAddress! + done, handle.length - done, off_t(handle.offset) + off_t(done))
                if result < 0, errno == EINTR { continue }
                guard result > 0 else {
                    let reason = result < 0 ? String(cString: strerror(errno)) : "the file ended early"
                    throw FolioError.io(path: directory.path, message: "could not read back the text set aside during the build: \(reason)")
                }
                done += result
            }
            return done
        }
    }
}
