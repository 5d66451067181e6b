import FolioCore
import Foundation

/// Accepted findings: a run fails only on findings not listed here.
///
/// Version 2 identifies each finding by its ``Fingerprint`` (code, file, normalised snippet of
/// the offending line, ordinal among identical snippets) and never by a line number, so edits
/// elsewhere in a file do not disturb it. Version-1 files (code, file, message and a count) are
/// still read: their entries match by code, file and message with any `file:line` removed, and
/// `folio check --update-baseline` rewrites them as version 2.
public struct Baseline: Sendable, Equatable, Codable {
    /// One accepted finding.
    public struct Entry: Sendable, Equatable, Codable, Hashable {
        public var code: String
        public var file: String
        /// The message when the entry was written, for people reading the file.
        public var message: String
        /// The finding's fingerprint (version 2); nil in version-1 entries.
        public var fingerprint: String?
        /// Version 1: how many times the finding occurs in the file.
        public var count: Int?

        public init(code: String, file: String, message: String, fingerprint: String? = nil, count: Int? = nil) {
            self.code = code
            self.file = file
            self.message = message
            self.fingerprint = fingerprint
            self.count = count
        }

        /// The key this entry matches findings by.
        var key: String {
            fingerprint ?? Baseline.legacyKey(code: code, file: file, message: message)
        }
    }

    /// File format version: 2 (fingerprints) or 1 (messages and counts).
    public var version: Int
    public var entries: [Entry]

    public init(entries: [Entry], version: Int = 2) {
        self.version = version
        self.entries = entries
    }

    /// A baseline accepting every error and warning in `diagnostics` (infos never fail a run);
    /// the diagnostics must carry fingerprints (``Fingerprint/assign(_:lines:)``).
    public init(accepting diagnostics: [Diagnostic]) {
        let entries = diagnostics.filter { $0.severity != .info && $0.code != "BAS001" }.map {
            Entry(code: $0.code, file: $0.location?.file ?? "", message: $0.message, fingerprint: $0.fingerprint ?? Baseline.legacyKey(code: $0.code, file: $0.location?.file ?? "", message: $0.message))
        }
        self.init(entries: entries.sorted { ($0.file, $0.code, $0.fingerprint ?? "", $0.message) < ($1.file, $1.code, $1.fingerprint ?? "", $1.message) })
    }

    /// Whether some entry is of version 1 (no fingerprint) and the file should be rewritten.
    public var needsMigration: Bool { version < 2 || entries.contains { $0.fingerprint == nil } }

    static func legacyKey(code: String, file: String, message: String) -> String {
        "\(code)|\(file)|\(Fingerprint.normalisedMessage(message))"
    }

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
