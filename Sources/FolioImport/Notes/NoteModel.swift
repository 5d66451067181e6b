/// How a footnote definition was written in the source.
enum DefinitionStyle: Equatable {
    /// `<sup>7</sup> Text` at the start of a line.
    case superscript
    /// `7 Text` in a footnote block (after `---` or continuing a run of definitions).
    case plain
    /// `7. Text` in an endnote list.
    case endnote
    /// `[7] Text` or `- [7] Text` in a reference list cited as `[7]`.
    case bracket
}

/// A footnote definition found in an article.
struct NoteDefinition {
    var article: Int
    /// Line indices (in the article) the definition occupies; the first holds the marker.
    var lineIndices: [Int]
    var label: Int
    var text: String
    var sourceLine: Int
    var style: DefinitionStyle
    var garbled: Bool
    /// Set when a duplicate with the same text was merged into another definition.
    var mergedInto: Int?

    var position: Int { lineIndices.first ?? 0 }
}

/// A footnote reference (marker) found in an article's text.
struct NoteReference {
    var article: Int
    var lineIndex: Int
    /// Range of the marker in the line, widened over leading spaces and `[\*]` remnants.
    var range: Range<String.Index>
    var labels: [Int]
    var bracketed: Bool
    var leadingLetters: String
    var garbled: Bool
    var droppedRemnant: Bool
    var sourceLine: Int
    /// The marker as written, for messages.
    var raw: String
    /// Bound definition per label (index into the definition list).
    var targets: [Int?] = []
}
