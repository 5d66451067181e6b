import ArgumentParser
import FolioCore
import FolioImport
import Foundation

/// `folio add FILE`: a new raw source into the corpus, detected, imported and summarised.
struct AddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a PDF-converted text to Content/sources, detect its metadata and structure, write its corpus.yml entry and import it."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The converted text (pdftotext output, converter Markdown, or paragraph-per-line Markdown).")
    var file: String

    @Option(help: "Slug of the document (default: from the file name).")
    var slug: String?

    @Option(help: "Title (default: detected from the first page).")
    var title: String?

    @Option(help: "Publisher (default: detected from the first page).")
    var publisher: String?

    @Option(help: "Publication date, YYYY, YYYY-MM or YYYY-MM-DD (default: detected).")
    var date: String?

    @Option(help: "BCP 47 language code (default: detected).")
    var language: String?

    func run() async throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let input = URL(fileURLWithPath: file, relativeTo: cwd).standardizedFileURL
        let summary: DocumentAdder.Summary
        do {
            summary = try DocumentAdder().add(
                file: input, projectRoot: global.projectRoot,
                overrides: .init(slug: slug, title: title, publisher: publisher, date: date, language: language))
        } catch let error as DocumentAdder.UsageError {
            throw FolioError.configuration(file: file, line: nil, message: error.message, hint: error.hint)
        } catch let error as ImportError {
            throw error.folioError
        }
        let color = isatty(2) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        if !summary.diagnostics.isEmpty && !global.quiet {
            FileHandle.standardError.write(Data(DiagnosticFormatter.text(global.verbose ? summary.diagnostics : summary.diagnostics.filter { $0.severity == .error } + summary.diagnostics.filter { $0.severity == .warning }.prefix(20), color: color).utf8))
        }
        if !global.quiet {
            FileHandle.standardOutput.write(Data(Self.report(summary).utf8))
        }
        if summary.errors > 0 { throw ExitCode(1) }
    }

    static func report(_ s: DocumentAdder.Summary) -> String {
        var out = "Added \(s.source) as `\(s.slug)` (\(s.flavour.rawValue)).\n"
        out += "Entry written to Content/corpus.yml (lines marked `# detected: review` are guesses):\n\(s.entry)"
        out += "Articles: \(s.articles.count)\n"
        for (n, title) in s.articles.enumerated() { out += "  \(n + 1). \(title)\n" }
        out += "Contents entries: \(s.contentsEntries)"
        out += s.contentsEntries > 0 ? " (\(s.contentsEntries - s.contentsUnmatched) matched, \(s.contentsUnmatched) unmatched)\n" : "\n"
        out += "Notes: \(s.notes); citations linked: \(s.citations); references: \(s.references)\n"
        out += "Figures: \(s.figures); tables: \(s.tables)\n"
        out += "Findings: \(s.errors) error\(s.errors == 1 ? "" : "s"), \(s.warnings) warning\(s.warnings == 1 ? "" : "s")\n"
        out += s.errors > 0 ? "Next: fix the errors above (or add `import:` overrides to the entry), then run `folio import`.\n" : "Next: review the entry in Content/corpus.yml, then run `folio build`.\n"
        return out
    }
}
