import FolioCore
import Foundation
import Testing

/// Media type and size read from image headers, for `width`/`height` and bundle manifests.
@Suite struct ImageFileTests {
    @Test func pngGifAndWebPHeadersGiveTheirSize() {
        // PNG: signature, then the IHDR chunk (length, type, width, height).
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        png += [0, 0, 0x02, 0x80, 0, 0, 0x01, 0x68, 8, 6, 0, 0, 0]
        #expect(ImageFile.parse(Data(png)) == ImageFile(mediaType: "image/png", width: 640, height: 360))
        let gif: [UInt8] = Array("GIF89a".utf8) + [0x2C, 0x01, 0xC8, 0x00] + [0, 0, 0]
        #expect(ImageFile.parse(Data(gif)) == ImageFile(mediaType: "image/gif", width: 300, height: 200))
        // WebP extended: canvas width − 1 and height − 1 as 24-bit little-endian numbers.
        var webp: [UInt8] = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8X".utf8) + [10, 0, 0, 0, 0, 0, 0, 0]
        webp += [0x7F, 0x02, 0x00, 0x67, 0x01, 0x00]
        #expect(ImageFile.parse(Data(webp)) == ImageFile(mediaType: "image/webp", width: 640, height: 360))
    }

    @Test func jpegSizeComesFromItsFrameHeader() {
        // SOI, an APP0 segment to skip, then SOF0: length, precision, height, width.
        var jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array(repeating: 0, count: 14)
        jpeg += [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03] + Array(repeating: 0, count: 12)
        #expect(ImageFile.parse(Data(jpeg)) == ImageFile(mediaType: "image/jpeg", width: 640, height: 480))
    }

    @Test func svgSizeComesFromItsAttributesOrViewBox() {
        #expect(ImageFile.parse(Data(#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="320px" height="200">"#.utf8))
            == ImageFile(mediaType: "image/svg+xml", width: 320, height: 200))
        #expect(ImageFile.parse(Data(#"<svg viewBox="0 0 800 450" xmlns="http://www.w3.org/2000/svg"></svg>"#.utf8))
            == ImageFile(mediaType: "image/svg+xml", width: 800, height: 450))
        // Text that is no image, and an SVG without any size.
        #expect(ImageFile.parse(Data("Figure 1: not an image".utf8)) == nil)
        #expect(ImageFile.parse(Data(#"<svg xmlns="http://www.w3.org/2000/svg"></svg>"#.utf8)) == nil)
        #expect(ImageFile.parse(Data([0xFF, 0xD8, 0xFF])) == nil)
    }
}
