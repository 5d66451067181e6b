import Foundation

/// Reads a whole input file (configuration, manifest, source, page, template) only after checking
/// that it is a regular file of bounded size: a 1 GB file is refused before a byte is read, a
/// named pipe never blocks a build, and a file that cannot be read says why.
public enum InputFile {
    /// Largest text file Folio reads: 32 MiB, about 40 times the largest source in its corpus.
    public static let maxBytes = 32 * 1024 * 1024
    /// Largest image or other media file Folio copies into a site or a bundle: 256 MiB.
    public static let maxMediaBytes = 256 * 1024 * 1024

    /// Why a file was not read.
    public struct Problem: Error, Equatable, Sendable {
        /// A phrase for a message: `it is a folder, not a file`, `permission denied`.
        public var reason: String
    }

    /// The contents of the file at `path`.
    /// - Parameters:
    ///   - path: the file's path.
    ///   - maxBytes: the largest size accepted, in bytes.
    /// - Returns: the bytes, or the ``Problem`` that stopped reading them.
    public static func contents(atPath path: String, maxBytes: Int = InputFile.maxBytes) -> Result<Data, Problem> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .failure(Problem(reason: errno == ENOENT || errno == ENOTDIR ? "it does not exist" : reason(errno)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(Problem(reason: "it is a folder, not a file"))
        default: return .failure(Problem(reason: "it is not a regular file (a pipe, socket or device)"))
        }
        let size = Int(info.st_size)
        if size > maxBytes {
            return .failure(Problem(reason: "it is \(describe(bytes: size)); Folio reads files of at most \(describe(bytes: maxBytes))"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(Problem(reason: access(path, R_OK) != 0 ? reason(errno) : "it could not be opened"))
        }
        defer { try? handle.close() }
        do {
            // Read one byte past the limit, in case the file grew since it was measured.
            let data = try handle.read(upToCount: maxBytes + 1) ?? Data()
            guard data.count <= maxBytes else {
                return .failure(Problem(reason: "it grew past \(describe(bytes: maxBytes)) while being read"))
            }
            return .success(data)
        } catch {
            return .failure(Problem(reason: "reading failed: \(error.localizedDescription)"))
        }
    }

    /// `errno` as a short phrase (`permission denied`).
    static func reason(_ code: Int32) -> String {
        code == EACCES || code == EPERM ? "permission denied" : String(cString: strerror(code)).lowercased()
    }

    /// A size for people: `1.0 GiB`, `32 MiB`, `512 bytes` (binary units).
    public static func describe(bytes: Int) -> String {
        let units: [(Double, String)] = [(1_073_741_824, "GiB"), (1_048_576, "MiB"), (1024, "KiB")]
        for (scale, unit) in units where Double(bytes) >= scale {
            let value = Double(bytes) / scale
            return (value >= 10 || value == value.rounded() ? "\(Int(value.rounded()))" : String(format: "%.1f", value)) + " " + unit
        }
        return "\(bytes) bytes"
    }
}
