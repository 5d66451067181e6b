import ArgumentParser
import FolioCore
import FolioImport
import FolioVocabulary
import Foundation

/// `folio init [DIR]`: a new project that builds at once.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new Folio project (folio.yml, Content/ with an example report, .gitignore) that builds at once."
    )

    @Argument(help: "Directory of the new project (created when missing; default: the current directory).")
    var directory: String?

    @Option(help: "Site title written to folio.yml.")
    var title: String = "My Reports"

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    func run() async throws {
        let cwd = FileManager.default.currentDirectoryPath
        let target = URL(fileURLWithPath: directory ?? ".", isDirectory: true, relativeTo: URL(fileURLWithPath: cwd, isDirectory: true)).standardizedFileURL
        let result: ProjectScaffold.Result
        do {
            result = try ProjectScaffold().create(at: target, title: title, vocabulary: BuiltinVocabulary.files)
        } catch let error as ImportError {
            throw error.folioError
        }
        if quiet { return }
        var text = "Created a Folio project in \(directory ?? "."):\n"
        for path in result.created { text += "  \(path)\n" }
        text += "  Content/articles/ (\(result.imported.written.count) files imported from the example)\n"
        text += "Templates: Folio's built-in theme (put a file in Templates/ to override its built-in twin).\n"
        text += "Next: \(directory.map { "cd \($0) && " } ?? "")folio build   # then open Site/index.html, or run `folio serve`\n"
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
