import ArgumentParser

/// `folio serve`.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Not yet available.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw ValidationError("`folio serve` is not available yet")
    }
}
