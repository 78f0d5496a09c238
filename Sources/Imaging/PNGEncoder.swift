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

/// A C `char[N]` message buffer as a Swift string.
func cMessage<T>(_ tuple: T) -> String {
    withUnsafeBytes(of: tuple) { raw in String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self) }
}
