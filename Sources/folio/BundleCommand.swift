import ArgumentParser

/// `folio bundle`.
struct BundleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bundle", abstract: "Not yet available.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw ValidationError("`folio bundle` is not available yet")
    }
}
