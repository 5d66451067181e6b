import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A build whose output disk fills up: a 64 KiB tmpfs holds the output folder, so the staged
/// site cannot be written. Runs where the tests may mount (root on Linux); elsewhere the
/// condition cannot be made and the test is disabled.
@Suite(.serialized) struct DiskFullTests {
    /// Whether a tmpfs can be mounted here: tried once on a scratch folder.
    static let canMount: Bool = {
        guard getuid() == 0 else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("folio-mount-probe-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: probe) }
        guard (try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)) != nil,
              mount(probe.path, size: "16k") else { return false }
        unmount(probe.path)
        return true
    }()

    @discardableResult
    static func mount(_ path: String, size: String) -> Bool {
        (try? Self.command("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", path])) == 0
    }

    static func unmount(_ path: String) {
        _ = try? Self.command("/bin/umount", [path])
    }

    static func command(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(.enabled(if: canMount, "needs root and tmpfs"))
    func aFullDiskFailsTheBuildWithExit3NamesTheFileAndKeepsThePreviousOutput() throws {
        let project = try BadInputTests.project()
        let disk = project.folder.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        #expect(Self.mount(disk.path, size: "64k"))
        defer {
            Self.unmount(disk.path)
            BadInputTests.removeProject(project)
        }
        let output = disk.appendingPathComponent("Site")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("the previous site\n".utf8).write(to: output.appendingPathComponent("index.html"))

        let result = try BadInputTests.run(["build", "--output", output.path, "--root", project.root.path], in: project.root, asOtherUser: false, seconds: 60)

        #expect(!result.timedOut && !result.signalled)
        #expect(result.status == 3, "exit \(result.status)\n\(result.stderr)")
        #expect(result.stderr.contains("\(output.path)/"), "no output file named:\n\(result.stderr)")
        #expect(result.stderr.contains("No space left on device"), "\(result.stderr)")
        #expect(result.stderr.contains("the previous output is unchanged"), "\(result.stderr)")
        // The previous output byte for byte, and no staging folder left on the full disk.
        #expect(try BadInputTests.snapshot(output) == ["index.html": Data("the previous site\n".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path) == ["Site"])
    }
}
