import FolioCore

// Decoded front matter as the build cache keeps it between builds: YAML is the slow part of
// loading a page, and most pages' front matter is the same from one build to the next.

extension FrontMatter: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(title)
        archive.write(document)
        archive.write(order)
        archive.write(company)
        archive.write(authors)
        archive.write(source)
        archive.write(companies)
        archive.write(cities)
        archive.write(technologies)
        archive.write(sdgs)
        archive.write(generated)
        archive.write(draft)
        for text in [hash, summary, subtitle, language, slug] { archive.write(text) }
        // In key order, so one front matter always archives to the same bytes.
        let repairs = self.repairs?.sorted { $0.key < $1.key }
        archive.write(repairs?.map(\.key))
        archive.write(repairs?.map(\.value))
    }

    public init(from archive: inout ArchiveReader) throws {
        self.init(title: try archive.readString())
        document = try archive.readOptionalString()
        order = try archive.readOptionalInt()
        company = try archive.readOptionalString()
        authors = try archive.readOptionalArray()
        source = try archive.readOptional()
        companies = try archive.readOptionalStrings()
        cities = try archive.readOptionalStrings()
        technologies = try archive.readOptionalStrings()
        sdgs = try archive.readOptionalInts()
        generated = try archive.readOptionalBool()
        draft = try archive.readOptionalBool()
        hash = try archive.readOptionalString()
        summary = try archive.readOptionalString()
        subtitle = try archive.readOptionalString()
        language = try archive.readOptionalString()
        slug = try archive.readOptionalString()
        let codes = try archive.readOptionalStrings(), counts = try archive.readOptionalInts()
        guard codes?.count == counts?.count else { throw ArchiveError.damaged }
        repairs = codes.map { Dictionary(zip($0, counts ?? []), uniquingKeysWith: { a, _ in a }) }
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
