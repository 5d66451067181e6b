import Foundation
import PackagePlugin

/// Embeds Folio's field vocabularies — the files of `Content/data/` that are not about one
/// corpus (technologies, well-known organisations, places, goals, the base map) — into a generated Swift source, so
/// `folio init` gives every new project indexes that find what its reports name.
@main
struct VocabularyEmbedder: BuildToolPlugin {
    /// The embedded files, relative to `Content/data/`.
    static let files = ["technologies.yml", "organisations.yml", "cities.yml", "sdgs.yml", "basemap.json"]

    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let data = context.package.directoryURL.appending(path: "Content/data")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedVocabulary.swift")
        return [
            .buildCommand(
                displayName: "Embedding the field vocabularies into \(target.name)",
                executable: try context.tool(named: "folio-embed").url,
                arguments: [data.path, output.path, "EmbeddedVocabulary"] + Self.files,
                inputFiles: Self.files.map { data.appending(path: $0) },
                outputFiles: [output]
            )
        ]
    }
}
