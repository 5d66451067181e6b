import FolioCore
import Foundation

/// Reports each cause once. Import and the content checks see some defects from two sides, and
/// one defect can set off others; the findings that follow from another are folded into it as
/// ``Diagnostic/related`` places (shown in every output format), so a person reads one finding
/// per thing to fix.
public enum FindingCauses {
    /// `diagnostics` with derived findings folded into their root:
    /// - an import finding (`FN1xx`, `FIG1xx`) at the same article line or the same source line
    ///   as a check finding of its family (`FN0xx`, `FIG0xx`): one defect seen from both sides,
    ///   the check's finding is the root;
    /// - every `FN005` of an article after its first: one note cited early (a misplaced marker)
    ///   puts every later note out of order, and so do the import's `FN104` for the same notes;
    /// - a `FIG004` numbering gap whose missing number the same article refers to (`FIG001`):
    ///   the lost caption is the cause, the gap restates it.
    ///
    /// Baselines are matched before folding, so an accepted finding stays accepted whether it is
    /// reported alone (by `folio import`) or folded into another (by `folio check`).
    public static func fold(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let isImport = { (d: Diagnostic) in Self.number(d.code) >= 100 && ["FN", "FIG"].contains(String(Self.family(d.code))) }
        var roots = diagnostics.filter { !isImport($0) }
        var rootAt: [String: Int] = [:]
        for (index, d) in roots.enumerated() {
            let family = Self.family(d.code)
            if let l = d.location { rootAt["\(family)|\(l.file)|\(l.line)", default: index] = index }
            if let s = d.source { rootAt["\(family)|\(s.file)|\(s.line)", default: index] = index }
        }
        var kept: [Diagnostic] = []
        for d in diagnostics where isImport(d) {
            let family = Self.family(d.code)
            let keys = [d.location.map { "\(family)|\($0.file)|\($0.line)" }, d.source.map { "\(family)|\($0.file)|\($0.line)" }].compactMap { $0 }
            if let root = keys.lazy.compactMap({ rootAt[$0] }).first {
                roots[root].related.append(Self.related(d))
            } else {
                kept.append(d)
            }
        }
        return Diagnostic.sortedForOutput(foldGapsIntoMissingFigures(foldOrderCascades(kept + roots)))
    }

    /// Later `FN005` and `FN104` findings of an article folded into its first `FN005`.
    static func foldOrderCascades(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var firstIndex: [String: Int] = [:]
        for (index, d) in diagnostics.enumerated() where d.code == "FN005" {
            guard let l = d.location else { continue }
            if let known = firstIndex[l.file], let line = diagnostics[known].location?.line, line <= l.line { continue }
            firstIndex[l.file] = index
        }
        guard !firstIndex.isEmpty else { return diagnostics }
        var result = diagnostics
        var folded = Set<Int>()
        for (index, d) in diagnostics.enumerated() where d.code == "FN005" || d.code == "FN104" {
            guard let file = d.location?.file, let root = firstIndex[file], root != index else { continue }
            result[root].related.append(Self.related(d))
            folded.insert(index)
        }
        for root in Set(firstIndex.values) where !result[root].related.isEmpty {
            let later = result[root].related.filter { $0.message?.hasPrefix("FN005") == true }.count
            if later > 0 { result[root].message += " (and \(later) later note\(later == 1 ? "" : "s") out of order after it: one note cited early usually explains them all)" }
        }
        return result.enumerated().filter { !folded.contains($0.offset) }.map(\.element)
    }

    /// `FIG004` findings folded into the `FIG001` of the same article whose number they report missing.
    static func foldGapsIntoMissingFigures(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var missingReferences: [String: [(kind: String, number: Int, index: Int)]] = [:]
        for (index, d) in diagnostics.enumerated() where d.code == "FIG001" {
            guard let file = d.location?.file, let reference = Self.reference(in: d.message) else { continue }
            missingReferences[file, default: []].append((reference.kind, reference.number, index))
        }
        guard !missingReferences.isEmpty else { return diagnostics }
        var result = diagnostics
        var folded = Set<Int>()
        for (index, d) in diagnostics.enumerated() where d.code == "FIG004" {
            guard let file = d.location?.file, let gap = Self.gap(in: d.message),
                  let root = missingReferences[file]?.first(where: { $0.kind == gap.kind && gap.missing.contains($0.number) }) else { continue }
            result[root.index].related.append(Self.related(d))
            folded.insert(index)
        }
        return result.enumerated().filter { !folded.contains($0.offset) }.map(\.element)
    }

    /// The kind and number a `FIG001` message names: “… refers to Figure 4, …”.
    static func reference(in message: String) -> (kind: String, number: Int)? {
        guard let match = message.firstMatch(of: /(?:refers to|link to) (\w+) (\d+)/), let number = Int(match.2) else { return nil }
        return (match.1.lowercased(), number)
    }

    /// The kind and missing numbers a `FIG004` message names: “Figure 5 follows Figure 2: figures 3–4 are missing”.
    static func gap(in message: String) -> (kind: String, missing: ClosedRange<Int>)? {
        guard let match = message.firstMatch(of: /^(\w+) (\d+) follows \w+ (\d+):/), let high = Int(match.2), let low = Int(match.3), high > low + 1 else { return nil }
        return (match.1.lowercased(), (low + 1)...(high - 1))
    }

    /// A folded finding as a related place of its root.
    static func related(_ d: Diagnostic) -> RelatedLocation {
        RelatedLocation(file: d.location?.file ?? d.source?.file ?? "", line: d.location?.line ?? d.source?.line ?? 1, column: d.location?.column, message: "\(d.code): \(d.message)")
    }

    /// The number of a code: `107` for `FN107`.
    static func number(_ code: String) -> Int { Int(code.drop { $0.isLetter }) ?? 0 }

    /// The letters of a code: `FN` for `FN107`.
    static func family(_ code: String) -> Substring { code.prefix { $0.isLetter } }
}
