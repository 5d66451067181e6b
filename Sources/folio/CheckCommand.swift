import ArgumentParser

/// `folio check`.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Not yet available.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw ValidationError("`folio check` is not available yet")
    }
}
