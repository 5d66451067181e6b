import FolioContent
import FolioCore
import Foundation

/// libFuzzer entry: one Markdown file as bytes, through what `folio build` does to it before
/// rendering (text hygiene, front matter split, YAML decoding). Any crash, leak or hang is a
/// finding; errors thrown for bad input are the expected answer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let decoded = String(validating: bytes, as: UTF8.self) else {
        // The loader refuses files that are not UTF-8 at their first bad line; that scan must hold.
        _ = TextHygiene.firstInvalidUTF8Line(Data(bytes))
        return 0
    }
    let (text, _) = TextHygiene.clean(decoded, file: "fuzz.md")
    guard let split = try? FrontMatterParser.split(text, file: "fuzz.md"), let yaml = split.yaml else { return 0 }
    if let (frontMatter, _) = try? FrontMatterParser.decode(yaml, file: "fuzz.md", firstLine: split.yamlStartLine) {
        // Hygiene must also hold for the values YAML escapes can produce.
        for value in [frontMatter.title, frontMatter.summary].compactMap({ $0 }) {
            let (cleaned, _) = TextHygiene.clean(value, file: "fuzz.md")
            if cleaned.unicodeScalars.contains(where: { $0.value == 0 || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }) {
                fatalError("a control character survived cleaning: \(cleaned.debugDescription)")
            }
        }
    }
    return 0
}
