import Foundation

/// What Folio needs to know of an image file to place it in a page or a bundle: its media type
/// and its intrinsic size, read from the file's header (PNG, JPEG, GIF, WebP) or root element (SVG).
public struct ImageFile: Sendable, Equatable {
    /// The IANA media type, e.g. `image/png`.
    public var mediaType: String
    public var width: Int
    public var height: Int

    public init(mediaType: String, width: Int, height: Int) {
        self.mediaType = mediaType
        self.width = width
        self.height = height
    }

    /// Reads the file at `url`; nil when it is not an image of a supported format or its size
    /// cannot be found.
    public static func read(_ url: URL) -> ImageFile? {
        guard let data = try? Data(contentsOf: url, options: .mappedIfSafe) else { return nil }
        return parse(data)
    }

    /// The media type and size of image bytes; nil when unrecognised.
    public static func parse(_ data: Data) -> ImageFile? {
        let b = [UInt8](data.prefix(64 * 1024))
        func be16(_ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
        func be32(_ i: Int) -> Int { Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) }
        func le16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func le24(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 | Int(b[i + 2]) << 16 }
        if b.count >= 24, b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            return sized("image/png", be32(16), be32(20))
        }
        if b.count >= 10, b.starts(with: Array("GIF8".utf8)) {
            return sized("image/gif", le16(6), le16(8))
        }
        if b.count >= 30, b.starts(with: Array("RIFF".utf8)), Array(b[8..<12]) == Array("WEBP".utf8) {
            switch String(decoding: b[12..<16], as: UTF8.self) {
            case "VP8 ": return sized("image/webp", le16(26) & 0x3FFF, le16(28) & 0x3FFF)
            case "VP8L": return sized("image/webp", 1 + (Int(b[21]) | (Int(b[22]) & 0x3F) << 8), 1 + (Int(b[22]) >> 6 | Int(b[23]) << 2 | (Int(b[24]) & 0x0F) << 10))
            case "VP8X": return sized("image/webp", 1 + le24(24), 1 + le24(27))
            default: return nil
            }
        }
        if b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 {
            // JPEG: walk the segments to the first start-of-frame marker.
            var i = 2
            while i + 9 < b.count {
                guard b[i] == 0xFF else { return nil }
                let marker = b[i + 1]
                if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
                let length = be16(i + 2)
                if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                    return sized("image/jpeg", be16(i + 7), be16(i + 5))
                }
                i += 2 + length
            }
            return nil
        }
        return svg(String(decoding: b, as: UTF8.self))
    }

    private static func sized(_ type: String, _ width: Int, _ height: Int) -> ImageFile? {
        width > 0 && height > 0 ? ImageFile(mediaType: type, width: width, height: height) : nil
    }

    /// The size of an SVG: its `width` and `height` in pixels, else its `viewBox`.
    private static func svg(_ text: String) -> ImageFile? {
        guard let start = text.range(of: "<svg"), let end = text.range(of: ">", range: start.upperBound..<text.endIndex) else { return nil }
        let tag = String(text[start.upperBound..<end.lowerBound])
        func attribute(_ name: String) -> String? {
            guard let match = tag.firstMatch(of: try! Regex("(?:^|\\s)\(name)\\s*=\\s*[\"']([^\"']*)[\"']")) else { return nil }
            return match.output[1].substring.map(String.init)
        }
        func pixels(_ value: String?) -> Double? {
            guard var v = value?.trimmingCharacters(in: .whitespaces) else { return nil }
            if v.hasSuffix("px") { v.removeLast(2) }
            return Double(v)
        }
        if let w = pixels(attribute("width")), let h = pixels(attribute("height")) {
            return sized("image/svg+xml", Int(w.rounded()), Int(h.rounded()))
        }
        let box = (attribute("viewBox") ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
        guard box.count == 4 else { return nil }
        return sized("image/svg+xml", Int(box[2].rounded()), Int(box[3].rounded()))
    }
}
