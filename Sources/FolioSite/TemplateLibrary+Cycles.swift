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

    /// One `{{$block}}` tag nested in another block of the same template: overriding the outer
    /// block renders the inner one, which is overridden in turn.
    struct BlockNesting {
        var outer: String
        var inner: String
        var line: Int
    }

    /// The blocks each `{{$name}}` block of `text` contains directly, with their lines.
    static func blockNestings(in text: String) -> [BlockNesting] {
        var found: [BlockNesting] = []
        var open: [(sigil: Character, name: String)] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let start = rest.range(of: "{{") {
                let after = rest[start.upperBound...]
                guard let close = after.range(of: "}}") else { break }
                let tag = after[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                rest = after[close.upperBound...]
                guard let sigil = tag.first else { continue }
                let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                switch sigil {
                case "#", "^", "<", "$":
                    if sigil == "$", let outer = open.last(where: { $0.sigil == "$" }) {
                        found.append(BlockNesting(outer: outer.name, inner: name, line: offset + 1))
                    }
                    open.append((sigil, name))
                case "/":
                    if let index = open.lastIndex(where: { $0.name == name }) { open.removeSubrange(index...) }
                default:
                    break
                }
            }
        }
        return found
    }

    /// Refuses a template whose blocks contain themselves, directly (`{{$main}}` inside
    /// `{{$main}}`) or through each other: the Mustache renderer would substitute them forever
    /// and overflow the stack.
    /// - Throws: ``FolioError/configuration(file:line:message:hint:)`` at the inner block tag.
    static func checkBlockCycles(_ text: String, display: String) throws {
        let nestings = blockNestings(in: text)
        guard !nestings.isEmpty else { return }
        let edges = Dictionary(grouping: nestings, by: \.outer)
        var finished: Set<String> = []
        func visit(_ name: String, _ path: [String]) throws {
            guard !finished.contains(name) else { return }
            for edge in edges[name] ?? [] {
                if edge.inner == name || path.contains(edge.inner) {
                    let start = path.firstIndex(of: edge.inner) ?? path.count
                    let cycle = Array(path[start...]) + [name, edge.inner]
                    throw FolioError.configuration(
                        file: display, line: edge.line,
                        message: edge.inner == name
                            ? "block `{{$\(name)}}` is nested inside itself, which would never finish rendering"
                            : "blocks contain each other in a cycle (\(cycle.map { "`\($0)`" }.joined(separator: " → "))), which would never finish rendering",
                        hint: "close `{{/\(edge.outer)}}` before opening `{{$\(edge.inner)}}`, or rename one of the blocks")
                }
                try visit(edge.inner, path + [name])
            }
            finished.insert(name)
        }
        for name in edges.keys.sorted() { try visit(name, []) }
    }
}
