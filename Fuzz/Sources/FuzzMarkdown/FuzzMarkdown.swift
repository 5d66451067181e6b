import FolioCore
import FolioMarkdown

/// libFuzzer entry: Markdown bytes through the renderer and its HTML sanitiser. Besides crashes,
/// leaks and hangs, the output must never carry a script: no `<script>` (or other active
/// element), no `on…=` event attribute and no `javascript:` URL in any tag.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let markdown = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let page = MarkdownRenderer().render(markdown, origin: .init(file: "fuzz.md"))
    if let problem = ActiveContent.find(in: page.html) {
        fatalError("the sanitised HTML is active (\(problem)):\n\(page.html)")
    }
    return 0
}

/// A tag scanner that looks for what could run script in a browser.
enum ActiveContent {
    static let activeElements: Set<String> = ["script", "iframe", "object", "embed", "frame", "frameset", "applet", "base", "meta", "link", "style", "form"]

    /// Attributes whose value a browser loads or follows as a URL.
    static let urlAttributes: Set<String> = ["href", "src", "xlink:href", "action", "formaction", "data", "poster", "background", "cite", "srcset", "longdesc", "usemap", "manifest", "ping"]

    /// The first active construct in `html`, described, or `nil`.
    static func find(in html: String) -> String? {
        let bytes = Array(html.utf8)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "/") { index += 1 }
            let nameStart = index
            while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
            guard index > nameStart else { continue }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            if activeElements.contains(name) { return "element <\(name)>" }
            // Attributes up to the closing `>`, quotes respected.
            while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
                while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
                let attributeStart = index
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">") { index += 1 }
                let attribute = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
                if attribute.hasPrefix("on") { return "attribute \(attribute) on <\(name)>" }
                guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                    if index == attributeStart, index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
                    continue
                }
                index += 1
                var value: [UInt8] = []
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    index += 1
                    while index < bytes.count, bytes[index] != quote { value.append(bytes[index]); index += 1 }
                    index += 1
                } else {
                    while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { value.append(bytes[index]); index += 1 }
                }
                let url = decodeEntities(String(decoding: value, as: UTF8.self)).lowercased().filter { !$0.isWhitespace && !$0.isASCIIControl }
                if urlAttributes.contains(attribute), url.hasPrefix("javascript:") || url.hasPrefix("vbscript:") || url.hasPrefix("data:text/html") {
                    return "\(url.prefix(20))… in \(attribute) on <\(name)>"
                }
                if attribute == "style", url.contains("javascript:") || url.contains("expression(") {
                    return "script in the style of <\(name)>"
                }
            }
        }
        return nil
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }

    /// Numeric and the common named character references, as a browser reads an attribute.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            rest = rest[rest.index(after: amp)...]
            let end = rest.firstIndex(where: { !($0.isLetter || $0.isNumber || $0 == "#") }) ?? rest.endIndex
            let entity = rest[..<end]
            var scalar: Unicode.Scalar?
            if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if entity.hasPrefix("#") {
                scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
            } else {
                scalar = ["colon": ":", "tab": "\t", "newline": "\n", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"][entity.lowercased()]
            }
            if let scalar {
                result.unicodeScalars.append(scalar)
                rest = rest[end...]
                if rest.first == ";" { rest = rest.dropFirst() }
            } else {
                result += "&"
            }
        }
        return result + rest
    }
}

extension Character {
    var isASCIIControl: Bool { asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false }
}
