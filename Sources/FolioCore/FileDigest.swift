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
}
