/// What the network sees of an image: its size, how it is resized and binarized.
public struct ImageSpec: Sendable, Equatable, Hashable {
    /// The side of the square pattern: N = size² neurons.
    public var size: Int
    /// How the image is brought to size × size (``ResizeMethod/area`` by default).
    public var resize: ResizeMethod
    /// How the resized image becomes a pattern (``Binarization/midgray``, the notebook's rule, by
    /// default).
    public var binarize: Binarization
    /// The JPEG inverse DCT (``IDCTMethod/fast``, TensorFlow's, by default).
    public var idct: IDCTMethod
    /// The largest width × height a header may declare (64 megapixels by default).
    public var maxPixels: UInt64
    /// The pixels themselves (``Encoder/pixels``, by default) or features computed from the
    /// resized image.
    public var encoder: Encoder = .pixels

    /// A spec for size × size patterns; the other defaults are area resizing, the seed
    /// binarization, the fast IDCT and a 64-megapixel limit.
    public init(
        size: Int, resize: ResizeMethod = .area, binarize: Binarization = .midgray,
        idct: IDCTMethod = .fast, maxPixels: UInt64 = DecodeOptions.defaultMaxPixels
    ) {
        self.size = size
        self.resize = resize
        self.binarize = binarize
        self.idct = idct
        self.maxPixels = maxPixels
    }

    /// Pixels per resized image: size × size.
    public var neurons: Int { size * size }

    /// Values per image: size² pixels, or the encoder's features.
    public var valueCount: Int { encoder.dimension(size: size) }

    /// Whether images become ±1 patterns here (binarized pixels); features and gray levels are
    /// real values.
    public var producesBinary: Bool { encoder == .pixels && binarize.isBinary }

    /// Decoding options: area resizing may use libjpeg-turbo's scaled IDCT, bilinear may not
    /// (it must see the full-size image to match the notebook's loader).
    public var decodeOptions: DecodeOptions {
        let side = encoder.inputSide(size: size)
        return DecodeOptions(maxPixels: maxPixels, minimumDecodedSize: resize == .area ? (side, side) : nil, idct: idct)
    }
}
