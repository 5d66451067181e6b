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

    // The ids and links of the HTML files are written once each, in a table, and referred to by
    // number: the layout's links repeat on every page, and a record of thousands of pages would
    // otherwise hold them thousands of times (and read them back as as many strings).
    func archive(into archive: inout ArchiveWriter) {
        var table: [String] = []
        var numbers: [String: Int] = [:]
        func number(_ text: String) -> Int {
            if let known = numbers[text] { return known }
            numbers[text] = table.count
            table.append(text)
            return table.count - 1
        }
        let facts = files.map { file in
            file.facts.map { facts in
                (ids: facts.facts.ids.sorted().map(number), urls: facts.facts.references.map { number($0.url) }, lines: facts.facts.references.map(\.line))
            }
        }
        archive.write(table)
        archive.write(files.count)
        for (file, numbered) in zip(files, facts) {
            archive.write(file.path)
            archive.write(file.digest)
            archive.write(file.stamp)
            archive.write(numbered != nil)
            if let numbered, let written = file.facts {
                archive.write(written.contentPath)
                archive.write(numbered.ids)
                archive.write(numbered.urls)
                archive.write(numbered.lines)
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
        let table = try archive.readStrings()
        func strings(_ numbers: [Int]) throws -> [String] {
            try numbers.map { number in
                guard number >= 0, number < table.count else { throw ArchiveError.damaged }
                return table[number]
            }
        }
        files = []
        for _ in 0..<(try archive.readCount()) {
            var file = File(path: try archive.readString(), digest: try archive.readData(), stamp: try archive.readOptional(), facts: nil)
            if try archive.readBool() {
                let contentPath = try archive.readOptionalString()
                let ids = try strings(try archive.readInts())
                let urls = try strings(try archive.readInts()), lines = try archive.readInts()
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
