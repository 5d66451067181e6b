import FolioCore
import Foundation
import Yams

/// An image an editor supplies for a figure the source lost, from the `figures:` list of
/// `Content/corrections.yml`: the figure is named by its document, article and printed label, and
/// the image file lives under `Content/` (usually `Content/media/`).
public struct FigureImage: Sendable, Equatable {
    /// Slug of the document.
    public var document: String
    /// Slug of the article (as in its front matter), e.g. `mufg`.
    public var article: String
    /// The figure's printed label, e.g. `Figure 1`.
    public var figure: String
    /// Path of the image relative to the content directory, e.g. `media/mufg-figure-1.png`.
    public var image: String
    /// The text alternative: what the image shows, for readers who cannot see it.
    public var alt: String
    /// Where the image comes from (e.g. "redrawn from the PDF, p. 37"), shown after the caption.
    public var credit: String?
    /// Line of the entry in `corrections.yml`, for diagnostics.
    public var entryLine: Int
    /// The image's media type and intrinsic size, read at import.
    public var file: ImageFile?

    public init(document: String, article: String, figure: String, image: String, alt: String, credit: String? = nil, entryLine: Int = 1, file: ImageFile? = nil) {
        self.document = document
        self.article = article
        self.figure = figure
        self.image = image
        self.alt = alt
        self.credit = credit
        self.entryLine = entryLine
        self.file = file
    }

    /// The key a caption label is matched by: case and spacing do not matter (`figure  1`).
    static func key(_ label: String) -> String {
        label.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Parses the `figures:` entries of a corrections file's root mapping.
    /// - Throws: ``ImportError/configuration(file:line:message:hint:)`` naming the entry at fault.
    static func parseList(_ node: Node?, file: String) throws -> [FigureImage] {
        var list: [FigureImage] = []
        for entry in node?.sequence ?? [] {
            let line = entry.mark?.line ?? 1
            let example = "e.g. {document: cmia-2024, article: mufg, figure: \"Figure 1\", image: media/mufg-figure-1.png, alt: \"Line chart of …\"}"
            guard let map = entry.mapping else {
                throw ImportError.configuration(file: file, line: line, message: "a figure image must be a mapping with document, article, figure, image and alt", hint: example)
            }
            func field(_ key: String) throws -> String {
                guard let value = map[key]?.string?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
                    throw ImportError.configuration(file: file, line: line, message: "figure image is missing `\(key)`", hint: example)
                }
                return value
            }
            let image = try field("image")
            if image.hasPrefix("/") || image.split(separator: "/").contains("..") || image.contains("://") {
                throw ImportError.configuration(file: file, line: line, message: "figure image `\(image)` must be a path inside the content directory", hint: "put the file in Content/media/ and write `image: media/NAME`")
            }
            list.append(FigureImage(
                document: try field("document"), article: try field("article"), figure: try field("figure"), image: image,
                alt: try field("alt"), credit: map["credit"]?.string, entryLine: line))
        }
        return list
    }

    /// The `<img>` of the figure, for an article file two folders below the content directory
    /// (`articles/<document>/<file>.md`), whose pages are two folders below the site root: the
    /// same relative path reaches `media/` in both.
    var imageTag: String {
        var img = "<img src=\"../../\(HTMLEscaping.escape(image))\" alt=\"\(HTMLEscaping.escape(alt))\""
        if let file { img += " width=\"\(file.width)\" height=\"\(file.height)\"" }
        return img + " loading=\"lazy\">"
    }
}
