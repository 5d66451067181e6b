import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Texts (or other bytes) a large build sets aside on disk between the phase that makes them and
/// the phase that uses them, so memory holds a file offset per text instead of the text (the
/// articles' HTML between rendering and writing their pages). The file is removed from its
/// folder as soon as it is created, so it goes with the process, even one that crashes. Storing
/// and reading are safe from several threads.
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
        return text.withUTF8 { store(UnsafeRawBufferPointer($0)) }
    }

    /// Writes `data` to the file; nil when the write fails.
    public func store(_ data: Data) -> Handle? {
        data.withUnsafeBytes { store($0) }
    }

    private func store(_ bytes: UnsafeRawBufferPointer) -> Handle? {
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

    /// Reads back a text stored by ``store(_:)-(String)``.
    public func read(_ handle: Handle) throws -> String {
        guard handle.length > 0 else { return "" }
        return try String(unsafeUninitializedCapacity: handle.length) { buffer in
            try read(handle, into: UnsafeMutableRawBufferPointer(buffer))
            return handle.length
        }
    }

    /// Reads back bytes stored by ``store(_:)-(Data)``.
    public func readData(_ handle: Handle) throws -> Data {
        var data = Data(count: handle.length)
        try data.withUnsafeMutableBytes { try read(handle, into: $0) }
        return data
    }

    private func read(_ handle: Handle, into buffer: UnsafeMutableRawBufferPointer) throws {
        var done = 0
        while done < handle.length {
            let result = pread(descriptor, buffer.baseAddress! + done, handle.length - done, off_t(handle.offset) + off_t(done))
            if result < 0, errno == EINTR { continue }
            guard result > 0 else {
                let reason = result < 0 ? String(cString: strerror(errno)) : "the file ended early"
                throw FolioError.io(path: directory.path, message: "could not read back what was set aside on disk during the build: \(reason)")
            }
            done += result
        }
    }
}
