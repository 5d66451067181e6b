import FolioContent
import FolioCore
import FolioModel
import FolioValidate
import Foundation

/// Publishes `report/index.html`: every content finding grouped by document and article, each
/// linked to its place in the article and showing its raw source line, with counts by code.
///
/// Generators run before the final link check of the built site, so the page lists the content
/// findings (loading, rendering and content validation); the page says so.
public struct ValidationReportGenerator: SiteGenerator {
    public var name: String { "report" }

    public init() {}

    public func footerEntries(for site: SiteSnapshot) -> [NavigationEntry] {
        [NavigationEntry(title: "Validation report", path: "report/index.html", summary: "Citation, figure, structure and link findings")]
    }

    public func generate(_ site: SiteSnapshot, writer: PageWriter) throws -> [Diagnostic] {
        guard writer.templates.has("report") else {
            return [Diagnostic(code: "SITE010", severity: .warning, message: "template `report` is missing; the validation report was not published", location: SourceLocation(file: "\(site.config.templates)/report.mustache", line: 1), hint: "add Templates/report.mustache")]
        }
        let urlPath = "report/"
        let policy = DiagnosticPolicy(severity: site.config.validation.severity, ignore: site.config.validation.ignore)
        let findings = policy.evaluate(site.diagnostics).active
        let pagesByPath = Dictionary(site.pages.map { ($0.page.path, $0) }, uniquingKeysWith: { a, _ in a })
        var locators: [String: AnchorLocator] = [:]
        func locator(_ page: PublishedPage) -> AnchorLocator {
            if let cached = locators[page.page.path] { return cached }
            let made = AnchorLocator(page)
            locators[page.page.path] = made
            return made
        }

        func entry(_ d: Diagnostic) -> [String: Any] {
            var e: [String: Any] = [
                "code": d.code,
                "severity": d.severity.rawValue,
                "message": d.message,
                "hint": d.hint ?? "",
            ]
            if let loc = d.location {
                e["place"] = "\(loc.file):\(loc.line)"
                if let page = pagesByPath[loc.file] {
                    let anchor = locator(page).anchor(forFileLine: loc.line)
                    e["url"] = SiteURL.link(from: urlPath, to: page.urlPath, fragment: anchor)
                }
            }
            if let src = d.source { e["source"] = "\(src.file):\(src.line)" }
            return e
        }

        // Group by document, then by file.
        var documents: [(key: String, title: String, files: [(String, String, [Diagnostic])])] = []
        var byFile: [String: [Diagnostic]] = [:]
        for d in findings { byFile[d.location?.file ?? "(project)", default: []].append(d) }
        var seenFiles = Set<String>()
        for document in site.content.documents {
            var files: [(String, String, [Diagnostic])] = []
            for page in [document.index].compactMap({ $0 }) + document.articles {
                if let list = byFile[page.path] {
                    files.append((page.path, page.frontMatter.title, list))
                    seenFiles.insert(page.path)
                }
            }
            if !files.isEmpty { documents.append((document.slug, document.title, files)) }
        }
        let others = byFile.keys.filter { !seenFiles.contains($0) }.sorted().map { path in
            (path, pagesByPath[path]?.page.frontMatter.title ?? path, byFile[path] ?? [])
        }
        if !others.isEmpty { documents.append(("other", "Pages and project files", others)) }

        let groups: [[String: Any]] = documents.map { doc in
            [
                "title": doc.title,
                "id": "doc-\(Slug.make(doc.key))",
                "count": doc.files.reduce(0) { $0 + $1.2.count },
                "files": doc.files.map { file -> [String: Any] in
                    var f: [String: Any] = ["path": file.0, "title": file.1, "findings": file.2.map(entry)]
                    if let page = pagesByPath[file.0] { f["url"] = SiteURL.link(from: urlPath, to: page.urlPath) }
                    return f
                },
            ]
        }
        var counts: [String: Int] = [:]
        for d in findings { counts[d.code, default: 0] += 1 }
        let byCode: [[String: Any]] = counts.keys.sorted().map { code in
            let descriptor = CheckCatalog.descriptor(code)
            return ["code": code, "count": counts[code] ?? 0, "name": descriptor?.summary ?? "", "severity": findings.first { $0.code == code }?.severity.rawValue ?? ""]
        }
        // Routine repairs of the import, counted per document (from each index page), folded.
        let repairs: [[String: Any]] = site.content.documents.compactMap { document in
            guard let counted = document.index?.frontMatter.repairs, !counted.isEmpty else { return nil }
            return [
                "title": document.title,
                "total": counted.values.reduce(0, +),
                "codes": counted.keys.sorted().map { code in
                    ["code": code, "count": counted[code] ?? 0, "name": CheckCatalog.descriptor(code)?.summary ?? ""] as [String: Any]
                },
            ]
        }
        let summary = DiagnosticSummary(findings)
        try writer.writePage(urlPath: urlPath, template: "report", context: [
            "repairs": repairs,
            "repairTotal": repairs.reduce(0) { $0 + ($1["total"] as? Int ?? 0) },
            "pageTitle": "Validation report",
            "title": "Validation report",
            "description": "Findings of Folio's citation, figure, structure and link checks.",
            "summaryLine": DiagnosticFormatter.summaryLine(summary),
            "errors": summary.errors,
            "warnings": summary.warnings,
            "infos": summary.infos,
            "clean": findings.isEmpty,
            "byCode": byCode,
            "documents": groups,
            "breadcrumbs": [["title": "Home", "url": SiteURL.root(from: urlPath) + "index.html"], ["title": "Validation report"]],
        ])
        return []
    }
}
