import FolioCore

// A rendered page and its facts as the build cache keeps them between builds.

extension RenderedPage: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(html)
        archive.write(headings)
        // Sorted, so one page always archives to the same bytes.
        archive.write(anchorIDs.sorted())
        archive.write(links)
        archive.write(footnoteDefinitions)
        archive.write(footnoteReferences)
        archive.write(captions)
        archive.write(rawAnchors)
        archive.write(textBlocks)
        archive.write(tables)
        archive.write(diagnostics)
    }

    public init(from archive: inout ArchiveReader) throws {
        self.init(
            html: try archive.readString(),
            headings: try archive.readArray(),
            anchorIDs: Set(try archive.readStrings()),
            links: try archive.readArray(),
            footnoteDefinitions: try archive.readArray(),
            footnoteReferences: try archive.readArray(),
            captions: try archive.readArray(),
            rawAnchors: try archive.readArray(),
            textBlocks: try archive.readArray(),
            tables: try archive.readInts(),
            diagnostics: try archive.readArray()
        )
    }
}

extension RenderedHeading: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(level)
        archive.write(text)
        archive.write(id)
        archive.write(line)
    }

    public init(from archive: inout ArchiveReader) throws {
        self.init(level: try archive.readInt(), text: try archive.readString(), id: try archive.readString(), line: try archive.readInt())
    }
}

extension RenderedLink: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(kind.rawValue)
        archive.write(destination)
        archive.write(text)
        archive.write(line)
        archive.write(column)
    }

    public init(from archive: inout ArchiveReader) throws {
        self.init(kind: try archive.readRaw(), destination: try archive.readString(), text: try archive.readString(), line: try archive.readInt(), column: try archive.readOptionalInt())
    }
}

extension FootnoteDefinition: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(label)
        archive.write(text)
        archive.write(lines.lowerBound)
        archive.write(lines.upperBound)
    }

    public init(from archive: inout ArchiveReader) throws {
        let label = try archive.readString(), text = try archive.readString()
        let first = try archive.readInt(), last = try archive.readInt()
        guard first <= last else { throw ArchiveError.damaged }
        self.init(label: label, text: text, lines: first...last)
    }
}

extension FootnoteReference: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(label)
        archive.write(line)
        archive.write(column)
        archive.write(defined)
    }

    public init(from archive: inout ArchiveReader) throws {
        self.init(label: try archive.readString(), line: try archive.readInt(), column: try archive.readInt(), defined: try archive.readBool())
    }
}

extension MarkedCaption: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(label)
        archive.write(id)
        archive.write(table)
        archive.write(line)
    }

    public init(from archive: inout ArchiveReader) throws {
        self.init(label: try archive.readString(), id: try archive.readOptionalString(), table: try archive.readBool(), line: try archive.readInt())
    }
}

extension RawAnchor: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(id)
        archive.write(line)
    }

    public init(from archive: inout ArchiveReader) throws {
        self.init(id: try archive.readString(), line: try archive.readInt())
    }
}

extension TextBlock: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(text)
        archive.write(headingID)
        archive.write(line)
    }

    public init(from archive: inout ArchiveReader) throws {
        self.init(text: try archive.readString(), headingID: try archive.readOptionalString(), line: try archive.readInt())
    }
}
