import FolioContent
import FolioCore

/// One offline bundle the site offers for download: where it lives and how it is labelled.
public struct Download: Sendable, Equatable {
    /// The bundle format.
    public var format: BundleConfig.Format
    /// Site-relative path, e.g. `downloads/cmia-2021.epub`.
    public var path: String
    /// Link text, e.g. `EPUB e-book`.
    public var title: String
    /// The document the bundle holds, or `nil` for a bundle of the whole site or corpus.
    public var documentSlug: String?

    public init(format: BundleConfig.Format, path: String, title: String, documentSlug: String?) {
        self.format = format
        self.path = path
        self.title = title
        self.documentSlug = documentSlug
    }

    /// The file name inside the downloads directory.
    public var fileName: String { String(path.split(separator: "/").last ?? Substring(path)) }
}

/// Names the offline bundles of a site. `folio build` uses it to link to them and `folio bundle`
/// to write them, so the two always agree on file names.
public enum DownloadCatalog {
    /// The site-relative directory bundles are written into.
    public static let directory = "downloads"

    /// The base name of the site-wide bundles: the slug of the site title.
    public static func siteBaseName(config: FolioConfig, documentSlugs: [String]) -> String {
        let base = Slug.make(config.title)
        return documentSlugs.contains(base) ? base + "-all" : base
    }

    /// Every bundle of the given formats: the site zip, the corpus EPUB, then per document
    /// its EPUB and single-file HTML, in document order.
    public static func downloads(config: FolioConfig, documents: [DocumentContent], formats: [BundleConfig.Format]) -> [Download] {
        let slugs = documents.map(\.slug)
        let base = siteBaseName(config: config, documentSlugs: slugs)
        var list: [Download] = []
        if formats.contains(.zip) {
            list.append(Download(format: .zip, path: "\(directory)/\(base).zip", title: "Whole site for offline reading (zip)", documentSlug: nil))
        }
        if formats.contains(.epub) && !documents.isEmpty {
            list.append(Download(format: .epub, path: "\(directory)/\(base).epub", title: "All reports as one e-book (EPUB)", documentSlug: nil))
        }
        for slug in slugs {
            if formats.contains(.epub) {
                list.append(Download(format: .epub, path: "\(directory)/\(slug).epub", title: "E-book (EPUB)", documentSlug: slug))
            }
            if formats.contains(.html) {
                list.append(Download(format: .html, path: "\(directory)/\(slug).html", title: "Single HTML file, printable", documentSlug: slug))
            }
        }
        return list
    }

    /// The bundles the site links to, per `config.bundles` (none unless enabled).
    public static func linked(config: FolioConfig, documents: [DocumentContent]) -> [Download] {
        downloads(config: config, documents: documents, formats: config.bundles.linkedFormats)
    }
}
