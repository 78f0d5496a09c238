import CCodecs

/// PNG files written with libpng (for importers and for pictures of patterns).
public enum PNGEncoder {
    /// Why pixels could not be encoded: sizes that do not match, or libpng's message.
    public struct EncodeError: Error, Sendable, CustomStringConvertible {
        /// What went wrong, in one line.
        public let description: String
    }

    /// Encodes 8-bit samples; channels: 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA.
    public static func encode(pixels: [UInt8], width: Int, height: Int, channels: Int = 1) throws(EncodeError) -> [UInt8] {
        guard width > 0, height > 0, (1...4).contains(channels), pixels.count == width * height * channels else {
            throw EncodeError(description: "cannot encode \(pixels.count) samples as \(width)x\(height)x\(channels)")
        }
        var out = hl_buffer()
        let status = pixels.withUnsafeBufferPointer {
            hl_png_encode($0.baseAddress, Int32(width), Int32(height), Int32(channels), &out)
        }
        defer { hl_free(out.data) }
        guard status == HL_OK else {
            throw EncodeError(description: "PNG encoding failed: \(cMessage(out.message))")
        }
        return Array(UnsafeBufferPointer(start: out.data, count: out.size))
    }

    /// Encodes a grayscale image as an 8-bit gray PNG.
    public static func encode(_ image: GrayImage) throws(EncodeError) -> [UInt8] {
        try encode(pixels: image.pixels, width: image.width, height: image.height, channels: 1)
    }
}

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

/// A C `char[N]` message buffer as a Swift string.
func cMessage<T>(_ tuple: T) -> String {
    withUnsafeBytes(of: tuple) { raw in String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self) }
}
