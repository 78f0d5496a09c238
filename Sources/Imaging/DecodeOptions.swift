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
    /// 1000 cats/dogs photos at 64×64, bilinear, midgray binarization); `.accurate` (JDCT_ISLOW) is
    /// closer to the true image by about one gray level. Both are exact integer arithmetic.
    public var idct: IDCTMethod

    /// 64 megapixels, the default ``maxPixels``: above any camera photo, far below a decompression
    /// bomb.
    public static let defaultMaxPixels: UInt64 = 64_000_000

    /// Options with the given values; the defaults decode at full size with the fast IDCT and
    /// refuse headers above 64 megapixels.
    public init(
        maxPixels: UInt64 = DecodeOptions.defaultMaxPixels,
        minimumDecodedSize: (width: Int, height: Int)? = nil, idct: IDCTMethod = .fast
    ) {
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
