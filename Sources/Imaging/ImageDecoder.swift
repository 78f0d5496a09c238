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
    public static func decode(_ bytes: [UInt8], path: String,
                              options: DecodeOptions = DecodeOptions()) throws(ImageError) -> DecodedImage {
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
                    return hl_jpeg_decode_gray(buffer.baseAddress, buffer.count,
                                               Int32(clamping: target?.width ?? 0),
                                               Int32(clamping: target?.height ?? 0),
                                               options.maxPixels, options.idct == .accurate ? 1 : 0, &out)
                case .png:
                    return hl_png_decode_gray(buffer.baseAddress, buffer.count, options.maxPixels, &out)
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
            let count = Int(out.width) * Int(out.height)
            let pixels = Array(UnsafeBufferPointer(start: out.pixels, count: count))
            let flags = out.flags
            return DecodedImage(
                image: GrayImage(width: Int(out.width), height: Int(out.height), pixels: pixels),
                format: format,
                sourceWidth: Int(out.source_width), sourceHeight: Int(out.source_height),
                scaleDenominator: Int(out.scale_denom), bitDepth: Int(out.bit_depth),
                components: Int(out.components),
                progressive: flags & HL_FLAG_PROGRESSIVE != 0,
                hadAlpha: flags & HL_FLAG_ALPHA != 0,
                palette: flags & HL_FLAG_PALETTE != 0,
                cmyk: flags & HL_FLAG_CMYK != 0)
        }
    }

    /// Reads and decodes one file.
    public static func decodeFile(atPath path: String,
                                  options: DecodeOptions = DecodeOptions()) throws(ImageError) -> DecodedImage {
        try decode(try ImageFile.read(path), path: path, options: options)
    }
}

/// The library versions linked into the codecs, for run manifests.
public var codecLibraryVersions: String { String(cString: hl_library_versions()) }
