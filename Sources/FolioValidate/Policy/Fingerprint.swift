import FolioCore
import FolioMarkdown
import Foundation

/// Stable identities for findings, independent of line numbers: code, file, a normalised
/// snippet of the offending line's text and the finding's position among findings with the
/// same code, file and snippet, written `CODE-<hash of file and snippet>-<ordinal>`. Inserting or deleting lines elsewhere in a file changes no
/// fingerprint; editing the offending text itself does.
public enum Fingerprint {
    /// The text of a file as lines (1-based line `n` is element `n - 1`), or nil when it cannot
    /// be read; consulted for each finding's offending line.
    public typealias LineReader = @Sendable (String) -> [Substring]?

    /// Reads files below `projectRoot`, each once.
    public static func fileReader(projectRoot: URL) -> LineReader {
        let cache = LineCache(projectRoot: projectRoot)
        return { cache.lines($0) }
    }

    /// `diagnostics` with ``Diagnostic/fingerprint`` set, in the same order.
    public static func assign(_ diagnostics: [Diagnostic], lines: LineReader) -> [Diagnostic] {
        var keys: [String] = []
        keys.reserveCapacity(diagnostics.count)
        for d in diagnostics {
            let file = d.location?.file ?? ""
            var snippet = ""
            if let line = d.location?.line, line > 0, let text = lines(file), line <= text.count {
                snippet = normalisedSnippet(text[line - 1])
            }
            keys.append(hex(fnv1a("\(file)\u{0}\(snippet)")))
        }
        // Ordinal among identical keys, in file order (line, column, message).
        let order = diagnostics.indices.sorted { a, b in
            let la = diagnostics[a].location?.line ?? 0, lb = diagnostics[b].location?.line ?? 0
            if la != lb { return la < lb }
            let ca = diagnostics[a].location?.column ?? 0, cb = diagnostics[b].location?.column ?? 0
            if ca != cb { return ca < cb }
            if diagnostics[a].message != diagnostics[b].message { return diagnostics[a].message < diagnostics[b].message }
            return a < b
        }
        var seen: [String: Int] = [:]
        var out = diagnostics
        for index in order {
            let key = diagnostics[index].code + "-" + keys[index]
            let ordinal = seen[key, default: 0]
            seen[key] = ordinal + 1
            out[index].fingerprint = "\(key)-\(ordinal)"
        }
        return out
    }

    /// The place part of a fingerprint (file and snippet, without code and ordinal), and the
    /// code's family (`FN` of `FN101`): import and the content checks report one defect under
    /// codes of one family at one place.
    static func place(_ fingerprint: String) -> (family: Substring, place: Substring)? {
        let parts = fingerprint.split(separator: "-")
        guard parts.count == 3 else { return nil }
        return (parts[0].prefix { $0.isLetter }, parts[1])
    }

    /// The offending text as compared: whitespace runs collapsed to one space, trimmed, at most
    /// 200 characters (a long paragraph is still identified by its opening).
    static func normalisedSnippet(_ line: Substring) -> String {
        var out = ""
        var count = 0
        var space = false
        for ch in line {
            if ch.isWhitespace {
                space = count > 0
                continue
            }
            if space {
                out.append(" ")
                count += 1
            }
            space = false
            out.append(ch)
            count += 1
            if count >= 200 { break }
        }
        return out
    }

    /// A message without the `file:line` places older messages embedded, whitespace collapsed:
    /// how entries of version-1 baselines (which have no fingerprint) are matched.
    public static func normalisedMessage(_ message: String) -> String {
        var text = message
        // ` (Content/articles/x.md:139)` → ``; a bare `x.md:139` → `x.md`.
        text = text.replacingOccurrences(of: #"\s*\([^()\s]+\.[A-Za-z]+:\d+(:\d+)?\)"#, with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: #"(\.[A-Za-z]+):\d+(:\d+)?"#, with: "$1", options: .regularExpression)
        return String(normalisedSnippet(Substring(text)).prefix(Int.max))
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// File lines read once per path, safe to share between threads.
final class LineCache: @unchecked Sendable {
    // Proof of Sendable: `storage` is only touched under `lock`.
    private let lock = NSLock()
    private var storage: [String: [Substring]?] = [:]
    private let projectRoot: URL

    init(projectRoot: URL) { self.projectRoot = projectRoot }

    func lines(_ path: String) -> [Substring]? {
        lock.lock()
        if let cached = storage[path] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        var result: [Substring]?
        if !path.isEmpty, case let .success(data) = InputFile.contents(atPath: projectPath(path, in: projectRoot).path) {
            let text = String(decoding: data, as: UTF8.self)
            result = TextLines.splitAtLineEnds(text)
        }
        lock.lock()
        storage[path] = result
        lock.unlock()
        return result
    }
}
