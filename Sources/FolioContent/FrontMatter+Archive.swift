import FolioCore

// Decoded front matter as the build cache keeps it between builds: YAML is the slow part of
// loading a page, and most pages' front matter is the same from one build to the next.

extension FrontMatter: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(title)
        archive.write(document)
        archive.write(order)
        archive.write(company)
        archive.write(authors != nil)
        archive.write(authors ?? [])
        archive.write(source)
        for list in [companies, cities, technologies] {
            archive.write(list != nil)
            archive.write(list ?? [])
        }
        archive.write(sdgs != nil)
        archive.write(sdgs ?? [])
        for flag in [generated, draft] {
            archive.write(flag != nil)
            archive.write(flag ?? false)
        }
        for text in [hash, summary, subtitle, language, slug] { archive.write(text) }
        // In key order, so one front matter always archives to the same bytes.
        let repairs = (self.repairs ?? [:]).sorted { $0.key < $1.key }
        archive.write(self.repairs != nil)
        archive.write(repairs.map(\.key))
        archive.write(repairs.map(\.value))
    }

    public init(from archive: inout ArchiveReader) throws {
        self.init(title: try archive.readString())
        document = try archive.readOptionalString()
        order = try archive.readOptionalInt()
        company = try archive.readOptionalString()
        let hasAuthors = try archive.readBool()
        let authors: [Author] = try archive.readArray()
        self.authors = hasAuthors ? authors : nil
        source = try archive.readOptional()
        var lists: [[String]?] = []
        for _ in 0..<3 {
            let present = try archive.readBool()
            let list = try archive.readStrings()
            lists.append(present ? list : nil)
        }
        (companies, cities, technologies) = (lists[0], lists[1], lists[2])
        let hasGoals = try archive.readBool()
        let goals = try archive.readInts()
        sdgs = hasGoals ? goals : nil
        var flags: [Bool?] = []
        for _ in 0..<2 {
            let present = try archive.readBool()
            let flag = try archive.readBool()
            flags.append(present ? flag : nil)
        }
        (generated, draft) = (flags[0], flags[1])
        hash = try archive.readOptionalString()
        summary = try archive.readOptionalString()
        subtitle = try archive.readOptionalString()
        language = try archive.readOptionalString()
        slug = try archive.readOptionalString()
        let hasRepairs = try archive.readBool()
        let codes = try archive.readStrings(), counts = try archive.readInts()
        guard codes.count == counts.count else { throw ArchiveError.damaged }
        repairs = hasRepairs ? Dictionary(zip(codes, counts), uniquingKeysWith: { a, _ in a }) : nil
    }
}

extension Author: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(name)
        archive.write(role)
    }

    public init(from archive: inout ArchiveReader) throws {
        self.init(name: try archive.readString(), role: try archive.readOptionalString())
    }
}

extension SourceRange: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(file)
        archive.write(lines)
        archive.write(map)
        archive.write(page)
    }

    public init(from archive: inout ArchiveReader) throws {
        self.init(file: try archive.readString(), lines: try archive.readInts(), map: try archive.readOptionalString(), page: try archive.readOptionalString())
    }
}

/// Front matter decoded from one YAML text, with the findings of decoding it.
struct DecodedFrontMatter: BinaryArchivable {
    var frontMatter: FrontMatter
    var diagnostics: [Diagnostic]

    init(frontMatter: FrontMatter, diagnostics: [Diagnostic]) {
        self.frontMatter = frontMatter
        self.diagnostics = diagnostics
    }

    func archive(into archive: inout ArchiveWriter) {
        archive.write(frontMatter)
        archive.write(diagnostics)
    }

    init(from archive: inout ArchiveReader) throws {
        frontMatter = try archive.read()
        diagnostics = try archive.readArray()
    }
}
