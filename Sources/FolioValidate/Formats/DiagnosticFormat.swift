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

/// SARIF 2.1.0: one run with a rule for every code Folio reports (name, short and full
/// description, help, help URI, default level), one result per finding with its location
/// relative to the project root (`%SRCROOT%`), `partialFingerprints` from the baseline
/// fingerprint, the raw source line and related places as `relatedLocations`, and findings the
/// baseline accepted as results with an external suppression.
public enum SARIFFormatter {
    /// Where the rules' help links point: the README's section on diagnostic codes.
    public static let helpURI = "README.md#diagnostic-codes"

    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }
    struct Run: Encodable {
        var tool: Tool
        var originalUriBaseIds: [String: BaseURI]
        var results: [Result]
    }
    struct BaseURI: Encodable { var uri: String?; var description: Message }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable { var name: String; var version: String; var semanticVersion: String; var rules: [Rule] }
    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Message
        var helpUri: String
        var defaultConfiguration: Configuration
    }
    struct Configuration: Encodable { var level: String }
    struct Message: Encodable { var text: String }
    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]?
        var relatedLocations: [Location]?
        var partialFingerprints: [String: String]?
        var suppressions: [Suppression]?
    }
    struct Suppression: Encodable { var kind = "external"; var justification: String }
    struct Location: Encodable { var id: Int?; var physicalLocation: Physical; var message: Message? }
    struct Physical: Encodable { var artifactLocation: Artifact; var region: Region? }
    struct Artifact: Encodable { var uri: String; var uriBaseId: String? }
    struct Region: Encodable { var startLine: Int; var startColumn: Int? }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func location(file: String, line: Int, column: Int?, id: Int? = nil, message: String? = nil) -> Location {
        let absolute = file.hasPrefix("/")
        let uri = file.split(separator: "/", omittingEmptySubsequences: false).map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? String($0) }.joined(separator: "/")
        return Location(
            id: id,
            physicalLocation: Physical(artifactLocation: Artifact(uri: absolute ? "file://" + uri : uri, uriBaseId: absolute ? nil : "%SRCROOT%"), region: line > 0 ? Region(startLine: line, startColumn: column) : nil),
            message: message.map(Message.init)
        )
    }

    /// The SARIF log as pretty-printed JSON with sorted keys.
    public static func render(_ diagnostics: [Diagnostic], toolVersion: String) -> String {
        var descriptors = CheckCatalog.every
        for code in Set(diagnostics.map(\.code)).sorted() where CheckCatalog.descriptor(code) == nil {
            descriptors.append(CheckDescriptor(code: code, severity: diagnostics.first { $0.code == code }?.severity ?? .warning, name: code.lowercased(), summary: "Finding \(code)."))
        }
        var ruleIndex: [String: Int] = [:]
        let rules = descriptors.enumerated().map { index, descriptor -> Rule in
            ruleIndex[descriptor.code] = index
            return Rule(
                id: descriptor.code, name: descriptor.name,
                shortDescription: Message(text: descriptor.summary),
                fullDescription: Message(text: "\(descriptor.summary) Folio reports it as \(descriptor.code) (\(descriptor.name)), by default at severity \(descriptor.severity.rawValue)."),
                help: Message(text: CheckCatalog.help(for: descriptor)),
                helpUri: helpURI,
                defaultConfiguration: Configuration(level: level(descriptor.severity))
            )
        }
        let results = diagnostics.map { d -> Result in
            var text = d.message
            if let hint = d.hint { text += " Hint: \(hint)" }
            let primary = d.location.map { location(file: $0.file, line: $0.line, column: $0.column) }
            var related: [Location] = []
            if let src = d.source { related.append(location(file: src.file, line: src.line, column: src.column, id: 1, message: "raw source line")) }
            for r in d.related { related.append(location(file: r.file, line: r.line, column: r.column, id: related.count + 1, message: r.message ?? "related place")) }
            return Result(
                ruleId: d.code, ruleIndex: ruleIndex[d.code], level: level(d.severity), message: Message(text: text),
                locations: primary.map { [$0] }, relatedLocations: related.isEmpty ? nil : related,
                partialFingerprints: d.fingerprint.map { ["folioFingerprint/v1": $0] },
                suppressions: d.baselined ? [Suppression(justification: "accepted in the Folio baseline")] : nil
            )
        }
        let run = Run(
            tool: Tool(driver: Driver(name: "folio", version: toolVersion, semanticVersion: toolVersion, rules: rules)),
            originalUriBaseIds: ["%SRCROOT%": BaseURI(uri: nil, description: Message(text: "The project root: the directory holding folio.yml."))],
            results: results
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(Log(runs: [run]))) ?? Data(), as: UTF8.self) + "\n"
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
