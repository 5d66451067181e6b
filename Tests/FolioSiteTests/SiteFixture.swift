import Foundation

/// A copy of `Tests/FolioSiteTests/Fixtures/site` plus the repository's `Templates/`, in a temporary directory.
struct SiteFixture {
    let root: URL

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init() throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("folio-site-\(UUID().uuidString)", isDirectory: true)
        try fm.copyItem(at: Self.repository.appendingPathComponent("Tests/FolioSiteTests/Fixtures/site"), to: root)
        try fm.copyItem(at: Self.repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
    }

    var site: URL { root.appendingPathComponent("Site") }

    func write(_ text: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every regular file below `directory`, relative path → bytes.
    static func snapshot(_ directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = directory.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            files[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
