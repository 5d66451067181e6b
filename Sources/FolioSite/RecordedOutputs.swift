import FolioCore
import FolioMarkdown
import FolioModel
import Foundation

/// Everything one generator wrote in a build, as the build cache keeps it under the digest of
/// the generator's inputs: each file's digest (and stamp, once checked), the facts of its HTML,
/// the generator's findings and the cache entries it used. A later build with the same inputs
/// keeps those files instead of writing them again (``PageWriter/replayOutputs(_:_:)``).
struct RecordedOutputs: BinaryArchivable {
    /// One written file.
    struct File: Sendable {
        var path: String
        /// SHA-256 of the bytes.
        var digest: Data
        /// The file's stamp when its digest was last checked in the output; nil until then.
        var stamp: FileStamp?
        /// Ids and links of an HTML file.
        var facts: OutputFileFacts?
    }

    var files: [File]
    var diagnostics: [Diagnostic]
    /// Build cache entries the generator read or wrote, by namespace: kept while the outputs are.
    var cacheKeys: [String: [BuildCache.Key]]

    func archive(into archive: inout ArchiveWriter) {
        archive.write(files.count)
        for file in files {
            archive.write(file.path)
            archive.write(file.digest)
            archive.write(file.stamp)
            archive.write(file.facts != nil)
            if let facts = file.facts {
                archive.write(facts.contentPath)
                archive.write(facts.facts.ids.sorted())
                archive.write(facts.facts.references.map(\.url))
                archive.write(facts.facts.references.map(\.line))
            }
        }
        archive.write(diagnostics)
        let namespaces = cacheKeys.keys.sorted()
        archive.write(namespaces)
        for namespace in namespaces {
            let keys = cacheKeys[namespace] ?? []
            archive.write(keys.count)
            for key in keys { archive.write(key.bytes) }
        }
    }

    init(files: [File], diagnostics: [Diagnostic], cacheKeys: [String: [BuildCache.Key]]) {
        self.files = files
        self.diagnostics = diagnostics
        self.cacheKeys = cacheKeys
    }

    init(from archive: inout ArchiveReader) throws {
        files = []
        for _ in 0..<(try archive.readCount()) {
            var file = File(path: try archive.readString(), digest: try archive.readData(), stamp: try archive.readOptional(), facts: nil)
            if try archive.readBool() {
                let contentPath = try archive.readOptionalString()
                let ids = try archive.readStrings()
                let urls = try archive.readStrings(), lines = try archive.readInts()
                guard urls.count == lines.count else { throw ArchiveError.damaged }
                let references = zip(urls, lines).map { HTMLFacts.Reference(url: $0, line: $1) }
                file.facts = OutputFileFacts(path: file.path, facts: HTMLFacts(ids: Set(ids), references: references), contentPath: contentPath)
            }
            files.append(file)
        }
        diagnostics = try archive.readArray()
        cacheKeys = [:]
        for namespace in try archive.readStrings() {
            var keys: [BuildCache.Key] = []
            for _ in 0..<(try archive.readCount()) { keys.append(BuildCache.Key(bytes: try archive.readData())) }
            cacheKeys[namespace] = keys
        }
    }
}
