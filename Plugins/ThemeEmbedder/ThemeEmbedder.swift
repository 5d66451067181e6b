import Foundation
import PackagePlugin

/// Turns the package's `Templates/` folder into a generated Swift source at build time, so the
/// `folio` binary carries Folio's own templates and assets and always matches `Templates/`.
///
/// SwiftPM runs this plugin whenever it plans a build: a template added, edited or removed
/// changes the command's inputs, and the embedded theme is regenerated.
@main
struct ThemeEmbedder: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "Templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTheme.swift")
        // Every file is an input, so an edit reruns the command. `Templates/` is also the source
        // folder of the `FolioTheme` target: SwiftPM replans (and reruns this plugin) when a file
        // is added to it or removed from it, so the list below never goes stale.
        var inputs: [URL] = []
        if let enumerator = FileManager.default.enumerator(at: templates, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                if url.lastPathComponent.hasPrefix(".") || url.pathExtension == "swift" { continue }
                inputs.append(url)
            }
        }
        inputs.sort { $0.path < $1.path }
        return [
            .buildCommand(
                displayName: "Embedding the theme folder into \(target.name)",
                executable: try context.tool(named: "folio-embed").url,
                arguments: [templates.path, output.path, "EmbeddedTheme"],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
