import FolioContent
import FolioCore
import FolioMarkdown
import FolioModel
import Foundation

/// Figures and tables: unresolved references, unnumbered and duplicate captions, numbering
/// gaps, deictic references with nothing to point at, missing image files, unreferenced figures.
enum FigureCheck {
    /// Captions of a page, in body order.
    static func captions(_ source: PageSource) -> [PageSource.Caption] { source.captions }

    static func page(_ source: PageSource, context: CheckContext) -> ([Diagnostic], Set<String>) {
        var found: [Diagnostic] = []
        var reported = Set<String>()
        let captions = captions(source)
        var numbered: [String: [Int: PageSource.Caption]] = [:]
        for caption in captions {
            let at = source.location(bodyLine: caption.bodyLine)
            // Unnumbered captions are judged per document (FIG002 in `document`).
            guard let number = caption.number else { continue }
            if let first = numbered[caption.kind]?[number] {
                found.append(CheckCatalog.make("FIG003", "\(caption.kind.capitalized) \(number) is captioned twice (first at line \(source.fileLine(first.bodyLine)))", at: at, hint: "renumber one of the two captions"))
            } else {
                numbered[caption.kind, default: [:]][number] = caption
            }
        }
        // References: links to caption anchors and plain mentions.
        var referenced: [String: Set<Int>] = [:]
        var reportedMentions = Set<String>()
        let mentionBlocks = source.rendered.textBlocks.filter { !source.plainCaptionLines.contains($0.line) }
        for block in mentionBlocks {
            for (kind, number) in TextPatterns.captionMentions(in: block.text) {
                referenced[kind, default: []].insert(number)
                if numbered[kind]?[number] == nil, reportedMentions.insert("\(kind)\(number)@\(block.line)").inserted {
                    // A link to the caption's anchor on this line is checked (and reported) as a link.
                    if source.rendered.links.contains(where: { $0.line == block.line && $0.destination == "#\(kind)-\(number)" }) { continue }
                    found.append(CheckCatalog.make("FIG001", "the text refers to \(kind.capitalized) \(number), but this article has no \(kind) with that number", at: source.location(fileLine: block.line), hint: "add or renumber the caption, or correct the reference"))
                }
            }
        }
        for link in source.rendered.links where link.destination.hasPrefix("#") {
            let id = String(link.destination.dropFirst())
            if let caption = captions.first(where: { $0.id == id }), let number = caption.number {
                referenced[caption.kind, default: []].insert(number)
            }
        }
        // FIG005: "the graph above" with no figure before it (or after it, for "below").
        let tables = source.rendered.tables.map(source.bodyLine)
        for block in mentionBlocks {
            for reference in TextPatterns.deicticReferences(in: block.text) {
                let line = source.bodyLine(block.line)
                let candidates = captions.filter { reference.kind == "table" ? $0.kind == "table" : $0.kind != "table" }.map(\.bodyLine)
                    + (reference.kind == "table" ? tables : imageLines(source))
                let window = 60
                let ok = candidates.contains { c in reference.above ? (c < line && line - c <= window) : (c > line && c - line <= window) }
                if !ok {
                    found.append(CheckCatalog.make("FIG005", "“\(reference.text)” refers to a \(reference.kind) \(reference.above ? "above" : "below"), but there is none nearby", at: source.location(fileLine: block.line), hint: "the \(reference.kind) was probably lost in conversion; add it with a caption, or reword the sentence"))
                }
            }
        }
        // FIG006: images whose files do not exist.
        for link in source.rendered.links where link.kind == .image {
            let url = link.destination
            guard let file = imageFile(url, of: source.page, projectRoot: context.projectRoot) else { continue }
            if !FileManager.default.fileExists(atPath: file) {
                reported.insert("\(source.page.path) \(url)")
                found.append(CheckCatalog.make("FIG006", "image `\(url)` does not exist", at: source.location(fileLine: link.line, column: link.column), hint: "add the image file next to the article or fix the path"))
            }
        }
        // FIG007: numbered captions never referenced, in an article that refers to at least half
        // of its numbered figures of that kind (one that refers to fewer does not refer by number).
        let numberedByKind = Dictionary(grouping: captions.filter { $0.number != nil }, by: \.kind)
        let stated = context.conventions(of: source.published)?.figuresReferenced
        let refersByNumber = numberedByKind.filter { kind, numbered in
            stated ?? (numbered.filter { referenced[kind]?.contains($0.number ?? 0) ?? false }.count * 2 >= numbered.count)
        }
        for caption in captions where refersByNumber[caption.kind] != nil {
            guard let number = caption.number, !(referenced[caption.kind]?.contains(number) ?? false) else { continue }
            found.append(CheckCatalog.make("FIG007", "\(caption.kind.capitalized) \(number) is never referenced in the text", at: source.location(bodyLine: caption.bodyLine), hint: "refer to it where the text discusses it, e.g. “(see \(caption.kind.capitalized) \(number))”"))
        }
        return (found, reported)
    }

