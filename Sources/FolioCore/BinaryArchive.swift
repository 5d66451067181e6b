import Foundation

/// A value the build cache can keep between builds in a compact binary form: written field by
/// field in a fixed order by ``archive(into:)`` and read back, in the same order, by
/// ``init(from:)``. Reading a damaged or older archive throws; it never yields a wrong value.
public protocol BinaryArchivable {
    /// Appends the value's fields to `archive`.
    func archive(into archive: inout ArchiveWriter)
    /// Reads a value written by ``archive(into:)``.
    init(from archive: inout ArchiveReader) throws
}

/// Bytes of values written one after another: integers as variable-length numbers, strings as
/// their length and UTF-8 bytes. What ``ArchiveReader`` reads back.
public struct ArchiveWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func write(_ value: Int) {
        // Zigzag, so small negative numbers stay short too.
        var rest = UInt64(bitPattern: Int64(value << 1) ^ Int64(value >> 63))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    public mutating func write(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    public mutating func write(_ value: Double) {
        var bits = value.bitPattern.littleEndian
        withUnsafeBytes(of: &bits) { bytes.append(contentsOf: $0) }
    }

    public mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    public mutating func write(_ value: Int?) {
        write(value != nil)
        if let value { write(value) }
    }

    public mutating func write<Value: BinaryArchivable>(_ value: Value) {
        value.archive(into: &self)
    }

    public mutating func write<Value: BinaryArchivable>(_ value: Value?) {
        write(value != nil)
        if let value { value.archive(into: &self) }
    }

    public mutating func write<Value: BinaryArchivable>(_ values: [Value]) {
        write(values.count)
        for value in values { value.archive(into: &self) }
    }

    public mutating func write(_ values: [String]) {
        write(values.count)
        for value in values { write(value) }
    }

    public mutating func write(_ values: [Int]) {
        write(values.count)
        for value in values { write(value) }
    }

    public mutating func write(_ value: Bool?) {
        write(value != nil)
        if let value { write(value) }
    }

    public mutating func write(_ values: [String]?) {
        write(values != nil)
        if let values { write(values) }
    }

    public mutating func write(_ values: [Int]?) {
        write(values != nil)
        if let values { write(values) }
    }

    public mutating func write<Value: BinaryArchivable>(_ values: [Value]?) {
        write(values != nil)
        if let values { write(values) }
    }

    /// 32-bit numbers as one block of their bytes, with their count: large tables (a trie's
    /// arrays) are copied, not encoded number by number. In the machine's byte order, as the
    /// build cache that keeps them is the machine's own.
    public mutating func write(_ values: [Int32]) {
        write(values.count)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// Bytes as one block, with their count.
    public mutating func write(bytes values: [UInt8]) {
        write(values.count)
        bytes.append(contentsOf: values)
    }

    /// Raw bytes (a digest), with their count.
    public mutating func write(_ data: Data) {
        write(data.count)
        bytes.append(contentsOf: data)
    }

    /// The archive as data.
    public var data: Data { Data(bytes) }
}

/// Reads the values an ``ArchiveWriter`` wrote, in the same order.
public struct ArchiveReader {
    private let bytes: [UInt8]
    private var position = 0

    public init(_ data: Data) {
        bytes = [UInt8](data)
    }

    /// Reads `bytes` without copying them.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether every byte has been read: an archive with bytes left over is not the one expected.
    public var isAtEnd: Bool { position == bytes.count }

    public mutating func readInt() throws -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw ArchiveError.damaged }
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        let signed = Int64(bitPattern: result >> 1) ^ -Int64(bitPattern: result & 1)
        return Int(signed)
    }

    public mutating func readBool() throws -> Bool {
        guard position < bytes.count, bytes[position] <= 1 else { throw ArchiveError.damaged }
        position += 1
        return bytes[position - 1] == 1
    }

