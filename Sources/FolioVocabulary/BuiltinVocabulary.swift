import FolioCore
import Foundation

/// Folio's field vocabularies, built into the binary from `Content/data/` at build time (the
/// `VocabularyEmbedder` plugin): the technology vocabulary, the well-known organisations, the
/// places generated from GeoNames, the 17 goals and the base map. `folio init` writes them into a new project's `Content/data/`,
/// where they are the project's own to edit.
public enum BuiltinVocabulary {
    /// Every embedded file, keyed by its path relative to `Content/data/` (`technologies.yml`).
    public static let files: [String: Data] = EmbeddedFiles.decode(EmbeddedVocabulary.files)
}
