import FolioCore
import Foundation

extension SiteBuilder {
    /// Refuses a project whose content folder is missing or is a file: building it would publish
    /// an empty site (often the sign of a wrong `--root`).
    /// - Throws: ``FolioError/configuration(file:line:message:hint:)`` naming the folder.
    static func requireContentFolder(_ url: URL, display: String) throws {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        guard !exists || !isDirectory.boolValue else { return }
        throw FolioError.configuration(
            file: display, line: nil,
            message: exists ? "the content folder is a file, not a folder" : "there is no content folder `\(display)/` in the project",
            hint: "run Folio in the folder that holds folio.yml and \(display)/ (or pass --root), or create a project with `folio init`")
    }
}