    public mutating func readDouble() throws -> Double {
        guard bytes.count - position >= 8 else { throw ArchiveError.damaged }
        var bits: UInt64 = 0
        for index in 0..<8 { bits |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
        position += 8
        return Double(bitPattern: bits)
    }

    public mutating func readString() throws -> String {
        let count = try readCount()
        let string = try bytes.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[position..<position + count])
            // Most strings are ASCII, which the decoder specialised for UTF-8 takes as it is (it
            // has nothing to repair); the validating initialiser looks its encoding up at run time.
            if Self.isASCII(slice) { return String(decoding: slice, as: UTF8.self) }
            guard let string = String(validating: slice, as: UTF8.self) else { throw ArchiveError.damaged }
            return string
        }
        position += count
        return string
    }

    /// Whether every byte is below 0x80, read eight at a time.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        var high: UInt64 = 0
        while index + 8 <= bytes.count {
            high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            high |= UInt64(bytes[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    public mutating func readOptionalString() throws -> String? {
        try readBool() ? try readString() : nil
    }

    public mutating func readOptionalInt() throws -> Int? {
        try readBool() ? try readInt() : nil
    }

    public mutating func read<Value: BinaryArchivable>(_: Value.Type = Value.self) throws -> Value {
        try Value(from: &self)
    }

    public mutating func readOptional<Value: BinaryArchivable>(_: Value.Type = Value.self) throws -> Value? {
        try readBool() ? try Value(from: &self) : nil
    }

    public mutating func readArray<Value: BinaryArchivable>(_: Value.Type = Value.self) throws -> [Value] {
        let count = try readCount()
        var values: [Value] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try Value(from: &self)) }
        return values
    }

    public mutating func readStrings() throws -> [String] {
        let count = try readCount()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try readString()) }
        return values
    }

    public mutating func readInts() throws -> [Int] {
        let count = try readCount()
        var values: [Int] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try readInt()) }
        return values
    }

    public mutating func readOptionalBool() throws -> Bool? {
        try readBool() ? try readBool() : nil
    }

    public mutating func readOptionalStrings() throws -> [String]? {
        try readBool() ? try readStrings() : nil
    }

    public mutating func readOptionalInts() throws -> [Int]? {
        try readBool() ? try readInts() : nil
    }

    public mutating func readOptionalArray<Value: BinaryArchivable>(_: Value.Type = Value.self) throws -> [Value]? {
        try readBool() ? try readArray() : nil
    }

    /// Numbers written as `[Int32]` by ``ArchiveWriter``.
    public mutating func readInt32s() throws -> [Int32] {
        let count = try readInt()
        let size = MemoryLayout<Int32>.size
        guard count >= 0, count <= (bytes.count - position) / size else { throw ArchiveError.damaged }
        let start = position
        position += count * size
        return [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { raw in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start..<(start + count * size)]))
            }
            initialized = count
        }
    }

    /// Bytes written with ``ArchiveWriter/write(bytes:)``.
    public mutating func readBytes() throws -> [UInt8] {
        let count = try readCount()
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    /// Bytes written as `Data` by ``ArchiveWriter``.
    public mutating func readData() throws -> Data {
        let count = try readCount()
        defer { position += count }
        return Data(bytes[position..<position + count])
    }

    /// A count or length that fits in the bytes left (every element takes at least one byte).
    public mutating func readCount() throws -> Int {
        let count = try readInt()
        guard count >= 0, count <= bytes.count - position else { throw ArchiveError.damaged }
        return count
    }

    /// An enumeration's case from its raw value.
    public mutating func readRaw<Value: RawRepresentable>(_: Value.Type = Value.self) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: try readString()) else { throw ArchiveError.damaged }
        return value
    }
}

/// Why an archive could not be read.
public enum ArchiveError: Error, Equatable {
    /// The bytes end early, or hold a value that no writer produces.
    case damaged
}

extension BinaryArchivable {
    /// The value archived as data.
    public var archived: Data {
        var writer = ArchiveWriter()
        archive(into: &writer)
        return writer.data
    }

    /// The value archived in `data`; nil when `data` is not exactly one such archive.
    public static func unarchived(_ data: Data) -> Self? {
        unarchived(reading: ArchiveReader(data))
    }

    /// The value archived in `bytes`; nil when they are not exactly one such archive.
    public static func unarchived(bytes: [UInt8]) -> Self? {
        unarchived(reading: ArchiveReader(bytes: bytes))
    }

    private static func unarchived(reading reader: ArchiveReader) -> Self? {
        var reader = reader
        guard let value = try? Self(from: &reader), reader.isAtEnd else { return nil }
        return value
    }
}

extension Diagnostic: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(code)
        archive.write(severity.rawValue)
        archive.write(message)
        archive.write(location)
        archive.write(source)
        archive.write(hint)
        archive.write(related)
        archive.write(fingerprint)
        archive.write(baselined)
    }

    public init(from archive: inout ArchiveReader) throws {
        self.init(code: try archive.readString(), severity: try archive.readRaw(), message: try archive.readString())
        location = try archive.readOptional()
        source = try archive.readOptional()
        hint = try archive.readOptionalString()
        related = try archive.readArray()
        fingerprint = try archive.readOptionalString()
        baselined = try archive.readBool()
    }
}

extension SourceLocation: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(file)
        archive.write(line)
        archive.write(column)
    }

    public init(from archive: inout ArchiveReader) throws {
        self.init(file: try archive.readString(), line: try archive.readInt(), column: try archive.readOptionalInt())
    }
}

extension RelatedLocation: BinaryArchivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(file)
        archive.write(line)
        archive.write(column)
        archive.write(message)
    }

    public init(from archive: inout ArchiveReader) throws {
        self.init(file: try archive.readString(), line: try archive.readInt(), column: try archive.readOptionalInt(), message: try archive.readOptionalString())
    }
}
