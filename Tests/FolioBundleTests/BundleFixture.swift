import FolioCore
import Foundation

/// A throw-away copy of `Fixtures/project` (excerpts of the Leiden 2023 report, lines 36–70 and
/// 331–345, and of the GIZ/CCID 2022 paper, lines 124–160) with the repository's `Templates/`.
struct BundleFixture {
    let root: URL

    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repositoryRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()

    init() throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("folio-bundle-test-\(UUID().uuidString)", isDirectory: true)
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        for name in ["folio.yml", "Content"] {
            try fm.copyItem(at: Self.testsDirectory.appendingPathComponent("Fixtures/project/\(name)"), to: root.appendingPathComponent(name))
        }
        try fm.copyItem(at: Self.repositoryRoot.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
    }

    func config() throws -> FolioConfig {
        try FolioConfig.load(from: root.appendingPathComponent("folio.yml").path).0
    }

    func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// Every regular file under `directory`, by relative path.
    func files(in directory: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = directory.standardizedFileURL.resolvingSymlinksInPath().path
        let enumerator = FileManager.default.enumerator(at: directory.resolvingSymlinksInPath(), includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            out[String(path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
        }
        return out
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// Runs a program and returns its exit status and combined output.
func runProcess(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Where `epubcheck` (Debian package `epubcheck`) and `java` are, if installed.
enum EPUBCheck {
    static func path(of program: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static var jar: String? {
        guard let script = path(of: "epubcheck") else { return nil }
        return URL(fileURLWithPath: script).resolvingSymlinksInPath().path
    }

    static var available: Bool { path(of: "java") != nil && jar != nil }
}
