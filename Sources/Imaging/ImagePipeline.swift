import Features

/// Decode → grayscale → resize → binarize (or encode), for one file.
public enum ImagePipeline {
    /// One file's pattern with what the file said about itself.
    public struct Loaded: Sendable {
        /// The pattern the network sees (binarized or gray pixels, or real-valued features).
        public var values: PatternValues
        /// The decoded image and what the file said about itself (the image is empty for the
        /// colour encoders, which decode to RGB).
        public var decoded: DecodedImage
    }

    /// Resizes and binarizes (or encodes) an image already decoded in gray (decode it with
    /// ``ImageSpec/decodeOptions`` so that area resizing can use the scaled JPEG decoding).
    public static func process(_ decoded: DecodedImage, spec: ImageSpec) -> Loaded {
        let resized = Resizer.resize(decoded.image, width: spec.size, height: spec.size, method: spec.resize)
        let values: PatternValues
        if let extractor = spec.encoder.extractor {
            values = .continuous(extractor.features(of: .gray(pixels: resized.pixels, width: resized.width, height: resized.height)))
        } else {
            values = spec.binarize.isBinary ? .binary(spec.binarize.binarize(resized)) : .continuous(Binarization.continuous(resized))
        }
        return Loaded(values: values, decoded: decoded)
    }

    /// Reads, decodes and processes one file; an ``ImageError`` names the file and the cause.
    public static func load(path: String, spec: ImageSpec) throws(ImageError) -> Loaded {
        try load(bytes: try ImageFile.read(path), path: path, spec: spec)
    }

    /// Decodes and processes bytes already read; `path` only labels the errors.
    public static func load(bytes: [UInt8], path: String, spec: ImageSpec) throws(ImageError) -> Loaded {
        guard let extractor = spec.encoder.extractor, case .rgb(let side) = extractor.input else {
            return process(try ImageDecoder.decode(bytes, path: path, options: spec.decodeOptions), spec: spec)
        }
        let (decoded, planes) = try ImageDecoder.decodeRGB(bytes, path: path, options: spec.decodeOptions)
        // Each channel resized as gray images are, then rounded to bytes as an image library
        // writes a resized image.
        let resized = planes.map { Resizer.resize($0, width: side, height: side, method: spec.resize).pixels }
        var rgb = [UInt8](repeating: 0, count: 3 * side * side)
        for c in 0..<3 {
            for (i, v) in resized[c].enumerated() { rgb[3 * i + c] = UInt8(max(0, min(255, v.rounded()))) }
        }
        return Loaded(values: .continuous(extractor.features(of: .rgb(bytes: rgb, side: side))), decoded: decoded)
    }
}
