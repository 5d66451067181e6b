import FolioCore
import Foundation

/// The output formats of `folio check`: compiler-style text, the DESIGN.md JSON, SARIF 2.1.0
/// (code scanning), JUnit XML (CI test reports) and GitHub workflow annotations.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text, json, sarif, junit, github

    /// Renders `diagnostics` in this format.
    /// - Parameter strict: whether warnings fail the run (JUnit then reports them as failures).
    /// - Parameter color: ANSI colours for text.
    public func render(_ diagnostics: [Diagnostic], strict: Bool = false, color: Bool = false, toolVersion: String = "0.1.0") -> String {
        switch self {
        case .text: DiagnosticFormatter.text(diagnostics, color: color)
        case .json: DiagnosticFormatter.json(diagnostics)
        case .sarif: SARIFFormatter.render(diagnostics, toolVersion: toolVersion)
        case .junit: JUnitFormatter.render(diagnostics, strict: strict)
        case .github: GitHubFormatter.render(diagnostics)
        }
    }
}

/// SARIF 2.1.0: one run, the catalog's rules, one result per diagnostic with its `Content/`
/// location and, for imported content, the source line as a related location.
public enum SARIFFormatter {
    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }
    struct Run: Encodable { var tool: Tool; var results: [Result] }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable { var name: String; var version: String; var informationUri: String; var rules: [Rule] }
    struct Rule: Encodable { var id: String; var name: String; var shortDescription: Message; var defaultConfiguration: Configuration }
    struct Configuration: Encodable { var level: String }
    struct Message: Encodable { var text: String }
    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]?
        var relatedLocations: [Location]?
    }
    struct Location: Encodable { var id: Int?; var physicalLocation: Physical; var message: Message? }
    struct Physical: Encodable { var artifactLocation: Artifact; var region: Region }
    struct Artifact: Encodable { var uri: String }
    struct Region: Encodable { var startLine: Int; var startColumn: Int? }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// The SARIF log as pretty-printed JSON with sorted keys.
    public static func render(_ diagnostics: [Diagnostic], toolVersion: String) -> String {
        var rules: [Rule] = []
        var ruleIndex: [String: Int] = [:]
        for code in Set(diagnostics.map(\.code)).sorted() {
            let descriptor = CheckCatalog.descriptor(code)
            ruleIndex[code] = rules.count
            rules.append(Rule(id: code, name: descriptor?.name ?? code, shortDescription: Message(text: descriptor?.summary ?? code), defaultConfiguration: Configuration(level: level(descriptor?.severity ?? .warning))))
        }
        let results = diagnostics.map { d -> Result in
            var text = d.message
            if let hint = d.hint { text += " Hint: \(hint)" }
            let location = d.location.map { Location(id: nil, physicalLocation: Physical(artifactLocation: Artifact(uri: $0.file), region: Region(startLine: max(1, $0.line), startColumn: $0.column)), message: nil) }
            let related = d.source.map { Location(id: 1, physicalLocation: Physical(artifactLocation: Artifact(uri: $0.file), region: Region(startLine: max(1, $0.line), startColumn: nil)), message: Message(text: "raw source line")) }
            return Result(ruleId: d.code, ruleIndex: ruleIndex[d.code], level: level(d.severity), message: Message(text: text), locations: location.map { [$0] }, relatedLocations: related.map { [$0] })
        }
        let log = Log(runs: [Run(tool: Tool(driver: Driver(name: "folio", version: toolVersion, informationUri: "https://github.com/folio/folio", rules: rules)), results: results)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(log)) ?? Data(), as: UTF8.self) + "\n"
    }
}

/// JUnit XML: one test suite per file, one test case per finding; errors (and warnings under
/// strict) are failures, the rest are passing cases with their message as output. A clean run
/// is one passing test case.
public enum JUnitFormatter {
    public static func render(_ diagnostics: [Diagnostic], strict: Bool) -> String {
        func fails(_ d: Diagnostic) -> Bool { d.severity == .error || (strict && d.severity == .warning) }
        var byFile: [String: [Diagnostic]] = [:]
        for d in diagnostics { byFile[d.location?.file ?? "(project)", default: []].append(d) }
        let failures = diagnostics.filter(fails).count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"folio check\" tests=\"\(max(1, diagnostics.count))\" failures=\"\(failures)\" errors=\"0\">\n"
        if diagnostics.isEmpty {
            xml += "  <testsuite name=\"folio check\" tests=\"1\" failures=\"0\" errors=\"0\">\n    <testcase classname=\"folio\" name=\"no findings\"/>\n  </testsuite>\n"
        }
        for file in byFile.keys.sorted() {
            let list = byFile[file] ?? []
            xml += "  <testsuite name=\"\(escape(file))\" tests=\"\(list.count)\" failures=\"\(list.filter(fails).count)\" errors=\"0\">\n"
            for d in list {
                let place = d.location.map { "\($0.file):\($0.line)" + ($0.column.map { ":\($0)" } ?? "") } ?? file
                var body = "\(place): \(d.severity.rawValue): [\(d.code)] \(d.message)"
                if let src = d.source { body += "\nsource: \(src.file):\(src.line)" }
                if let hint = d.hint { body += "\nhint: \(hint)" }
                xml += "    <testcase classname=\"\(escape(file))\" name=\"\(escape("\(d.code) line \(d.location?.line ?? 0): \(d.message)"))\">\n"
                if fails(d) {
                    xml += "      <failure type=\"\(d.code)\" message=\"\(escape(d.message))\">\(escape(body))</failure>\n"
                } else {
                    xml += "      <system-out>\(escape(body))</system-out>\n"
                }
                xml += "    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return xml
    }

    /// Escapes text for XML content and attributes; drops characters XML 1.0 forbids.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=CODE::message`.
public enum GitHubFormatter {
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics {
            let command: String
            switch d.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .info: command = "notice"
            }
            var properties: [String] = []
            if let loc = d.location {
                properties.append("file=\(property(loc.file))")
                properties.append("line=\(max(1, loc.line))")
                if let col = loc.column { properties.append("col=\(col)") }
            }
            properties.append("title=\(property(d.code))")
            var message = d.message
            if let src = d.source { message += "\nsource: \(src.file):\(src.line)" }
            if let hint = d.hint { message += "\nhint: \(hint)" }
            out += "::\(command) \(properties.joined(separator: ","))::\(data(message))\n"
        }
        return out
    }

    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
