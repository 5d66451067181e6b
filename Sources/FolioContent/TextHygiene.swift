import FolioCore
import Foundation

/// Makes a Markdown file's text safe to parse and publish: Windows (`\r\n`) and old Mac (`\r`)
/// line endings become `\n`, and characters that must never reach a page are removed with a
/// finding at their line: NUL (U+0000), which browsers and XML readers reject, and the bidirectional
/// embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which can make text
/// read differently from what it is ("Trojan Source").
public enum TextHygiene {
    /// The cleaned text and one `CNT002` warning per line that lost a character.
    public static func clean(_ text: String, file: String) -> (String, [Diagnostic]) {
        guard needsCleaning(text) else { return (text, []) }
        var scalars = String.UnicodeScalarView()
        var diagnostics: [Diagnostic] = []
        var line = 1
        var removedOnLine: Set<String> = []
        var previousWasCR = false
        func flushLine() {
            if !removedOnLine.isEmpty {
                diagnostics.append(Diagnostic(
                    code: "CNT002", severity: .warning,
                    message: "removed \(removedOnLine.sorted().joined(separator: " and ")), which must not reach a published page",
                    location: SourceLocation(file: file, line: line),
                    hint: "delete the invisible character from the file"))
                removedOnLine = []
            }
        }
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            switch scalar.value {
            case 0x0D:
                scalars.append("\n")
                flushLine()
                line += 1
                previousWasCR = true
            case 0x0A:
                scalars.append(scalar)
                flushLine()
                line += 1
            case 0x00:
                removedOnLine.insert("a NUL character")
            case 0x202A...0x202E, 0x2066...0x2069:
                removedOnLine.insert(String(format: "a bidirectional control (U+%04X)", scalar.value))
            default:
                scalars.append(scalar)
            }
        }
        flushLine()
        return (String(scalars), diagnostics)
    }

    /// Whether `text` holds a carriage return, a NUL or a bidirectional control. Scans bytes:
    /// the controls are `E2 80 AA`–`E2 80 AE` and `E2 81 A6`–`E2 81 A9` in UTF-8, so the dashes
    /// and quotation marks that share their first byte do not send a file down the slow path.
    static func needsCleaning(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                switch bytes[i] {
                case 0x0D, 0x00:
                    return true
                case 0xE2 where i + 2 < bytes.count:
                    let second = bytes[i + 1], third = bytes[i + 2]
                    if (second == 0x80 && (0xAA...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third)) { return true }
                default:
                    break
                }
                i += 1
            }
            return false
        }
    }

    /// The 1-based line holding the first byte that is not valid UTF-8 (1 when every byte is valid).
    public static func firstInvalidUTF8Line(_ data: Data) -> Int {
        var line = 1
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return line
            }
            guard index + length <= data.endIndex else { return line }
            var sequence = [UInt8](data[index..<(index + length)])
            if length > 1, String(bytes: sequence, encoding: .utf8) == nil { return line }
            if byte == 0x0A { line += 1 }
            sequence.removeAll()
            index += length
        }
        return line
    }
}
