import Foundation

/// Folio's field vocabularies, built into the binary from `Content/data/` at build time (the
/// `VocabularyEmbedder` plugin): the technology vocabulary, the places generated from GeoNames,
/// the 17 goals and the base map. `folio init` writes them into a new project's `Content/data/`,
/// where they are the project's own to edit.
public enum BuiltinVocabulary {
    /// Every embedded file, keyed by its path relative to `Content/data/` (`technologies.yml`).
    public static let files: [String: Data] = {
        var result: [String: Data] = [:]
        for entry in EmbeddedVocabulary.files {
            // The generator writes valid base64; an undecodable entry would be a build defect.
            guard let data = Data(base64Encoded: entry.base64) else { preconditionFailure("embedded vocabulary file \(entry.path) is not base64") }
            result[entry.path] = data
        }
        return result
    }()
}
