import FolioCore
import FolioTemplates
import Foundation

/// libFuzzer entry: bytes cut at NUL bytes into up to four templates (`base`, `a`, `b`, `c`),
/// loaded through Folio's template loader (size, tag and nesting limits, inclusion cycles,
/// syntax errors with file and line) and, when they load, each rendered with a small page
/// context. A crash, stack overflow or hang is a finding; a refusal must name a template file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplates(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let names = ["base", "a", "b", "c"]
    let parts = bytes.split(separator: 0, maxSplits: names.count - 1, omittingEmptySubsequences: false)
    var sources: [TemplateLibrary.Source] = []
    for (name, part) in zip(names, parts) {
        guard let text = String(validating: part, as: UTF8.self) else { return 0 }
        sources.append(TemplateLibrary.Source(name: name, text: text, display: "Templates/\(name).mustache"))
    }
    let library: TemplateLibrary
    do {
        library = try TemplateLibrary(sources: sources)
    } catch let FolioError.configuration(file, _, _, _) {
        if !file.hasPrefix("Templates/") { fatalError("a refusal names no template: \(file)") }
        return 0
    } catch {
        fatalError("an unexpected error: \(error)")
    }
    let context: [String: Any] = [
        "title": "Why Chongqing? <script>alert(1)</script>", "body": "<p>Text</p>",
        "items": [["name": "Corning", "url": "corning/"], ["name": "Hitachi", "url": "hitachi/"]],
        "site": ["title": "Folio", "base": "./"], "empty": [String](), "flag": true,
    ]
    for name in library.names {
        _ = try? library.render(name, context)
    }
    return 0
}
