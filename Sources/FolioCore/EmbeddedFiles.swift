import Foundation

/// Files built into the binary at build time: the `folio-embed` tool writes each as its relative
/// path and base64 text, and this turns them back into bytes.
public enum EmbeddedFiles {
    /// The files of `entries`, keyed by relative path.
    public static func decode(_ entries: [(path: String, base64: String)]) -> [String: Data] {
        var result: [String: Data] = [:]
        for entry in entries {
            // The generator writes valid base64; an undecodable entry would be a build defect.
            guard let data = Data(base64Encoded: entry.base64) else { preconditionFailure("embedded file \(entry.path) is not base64") }
            result[entry.path] = data
        }
        return result
    }
}
