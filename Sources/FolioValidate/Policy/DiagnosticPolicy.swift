import FolioCore
import Foundation

/// Applies `folio.yml`'s `validation:` settings to findings, in one place for build and check:
/// severity overrides (`off` drops a check), ignore globs on file paths, and the baseline.
public struct DiagnosticPolicy: Sendable {
    /// Code → `error`, `warning`, `info` or `off`; a code may end in `*` (`FIG*`).
    public var severity: [String: String]
    /// Globs on `Content/` or `Site/` paths (`*` within a segment, `**` across segments, `?`).
    public var ignore: [String]
    /// Accepted findings, when a baseline is in use.
    public var baseline: Baseline?
    /// Where the baseline was read from, for messages.
    public var baselinePath: String
    /// Whether external links were checked in this run; otherwise baseline entries of external
    /// checks (URL1xx) are not reported as gone.
    public var externalChecked: Bool
    /// Reads the files findings point into, for their fingerprints' snippets.
    public var lines: Fingerprint.LineReader

    public init(severity: [String: String] = [:], ignore: [String] = [], baseline: Baseline? = nil, baselinePath: String = "", externalChecked: Bool = false, lines: Fingerprint.LineReader? = nil) {
        self.severity = severity
        self.ignore = ignore
        self.baseline = baseline
        self.baselinePath = baselinePath
        self.externalChecked = externalChecked
        self.lines = lines ?? { _ in nil }
    }

    /// The policy of `validation`, reading its baseline file when it names one that exists.
    /// - Throws: ``FolioError`` when the baseline file is unreadable or malformed.
    public static func load(projectRoot: URL, validation: ValidationConfig, externalChecked: Bool = false) throws -> DiagnosticPolicy {
        var policy = DiagnosticPolicy(severity: validation.severity, ignore: validation.ignore, baselinePath: validation.baseline, externalChecked: externalChecked, lines: Fingerprint.fileReader(projectRoot: projectRoot))
        if !validation.baseline.isEmpty {
            let url = projectPath(validation.baseline, in: projectRoot)
            if FileManager.default.fileExists(atPath: url.path) {
                policy.baseline = try Baseline.load(from: url, displayPath: validation.baseline)
            }
        }
        return policy
    }

    /// What the policy made of a run's findings.
    public struct Outcome: Sendable {
        /// Findings that count, with overridden severities, sorted.
        public var active: [Diagnostic]
        /// Findings the baseline accepted.
        public var accepted: [Diagnostic]
        /// Baseline entries that matched nothing (fixed findings).
        public var gone: [Baseline.Entry]
        /// Findings after overrides and ignores, before the baseline (what `--write-baseline` records).
        public var beforeBaseline: [Diagnostic]
    }

    /// Applies overrides, ignores and the baseline.
    /// - Parameter sameDefect: also accept a finding when the baseline accepts one of the same
    ///   code family at the same place (import's `FN101` where the check's `FN001` is accepted):
    ///   for import, whose findings `folio check` merges into the content checks'.
    public func evaluate(_ diagnostics: [Diagnostic], sameDefect: Bool = false) -> Outcome {
        var kept: [Diagnostic] = []
        kept.reserveCapacity(diagnostics.count)
        for var d in diagnostics {
            if let level = override(for: d.code) {
                guard let severity = Severity(rawValue: level) else { continue }
                d.severity = severity
            }
            if let file = d.location?.file, isIgnored(file) { continue }
            kept.append(d)
        }
        kept = Fingerprint.assign(Diagnostic.sortedForOutput(kept), lines: lines)
        guard let baseline else { return Outcome(active: kept, accepted: [], gone: [], beforeBaseline: kept) }
        var remaining: [String: Int] = [:]
        for entry in baseline.entries { remaining[entry.key, default: 0] += max(1, entry.count ?? 1) }
        let places = Set(baseline.entries.compactMap { $0.fingerprint.flatMap(Fingerprint.place).map { "\($0.family)|\($0.place)" } })
        // Entries of version-1 baselines have no fingerprint and match by message.
        let hasLegacyEntries = baseline.entries.contains { $0.fingerprint == nil }
        var active: [Diagnostic] = []
        var accepted: [Diagnostic] = []
        for var d in kept {
            guard d.severity != .info else {
                active.append(d)
                continue
            }
            let legacy = hasLegacyEntries ? Baseline.legacyKey(code: d.code, file: d.location?.file ?? "", message: d.message) : nil
            if let fp = d.fingerprint, let left = remaining[fp], left > 0 {
                remaining[fp] = left - 1
            } else if let legacy, let left = remaining[legacy], left > 0 {
                remaining[legacy] = left - 1
            } else if sameDefect, let fp = d.fingerprint, let place = Fingerprint.place(fp), places.contains("\(place.family)|\(place.place)") {
                // Accepted as the same defect; consumes no entry.
            } else {
                active.append(d)
                continue
            }
            d.baselined = true
            accepted.append(d)
        }
        var gone: [Baseline.Entry] = []
        for entry in baseline.entries {
            guard let left = remaining[entry.key], left > 0 else { continue }
            if !externalChecked && entry.code.hasPrefix("URL1") { continue }
            var e = entry
            if e.fingerprint == nil { e.count = left }
            gone.append(e)
            remaining[entry.key] = 0
        }
        return Outcome(active: active, accepted: accepted, gone: gone, beforeBaseline: kept)
    }

