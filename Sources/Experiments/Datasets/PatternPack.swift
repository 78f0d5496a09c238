import Imaging

/// The bytes of a pattern-cache pack: "HLPC", version 1, the spec's description, the entry
/// count, an XXH3-128 checksum of the entries, then the entries sorted by key: the 16-byte
/// content hash, the format (0 PNG, 1 JPEG), the source width and height (UInt32), then the
/// pattern: N bits (bit set = +1, ⌈N/8⌉ bytes) for binary specs, N Float32 for `none`. Numbers
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

    /// The entries of a pack, or nil when the pack is for another spec, damaged or truncated.
    static func decode(_ bytes: [UInt8], spec: ImageSpec, description: String) -> [ContentHash: PatternCache.Entry]? {
        var reader = ByteReader(bytes)
        guard reader.take(4) == magic, reader.uint32() == version, let length = reader.uint32(),
              reader.take(Int(length)) == Array(description.utf8), let count = reader.uint32(),
              let checksum = reader.take(16), ContentHash(of: Array(bytes[reader.offset...])).bytes == checksum else { return nil }
        let n = spec.neurons
        var entries: [ContentHash: PatternCache.Entry] = [:]
        for _ in 0..<count {
            guard let key = reader.take(16).flatMap(ContentHash.init(bytes:)), let format = reader.take(1),
                  let width = reader.uint32(), let height = reader.uint32() else { return nil }
            let values: PatternValues
            if spec.binarize.isBinary {
                guard let packed = reader.take((n + 7) / 8) else { return nil }
                values = .binary((0..<n).map { packed[$0 >> 3] >> UInt8($0 & 7) & 1 == 1 ? 1 : -1 })
            } else {
                var v: [Float] = []
                for _ in 0..<n {
                    guard let bits = reader.uint32() else { return nil }
                    v.append(Float(bitPattern: bits))
                }
                values = .continuous(v)
            }
            entries[key] = PatternCache.Entry(format: format[0] == 1 ? .jpeg : .png, sourceWidth: Int(width), sourceHeight: Int(height),
                                              values: values)
        }
        return reader.offset == bytes.count ? entries : nil
    }

    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        for k in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt32(k)))) }
    }

    /// Reads a byte array front to back.
    struct ByteReader {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }

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
