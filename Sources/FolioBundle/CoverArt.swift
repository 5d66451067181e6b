/// Generates a book cover as SVG: the title (wrapped), subtitle, publisher and date on a
/// colour field picked from the book's identifier, so every book looks different but stable.
enum CoverArt {
    static let palette = ["#1d3557", "#264653", "#3d405b", "#2b4162", "#5f0f40", "#0b3954", "#344e41", "#3c1642"]

    static func svg(title: String, subtitle: String?, publisher: String, date: String, seed: String) -> String {
        let hash = seed.utf8.reduce(UInt32(2166136261)) { ($0 ^ UInt32($1)) &* 16777619 }
        let background = palette[Int(hash % UInt32(palette.count))]
        func esc(_ s: String) -> String { HTMLRewriter.escapeAttribute(s) }
        var text = ""
        var y = 420
        // Long titles get a smaller size rather than being cut.
        let sizes = [(width: 20, size: 84, lines: 5), (width: 26, size: 66, lines: 8), (width: 32, size: 54, lines: 10)]
        var fit = sizes[sizes.count - 1]
        var lines = wrap(title, width: fit.width)
        for candidate in sizes {
            let wrapped = wrap(title, width: candidate.width)
            if wrapped.count <= candidate.lines {
                fit = candidate
                lines = wrapped
                break
            }
        }
        if lines.count > fit.lines {
            lines = Array(lines.prefix(fit.lines))
            lines[fit.lines - 1] += "…"
        }
        for line in lines {
            text += "<text x=\"600\" y=\"\(y)\" font-size=\"\(fit.size)\" font-weight=\"bold\">\(esc(line))</text>\n"
            y += fit.size * 5 / 4
        }
        if let subtitle, !subtitle.isEmpty {
            y += 40
            for line in wrap(subtitle, width: 34).prefix(4) {
                text += "<text x=\"600\" y=\"\(y)\" font-size=\"50\" font-style=\"italic\">\(esc(line))</text>\n"
                y += 66
            }
        }
        var bottom = 1560
        for line in wrap(publisher, width: 40).prefix(3).reversed() {
            text += "<text x=\"600\" y=\"\(bottom)\" font-size=\"44\">\(esc(line))</text>\n"
            bottom -= 58
        }
        text += "<text x=\"600\" y=\"1640\" font-size=\"44\">\(esc(date))</text>\n"
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="1200" height="1800" viewBox="0 0 1200 1800">
        <rect width="1200" height="1800" fill="\(background)"/>
        <rect x="60" y="60" width="1080" height="1680" fill="none" stroke="#f1faee" stroke-width="6"/>
        <line x1="240" y1="300" x2="960" y2="300" stroke="#e9c46a" stroke-width="8"/>
        <g fill="#f1faee" font-family="Georgia, 'Times New Roman', serif" text-anchor="middle">
        \(text)</g>
        </svg>

        """
    }

    /// Splits `text` into lines of at most `width` characters at spaces (longer words stand alone).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
