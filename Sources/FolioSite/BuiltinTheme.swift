import FolioCore
import FolioTheme
import Foundation

/// Folio's own templates and assets, built into the binary from the package's `Templates/`
/// folder at build time (the `ThemeEmbedder` plugin), so a project needs no `Templates/`.
///
/// A project's `Templates/` overrides the built-in theme file by file: a file there replaces
/// its built-in twin with the same relative path; every other built-in file stays in use.
public enum BuiltinTheme {
    /// Every built-in file, keyed by its path relative to `Templates/` (`base.mustache`,
    /// `assets/folio.css`).
    public static let files: [String: Data] = EmbeddedFiles.decode(EmbeddedTheme.files)

    /// The built-in file at `path` (relative to `Templates/`), if there is one.
    public static func file(_ path: String) -> Data? { files[path] }

    /// The theme a project uses: the built-in files overlaid with the project's own.
    /// - Parameter directory: the project's templates folder; it may be missing.
    /// - Returns: relative path → contents and the path shown in messages (`Templates/…` for the
    ///   project's files, `built-in Templates/…` for Folio's).
    /// - Throws: ``FolioError/io(path:message:)`` when a project file cannot be read, or
    ///   ``FolioError/configuration(file:line:message:hint:)`` for a template over the size limit.
    public static func merged(with directory: URL, displayDirectory: String) throws -> [String: (data: Data, display: String)] {
        var result: [String: (data: Data, display: String)] = [:]
        for (path, data) in files { result[path] = (data, "built-in Templates/\(path)") }
        let fm = FileManager.default
        guard fm.fileExists(atPath: directory.path),
            let enumerator = fm.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
        else { return result }
        let base = directory.standardizedFileURL.path
        for case let url as URL in enumerator {
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let isTemplate = relative.hasSuffix(".mustache")
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isDirectoryKey, .fileSizeKey])
            if isTemplate, values?.isDirectory == true {
                throw FolioError.configuration(
                    file: "\(displayDirectory)/\(relative)", line: nil, message: "the template is a folder, not a file",
                    hint: "remove the folder or rename it so that its name does not end in .mustache")
            }
            guard values?.isRegularFile == true else { continue }
            // Never read a huge template into memory only to refuse it.
            if isTemplate, let size = values?.fileSize, size > TemplateLibrary.maxTemplateBytes {
                throw FolioError.configuration(
                    file: "\(displayDirectory)/\(relative)", line: nil,
                    message: "the template is \(size) bytes; a template may be at most \(TemplateLibrary.maxTemplateBytes) bytes",
                    hint: "split it into partials ({{> name}}) or move data into Content/")
            }
            switch InputFile.contents(atPath: url.path, maxBytes: isTemplate ? TemplateLibrary.maxTemplateBytes : InputFile.maxBytes * 4) {
            case let .success(data): result[relative] = (data, "\(displayDirectory)/\(relative)")
            case let .failure(problem): throw FolioError.io(path: "\(displayDirectory)/\(relative)", message: "cannot read the \(isTemplate ? "template" : "theme") file: \(problem.reason)")
            }
        }
        return result
    }
}
