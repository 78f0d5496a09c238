import CCodecs

/// zlib, for gzip-compressed importers and for writing animated PNG frames.
public enum Zlib {
    /// Why zlib refused: corrupt or truncated data, or output above the limit.
    public struct ZlibError: Error, Sendable, CustomStringConvertible {
        /// zlib's message, or the limit exceeded.
        public let description: String
    }

    /// Inflates gzip or zlib data; refuses output above `limit` bytes (a gzip bomb).
    public static func inflate(_ data: [UInt8], limit: Int = 1 << 31) throws(ZlibError) -> [UInt8] {
        var out = hl_buffer()
        let status = data.withUnsafeBufferPointer { hl_inflate($0.baseAddress, $0.count, limit, &out) }
        defer { hl_free(out.data) }
        guard status == HL_OK else { throw ZlibError(description: cMessage(out.message)) }
        return Array(UnsafeBufferPointer(start: out.data, count: out.size))
    }

    /// zlib-format deflate.
    public static func deflate(_ data: [UInt8], level: Int = 9) throws(ZlibError) -> [UInt8] {
        var out = hl_buffer()
        let status = data.withUnsafeBufferPointer { hl_deflate($0.baseAddress, $0.count, Int32(level), &out) }
        defer { hl_free(out.data) }
        guard status == HL_OK else { throw ZlibError(description: cMessage(out.message)) }
        return Array(UnsafeBufferPointer(start: out.data, count: out.size))
    }

    /// The CRC-32 of `data` as PNG chunks use it, continued from `crc` (0 to start), so a chunk's
    /// type and data can be summed in pieces.
    public static func crc32(_ data: [UInt8], continuing crc: UInt32 = 0) -> UInt32 {
        data.withUnsafeBufferPointer { hl_crc32(crc, $0.baseAddress, $0.count) }
    }

    /// True when the bytes start with the gzip magic number.
    public static func isGzip(_ data: [UInt8]) -> Bool { data.count >= 2 && data[0] == 0x1F && data[1] == 0x8B }
}
