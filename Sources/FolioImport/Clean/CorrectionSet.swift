import FolioCore
import Foundation
import Yams

/// One editorial correction from `Content/corrections.yml`: exact text replaced within a
/// source line of one document, with the reason an editor gave.
public struct Correction: Sendable, Equatable {
    /// Slug of the document the correction applies to.
    public var document: String
    /// Exact text to find within one source line.
    public var find: String
    /// Replacement text.
    public var replace: String
    /// Why the source is wrong, for reviewers.
    public var reason: String
    /// How many occurrences are expected; nil means at least one.
    public var count: Int?
    /// Line of the entry in `corrections.yml`, for diagnostics.
    public var entryLine: Int

    public init(document: String, find: String, replace: String, reason: String, count: Int? = nil, entryLine: Int = 1) {
        self.document = document
        self.find = find
        self.replace = replace
        self.reason = reason
        self.count = count
        self.entryLine = entryLine
    }
}

/// The corrections file: parsing it and applying its entries to a document's lines.
public struct CorrectionSet: Sendable, Equatable {
    /// Entries in file order.
    public var corrections: [Correction]
    /// Images supplied for figures the sources lost (`figures:`), in file order.
    public var figures: [FigureImage]

    public init(corrections: [Correction] = [], figures: [FigureImage] = []) {
        self.corrections = corrections
        self.figures = figures
    }

    /// Parses `corrections.yml`.
    /// - Throws: ``ImportError/configuration(file:line:message:)`` naming the entry at fault.
    public static func parse(_ text: String, file: String) throws -> CorrectionSet {
        if let line = YAMLAliasKeys.firstLine(in: text) {
            throw ImportError.configuration(file: file, line: line, message: YAMLAliasKeys.message, hint: YAMLAliasKeys.hint)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: YAMLText.prepared(text))
        } catch let error as YamlError {
            throw ImportError.configuration(file: file, line: YAMLErrors.line(of: error) ?? 1, message: "malformed YAML: \(YAMLErrors.describe(error))")
        }
        var list: [Correction] = []
        for entry in root?.mapping?["corrections"]?.sequence ?? [] {
            let line = entry.mark?.line ?? 1
            guard let map = entry.mapping else {
                throw ImportError.configuration(file: file, line: line, message: "a correction must be a mapping with document, find, replace and reason")
            }
            func field(_ key: String) throws -> String {
                guard let value = map[key]?.string else {
                    throw ImportError.configuration(file: file, line: line, message: "correction is missing `\(key)`")
                }
                return value
            }
            let find = try field("find")
            if find.isEmpty { throw ImportError.configuration(file: file, line: line, message: "correction `find` must not be empty") }
            list.append(
                Correction(
                    document: try field("document"), find: find, replace: try field("replace"),
                    reason: try field("reason"), count: map["count"]?.int, entryLine: line
                ))
        }
        return CorrectionSet(corrections: list, figures: try FigureImage.parseList(root?.mapping?["figures"], file: file))
    }

    /// Applies the corrections for `document` to its lines and reports each application
    /// (`COR002`, info) and each correction that no longer matches (`COR001`, warning).
    func apply(to lines: inout [SourceLine], document: String, file: String, findings: inout [ImportFinding]) {
        for correction in corrections where correction.document == document {
            var hits = 0
            for index in lines.indices where TextNormalizer.contains(lines[index].text, correction.find) {
                let before = lines[index].text
                lines[index].text = before.replacingOccurrences(of: correction.find, with: correction.replace)
                hits += before.components(separatedBy: correction.find).count - 1
                findings.append(
                    ImportFinding(
                        code: "COR002", severity: .info,
                        message: "applied correction `\(correction.find)` → `\(correction.replace)`: \(correction.reason)",
                        sourceLine: lines[index].number
                    ))
            }
            if hits == 0 || (correction.count.map { $0 != hits } ?? false) {
                findings.append(
                    ImportFinding(
                        code: "COR001", severity: .warning,
                        message: hits == 0
                            ? "correction `\(correction.find)` (\(file):\(correction.entryLine)) no longer matches the source"
                            : "correction `\(correction.find)` (\(file):\(correction.entryLine)) matched \(hits) times, expected \(correction.count ?? 0)",
                        hint: "update or remove the entry in \(file)",
                        sourceLine: 1
                    ))
            }
        }
    }
}
