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
        switch spec.encoder {
        case .pixels:
            values = spec.binarize.isBinary ? .binary(spec.binarize.binarize(resized)) : .continuous(Binarization.continuous(resized))
        case .edges: values = .continuous(SobelEdges.features(resized.pixels, width: resized.width, height: resized.height))
        case .hog: values = .continuous(HOG.features(resized.pixels, width: resized.width, height: resized.height))
        case .cnn: preconditionFailure("cnn features are computed from the RGB image (ImagePipeline.load)")
        }
        return Loaded(values: values, decoded: decoded)
    }

    /// Reads, decodes and processes one file; an ``ImageError`` names the file and the cause.
    public static func load(path: String, spec: ImageSpec) throws(ImageError) -> Loaded {
        try load(bytes: try ImageFile.read(path), path: path, spec: spec)
    }

    /// Decodes and processes bytes already read; `path` only labels the errors.
    public static func load(bytes: [UInt8], path: String, spec: ImageSpec) throws(ImageError) -> Loaded {
        guard case .cnn(let weights) = spec.encoder else {
            return process(try ImageDecoder.decode(bytes, path: path, options: spec.decodeOptions), spec: spec)
        }
        guard let network = CNNRegistry.network(at: weights.path) else {
            preconditionFailure("\(weights.path): the cnn weights are loaded when the run is prepared")
        }
        let (decoded, planes) = try ImageDecoder.decodeRGB(bytes, path: path, options: spec.decodeOptions)
        // Each channel resized as gray images are, then rounded to bytes as an image library
        // writes a resized image: the network's input is 8-bit RGB, (x − 127)/128.
        let side = CNNWeights.inputSide
        let resized = planes.map { Resizer.resize($0, width: side, height: side, method: spec.resize).pixels }
        var rgb = [UInt8](repeating: 0, count: 3 * side * side)
        for c in 0..<3 {
            for (i, v) in resized[c].enumerated() { rgb[3 * i + c] = UInt8(max(0, min(255, v.rounded()))) }
        }
        return Loaded(values: .continuous(network.features(rgb: rgb, width: side, height: side)), decoded: decoded)
    }
}
