import ArgumentParser
import Foundation

/// `folio completions bash|zsh|fish`: the shell completion script, from the argument parser.
struct CompletionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completions",
        abstract: "Print the shell completion script for bash, zsh or fish.",
        discussion: """
        bash: folio completions bash > /etc/bash_completion.d/folio (or source it from ~/.bashrc)
        zsh:  folio completions zsh > "${fpath[1]}/_folio"
        fish: folio completions fish > ~/.config/fish/completions/folio.fish
        """
    )

    enum Shell: String, ExpressibleByArgument, CaseIterable {
        case bash, zsh, fish
    }

    @Argument(help: "The shell: bash, zsh or fish.")
    var shell: Shell

    func run() throws {
        let kind: CompletionShell = switch shell {
        case .bash: .bash
        case .zsh: .zsh
        case .fish: .fish
        }
        FileHandle.standardOutput.write(Data(Folio.completionScript(for: kind).utf8))
    }
}
