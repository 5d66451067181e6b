import FolioCore
import Foundation
import Yams

/// Splits a Markdown file into YAML front matter and body, and decodes the front matter.
public enum FrontMatterParser {
    /// The result of splitting a file.
    public struct Split: Sendable, Equatable {
        /// The YAML between the `---` fences, or `nil` if the file has none.
        public var yaml: String?
        /// 1-based file line of the first YAML line.
        public var yamlStartLine: Int
        public var body: String
        /// 1-based file line where the body starts.
        public var bodyStartLine: Int
    }

    /// Splits `text` at its `---` fences.
    /// - Throws: ``ContentError/frontMatter(file:line:message:hint:)`` when the opening fence is never closed.
    /// Whether `line` can be the closing `---`: its first byte after spaces and tabs is a `-`
    /// or starts a character beyond ASCII (a Unicode space). Most front matter lines are not, and
    /// are not trimmed at all (a line map can be thousands of characters long).
    static func mayClose(_ line: Substring) -> Bool {
        guard let first = line.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }) else { return false }
        return first == 0x2D || first >= 0x80
    }

    public static func split(_ text: String, file: String) throws -> Split {
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else {
            return Split(yaml: nil, yamlStartLine: 1, body: text, bodyStartLine: 1)
        }
        // One pass over the bytes; lines end at a `\n` that is not part of a `\r\n` pair (the
        // same lines as splitting the text at the `"\n"` character), and the body is sliced, not
        // re-joined.
        let utf8 = text.utf8
        var lineIndex = 0
        var lineStart = utf8.startIndex
        var yamlStart = utf8.endIndex
        var previous: UInt8 = 0
        var cursor = utf8.startIndex
        while true {
            let atEnd = cursor == utf8.endIndex
            let byte: UInt8 = atEnd ? 0 : utf8[cursor]
            if atEnd || (byte == 0x0A && previous != 0x0D) {
                // The last line counts only when it is not empty (text not ending in a line break).
                if atEnd && lineStart == cursor { break }
                if lineIndex == 1 { yamlStart = lineStart }
                if lineIndex >= 1 {
                    let line = text[lineStart..<cursor]
                    if Self.mayClose(line), line.trimmingCharacters(in: .whitespaces) == "---" || line == "---\r" {
                        let yaml = lineIndex == 1 ? "" : String(text[yamlStart..<utf8.index(before: lineStart)])
                        var body = ""
                        if !atEnd {
                            let rest = text[utf8.index(after: cursor)...]
                            if !rest.isEmpty {
                                body = String(rest)
                                if !Self.endsWithLineBreak(rest) { body += "\n" }
                            }
                        }
                        return Split(yaml: yaml, yamlStartLine: 2, body: body, bodyStartLine: lineIndex + 2)
                    }
                }
                if atEnd { break }
                lineIndex += 1
                lineStart = utf8.index(after: cursor)
            }
            previous = byte
            cursor = utf8.index(after: cursor)
        }
        throw ContentError.frontMatter(file: file, line: 1, message: "front matter opened with `---` is never closed", hint: "add a line `---` after the last front matter key")
    }

    /// Whether `text` ends with a `\n` that is not part of a `\r\n` pair.
    private static func endsWithLineBreak(_ text: Substring) -> Bool {
        var bytes = text.utf8.reversed().makeIterator()
        guard bytes.next() == 0x0A else { return false }
        return bytes.next() != 0x0D
    }

    /// Decodes front matter YAML. Unknown keys become `FM002` warnings.
    /// - Parameter firstLine: the file line of the first YAML line, so messages point at the file.
    /// - Throws: ``ContentError/frontMatter(file:line:message:hint:)`` for malformed YAML, a missing
    ///   `title`, or a value of the wrong type, with the line of the offending key.
    public static func decode(_ yaml: String, file: String, firstLine: Int) throws -> (FrontMatter, [Diagnostic]) {
        if let line = YAMLAliasKeys.firstLine(in: yaml) {
            throw ContentError.frontMatter(file: file, line: line + firstLine - 1, message: YAMLAliasKeys.message, hint: YAMLAliasKeys.hint)
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: YAMLText.prepared(yaml))
        } catch let error as YamlError {
            let line = YAMLErrors.line(of: error).map { $0 + firstLine - 1 } ?? firstLine
            throw ContentError.frontMatter(file: file, line: line, message: "malformed front matter: \(YAMLErrors.describe(error))", hint: "front matter must be valid YAML; quote titles that contain `:` or `#`")
        }
        guard let node, let mapping = node.mapping else {
            throw ContentError.frontMatter(file: file, line: firstLine, message: "front matter is not a mapping of keys to values", hint: "write `title: …` on its own line")
        }
        var diagnostics: [Diagnostic] = []
        for key in mapping.keys {
            guard let name = key.string, !FrontMatter.knownKeys.contains(name) else { continue }
            diagnostics.append(Diagnostic(
                code: "FM002", severity: .warning,
                message: "unknown front matter key `\(name)`",
                location: SourceLocation(file: file, line: (key.mark?.line ?? 1) + firstLine - 1),
                hint: "known keys: \(FrontMatter.knownKeys.sorted().joined(separator: ", "))"
            ))
        }
        guard mapping["title"] != nil else {
            throw ContentError.frontMatter(file: file, line: firstLine, message: "front matter has no `title`", hint: "add `title: \"…\"`")
        }
        var cleaned = mapping
        for key in mapping.keys where !FrontMatter.knownKeys.contains(key.string ?? "") {
            cleaned[key] = nil
        }
        do {
            let frontMatter = try YAMLDecoder().decode(FrontMatter.self, from: Node.mapping(cleaned))
            return (frontMatter, diagnostics)
        } catch let error as DecodingError {
            let (path, message) = describe(error)
            let line = lineOf(path: path, in: node).map { $0 + firstLine - 1 } ?? firstLine
            throw ContentError.frontMatter(file: file, line: line, message: "front matter `\(path.map(\.stringValue).joined(separator: "."))`: \(message)", hint: "see the front matter keys in the README")
        }
    }

    private static func describe(_ error: DecodingError) -> ([any CodingKey], String) {
        switch error {
        case let .typeMismatch(type, ctx): return (ctx.codingPath, "expected \(type)")
        case let .valueNotFound(type, ctx): return (ctx.codingPath, "missing \(type) value")
        case let .keyNotFound(key, ctx): return (ctx.codingPath + [key], "required key is missing")
        case let .dataCorrupted(ctx): return (ctx.codingPath, ctx.debugDescription)
        @unknown default: return ([], "\(error)")
        }
    }

    private static func lineOf(path: [any CodingKey], in node: Node) -> Int? {
        var current = node
        var line = node.mark?.line
        for key in path {
            if let index = key.intValue, let seq = current.sequence, index < seq.count {
                current = seq[index]
            } else if let map = current.mapping, let child = map[key.stringValue] {
                line = map.keys.first { $0.string == key.stringValue }?.mark?.line ?? line
                current = child
                continue
            } else {
                break
            }
            line = current.mark?.line ?? line
        }
        return line
    }
}
