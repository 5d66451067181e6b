import FolioMarkdown
import FolioCore
import FolioContent
import Foundation

/// Finds URLs in text and tells whether they are well-formed.
enum URLText {
    /// A problem with a URL, as message and hint.
    struct Problem: Sendable, Equatable {
        var message: String
        var hint: String
    }

    /// `http(s)://…` and `www.…` tokens in `text`, without trailing punctuation or Markdown brackets.
    static func urls(in text: String) -> [String] {
        tokens(in: text).map(\.url)
    }

    /// URL tokens with the token that follows them (for space-broken URLs).
    static func tokens(in text: String) -> [(url: String, next: String?)] {
        guard text.has("http") || text.has("www.") else { return [] }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        var result: [(String, String?)] = []
        for (i, part) in parts.enumerated() {
            guard let start = part.utf8Range(of: "http") ?? part.utf8Range(of: "www.") else { continue }
            var url = String(part[start.lowerBound...])
            // Inside Markdown: [text](url) or <url>.
            if let paren = url.utf8Range(of: "](") { url = String(url[paren.upperBound...]) }
            url = trimTrailing(url)
            guard url.count > 4 else { continue }
            let next = i + 1 < parts.count ? String(parts[i + 1]) : nil
            result.append((url, next))
        }
        return result
    }

    static func trimTrailing(_ url: String) -> String {
        var u = Substring(url)
        while let last = u.last, ".,;:!?)>]\"'”’*".contains(last) {
            // Keep a closing parenthesis that balances one in the URL.
            if last == ")" && u.filter({ $0 == "(" }).count >= u.filter({ $0 == ")" }).count { break }
            u = u.dropLast()
        }
        if u.hasPrefix("<") { u = u.dropFirst() }
        return String(u)
    }

    /// What is wrong with the URLs written in `text` (a paragraph or a footnote definition).
    static func problems(in text: String) -> [Problem] {
        var found: [Problem] = []
        for (url, next) in tokens(in: text) {
            if let problem = malformed(url) {
                found.append(problem)
            } else if let next, looksLikeContinuation(url: url, next: next) {
                found.append(Problem(message: "URL `\(url)` is broken by a space before `\(trimTrailing(next))`", hint: "join the two parts into one URL"))
            }
        }
        return found
    }

    /// Whether `next`, the word after `url`, is the rest of the URL split off by a space.
    static func looksLikeContinuation(url: String, next raw: String) -> Bool {
        let next = trimTrailing(raw)
        guard next.count >= 2, !next.hasPrefix("http"), !next.hasPrefix("www."), !next.hasPrefix("("), !next.hasPrefix("[") else { return false }
        if next.hasPrefix("/") && next.count > 1 { return true }
        let lower = next.lowercased()
        let extensions = [".html", ".htm", ".pdf", ".php", ".asp", ".aspx", ".shtml", ".jsp"]
        if extensions.contains(where: { lower.hasSuffix($0) }) && !lower.has(" ") { return true }
        if let last = url.last, "-_/=.?&".contains(last), next.has("/") || next.has("=") || next.has(".") || next.allSatisfy({ $0.isNumber }) { return true }
        if next.has("/") && (next.has("_") || next.has("=") || next.has("?")) && next.first?.isLowercase == true { return true }
        return false
    }

    /// Why `url` is malformed, or `nil` when it is a well-formed http(s) URL.
    static func malformed(_ url: String) -> Problem? {
        let lower = url.lowercased()
        for typo in ["http//", "https//", "http:/", "https:/", "htp://", "htps://", "http:://", "https:://", "hhttp", "ttps://"] where lower.hasPrefix(typo) && !(typo.hasSuffix(":/") && (lower.hasPrefix("http://") || lower.hasPrefix("https://"))) {
            return Problem(message: "URL `\(url)` has a misspelt scheme", hint: "write it as https://…")
        }
        if lower.hasPrefix("www.") { return nil }
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        let rest = lower.dropFirst(lower.hasPrefix("https") ? 8 : 7)
        if rest.hasPrefix("http:") || rest.hasPrefix("https:") || rest.hasPrefix("http//") || rest.hasPrefix("https//") {
            return Problem(message: "URL `\(url)` repeats its scheme", hint: "remove the doubled http(s)://")
        }
        if url.has(" ") || url.has("\\") {
            return Problem(message: "URL `\(url)` contains a space or backslash", hint: "remove the space or escape; a URL has none")
        }
        let hostPart = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = hostPart.split(separator: "@").last.map { $0.split(separator: ":").first.map(String.init) ?? "" } ?? ""
        if host.isEmpty {
            return Problem(message: "URL `\(url)` has no host", hint: "complete the URL")
        }
        if !host.has(".") && host != "localhost" {
            return Problem(message: "URL `\(url)` has a host without a domain (`\(host)`)", hint: "complete the host name")
        }
        if host.hasPrefix(".") || host.hasSuffix(".") && host.dropLast().last == "." || host.has("..") {
            return Problem(message: "URL `\(url)` has an invalid host `\(host)`", hint: "fix the host name")
        }
        if !host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }) {
            return Problem(message: "URL `\(url)` has an invalid host `\(host)`", hint: "fix the host name")
        }
        if URLComponents(string: url) == nil && URLComponents(string: url.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed.union(CharacterSet(charactersIn: "#%"))) ?? "") == nil {
            return Problem(message: "URL `\(url)` cannot be parsed", hint: "check the characters of the URL")
        }
        return nil
    }
}
