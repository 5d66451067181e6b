/// Unicode superscript and subscript forms for the characters that have them, used to render
/// `<sup>`/`<sub>` markup that is not a footnote (powers, units, chemistry) as plain text.
enum ScriptText {
    private static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "+": "⁺", "-": "⁻", "−": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", "n": "ⁿ", "i": "ⁱ",
    ]
    private static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "-": "₋", "=": "₌", "(": "₍", ")": "₎",
    ]

    /// The superscript form of `text`, or nil when a character has no superscript form.
    static func superscript(_ text: String) -> String? { map(text, superscripts) }

    /// The subscript form of `text`, or nil when a character has no subscript form.
    static func `subscript`(_ text: String) -> String? { map(text, subscripts) }

    /// A footnote marker that must stay visible as text, e.g. `⁽⁷⁶⁾`.
    static func visibleMarker(_ label: String) -> String {
        if let sup = superscript("(" + label + ")") { return sup }
        return "(" + label + ")"
    }

    /// The ways an article writes note `label`, most specific first: its definition, its
    /// visible marker (a note kept as text), its reference.
    static func noteMarkers(_ label: Int) -> [String] {
        ["[^\(label)]:", visibleMarker(String(label)), "[^\(label)]"]
    }

    private static func map(_ text: String, _ table: [Character: Character]) -> String? {
        if text.isEmpty { return nil }
        var out = ""
        for ch in text {
            guard let mapped = table[ch] else { return nil }
            out.append(mapped)
        }
        return out
    }
}
