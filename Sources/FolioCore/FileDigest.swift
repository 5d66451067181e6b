import Crypto
import Foundation

/// SHA-256 digests of files, read in pieces so a large file is never held in memory whole.
public enum FileDigest {
    /// The SHA-256 of the file at `path`; nil when it cannot be read.
    public static func sha256(atPath path: String) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        do {
            // At the end of the file the read gives nil or no bytes.
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(data: chunk)
            }
        } catch {
            return nil
        }
        return Data(hasher.finalize())
    }

    /// The SHA-256 of `data`, as ``sha256(atPath:)`` gives it for a file holding those bytes.
    public static func sha256(_ data: Data) -> Data {
        Data(SHA256.hash(data: data))
    }
}

/// What the file system says of a regular file — size, modification time, inode and device —
/// enough to tell that it has not been written since, without reading it.
public struct FileStamp: Equatable, Sendable {
    public var size: Int
    public var modifiedSeconds: Int
    public var modifiedNanoseconds: Int
    public var inode: Int
    public var device: Int

    public init(size: Int, modifiedSeconds: Int, modifiedNanoseconds: Int, inode: Int, device: Int) {
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
        self.inode = inode
        self.device = device
    }

    /// The stamp of the regular file at `path` (not a link to one); nil for anything else.
    public init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        self.init(size: Int(info.st_size), modifiedSeconds: Int(info.st_mtim.tv_sec), modifiedNanoseconds: Int(info.st_mtim.tv_nsec),
                  inode: Int(truncatingIfNeeded: info.st_ino), device: Int(truncatingIfNeeded: info.st_dev))
    }
}

extension FileStamp {
    /// Whether the file was modified in the last two seconds (or in the future): a stamp that
    /// close to the clock may not change when the file is written again at once.
    public var isRecent: Bool {
        Double(modifiedSeconds) + Double(modifiedNanoseconds) / 1e9 > Date().timeIntervalSince1970 - 2
    }
}

extension FileStamp: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        for number in [size, modifiedSeconds, modifiedNanoseconds, inode, device] { archive.write(number) }
    }

    public init(from archive: inout ArchiveReader) throws {
        self.init(size: try archive.readInt(), modifiedSeconds: try archive.readInt(), modifiedNanoseconds: try archive.readInt(),
                  inode: try archive.readInt(), device: try archive.readInt())
    }
}
