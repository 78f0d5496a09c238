import Foundation
import Imaging
import TestSupport
import Testing

@testable import Experiments

/// The pattern cache and the one-read loader: what comes from the cache equals what is decoded,
/// a changed file is decoded again, a damaged pack is rebuilt, and the fingerprint comes from the
/// same bytes as the patterns.
@Suite(.serialized) struct PatternCacheTests {
    /// A small dataset copied into a scratch folder (so its files can be changed).
    static func copyDigits(_ scratch: ScratchFolder, perClass: Int = 3) throws -> Dataset {
        for c in ["0", "1", "7"] {
            let files = try FileManager.default.contentsOfDirectory(atPath: TestPaths.shared("digits/" + c)).sorted().prefix(perClass)
            for f in files { _ = scratch.write(try FileBytes.read(TestPaths.shared("digits/\(c)/\(f)")), to: "data/\(c)/\(f)") }
        }
        _ = scratch.write(Array("not an image".utf8), to: "data/7/notes.png")
        return try Dataset.open(scratch.file("data"))
    }

    @Test func cachedPatternsEqualDecodedOnes() throws {
        let scratch = ScratchFolder("cache")
        defer { scratch.remove() }
        let dataset = try Self.copyDigits(scratch)
        let cache = PatternCache(folder: scratch.file("cache"))
        let specs = [ImageSpec(size: 16, resize: .area, binarize: .midgray), ImageSpec(size: 12, resize: .bilinear, binarize: .none)]
        let plain = DatasetLoader.load(dataset, specs: specs, jobs: 2)
        let cold = DatasetLoader.load(dataset, specs: specs, jobs: 2, cache: cache)
        let warm = DatasetLoader.load(dataset, specs: specs, jobs: 1, cache: cache)
        #expect(cold.decoded == 18 && cold.cached == 0 && warm.decoded == 0 && warm.cached == 18)
        for k in specs.indices {
            #expect(warm.loaded[k].images.map(\.values) == plain.loaded[k].images.map(\.values))
            #expect(cold.loaded[k].images.map(\.values) == plain.loaded[k].images.map(\.values))
            #expect(warm.loaded[k].refused.map(\.file.relativePath) == ["7/notes.png"], "refused files are refused again")
        }
        #expect(warm.fingerprint == plain.fingerprint && plain.fingerprint.hasPrefix("xxh3-128:"))

        // A changed file is decoded again (its bytes have another hash); the fingerprint changes.
        let changed = dataset.files.first { $0.relativePath.hasPrefix("1/") }!
        _ = scratch.write(try FileBytes.read(TestPaths.shared("digits/9/04500.png")), to: "data/" + changed.relativePath)
        let after = DatasetLoader.load(dataset, specs: [specs[0]], jobs: 2, cache: cache)
        #expect(after.decoded == 1 && after.cached == 8)
        #expect(after.fingerprint != plain.fingerprint)

        // A damaged pack is not trusted: everything is decoded again and the pack rewritten.
        let pack = cache.path(for: specs[0])
        var bytes = try FileBytes.read(pack)
        bytes[bytes.count - 3] ^= 0xFF
        _ = FileManager.default.createFile(atPath: pack, contents: Data(bytes))
        #expect(cache.entries(for: specs[0]).isEmpty)
        let rebuilt = DatasetLoader.load(dataset, specs: [specs[0]], jobs: 2, cache: cache)
        #expect(rebuilt.decoded == 9 && cache.entries(for: specs[0]).count == 9)
        #expect(rebuilt.loaded[0].images.map(\.values) == after.loaded[0].images.map(\.values))
    }

