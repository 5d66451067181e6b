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
        let fm = FileManager.default
        let scratch = fm.temporaryDirectory.appendingPathComponent("folio-bundle-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))", isDirectory: true)
        defer { try? fm.removeItem(at: scratch) }
        do {
            try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        } catch {
            throw BundleError.unwritable(path: scratch.path, message: "cannot create a scratch directory (\(Bundler.reason(error)))")
        }
        var siteConfig = config
        siteConfig.bundles.enabled = false
        let siteURL = scratch.appendingPathComponent("site", isDirectory: true)
        let result: SiteBuilder.Result
        do {
            result = try SiteBuilder().build(.init(projectRoot: projectRoot, config: siteConfig, strict: false, writeOutput: true, outputDirectory: siteURL))
        } catch let error as FolioError {
            switch error {
            case let .configuration(file, line, message, hint): throw BundleError.metadata(file: file, line: line, message: message, hint: hint)
            case let .io(path, message): throw BundleError.unreadable(path: path, message: message)
            case let .refusedOutput(path, reason): throw BundleError.unwritable(path: path, message: reason)
            }
        }
        if result.failed { throw BundleError.siteFailed(diagnostics: result.diagnostics) }

        var built: [(path: String, data: Data)] = []
        for relative in try files(under: siteURL) {
            guard let data = fm.contents(atPath: siteURL.appendingPathComponent(relative).path) else {
                throw BundleError.unreadable(path: siteURL.appendingPathComponent(relative).path, message: "a file of the built site vanished")
            }
            built.append((relative, data))
        }
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

    /// Every regular file under `root`, as sorted relative paths.
    static func files(under root: URL) throws -> [String] {
        let fm = FileManager.default
        let base = root.standardizedFileURL.resolvingSymlinksInPath().path
        guard let enumerator = fm.enumerator(at: root.resolvingSymlinksInPath(), includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw BundleError.unreadable(path: root.path, message: "cannot list the built site")
        }
        var paths: [String] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard path.hasPrefix(base + "/") else { continue }
            paths.append(String(path.dropFirst(base.count + 1)))
        }
        return paths.sorted()
    }

    /// Files that are already compressed gain nothing from deflate.
    static func isCompressed(_ path: String) -> Bool {
        let lower = path.lowercased()
        return [".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".zip", ".epub", ".gz"].contains { lower.hasSuffix($0) }
    }
}
