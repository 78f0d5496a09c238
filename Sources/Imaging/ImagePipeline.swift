/// What the network sees of an image: its size, how it is resized and binarized.
public struct ImageSpec: Sendable, Equatable, Hashable {
    /// The side of the square pattern: N = size² neurons.
    public var size: Int
    /// How the image is brought to size × size (``ResizeMethod/area`` by default).
    public var resize: ResizeMethod
    /// How the resized image becomes a pattern (``Binarization/seed``, the notebook's rule, by
    /// default).
    public var binarize: Binarization
    /// The JPEG inverse DCT (``IDCTMethod/fast``, TensorFlow's, by default).
    public var idct: IDCTMethod
    /// The largest width × height a header may declare (64 megapixels by default).
    public var maxPixels: UInt64

    /// A spec for size × size patterns; the other defaults are area resizing, the seed
    /// binarization, the fast IDCT and a 64-megapixel limit.
    public init(size: Int, resize: ResizeMethod = .area, binarize: Binarization = .seed,
                idct: IDCTMethod = .fast, maxPixels: UInt64 = DecodeOptions.defaultMaxPixels) {
        self.size = size
        self.resize = resize
        self.binarize = binarize
        self.idct = idct
        self.maxPixels = maxPixels
    }

    /// Neurons per pattern: size × size.
    public var neurons: Int { size * size }

    /// Decoding options: area resizing may use libjpeg-turbo's scaled IDCT, bilinear may not
    /// (it must see the full-size image to match the notebook's loader).
    public var decodeOptions: DecodeOptions {
        DecodeOptions(maxPixels: maxPixels,
                      minimumDecodedSize: resize == .area ? (size, size) : nil, idct: idct)
    }
}

/// An image as a pattern: ±1 values (binarized) or floats in [−1, 1] (`none`).
public enum PatternValues: Sendable, Equatable {
    /// ±1 values, one per pixel (every binarization but ``Binarization/none``).
    case binary([Int8])
    /// Gray scaled to [−1, 1] by x/127.5 − 1 (``Binarization/none``), for the modern network.
    case continuous([Float])

    /// N, the number of values.
    public var count: Int {
        switch self {
        case .binary(let v): return v.count
        case .continuous(let v): return v.count
        }
    }
}

/// Decode → grayscale → resize → binarize, for one file.
public enum ImagePipeline {
    /// One file's pattern with the images it came from, for exports and pictures.
    public struct Loaded: Sendable {
        /// The pattern the network sees.
        public var values: PatternValues
        /// The decoded grayscale image and what the file said about itself.
        public var decoded: DecodedImage
        /// The resized image on the 0...255 scale, before binarization.
        public var resized: FloatImage
    }

    /// Resizes and binarizes an image already decoded (decode it with ``ImageSpec/decodeOptions``
    /// so that area resizing can use the scaled JPEG decoding).
    public static func process(_ decoded: DecodedImage, spec: ImageSpec) -> Loaded {
        let resized = Resizer.resize(decoded.image, width: spec.size, height: spec.size, method: spec.resize)
        let values: PatternValues = spec.binarize.isBinary
            ? .binary(spec.binarize.binarize(resized))
            : .continuous(Binarization.continuous(resized))
        return Loaded(values: values, decoded: decoded, resized: resized)
    }

    /// Reads, decodes and processes one file; an ``ImageError`` names the file and the cause.
    public static func load(path: String, spec: ImageSpec) throws(ImageError) -> Loaded {
        process(try ImageDecoder.decodeFile(atPath: path, options: spec.decodeOptions), spec: spec)
    }

    /// Decodes and processes bytes already read; `path` only labels the errors.
    public static func load(bytes: [UInt8], path: String, spec: ImageSpec) throws(ImageError) -> Loaded {
        process(try ImageDecoder.decode(bytes, path: path, options: spec.decodeOptions), spec: spec)
    }
}
