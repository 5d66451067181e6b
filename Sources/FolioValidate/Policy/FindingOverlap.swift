import FolioCore

/// Import and the content checks look at the same defects from two sides (the raw source and the
/// generated Markdown). When both report one defect, the content check's finding is kept.
public enum FindingOverlap {
    /// `imported` without the findings that a finding of `checked` already reports: same family of
    /// codes (`FN1xx` beside `FN0xx`, `FIG1xx` beside `FIG0xx`) at the same article line or the
    /// same source line.
    public static func merging(imported: [Diagnostic], checked: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<String>()
        for d in checked {
            let family = Self.family(d.code)
            if let l = d.location { seen.insert("\(family)|\(l.file)|\(l.line)") }
            if let s = d.source { seen.insert("\(family)|\(s.file)|\(s.line)") }
        }
        let kept = imported.filter { d in
            let family = Self.family(d.code)
            if let l = d.location, seen.contains("\(family)|\(l.file)|\(l.line)") { return false }
            if let s = d.source, seen.contains("\(family)|\(s.file)|\(s.line)") { return false }
            return true
        }
        return kept + checked
    }

    /// The letters of a code: `FN` for `FN107`.
    static func family(_ code: String) -> Substring { code.prefix { $0.isLetter } }
}
