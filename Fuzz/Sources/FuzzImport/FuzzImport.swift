import FolioContent
import FolioCore
import FolioEntities
import FolioImport
import Foundation

/// The entity tagger built once from the project's gazetteers (`Content/data/`, read from the
/// folder `make fuzz` runs in); none when the folder is missing.
let tagger: EntityTagger = {
    let data = URL(fileURLWithPath: "Content/data")
    return (try? Gazetteers.load(from: data, includeFound: false)).map { EntityTagger(gazetteers: $0) } ?? EntityTagger()
}()

let importer = Importer(tagger: tagger)
let separator = "\n=== source ===\n"

/// libFuzzer entry: a `corpus.yml` entry and a source text (separated by a
/// `=== source ===` line; without one the whole input is the source), imported in memory like
/// `folio import` does for one document. Every generated article must start with front matter,
/// and every finding must name a file and a line inside it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let input = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    var hints = ImportHints.Document()
    var source = input
    if let range = input.range(of: separator) {
        let manifest = String(input[..<range.lowerBound])
        source = String(input[range.upperBound...])
        guard let parsed = try? ImportHints.parse(manifest, file: "Content/corpus.yml") else { return 0 }
        hints = parsed.documents.values.first ?? hints
    }
    let meta = CorpusDocument(slug: "fuzz", title: "A Fuzzed Report", publisher: "Folio", date: "2024", language: "en", source: "Content/sources/fuzz.txt")
    let (files, diagnostics) = importer.importSource(source, as: meta, hints: hints)
    var lineCounts: [String: Int] = [:]
    for file in files {
        if !file.text.hasPrefix("---\n") { fatalError("\(file.path) does not start with front matter") }
        lineCounts[file.path] = file.text.utf8.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }
    for diagnostic in diagnostics {
        guard let location = diagnostic.location, let count = lineCounts[location.file] else {
            if diagnostic.location?.file != meta.source { fatalError("\(diagnostic.code) names no generated file: \(String(describing: diagnostic.location))") }
            continue
        }
        if location.line < 1 || location.line > count { fatalError("\(diagnostic.code) at line \(location.line) of a \(count)-line file") }
    }
    return 0
}
