import Foundation
@testable import FolioImport

/// Helpers for fixtures cut from the raw sources.
enum Fixtures {
    /// The package root (this file is Tests/FolioImportTests/Fixtures.swift).
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Lines `first...last` of a source file under Content/sources, numbered as in the file.
    static func sourceLines(_ file: String, _ first: Int, _ last: Int) throws -> [SourceLine] {
        let text = try String(contentsOf: root.appendingPathComponent("Content/sources/\(file)"), encoding: .utf8)
        return Importer.lines(of: text).filter { (first...last).contains($0.number) }
    }

    /// Numbered lines from literal text, starting at `first`.
    static func lines(_ text: String, first: Int = 1) -> [SourceLine] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { SourceLine(String($0.element), number: first + $0.offset) }
    }

    /// One import of the real corpus, shared by the corpus-wide tests.
    static let corpus: Result<(files: [GeneratedFile], diagnostics: [FolioCore.Diagnostic], documents: [DocumentDraft], timings: [StepTiming]), any Error> = Result {
        try Importer().generate(projectRoot: root)
    }
}

import FolioCore
