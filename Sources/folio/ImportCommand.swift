import ArgumentParser

/// `folio import`.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Not yet available.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw ValidationError("`folio import` is not available yet")
    }
}
