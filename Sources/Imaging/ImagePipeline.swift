

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
