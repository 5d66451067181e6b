import FolioContent
import FolioCore
import FolioEntities
import Foundation

/// What a whole import produced, kept in the build cache (`.folio-cache/import/`) under the
/// digest of everything it read, so that `folio import --check` and `folio check` compare the
/// committed files with it instead of importing again: the generated files' paths and SHA-256
/// digests, the digests of the found-organisations and found-technologies files, and the
/// import's findings (before its stale-file checks).
///
/// The digest covers the running build of Folio, the content folder's name, `corpus.yml`,
/// `corrections.yml` and the images it names, every raw source the manifest lists and every
/// file of `data/` that import reads (all but the two files it writes there). When any of them
/// cannot be read, there is no digest and the import runs.
struct ImportMemo: BinaryArchivable, Equatable {
    struct File: Equatable {
        var path: String
        var digest: Data
    }

    var files: [File]
    var foundOrganisations: Data
    var foundTechnologies: Data
    var diagnostics: [Diagnostic]

    /// The build cache's namespace of import results.
    static let namespace = "import"

    func archive(into archive: inout ArchiveWriter) {
        archive.write(files.count)
        for file in files {
            archive.write(file.path)
            archive.write(file.digest)
        }
        archive.write(foundOrganisations)
        archive.write(foundTechnologies)
        archive.write(diagnostics)
    }

    init(files: [File], foundOrganisations: Data, foundTechnologies: Data, diagnostics: [Diagnostic]) {
        self.files = files
        self.foundOrganisations = foundOrganisations
        self.foundTechnologies = foundTechnologies
        self.diagnostics = diagnostics
    }

    init(from archive: inout ArchiveReader) throws {
        var files: [File] = []
        for _ in 0..<(try archive.readCount()) {
            let path = try archive.readString()
            files.append(File(path: path, digest: try archive.readData()))
        }
        self.init(
            files: files, foundOrganisations: try archive.readData(), foundTechnologies: try archive.readData(),
            diagnostics: try archive.readArray())
    }

    /// The digest of the import's inputs in the project of `options`; nil when one cannot be read.
    static func key(_ options: ImportOptions) -> BuildCache.Key? {
        let root = options.projectRoot
        let content = root.appendingPathComponent(options.contentDirectory)
        var key = CacheKeyBuilder(namespace)
        key.add(BuildIdentity.current)
        key.add(options.contentDirectory)
        /// Adds the file's name and digest; its bytes, or nil when it cannot be read.
        func add(_ url: URL, as name: String) -> Data? {
            guard case let .success(data) = InputFile.contents(atPath: url.path, maxBytes: InputFile.maxMediaBytes) else { return nil }
            key.add(name)
            key.add(FileDigest.sha256(data))
            return data
        }
        guard let manifestData = add(content.appendingPathComponent("corpus.yml"), as: "corpus.yml"),
              let manifest = try? CorpusManifest.parse(String(decoding: manifestData, as: UTF8.self), displayPath: "corpus.yml")
        else { return nil }
        for document in manifest.documents {
            guard add(root.appendingPathComponent(document.source), as: document.source) != nil else { return nil }
        }
        let corrections = content.appendingPathComponent("corrections.yml")
        if FileManager.default.fileExists(atPath: corrections.path) {
            guard let data = add(corrections, as: "corrections.yml"),
                  let set = try? CorrectionSet.parse(String(decoding: data, as: UTF8.self), file: "corrections.yml")
            else { return nil }
            for figure in set.figures {
                guard add(content.appendingPathComponent(figure.image), as: figure.image) != nil else { return nil }
            }
        } else {
            key.add("no corrections")
        }
        let data = content.appendingPathComponent("data")
        let written: Set<String> = [FoundOrganisations.fileName, FoundTechnologies.fileName]
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: data.path)) ?? []).sorted()
        for name in names where !written.contains(name) && !name.hasPrefix(".") {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: data.appendingPathComponent(name).path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            guard add(data.appendingPathComponent(name), as: "data/\(name)") != nil else { return nil }
        }
        return key.key()
    }
}
