import FolioCore
import Foundation

/// Copies the theme's static files (`Templates/assets/`) into the site, keeping their folders:
/// Folio's built-in assets, each replaced by the project's file of the same name.
enum AssetCopier {
    static func copy(from directory: URL, displayDirectory: String, to prefix: String, writer: PageWriter) throws {
        let theme = try BuiltinTheme.merged(with: directory, displayDirectory: displayDirectory)
        for (relative, file) in theme.sorted(by: { $0.key < $1.key }) where relative.hasPrefix("assets/") {
            try writer.write(file.data, to: "\(prefix)/\(relative.dropFirst("assets/".count))")
        }
    }
}