    /// XXH3-128 against `xxhsum -H2`'s output for two inputs; the fingerprint is the listing's hash.
    @Test func contentHashesAreXXH3() throws {
        #expect(ContentHash(of: [UInt8]()).description == "99aa06d3014798d86001c324468d497f")
        #expect(ContentHash(of: "abc").description == "06b05ab6733a618578af5f94892f3950")
        let scratch = ScratchFolder("fingerprint")
        defer { scratch.remove() }
        let dataset = try Self.copyDigits(scratch, perClass: 1)
        let hashes = try dataset.files.map { ContentHash(of: try FileBytes.read($0.path)) }
        let listing = dataset.files.indices.sorted { dataset.files[$0].relativePath.utf8Precedes(dataset.files[$1].relativePath) }
            .map { hashes[$0].description + "  " + dataset.files[$0].relativePath + "\n" }.joined()
        #expect(DatasetFingerprint.of(dataset, hashes: hashes) == "xxh3-128:" + ContentHash(of: listing).description)
    }

    /// Issue 23 row 14: 8,600 gray images at size 256 make a 2.25 GB pack, which a 2 GiB read
    /// limit made every run decode again and rewrite. The pack is now memory-mapped: a 2.25 GB
    /// one (written here directly, with a real checksum) is read and indexed whole, its entries
    /// come back right, and adding entries it already holds does not rewrite it.
    @Test func packsOverTwoGiBAreMappedAndNotRewritten() throws {
        let scratch = ScratchFolder("bigpack")
        defer { scratch.remove() }
        let spec = ImageSpec(size: 256, resize: .area, binarize: .none)
        let cache = PatternCache(folder: scratch.file("cache"))
        try FileManager.default.createDirectory(atPath: cache.folder, withIntermediateDirectories: true)
        let count = 8_600, entrySize = 16 + 1 + 4 + 4 + 4 * 256 * 256
        var header = PatternPack.magic
        PatternPack.append(PatternPack.version, to: &header)
        let text = Array(PatternCache.description(spec).utf8)
        PatternPack.append(UInt32(text.count), to: &header)
        header += text
        PatternPack.append(UInt32(count), to: &header)
        // Entry k: key k, PNG, 256 × 256, every value k (as Float32).
        let body = UnsafeMutableRawBufferPointer.allocate(byteCount: count * entrySize, alignment: 16)
        defer { body.deallocate() }
        var keys: [ContentHash] = []
        for k in 0..<count {
            let at = k * entrySize
            var key = [UInt8](repeating: 0, count: 16)
            for b in 0..<8 { key[b] = UInt8(truncatingIfNeeded: k >> (8 * b)) }
            keys.append(ContentHash(bytes: key)!)
            for b in 0..<16 { body[at + b] = key[b] }
            body[at + 16] = 0
            body.storeBytes(of: UInt32(256).littleEndian, toByteOffset: at + 17, as: UInt32.self)
            body.storeBytes(of: UInt32(256).littleEndian, toByteOffset: at + 21, as: UInt32.self)
            let value = Float(k).bitPattern.littleEndian
            let values = (body.baseAddress! + at + 25).bindMemory(to: UInt32.self, capacity: 256 * 256)
            values.initialize(repeating: value, count: 256 * 256)
        }
        header += ContentHash(of: UnsafeRawBufferPointer(body)).bytes
        let path = cache.path(for: spec)
        let file = try #require(FileHandle(forWritingAtPath: scratch.write(header, to: "cache/" + (path as NSString).lastPathComponent)))
        file.seekToEndOfFile()
        file.write(Data(bytesNoCopy: body.baseAddress!, count: body.count, deallocator: .none))
        try file.close()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size > 1 << 31, "the pack is over 2 GiB: \(size) bytes")

        let index = cache.entries(for: spec)
        #expect(index.count == count)
        for k in [0, 1, 4_321, count - 1] {
            let entry = try #require(index[keys[k]])
            #expect(entry.sourceWidth == 256 && entry.sourceHeight == 256 && entry.format == .png)
            guard case .continuous(let v) = entry.values else { Issue.record("entry \(k) is not gray levels"); continue }
            #expect(v.count == 256 * 256 && v.allSatisfy { $0 == Float(k) })
        }
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        try cache.add([keys[7]: try #require(index[keys[7]])], for: spec)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == before)
    }
}
