import Foundation

// Writes a Swift source holding every file under a folder (base64), keyed by relative path.
// Usage: folio-embed-theme <Templates directory> <output .swift file>
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: folio-embed-theme TEMPLATES OUTPUT\n".utf8))
    exit(2)
}
let directory = URL(fileURLWithPath: arguments[1], isDirectory: true).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])
var files: [(String, Data)] = []
if let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) {
    for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
        let relative = String(url.standardizedFileURL.path.dropFirst(directory.path.count + 1))
        if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) || url.pathExtension == "swift" { continue }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            FileHandle.standardError.write(Data("folio-embed-theme: cannot read \(url.path)\n".utf8))
            exit(1)
        }
        files.append((relative, data))
    }
}
files.sort { $0.0 < $1.0 }
var source = "// Generated at build time from Templates/ by folio-embed-theme. Do not edit.\n\n"
source += "/// Folio's built-in theme: the files of `Templates/`.\npublic enum EmbeddedTheme {\n    /// Relative path under `Templates/` and base64 contents of every file.\n"
source += "    public static let files: [(path: String, base64: String)] = [\n"
for (path, data) in files {
    let escaped = path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    source += "        (\"\(escaped)\", \"\(data.base64EncodedString())\"),\n"
}
source += "    ]\n}\n"
let old = FileManager.default.contents(atPath: output.path)
if old != Data(source.utf8) {
    do {
        try Data(source.utf8).write(to: output, options: .atomic)
    } catch {
        FileHandle.standardError.write(Data("folio-embed-theme: cannot write \(output.path): \(error)\n".utf8))
        exit(1)
    }
}
