import FolioCore
import Foundation
import Testing

/// The build cache's entries on disk and in memory: what is stored comes back byte for byte, and
/// an entry that was cut, damaged or replaced by a folder is a miss, never a wrong value.
struct BuildCacheTests {
    static func key(_ text: String) -> BuildCache.Key {
        var builder = CacheKeyBuilder("test")
        builder.add(text)
        return builder.key()
    }

    /// Values of several sizes: empty, one byte, every byte value, and larger than a page.
    static let values: [Data] = [
        Data(), Data([0x41]), Data((0...255).map { UInt8($0) }),
        Data((0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }),
    ]

    @Test func storedValuesComeBackFromDiskAndFromMemory() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for cache in [BuildCache(directory: folder), BuildCache(directory: nil)] {
            for (index, value) in Self.values.enumerated() {
                cache.store("values", Self.key("\(index)"), value)
            }
            for (index, value) in Self.values.enumerated() {
                #expect(cache.value("values", Self.key("\(index)")) == value)
                #expect(cache.bytes("values", Self.key("\(index)")) == [UInt8](value))
            }
            #expect(cache.value("values", Self.key("absent")) == nil)
            #expect(cache.bytes("other", Self.key("0")) == nil)
        }
        // Another cache on the same folder (the next build) reads them too.
        let next = BuildCache(directory: folder)
        #expect(next.value("values", Self.key("3")) == Self.values[3])
    }

    @Test func aCutDamagedOrReplacedEntryIsAMiss() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = BuildCache(directory: folder)
        for (index, value) in Self.values.enumerated() { cache.store("values", Self.key("\(index)"), value) }
        func file(_ index: Int) -> URL {
            let name = try! FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("values").path)
                .first { name in
                    let url = folder.appendingPathComponent("values").appendingPathComponent(name)
                    return (try? Data(contentsOf: url))?.count == Self.values[index].count + 32
                }!
            return folder.appendingPathComponent("values").appendingPathComponent(name)
        }
        // Cut: the last byte of the checksum is gone.
        let cut = file(3)
        var data = try Data(contentsOf: cut)
        data.removeLast()
        try data.write(to: cut)
        #expect(cache.value("values", Self.key("3")) == nil)
        // Damaged: one byte of the value flipped.
        let damaged = file(2)
        data = try Data(contentsOf: damaged)
        data[10] ^= 0x01
        try data.write(to: damaged)
        #expect(cache.bytes("values", Self.key("2")) == nil)
        // Shorter than a checksum.
        let short = file(1)
        try Data([1, 2, 3]).write(to: short)
        #expect(cache.value("values", Self.key("1")) == nil)
        // A folder where the entry was.
        let replaced = file(0)
        try FileManager.default.removeItem(at: replaced)
        try FileManager.default.createDirectory(at: replaced, withIntermediateDirectories: false)
        #expect(cache.value("values", Self.key("0")) == nil)
    }
}
