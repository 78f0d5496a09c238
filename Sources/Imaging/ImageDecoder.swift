import CCodecs

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Limits and hints for decoding.
public struct DecodeOptions: Sendable, Equatable {
    /// The most pixels (width × height, as the header declares them) an image may have.
    /// Checked on the header before any pixel memory is allocated, so a 200000×200000
    /// "decompression bomb" is refused in microseconds. 64 megapixels holds any camera photo.
    public var maxPixels: UInt64
    /// When set, a JPEG is decoded with libjpeg-turbo's scaled IDCT at the smallest of 1/2, 1/4
    /// and 1/8 whose output is still at least this large (used by `area` resizing; most of the
    /// decoding cost of a photo is saved). `nil` decodes at full size (`bilinear`, which must
    /// match the notebook's full-size loader).
    public var minimumDecodedSize: (width: Int, height: Int)?
    /// The JPEG inverse DCT. `.fast` (libjpeg's JDCT_IFAST) is TensorFlow's default, so the seed
    /// notebook's Keras loader is reproduced bit for bit (measured: all 4,096,000 pixels of the
    /// 1000 cats/dogs photos at 64×64, bilinear, seed binarization); `.accurate` (JDCT_ISLOW) is
    /// closer to the true image by about one gray level. Both are exact integer arithmetic.
    public var idct: IDCTMethod

    /// 64 megapixels, the default ``maxPixels``: above any camera photo, far below a decompression
    /// bomb.
    public static let defaultMaxPixels: UInt64 = 64_000_000

    /// Options with the given values; the defaults decode at full size with the fast IDCT and
    /// refuse headers above 64 megapixels.
    public init(maxPixels: UInt64 = DecodeOptions.defaultMaxPixels,
                minimumDecodedSize: (width: Int, height: Int)? = nil, idct: IDCTMethod = .fast) {
        self.maxPixels = maxPixels
        self.minimumDecodedSize = minimumDecodedSize
        self.idct = idct
    }

    /// Equal when every option is; written out because the `minimumDecodedSize` tuple is not
    /// `Equatable`.
    public static func == (a: DecodeOptions, b: DecodeOptions) -> Bool {
        a.maxPixels == b.maxPixels && a.minimumDecodedSize?.width == b.minimumDecodedSize?.width
            && a.minimumDecodedSize?.height == b.minimumDecodedSize?.height && a.idct == b.idct
    }
}

/// libjpeg's inverse DCT choices.
public enum IDCTMethod: String, Sendable, CaseIterable, Codable {
    /// libjpeg's fast integer IDCT (JDCT_IFAST), TensorFlow's default: reproduces the seed
    /// notebook's Keras loader bit for bit. The default.
    case fast
    /// libjpeg's accurate integer IDCT (JDCT_ISLOW), closer to the true image by about one gray
    /// level.
    case accurate
}

/// A decoded image and what the file said about itself.
public struct DecodedImage: Sendable {
    /// The BT.601 luma, 8 bits, at the decoded size (smaller than the header's after scaled JPEG
    /// decoding).
    public var image: GrayImage
    /// The format the magic bytes said, whatever the file's name.
    public var format: ImageFormat
    /// The size in the file's header (the decoded image is smaller after scaled decoding).
    public var sourceWidth: Int
    /// The height in the file's header (see ``sourceWidth``).
    public var sourceHeight: Int
    /// The JPEG IDCT reduction used (1, 2, 4 or 8); 1 for PNG.
    public var scaleDenominator: Int
    /// Bits per sample in the file (1, 2, 4, 8 or 16).
    public var bitDepth: Int
    /// Colour components in the file (1 gray, 3 colour, 4 CMYK).
    public var components: Int
    /// A progressive JPEG, or an Adam7-interlaced PNG.
    public var progressive: Bool
    /// The file had an alpha channel, which was dropped (never composited).
    public var hadAlpha: Bool
    /// A PNG palette image (expanded to its colours, then to luma).
    public var palette: Bool
    /// A CMYK or YCCK JPEG, converted through RGB (Adobe-inverted when its marker says so).
    public var cmyk: Bool
}

/// Turns file bytes into 8-bit grayscale with ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B),
/// the weights of the seed notebook's loader. Alpha is dropped, never composited over a
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
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(path) } catch { throw ImageError(path: path, cause: .unreadable(error.reason)) }
        return try decode(bytes, path: path, options: options)
    }
}

/// The library versions linked into the codecs, for run manifests.
public var codecLibraryVersions: String { String(cString: hl_library_versions()) }
