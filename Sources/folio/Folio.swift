import ArgumentParser
import FolioCore
import Foundation

/// The `folio` command: parses arguments and hands each subcommand to its library.
@main
struct Folio: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Publish a corpus of reports as a validated, cross-linked website and offline bundles.",
        version: version,
        subcommands: [InitCommand.self, AddCommand.self, ImportCommand.self, EntitiesCommand.self, BuildCommand.self, CheckCommand.self, BundleCommand.self, ServeCommand.self, CompletionsCommand.self]
    )

    /// `folio help NAME…` for a command that does not exist: the unknown name, or nil.
    static func unknownHelpTopic(_ arguments: [String]) -> String? {
        guard arguments.first == "help" else { return nil }
        var command: any ParsableCommand.Type = Folio.self
        for name in arguments.dropFirst() where !name.hasPrefix("-") {
            guard let sub = command.configuration.subcommands.first(where: { $0.configuration.commandName == name }) else { return name }
            command = sub
        }
        return nil
    }

    /// Usage errors exit 2 (DESIGN.md), not swift-argument-parser's 64.
    static func main() async {
        if let topic = unknownHelpTopic(Array(CommandLine.arguments.dropFirst())) {
            let names = configuration.subcommands.compactMap { $0.configuration.commandName }.joined(separator: ", ")
            FileHandle.standardError.write(Data("error: no command `\(topic)`; the commands are \(names)\n".utf8))
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as FolioError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Foundation.exit(error.exitCode)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Flags every command shares.
struct GlobalOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print every diagnostic and each step's timing.")
    var verbose = false

    @Option(name: .customLong("root"), help: "Project root containing folio.yml and Content/ (default: the current directory).")
    var root: String?

    /// Stops with exit 2 when `--root` names no existing directory: nothing is ever created
    /// for a mistyped root.
    func requireRoot(_ reporter: Reporter) throws {
        guard let root else { return }
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: projectRoot.path, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw reporter.fatal(.configuration(file: root, line: nil, message: "the project root given with --root is not an existing directory", hint: "pass the directory that holds folio.yml and Content/"))
        }
    }

    /// The project root as a URL.
    var projectRoot: URL {
        URL(fileURLWithPath: root ?? FileManager.default.currentDirectoryPath, isDirectory: true).standardizedFileURL
    }
}
