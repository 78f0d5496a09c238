/// What the network sees of an image: its size, how it is resized and binarized.
public struct ImageSpec: Sendable, Equatable, Hashable {
    public var size: Int
    public var resize: ResizeMethod
    public var binarize: Binarization
    public var idct: IDCTMethod
    public var maxPixels: UInt64

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
    case binary([Int8])
    case continuous([Float])

    public var count: Int {
        switch self {
        case .binary(let v): return v.count
        case .continuous(let v): return v.count
        }
    }
}

/// Decode → grayscale → resize → binarize, for one file.
public enum ImagePipeline {
    public struct Loaded: Sendable {
        public var values: PatternValues
        public var decoded: DecodedImage
        public var resized: FloatImage
    }

    public static func process(_ decoded: DecodedImage, spec: ImageSpec) -> Loaded {
        let resized = Resizer.resize(decoded.image, width: spec.size, height: spec.size, method: spec.resize)
        let values: PatternValues = spec.binarize.isBinary
            ? .binary(spec.binarize.binarize(resized))
            : .continuous(Binarization.continuous(resized))
        return Loaded(values: values, decoded: decoded, resized: resized)
    }

    public static func load(path: String, spec: ImageSpec) throws(ImageError) -> Loaded {
        process(try ImageDecoder.decodeFile(atPath: path, options: spec.decodeOptions), spec: spec)
    }

    public static func load(bytes: [UInt8], path: String, spec: ImageSpec) throws(ImageError) -> Loaded {
        process(try ImageDecoder.decode(bytes, path: path, options: spec.decodeOptions), spec: spec)
    }
}