    /// The file an image link of `source` names, when it is a file of the project (not an external
    /// URL or inline data).
    static func imageFile(_ url: String, of page: Page, projectRoot: URL) -> String? {
        guard !url.isEmpty, SiteLink.isInternal(url), !url.hasPrefix("data:") else { return nil }
        let path = url.split(separator: "#").first.map { String($0.split(separator: "?").first ?? $0) } ?? url
        let base = projectRoot.appendingPathComponent(page.path).deletingLastPathComponent()
        return base.appendingPathComponent(path.removingPercentEncoding ?? path).standardizedFileURL.path
    }

    /// FIG004: numbering gaps per kind, continuing across the articles of a document; a number
    /// at or below the previous one starts a new (per-article) sequence.
    /// - Parameter stated: the conventions the document's corpus entry states.
    static func document(_ articles: [PageSource], stated: DocumentConventions? = nil) -> [Diagnostic] {
        var found: [Diagnostic] = unnumberedCaptions(articles, stated: stated?.figuresNumbered)
        var previous: [String: Int] = [:]
        for article in articles {
            for caption in captions(article) {
                guard let n = caption.number else { continue }
                let last = previous[caption.kind] ?? 0
                if last > 0, n > last + 1 {
                    let missing = (last + 1)..<n
                    let list = missing.count == 1 ? "\(caption.kind) \(missing.lowerBound) is" : "\(caption.kind)s \(missing.lowerBound)–\(missing.upperBound - 1) are"
                    found.append(CheckCatalog.make("FIG004", "\(caption.kind.capitalized) \(n) follows \(caption.kind.capitalized) \(last): \(list) missing", at: article.location(bodyLine: caption.bodyLine), hint: "the missing caption was probably lost in conversion; restore or renumber it"))
                }
                if n > last || n == 1 { previous[caption.kind] = n }
            }
        }
        return found
    }

    /// Body lines holding an image.
    static func imageLines(_ source: PageSource) -> [Int] {
        source.rendered.links.filter { $0.kind == .image }.map { source.bodyLine($0.line) }
    }

    /// FIG002: a caption without a number where the text's convention is to number them. The
    /// convention is learnt per kind (figure, table, …): an article that numbers other captions
    /// of the kind numbers them all; an article with no numbered caption of the kind follows its
    /// document, which numbers them when at least two thirds of its captions of the kind carry a
    /// number. A report that never numbers its figures, or writes "(Figure)" once, gets no FIG002.
    /// A convention the corpus entry states (`figures_numbered`) wins over the learnt one.
    static func unnumberedCaptions(_ articles: [PageSource], stated: Bool? = nil) -> [Diagnostic] {
        if stated == false { return [] }
        var documentTotal: [String: Int] = [:]
        var documentNumbered: [String: Int] = [:]
        for article in articles {
            for caption in captions(article) {
                documentTotal[caption.kind, default: 0] += 1
                if caption.number != nil { documentNumbered[caption.kind, default: 0] += 1 }
            }
        }
        var found: [Diagnostic] = []
        for article in articles {
            let all = captions(article)
            let numberedKinds = Set(all.filter { $0.number != nil }.map(\.kind))
            for caption in all where caption.number == nil {
                let total = documentTotal[caption.kind] ?? 0
                let numbered = documentNumbered[caption.kind] ?? 0
                let convention: String
                if stated == true {
                    convention = "the corpus entry states that this document numbers its captions"
                } else if numberedKinds.contains(caption.kind) {
                    convention = "the other \(caption.kind) captions of this article are numbered"
                } else if numbered * 3 >= total * 2, numbered > 0 {
                    convention = "\(numbered) of the \(total) \(caption.kind) captions of this document are numbered"
                } else {
                    continue
                }
                found.append(CheckCatalog.make(
                    "FIG002", "\(caption.kind) caption has no number, but \(convention)", at: article.location(bodyLine: caption.bodyLine),
                    hint: "number the caption (e.g. “\(caption.kind.capitalized) 2”) so the text can refer to it; the number was probably lost in conversion"))
            }
        }
        return found
    }
}
