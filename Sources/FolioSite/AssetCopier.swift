import FolioCore
import Foundation

/// Copies the theme's static files (`Templates/assets/`) into the site, keeping their folders.
enum AssetCopier {
    static func copy(from directory: URL, to prefix: String, writer: PageWriter) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: directory.path), let enumerator = fm.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else { return }
        let base = directory.standardizedFileURL.path
        var files: [(URL, String)] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            if relative.hasPrefix(".") { continue }
            files.append((url, relative))
        }
        for (url, relative) in files.sorted(by: { $0.1 < $1.1 }) {
            guard let data = fm.contents(atPath: url.path) else {
                throw FolioError.io(path: url.path, message: "cannot read the asset")
            }
            try writer.write(data, to: "\(prefix)/\(relative)")
        }
    }
}
