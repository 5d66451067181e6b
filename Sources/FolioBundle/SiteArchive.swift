import FolioCore
import FolioSite
import Foundation

/// The zip of the whole site: a fresh build of the site (without download links, since the
/// offline copy does not contain the downloads) inside one top-level folder, so it works
/// wherever it is extracted and opened from disk.
enum SiteArchive {
    /// The files of a fresh site build (sorted by path) and the build's diagnostics.
    /// - Throws: ``BundleError/siteFailed(diagnostics:)`` when the site does not build.
    static func buildSite(projectRoot: URL, config: FolioConfig) throws -> ([(path: String, data: Data)], [Diagnostic]) {
        var siteConfig = config
        siteConfig.bundles.enabled = false
        let memory = MemoryOutput()
        let result: SiteBuilder.Result
        do {
            result = try SiteBuilder().build(.init(projectRoot: projectRoot, config: siteConfig, strict: false, writeOutput: true, sink: memory))
        } catch let error as FolioError {
            switch error {
            case let .configuration(file, line, message, hint): throw BundleError.metadata(file: file, line: line, message: message, hint: hint)
            case let .io(path, message): throw BundleError.unreadable(path: path, message: message)
            case let .refusedOutput(path, reason): throw BundleError.unwritable(path: path, message: reason)
            }
        }
        if result.failed { throw BundleError.siteFailed(diagnostics: result.diagnostics) }
        let built = memory.contents.sorted { $0.key < $1.key }.map { (path: $0.key, data: $0.value) }
        return (built, result.diagnostics)
    }

    /// Zips site files inside the top-level `folder`.
    static func archive(_ files: [(path: String, data: Data)], folder: String, date: Date) throws -> Data {
        let entries = files.map { ZipEntry(path: "\(folder)/\($0.path)", data: $0.data, compressed: !isCompressed($0.path)) }
        do {
            return try ZipWriter.archive(entries, date: date)
        } catch let error as BundleError {
            throw error
        } catch {
            throw BundleError.unwritable(path: "\(folder).zip", message: "cannot make the archive (\(error))")
        }
    }

    /// Files that are already compressed gain nothing from deflate.
    static func isCompressed(_ path: String) -> Bool {
        let lower = path.lowercased()
        return [".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".zip", ".epub", ".gz"].contains { lower.hasSuffix($0) }
    }
}
