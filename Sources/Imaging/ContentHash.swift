import CCodecs

/// A file's identity by content: XXH3-128 of its bytes (Debian's xxHash). Two files with the
/// same bytes have the same hash, whatever their names; a changed byte changes it. Written in
/// hex as `xxhsum -H2` prints it.
public struct ContentHash: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The 16 bytes, high half first.
    public let bytes: [UInt8]

    /// The hash of `data`.
    public init(of data: [UInt8]) {
        self = data.withUnsafeBytes { ContentHash(of: $0) }
    }

    /// The hash of the bytes in `raw` (a slice of a larger array is not copied).
    public init(of raw: UnsafeRawBufferPointer) {
        var out = [UInt8](repeating: 0, count: 16)
        hl_xxh3_128(raw.baseAddress, raw.count, &out)
        bytes = out
    }

    /// The hash of a text's UTF-8 bytes.
    public init(of text: String) { self.init(of: Array(text.utf8)) }

    /// A hash read back from its 16 bytes.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    /// 32 lowercase hex digits.
    public var description: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(32)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Byte order.
    public static func < (a: ContentHash, b: ContentHash) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }
}
