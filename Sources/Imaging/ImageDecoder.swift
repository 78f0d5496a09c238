import CCodecs

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns file bytes into 8-bit grayscale with ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B),
/// the weights of notebook 000's loader. Alpha is dropped, never composited over a
/// background (the notebook's loader did the same). EXIF orientation is not applied: pixels are
/// used as stored, as the notebook's Keras loader did.
public enum ImageDecoder {
    /// Decodes bytes already in memory. The format comes from the magic bytes
    /// (``FormatSniffer/sniff(_:)``); `path` only labels the errors. Throws an ``ImageError`` for
    /// empty, text, unknown, unsupported, too large or corrupt input.
    public static func decode(
        _ bytes: [UInt8], path: String,
        options: DecodeOptions = DecodeOptions()
    ) throws(ImageError) -> DecodedImage {
        let (decoded, width, height, pixels) = try decode(bytes, path: path, options: options, rgb: false)
        var image = decoded
        image.image = GrayImage(width: width, height: height, pixels: pixels)
        return image
    }

    /// Decodes bytes to colour: the image's description (its ``DecodedImage/image`` is empty)
    /// and three planes, R, G and B, at the decoded size. Gray files give three equal planes.
    public static func decodeRGB(
        _ bytes: [UInt8], path: String,
        options: DecodeOptions = DecodeOptions()
    ) throws(ImageError) -> (DecodedImage, [GrayImage]) {
        let (decoded, w, h, pixels) = try decode(bytes, path: path, options: options, rgb: true)
        let planes = (0..<3).map { c in GrayImage(width: w, height: h, pixels: (0..<w * h).map { pixels[3 * $0 + c] }) }
        return (decoded, planes)
    }

    /// The decoders behind one door: the description (with an empty image), the decoded size
    /// and the bytes, 1 or 3 per pixel.
    static func decode(_ bytes: [UInt8], path: String, options: DecodeOptions, rgb: Bool) throws(ImageError)
        -> (DecodedImage, width: Int, height: Int, pixels: [UInt8])
    {
        switch FormatSniffer.sniff(bytes) {
        case .empty: throw ImageError(path: path, cause: .empty)
        case .text: throw ImageError(path: path, cause: .text)
        case .unknown: throw ImageError(path: path, cause: .unknownFormat)
        case .unsupported(let name): throw ImageError(path: path, cause: .unsupportedFormat(name))
        case .supported(let format):
            var out = hl_gray_image()
            let status: Int32 = bytes.withUnsafeBufferPointer { buffer in
                switch format {
                case .jpeg:
                    let target = options.minimumDecodedSize
                    return hl_jpeg_decode(
                        buffer.baseAddress, buffer.count, Int32(clamping: target?.width ?? 0),
                        Int32(clamping: target?.height ?? 0), options.maxPixels,
                        options.idct == .accurate ? 1 : 0, rgb ? 1 : 0, &out)
                case .png:
                    return hl_png_decode(buffer.baseAddress, buffer.count, options.maxPixels, rgb ? 1 : 0, &out)
                }
            }
            defer { hl_free(out.pixels) }
            let message = cMessage(out.message)
            switch status {
            case HL_OK:
                break
            case HL_ERR_TOO_LARGE:
                throw ImageError(path: path, cause: .tooLarge(message))
            case HL_ERR_UNSUPPORTED:
                throw ImageError(path: path, cause: .unsupportedVariant(format, message))
            default:
                throw ImageError(path: path, cause: .corrupt(format, message))
            }
            let count = Int(out.width) * Int(out.height) * Int(out.channels)
            let pixels = Array(UnsafeBufferPointer(start: out.pixels, count: count))
            let flags = out.flags
            let decoded = DecodedImage(
                image: GrayImage(width: 0, height: 0, pixels: []),
                format: format,
                sourceWidth: Int(out.source_width), sourceHeight: Int(out.source_height),
                scaleDenominator: Int(out.scale_denom), bitDepth: Int(out.bit_depth),
                components: Int(out.components),
                progressive: flags & HL_FLAG_PROGRESSIVE != 0,
                hadAlpha: flags & HL_FLAG_ALPHA != 0,
                palette: flags & HL_FLAG_PALETTE != 0,
                cmyk: flags & HL_FLAG_CMYK != 0)
            return (decoded, Int(out.width), Int(out.height), pixels)
        }
    }

    /// Reads and decodes one file.
    public static func decodeFile(
        atPath path: String,
        options: DecodeOptions = DecodeOptions()
    ) throws(ImageError) -> DecodedImage {
        try decode(try ImageFile.read(path), path: path, options: options)
    }
}

/// The library versions linked into the codecs, for run manifests.
public var codecLibraryVersions: String { String(cString: hl_library_versions()) }
