import Foundation
import Imaging

/// The bytes of a pattern-cache pack: "HLPC", version 1, the spec's description, the entry
/// count, an XXH3-128 checksum of the entries, then the entries sorted by key: the 16-byte
/// content hash, the format (0 PNG, 1 JPEG), the source width and height (UInt32), then the
/// pattern: N bits (bit set = +1, ⌈N/8⌉ bytes) for binary specs, N Float32 for `none` and for
/// features (N = the encoder's dimension). Numbers
/// are little-endian.
enum PatternPack {
    static let magic = Array("HLPC".utf8)
    static let version: UInt32 = 1

    static func encode(_ entries: [ContentHash: PatternCache.Entry], spec: ImageSpec, description: String) -> [UInt8] {
        var body: [UInt8] = []
        for (key, entry) in entries.sorted(by: { $0.key < $1.key }) {
            body += key.bytes
            body.append(entry.format == .jpeg ? 1 : 0)
            append(UInt32(entry.sourceWidth), to: &body)
            append(UInt32(entry.sourceHeight), to: &body)
            switch entry.values {
            case .binary(let v):
                var packed = [UInt8](repeating: 0, count: (v.count + 7) / 8)
                for (i, x) in v.enumerated() where x > 0 { packed[i >> 3] |= 1 << UInt8(i & 7) }
                body += packed
            case .continuous(let v):
                for x in v { append(x.bitPattern, to: &body) }
            }
        }
        var bytes = magic
        append(version, to: &bytes)
        let text = Array(description.utf8)
        append(UInt32(text.count), to: &bytes)
        bytes += text
        append(UInt32(entries.count), to: &bytes)
        bytes += ContentHash(of: body).bytes
        return bytes + body
    }

    /// The index of a pack (each entry's key and offset, checked to the last byte), or nil when
    /// the pack is for another spec, damaged or truncated. Entries are decoded when looked up, so
    /// a run that needs 5,000 of a pack's 65,000 patterns decodes 5,000.
    /// The bytes are usually a memory-mapped pack file (``PackBytes/map(_:)``).
    static func decode(_ pack: PackBytes, spec: ImageSpec, description: String) -> Index? {
        let bytes = pack.raw
        var reader = ByteReader(bytes)
        guard reader.take(4) == magic, reader.uint32() == version, let length = reader.uint32(),
            reader.take(Int(length)) == Array(description.utf8), let count = reader.uint32(),
            let checksum = reader.take(16)
        else { return nil }
        let body = reader.offset
        guard ContentHash(of: UnsafeRawBufferPointer(rebasing: bytes[body...])).bytes == checksum else { return nil }
        let n = spec.valueCount
        let binary = spec.producesBinary
        let entrySize = 16 + 1 + 4 + 4 + (binary ? (n + 7) / 8 : 4 * n)
        guard reader.offset + Int(count) * entrySize == bytes.count else { return nil }
        var offsets: [ContentHash: Int] = [:]
        offsets.reserveCapacity(Int(count))
        for k in 0..<Int(count) {
            let offset = reader.offset + k * entrySize
            guard let key = ContentHash(bytes: Array(bytes[offset..<offset + 16])) else { return nil }
            offsets[key] = offset + 16
        }
        return Index(pack: pack, offsets: offsets, neurons: n, binary: binary)
    }

    /// A pack's entries by key, each decoded from the pack's bytes when looked up.
    struct Index: Sendable {
        let pack: PackBytes
        /// Where each entry's format byte is.
        let offsets: [ContentHash: Int]
        let neurons: Int
        let binary: Bool

        /// No pack.
        static let empty = Index(pack: PackBytes([]), offsets: [:], neurons: 0, binary: true)

        var count: Int { offsets.count }
        var isEmpty: Bool { offsets.isEmpty }

        subscript(key: ContentHash) -> PatternCache.Entry? {
            guard let offset = offsets[key] else { return nil }
            let raw = pack.raw
            func uint32(_ at: Int) -> UInt32 { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
            let n = neurons, start = offset + 9
            let values: PatternValues
            if binary {
                values = .binary((0..<n).map { raw[start + $0 >> 3] >> UInt8($0 & 7) & 1 == 1 ? 1 : -1 })
            } else {
                values = .continuous((0..<n).map { Float(bitPattern: uint32(start + 4 * $0)) })
            }
            return PatternCache.Entry(
                format: raw[offset] == 1 ? .jpeg : .png, sourceWidth: Int(uint32(offset + 1)),
                sourceHeight: Int(uint32(offset + 5)), values: values)
        }

        /// Every entry, decoded (to write the pack again with more).
        var all: [ContentHash: PatternCache.Entry] {
            Dictionary(uniqueKeysWithValues: offsets.keys.map { ($0, self[$0]!) })
        }
    }

    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        for k in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt32(k)))) }
    }

    /// Reads bytes front to back.
    struct ByteReader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0
        init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        mutating func take(_ count: Int) -> [UInt8]? {
            guard count >= 0, offset + count <= bytes.count else { return nil }
            defer { offset += count }
            return Array(bytes[offset..<offset + count])
        }

        mutating func uint32() -> UInt32? {
            guard let b = take(4) else { return nil }
            return b.enumerated().reduce(0) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }
        }
    }
}

/// The bytes of a pack: a file mapped read-only into memory (the pages are read when touched
/// and shared with the page cache, so a 2.25 GB pack costs no 2.25 GB copy and no size limit),
/// or an array. Immutable; the mapping is released with the last reference.
final class PackBytes: @unchecked Sendable {
    /// The bytes.
    let raw: UnsafeRawBufferPointer
    private let mapped: Bool
    private let owned: UnsafeMutableRawBufferPointer?

    /// A copy of `bytes`.
    init(_ bytes: [UInt8]) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes.count), alignment: 16)
        bytes.withUnsafeBytes { copy.copyMemory(from: $0) }
        owned = copy
        raw = UnsafeRawBufferPointer(rebasing: copy[0..<bytes.count])
        mapped = false
    }

    private init(mapping: UnsafeRawPointer, count: Int) {
        raw = UnsafeRawBufferPointer(start: mapping, count: count)
        mapped = true
        owned = nil
    }

    deinit {
        if mapped, let base = raw.baseAddress {
            munmap(UnsafeMutableRawPointer(mutating: base), raw.count)
        }
        owned?.deallocate()
    }

    /// The regular file at `path` (not through a symbolic link), mapped; nil when it is missing,
    /// not a regular file, empty or cannot be mapped. The pack is replaced by rename, never
    /// written in place, so the mapped bytes cannot change under the reader.
    static func map(_ path: String) -> PackBytes? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0 { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 else { return nil }
        let count = Int(info.st_size)
        guard let base = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        return PackBytes(mapping: UnsafeRawPointer(base), count: count)
    }
}
