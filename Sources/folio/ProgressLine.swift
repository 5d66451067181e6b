import Foundation

/// One line on a terminal that says which phase a long run has reached ("folio build: pages
/// done, 1.4 s"), rewritten in place and cleared at the end. It appears only on an interactive
/// terminal, only once the run has taken longer than a second, never with `--quiet`, and never in
/// CI (`CI` set) or when standard error is a file or a pipe, so logs stay clean.
final class ProgressLine: @unchecked Sendable {
    // Proof of Sendable: `shown` is only touched while holding `lock`; the rest is immutable.
    private let lock = NSLock()
    private var shown = false
    private let label: String
    private let enabled: Bool
    /// Seconds a run must last before the line appears.
    static let delay = 1.0

    init(label: String, quiet: Bool) {
        self.label = label
        enabled = !quiet && isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["CI"] == nil
    }

    /// Shows that `phase` finished after `elapsed` seconds.
    func update(_ phase: String, _ elapsed: Double) {
        guard enabled, elapsed >= Self.delay else { return }
        lock.lock()
        defer { lock.unlock() }
        shown = true
        FileHandle.standardError.write(Data("\r\u{1B}[K\(label): \(phase) done, \(String(format: "%.1f", elapsed)) s".utf8))
    }

    /// Removes the line, if it was shown.
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        guard shown else { return }
        shown = false
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
