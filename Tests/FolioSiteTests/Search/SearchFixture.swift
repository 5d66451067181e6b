import FolioCore
import FolioSite
import Foundation

/// Builds throwaway projects for end-to-end tests: the repository's templates, and content either
/// from a fixture folder or cut from the raw reports in `Content/sources/`.
enum SearchFixture {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A new directory `folio-<name>-<uuid>` in the temporary directory. Directories of the same
    /// name left by runs more than an hour old are removed first (tests that share a built site
    /// have no hook to remove it when the run ends).
    static func temporaryDirectory(_ name: String) throws -> URL {
        let fm = FileManager.default
        let temporary = fm.temporaryDirectory
        let stale = Date().addingTimeInterval(-3600)
        for entry in (try? fm.contentsOfDirectory(at: temporary, includingPropertiesForKeys: [.contentModificationDateKey])) ?? []
        where entry.lastPathComponent.hasPrefix("folio-\(name)-") {
            if let modified = try? entry.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate, modified < stale {
                try? fm.removeItem(at: entry)
            }
        }
        let url = temporary.appendingPathComponent("folio-\(name)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `folio.yml` for a fixture of raw corpus text: its conversion defects (unconverted footnote
    /// markers, figures without captions…) are the validator's business, not the search's, so
    /// their findings are ignored and the site is always published.
    static func config(title: String) -> String {
        "title: \"\(title)\"\nvalidation:\n  ignore: [\"Content/**\", \"Site/**\"]\n"
    }

    /// A project whose `Content/` is a copy of `Tests/FolioSiteTests/Fixtures/<fixture>/Content`.
    static func project(fixture: String) throws -> URL {
        let root = try temporaryDirectory(fixture)
        let fm = FileManager.default
        try fm.copyItem(at: repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        try fm.copyItem(at: repository.appendingPathComponent("Tests/FolioSiteTests/Fixtures/\(fixture)/Content"), to: root.appendingPathComponent("Content"))
        try config(title: "Search fixture").write(to: root.appendingPathComponent("folio.yml"), atomically: true, encoding: .utf8)
        return root
    }

    /// A project with every report of `Content/sources/` cut into articles at its level-1
    /// headings: all of the corpus text, without depending on the importer.
    static func corpusProject() throws -> URL {
        let root = try temporaryDirectory("corpus")
        let fm = FileManager.default
        try fm.copyItem(at: repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        try config(title: "Corpus").write(to: root.appendingPathComponent("folio.yml"), atomically: true, encoding: .utf8)
        let sources = repository.appendingPathComponent("Content/sources")
        for name in try fm.contentsOfDirectory(atPath: sources.path).sorted() where name.hasSuffix(".txt") {
            let document = String(name.split(separator: "-").prefix(2).joined(separator: "-"))
            let folder = root.appendingPathComponent("Content/articles/\(document)", isDirectory: true)
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            let lines = try String(contentsOf: sources.appendingPathComponent(name), encoding: .utf8).components(separatedBy: "\n")
            var chunks: [(start: Int, lines: [String])] = []
            var current: [String] = []
            var start = 1
            for (i, line) in lines.enumerated() {
                if line.hasPrefix("# ") && current.count > 40 {
                    chunks.append((start, current))
                    current = []
                    start = i + 1
                }
                current.append(line)
            }
            chunks.append((start, current))
            for (n, chunk) in chunks.enumerated() {
                let heading = chunk.lines.first { $0.hasPrefix("#") && $0.count > 4 } ?? "Part \(n + 1)"
                let title = String(heading.filter { !"#*<>/\"\\".contains($0) }.trimmingCharacters(in: .whitespaces).prefix(90))
                let body = chunk.lines.joined(separator: "\n")
                    .replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                    .replacingOccurrences(of: "!\\[[^\\]]*\\]\\([^)]*\\)", with: "", options: .regularExpression)
                    .replacingOccurrences(of: "\\[\\^?([^\\]]*)\\]\\([^)]*\\)", with: "$1", options: .regularExpression)
                    .replacingOccurrences(of: "\\[\\^[^\\]]*\\]", with: "", options: .regularExpression)
                let text = "---\ntitle: \"\(title.isEmpty ? "Part \(n + 1)" : title)\"\ndocument: \(document)\norder: \(n + 1)\n---\n\n\(body)\n"
                try text.write(to: folder.appendingPathComponent(String(format: "%02d-part-%d.md", n + 1, n + 1)), atomically: true, encoding: .utf8)
            }
        }
        return root
    }

    /// Builds `project` into `project/Site`.
    static func build(_ project: URL) throws -> (site: URL, result: SiteBuilder.Result) {
        let (config, _) = try FolioConfig.load(from: project.appendingPathComponent("folio.yml").path)
        let result = try SiteBuilder().build(.init(projectRoot: project, config: config))
        return (project.appendingPathComponent("Site"), result)
    }

    /// Sum of the sizes of the files below `directory` whose names end with `suffix`.
    static func bytes(in directory: URL, suffix: String) -> Int {
        var total = 0
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.fileSizeKey])
        while let url = enumerator?.nextObject() as? URL {
            if url.lastPathComponent.hasSuffix(suffix) {
                total += (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
            }
        }
        return total
    }
}

/// Headless Chromium, to run the search page as a browser does, from `file://`.
enum Chromium {
    static let executable: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static var isAvailable: Bool { executable != nil }

    /// The DOM of `url` after its scripts ran (virtual time, so no waiting on the wall clock).
    /// Chromium is killed if it has not finished within `limit` seconds.
    static func dumpDOM(_ url: String, extraArguments: [String] = [], virtualTimeBudget: Int = 10000, limit: TimeInterval = 90) throws -> String {
        guard let executable else { throw ChromiumError.missing }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("folio-chromium-\(UUID().uuidString)")
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(profile.path)", "--virtual-time-budget=\(virtualTimeBudget)",
        ] + extraArguments + ["--dump-dom", url]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let killer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: killer)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        killer.cancel()
        try? FileManager.default.removeItem(at: profile)
        return String(decoding: data, as: UTF8.self)
    }

    /// Opens each of `pages` (paths relative to `site`) in turn in a `width` × `height` frame of a
    /// harness page and runs `measure`, the body of a JavaScript function of `d` (the page's
    /// document), `w` (its window) and `page` (its path) that returns an array of results. The
    /// results of all pages, as a JSON array.
    static func measure(site: URL, pages: [String], width: Int, height: Int, measure: String, budget: Int = 60_000, limit: TimeInterval = 120) throws -> Data {
        let harness = site.appendingPathComponent("harness-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: harness) }
        let list = String(decoding: try JSONEncoder().encode(pages), as: UTF8.self)
        let html = """
            <!DOCTYPE html><html><head><title>harness</title><style>body{margin:0}iframe{border:0;display:block}</style></head><body>
            <iframe id="f" title="page" width="\(width)" height="\(height)"></iframe><pre id="out"></pre>
            <script>
            var pages = \(list), results = [], i = -1, frame = document.getElementById("f");
            function measure(d, w, page) {
            \(measure)
            }
            function next() {
              i += 1;
              if (i >= pages.length) { document.getElementById("out").textContent = JSON.stringify(results); return; }
              frame.src = pages[i];
            }
            frame.onload = function () {
              setTimeout(function () {
                results = results.concat(measure(frame.contentDocument, frame.contentWindow, pages[i]));
                next();
              }, 0);
            };
            next();
            </script></body></html>
            """
        try html.write(to: harness, atomically: true, encoding: .utf8)
        let dom = try dumpDOM(harness.absoluteString, extraArguments: [
            "--allow-file-access-from-files", "--window-size=\(width + 40),\(height + 100)", "--hide-scrollbars",
        ], virtualTimeBudget: budget, limit: limit)
        guard let start = dom.range(of: "<pre id=\"out\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else {
            throw ChromiumError.noResults(String(dom.prefix(300)))
        }
        let json = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        return Data(json.utf8)
    }

    enum ChromiumError: Error { case missing, noResults(String) }
}

/// What the search page shows, read from its DOM.
struct SearchPageDOM {
    var state: String?
    var status: String
    /// Result links in rank order (the main link of each result).
    var results: [String]
    /// Snippet HTML of each result.
    var snippets: [String]
    /// Index scripts the page loaded (relative to `search/`).
    var loadedScripts: [String]

    init(_ html: String) {
        func all(_ pattern: String) -> [String] {
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
            let ns = html as NSString
            return regex.matches(in: html, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
        }
        state = all(#"id="search-app"[^>]*data-state="([a-z]+)""#).first
        status = all(#"id="search-status"[^>]*>(.*?)</p>"#).first ?? ""
        results = all(#"<a class="search-result__link" href="([^"]*)""#)
        snippets = all(#"<p class="search-result__snippet">(.*?)</p>"#)
        loadedScripts = all(#"<script src="(index/[^"]*)""#)
    }
}
