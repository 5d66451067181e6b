import FolioContent
import FolioCore
import Foundation

/// Reads the byline under an article title: author names, their roles and the company, in the
/// corpus's many layouts (name then italic role lines, name and role on one line, company only,
/// hard breaks, bylines written as headings).
struct BylineParser: Sendable {
    var companies: CompanyResolver
    /// Comparison keys of section labels; a byline ends at the first one.
    var labels: Set<String> = []

    /// What a byline yielded and which line indices it consumed.
    struct Byline: Sendable, Equatable {
        var authors: [Author] = []
        var company: String?
        var consumed: [Int] = []
    }

    static let roleWords: Set<String> = [
        "president", "chairman", "chairwoman", "ceo", "cfo", "cto", "coo", "officer", "director", "vice",
        "member", "head", "executive", "chief", "svp", "evp", "vp", "founder", "partner", "manager",
        "representative", "deputy", "advisor", "adviser", "secretary", "board", "supervisory", "chair",
        "global", "senior", "corporate", "regional", "managing", "general",
    ]

    /// Parses the byline starting at line index `from`.
    func parse(_ lines: [SourceLine], from: Int, limit: Int) -> Byline {
        var result = Byline()
        var pendingName: String?
        var roles: [String] = []
        var i = from
        var seen = 0
        func flush() {
            if let name = pendingName {
                result.authors.append(Author(name: name, role: roles.isEmpty ? nil : roles.joined(separator: "; ")))
            }
            pendingName = nil
            roles = []
        }
        while i < limit && seen < 8 {
            let raw = lines[i].text
            if raw.isEmpty {
                i += 1
                continue
            }
            let text = TextNormalizer.stripMarkup(raw)
            if text.isEmpty || text.count > 160 || text.utf8.contains(9) || text.hasSuffix(":") || labels.contains(TextNormalizer.key(text)) { break }
            if let last = roles.last, last.hasSuffix(","), TextNormalizer.headingLevel(raw) == nil {
                roles[roles.count - 1] = last + " " + text
                if result.company == nil { result.company = companies.exact(text) ?? companies.mentioned(in: text) }
                result.consumed.append(i)
            } else if let company = companies.exact(text) {
                result.company = result.company ?? company
                result.consumed.append(i)
            } else if let split = roleSplit(text) {
                if let name = split.name {
                    flush()
                    pendingName = name
                }
                roles.append(split.role)
                if result.company == nil { result.company = companies.mentioned(in: split.role) }
                result.consumed.append(i)
            } else if isPersonName(text) {
                flush()
                pendingName = text
                result.consumed.append(i)
            } else {
                break
            }
            seen += 1
            i += 1
        }
        flush()
        return result
    }

    /// Splits `Kuok Khoon Hong Chairman and CEO of …` into a name and a role, or recognises a
    /// role-only line. Returns nil when the line holds no role word.
    func roleSplit(_ text: String) -> (name: String?, role: String)? {
        let words = text.split(separator: " ")
        guard let first = words.firstIndex(where: { Self.roleWords.contains($0.lowercased().trimmingCharacters(in: .punctuationCharacters)) }) else { return nil }
        var nameWords = Array(words[..<first])
        // A company spelled between name and role (`Nathan Stoner Cummins Vice President`).
        while let last = nameWords.last, companies.exact(String(last)) != nil, nameWords.count > 2 {
            nameWords.removeLast()
        }
        let role = String(text[words[first].startIndex...]).trimmingCharacters(in: .whitespaces)
        if nameWords.isEmpty { return (nil, text) }
        let name = nameWords.joined(separator: " ")
        if isPersonName(name) { return (name, role) }
        if companies.exact(name) != nil { return (nil, text) }
        // Words before the role that are not a name (`Global Executive …`): all role.
        return (nil, text)
    }

    /// Two to five capitalised words without digits or role words: `Dr. Chenhong Huang`, `SATO Yasuhiro`, `Y.K. Pang`.
    func isPersonName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (2...5).contains(words.count), text.count <= 40 else { return false }
        if companies.exact(text) != nil { return false }
        let stop: Set<String> = [
            "abstract", "introduction", "summary", "contents", "background", "preface", "foreword", "overview", "conclusion", "the", "of", "and", "for", "to", "in", "on", "with",
        ]
        for word in words {
            let w = word.trimmingCharacters(in: CharacterSet(charactersIn: ",;"))
            guard let first = w.first, first.isUppercase else { return false }
            if w.contains(where: { $0.isNumber }) { return false }
            if stop.contains(w.lowercased()) || Self.roleWords.contains(w.lowercased()) || companies.exact(w) != nil { return false }
            if !w.allSatisfy({ $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" }) { return false }
        }
        return true
    }
}
