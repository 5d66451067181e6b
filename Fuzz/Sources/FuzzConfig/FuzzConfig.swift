import FolioContent
import FolioCore
import FolioImport
import Foundation

/// libFuzzer entry: one YAML file as bytes, through every configuration parser Folio has:
/// `folio.yml`, `corpus.yml` (documents and its `import:` hints) and `corrections.yml`. Errors
/// are the expected answer to bad input; a crash, leak or hang is a finding, and so is an
/// error that names no line in a file that has lines.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    // Lines as Folio counts them, at line feeds (a Swift `Character` "\r\n" is not "\n").
    let lineCount = text.utf8.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    func checkLine(_ line: Int?, _ what: String) {
        if let line, line < 1 || line > lineCount + 1 {
            fatalError("\(what) reported line \(line) of a \(lineCount)-line file")
        }
    }
    do {
        _ = try FolioConfig.parse(text)
    } catch let FolioError.configuration(_, line, _, _) {
        checkLine(line, "folio.yml")
    } catch {}
    do {
        _ = try CorpusManifest.parse(text, displayPath: "Content/corpus.yml")
    } catch let error as ContentError {
        checkLine(error.diagnostic.location?.line, "corpus.yml")
    } catch {}
    _ = try? ImportHints.parse(text, file: "Content/corpus.yml")
    _ = try? CorrectionSet.parse(text, file: "Content/corrections.yml")
    return 0
}
