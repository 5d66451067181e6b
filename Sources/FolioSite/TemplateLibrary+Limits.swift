import FolioCore
import Foundation

extension TemplateLibrary {
    /// Largest template accepted, in bytes. The Mustache parser's cost grows with tags × length
    /// (it measures the rest of the text at each tag), so a size bound keeps loading quick; the
    /// largest built-in template is under 4 KiB.
    static let maxTemplateBytes = 256 * 1024
    /// Most `{{` tags in one template (with ``maxTemplateBytes`` this bounds parsing to about a
    /// second); the busiest built-in template has under 100.
    static let maxTemplateTags = 2_000
    /// Deepest nesting of sections, inverted sections, blocks and parents: the parser and the
    /// renderer recurse once per level, and builds run on threads with small stacks.
    static let maxSectionDepth = 50

    /// Refuses a template too large, with too many tags or nested too deep to parse and render
    /// safely, before the Mustache parser sees it.
    /// - Parameters:
    ///   - text: the template's text.
    ///   - display: the path shown in messages (`Templates/page.mustache`).
    /// - Throws: ``FolioError/configuration(file:line:message:hint:)`` naming the file, and the
    ///   line where the limit is passed.
    static func checkLimits(_ text: String, display: String) throws {
        let size = text.utf8.count
        if size > maxTemplateBytes {
            throw FolioError.configuration(
                file: display, line: nil,
                message: "the template is \(size) bytes; a template may be at most \(maxTemplateBytes) bytes",
                hint: "split it into partials ({{> name}}) or move data into Content/")
        }
        let bytes = Array(text.utf8)
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)
        var tags = 0
        var depth = 0
        var line = 1
        var index = 0
        func starts(_ needle: [UInt8], at position: Int) -> Bool {
            position + needle.count <= bytes.count && bytes[position..<position + needle.count].elementsEqual(needle)
        }
        while index < bytes.count {
            if bytes[index] == 0x0A { line += 1 }
            guard starts(open, at: index) else {
                index += 1
                continue
            }
            tags += 1
            if tags > maxTemplateTags {
                throw FolioError.configuration(
                    file: display, line: line,
                    message: "the template has more than \(maxTemplateTags) tags",
                    hint: "split it into partials ({{> name}}) or loop over a list with {{#items}}…{{/items}}")
            }
            index += open.count
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
            guard index < bytes.count else { break }
            switch bytes[index] {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"):
                depth += 1
                if depth > maxSectionDepth {
                    throw FolioError.configuration(
                        file: display, line: line,
                        message: "sections are nested more than \(maxSectionDepth) deep",
                        hint: "close sections with {{/name}} sooner or move the inner part into a partial")
                }
            case UInt8(ascii: "/"):
                depth = max(0, depth - 1)
            case UInt8(ascii: "="):
                // `{{=<% %>=}}` sets new delimiters for the rest of the template.
                var end = index + 1
                let equals = UInt8(ascii: "=")
                while end < bytes.count, !(bytes[end] == equals && starts(close, at: end + 1)) { end += 1 }
                let spaces: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
                let parts = bytes[min(index + 1, end)..<end].split(whereSeparator: { spaces.contains($0) })
                line += bytes[index..<end].filter { $0 == 0x0A }.count
                if parts.count == 2 {
                    open = Array(parts[0])
                    close = Array(parts[1])
                }
                index = end
                continue
            default:
                break
            }
        }
    }

    /// At most `limit` characters of a template line around `column` (1-based), for a message: a
    /// 10 MB line must not be printed whole.
    static func excerpt(_ line: String, column: Int, limit: Int = 80) -> String {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.count > limit else { return trimmed }
        let characters = Array(line)
        let start = max(0, min(column - 1 - limit / 2, characters.count - limit))
        let end = min(characters.count, start + limit)
        return (start > 0 ? "…" : "") + String(characters[start..<end]) + (end < characters.count ? "…" : "")
    }
}
