import FolioCore
import Foundation

/// Copies static files into the site, keeping their folders: the theme's (`Templates/assets/`:
/// Folio's built-in assets, each replaced by the project's file of the same name) and the
/// content's images (`Content/media/`).
enum AssetCopier {
    /// The folder of the content's images, under the content directory and under the site root.
    static let mediaFolder = "media"

    static func copy(from directory: URL, displayDirectory: String, to prefix: String, writer: PageWriter) throws {
        let theme = try BuiltinTheme.merged(with: directory, displayDirectory: displayDirectory)
        for (relative, file) in theme.sorted(by: { $0.key < $1.key }) where relative.hasPrefix("assets/") {
            try writer.write(file.data, to: "\(prefix)/\(relative.dropFirst("assets/".count))")
        }
    }

    /// Copies every file below `Content/media/` to `media/` in the site (hidden files left out).
    static func copyMedia(from contentDirectory: URL, writer: PageWriter) throws {
        let media = contentDirectory.appendingPathComponent(mediaFolder, isDirectory: true)
        let base = media.standardizedFileURL.path
        guard let files = FileManager.default.enumerator(at: media, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return }
        var relatives: [String] = []
        for case let url as URL in files where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            relatives.append(String(url.standardizedFileURL.path.dropFirst(base.count + 1)))
        }
        for relative in relatives.sorted() {
            let url = media.appendingPathComponent(relative)
            let data: Data
            switch InputFile.contents(atPath: url.path, maxBytes: InputFile.maxMediaBytes) {
            case let .success(contents): data = contents
            case let .failure(problem): throw FolioError.io(path: url.path, message: "cannot read the media file: \(problem.reason)")
            }
            try writer.write(data, to: "\(mediaFolder)/\(relative)")
        }
    }
}
