import FolioCore
import Foundation

extension TemplateLibrary {
    /// One `{{> name}}` or `{{< name}}` tag: the template it names and the line it is on.
    struct Inclusion: Equatable {
        var target: String
        var line: Int
    }

    /// The partials and parents a template's text names, in order.
    static func inclusions(in text: String) -> [Inclusion] {
        var found: [Inclusion] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let after = rest[open.upperBound...]
                guard let close = after.range(of: "}}") else { break }
                let tag = after[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if let sigil = tag.first, sigil == ">" || sigil == "<" {
                    let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                    if !name.isEmpty { found.append(Inclusion(target: name, line: offset + 1)) }
                }
                rest = after[close.upperBound...]
            }
        }
        return found
    }

    /// Refuses templates that include themselves, directly or through others: rendering them
    /// would recurse until the stack overflows.
    /// - Parameter texts: each template's name, text and the path shown in messages.
    /// - Throws: ``FolioError/configuration(file:line:message:hint:)`` at the tag that closes the cycle.
    static func checkInclusionCycles(_ texts: [String: (text: String, display: String)]) throws {
        let graph = texts.mapValues { inclusions(in: $0.text) }
        var finished: Set<String> = []
        func visit(_ name: String, _ path: [String]) throws {
            guard !finished.contains(name), let edges = graph[name] else { return }
            for edge in edges where texts[edge.target] != nil {
                if let start = path.firstIndex(of: edge.target) ?? (edge.target == name ? path.count : nil) {
                    let cycle = (Array(path[start...]) + [name, edge.target]).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
                    throw FolioError.configuration(
                        file: texts[name]?.display ?? name, line: edge.line,
                        message: cycle.count <= 2
                            ? "template `\(name)` includes itself, which would never finish rendering"
                            : "templates include each other in a cycle (\(cycle.map { "`\($0)`" }.joined(separator: " → "))), which would never finish rendering",
                        hint: "remove the `{{> \(edge.target)}}` tag or break the chain of partials")
                }
                try visit(edge.target, path + [name])
            }
            finished.insert(name)
        }
        for name in graph.keys.sorted() { try visit(name, []) }
    }
}
