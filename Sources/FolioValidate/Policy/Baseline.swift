import FolioCore
import Foundation

/// Accepted findings: a run fails only on findings not listed here.
///
/// An entry is fingerprinted by code, file and message, never by line, so edits elsewhere in
/// a file do not invalidate it. The same finding twice in one file is counted.
public struct Baseline: Sendable, Equatable, Codable {
    /// One accepted finding.
    public struct Entry: Sendable, Equatable, Codable, Hashable {
        public var code: String
        public var file: String
        public var message: String
        /// How many times the finding occurs in the file.
        public var count: Int

        public init(code: String, file: String, message: String, count: Int = 1) {
            self.code = code
            self.file = file
            self.message = message
            self.count = count
        }

        /// `code|file|message`.
        public var fingerprint: String { Baseline.fingerprint(code: code, file: file, message: message) }
    }

    /// File format version.
    public var version: Int
    public var entries: [Entry]

    public init(entries: [Entry]) {
        version = 1
        self.entries = entries
    }

    /// A baseline accepting every error and warning in `diagnostics` (infos never fail a run).
    public init(accepting diagnostics: [Diagnostic]) {
        var counts: [String: Entry] = [:]
        for d in diagnostics where d.severity != .info {
            let entry = Entry(code: d.code, file: d.location?.file ?? "", message: d.message)
            if var existing = counts[entry.fingerprint] {
                existing.count += 1
                counts[entry.fingerprint] = existing
            } else {
                counts[entry.fingerprint] = entry
            }
        }
        self.init(entries: counts.values.sorted { ($0.file, $0.code, $0.message) < ($1.file, $1.code, $1.message) })
    }

    static func fingerprint(code: String, file: String, message: String) -> String { "\(code)|\(file)|\(message)" }

    /// Reads a baseline file.
    /// - Throws: ``FolioError/configuration(file:line:message:hint:)`` when it is not a baseline.
    public static func load(from url: URL, displayPath: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FolioError.io(path: displayPath, message: "cannot read the baseline file")
        }
        do {
            return try JSONDecoder().decode(Baseline.self, from: data)
        } catch {
            throw FolioError.configuration(file: displayPath, line: nil, message: "not a Folio baseline: \(error.localizedDescription)", hint: "regenerate it with `folio check --write-baseline`")
        }
    }

    /// The baseline as stable, pretty-printed JSON.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(self)) ?? Data()
        data.append(0x0A)
        return data
    }
}
