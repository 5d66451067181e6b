import Foundation

// Writes a Swift source holding files of a folder (base64), keyed by relative path, as the
// public enum ENUM: every file under the folder, or only the FILEs named (relative paths).
// Usage: folio-embed DIRECTORY OUTPUT ENUM [FILE...]
let arguments = CommandLine.arguments
guard arguments.count >= 4 else {
    FileHandle.standardError.write(Data("usage: folio-embed DIRECTORY OUTPUT ENUM [FILE...]\n".utf8))
    exit(2)
}
let directory = URL(fileURLWithPath: arguments[1], isDirectory: true).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])
let enumName = arguments[3]
let named = Array(arguments.dropFirst(4))
var files: [(String, Data)] = []
for relative in named {
    guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(relative).path) else {
        FileHandle.standardError.write(Data("folio-embed: cannot read \(directory.appendingPathComponent(relative).path)\n".utf8))
        exit(1)
    }
    files.append((relative, data))
}
if named.isEmpty, let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) {
    for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
        let relative = String(url.standardizedFileURL.path.dropFirst(directory.path.count + 1))
        if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) || url.pathExtension == "swift" { continue }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            FileHandle.standardError.write(Data("folio-embed: cannot read \(url.path)\n".utf8))
            exit(1)
        }
        files.append((relative, data))
    }
}
files.sort { $0.0 < $1.0 }
let folder = directory.lastPathComponent
var source = "// Generated at build time from \(folder)/ by folio-embed. Do not edit.\n\n"
source += "/// Files of `\(folder)/`, embedded in the binary.\npublic enum \(enumName) {\n    /// Relative path under `\(folder)/` and base64 contents of every file.\n"
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
        FileHandle.standardError.write(Data("folio-embed: cannot write \(output.path): \(error)\n".utf8))
        exit(1)
    }
}
