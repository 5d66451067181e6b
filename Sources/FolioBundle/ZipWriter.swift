import Foundation
import ZIPFoundation

/// One file of a zip archive.
struct ZipEntry: Sendable {
    /// Path inside the archive, `/`-separated, no leading slash.
    var path: String
    var data: Data
    /// Deflate (`true`) or store.
    var compressed: Bool = true
}

/// Writes reproducible zip archives in memory with ZIPFoundation: entries in the given order,
/// one fixed modification time, fixed permissions, no extra fields.
enum ZipWriter {
    /// The archive bytes.
    /// - Parameter date: the modification time of every entry (stored as UTC DOS time).
    static func archive(_ entries: [ZipEntry], date: Date) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for entry in entries {
            let data = entry.data
            try archive.addEntry(
                with: entry.path, type: .file, uncompressedSize: Int64(data.count),
                modificationDate: date, permissions: 0o644,
                compressionMethod: entry.compressed && !data.isEmpty ? .deflate : .none,
                bufferSize: max(data.count, 1) > 1 << 20 ? 1 << 20 : max(data.count, 1)
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else {
            throw BundleError.unwritable(path: "(zip archive in memory)", message: "the archive could not be produced")
        }
        return data
    }
}