    /// The findings that count, plus one `BAS001` info per baseline entry that is gone.
    public func apply(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let outcome = evaluate(diagnostics)
        return outcome.active + goneDiagnostics(outcome.gone)
    }

    /// `BAS001` infos for baseline entries that no longer match.
    public func goneDiagnostics(_ gone: [Baseline.Entry]) -> [Diagnostic] {
        gone.map { entry in
            Diagnostic(code: "BAS001", severity: .info, message: "baseline entry no longer found: [\(entry.code)] \(entry.file): \(entry.message)", location: SourceLocation(file: baselinePath, line: 0), hint: "the finding was fixed; run `folio check --update-baseline` to drop the entry")
        }
    }

    /// The overriding level for `code`: an exact entry, else the longest matching `PREFIX*`.
    func override(for code: String) -> String? {
        if let exact = severity[code] { return exact }
        var best: (Int, String)?
        for (key, level) in severity where key.hasSuffix("*") {
            let prefix = key.dropLast()
            if code.hasPrefix(prefix), best.map({ prefix.count > $0.0 }) ?? true { best = (prefix.count, level) }
        }
        return best?.1
    }

    /// Whether `path` matches one of the ignore globs.
    public func isIgnored(_ path: String) -> Bool {
        ignore.contains { Glob.matches($0, path) }
    }
}

/// Minimal path globbing: `*` and `?` within a path segment, `**` across segments.
enum Glob {
    static func matches(_ pattern: String, _ path: String) -> Bool {
        match(Array(pattern.utf8)[...], Array(path.utf8)[...])
    }

    private static func match(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>) -> Bool {
        var p = p, s = s
        while let c = p.first {
            if c == UInt8(ascii: "*") {
                let doubleStar = p.dropFirst().first == UInt8(ascii: "*")
                var rest = p.dropFirst(doubleStar ? 2 : 1)
                if doubleStar, rest.first == UInt8(ascii: "/") {
                    // `**/` also matches zero segments.
                    if match(rest.dropFirst(), s) { return true }
                    rest = rest[...]
                }
                var i = s.startIndex
                while true {
                    if match(rest, s[i...]) { return true }
                    if i == s.endIndex { return false }
                    if !doubleStar && s[i] == UInt8(ascii: "/") { return false }
                    i += 1
                }
            }
            guard let d = s.first else { return false }
            if c != UInt8(ascii: "?") && c != d { return false }
            if c == UInt8(ascii: "?") && d == UInt8(ascii: "/") { return false }
            p = p.dropFirst()
            s = s.dropFirst()
        }
        return s.isEmpty
    }
}

/// A path from `folio.yml`: absolute as given, otherwise relative to the project root.
public func projectPath(_ path: String, in projectRoot: URL) -> URL {
    path.hasPrefix("/") ? URL(fileURLWithPath: path).standardizedFileURL : projectRoot.appendingPathComponent(path).standardizedFileURL
}
