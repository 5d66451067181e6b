import ArgumentParser

/// `folio build`.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Not yet available.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw ValidationError("`folio build` is not available yet")
    }
}
