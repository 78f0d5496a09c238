import Features
import Imaging

/// Dalal and Triggs' histograms of oriented gradients on the resized gray image, as
/// scikit-image computes them (9 orientations, 8×8-pixel cells, 2×2-cell blocks, L2-Hys).
public struct HOGEncoder: EncoderDefinition, FeatureExtractor {
    /// `hog`.
    public static let name = "hog"
    /// What the encoder computes.
    public static let summary = "9 orientations, 8×8 cells, 2×2 blocks, L2-Hys"

    /// The encoder.
    public init() {}

    /// Itself.
    public var extractor: (any FeatureExtractor)? { self }

    /// The descriptor's length (1764 at size 64).
    public func dimension(size: Int) -> Int { HOGParameters().dimension(width: size, height: size) }

    /// An image must hold one block of 2×2 cells of 8×8 pixels.
    public func check(_ config: ExperimentConfig) throws(ConfigError) {
        if dimension(size: config.image.size) == 0 {
            throw ConfigError(
                path: "image.size", "hog needs at least 2×2 cells of 8×8 pixels: image.size ≥ 16 (is \(config.image.size))")
        }
    }

    /// The descriptor of the gray image.
    public func features(of image: EncoderImage) -> [Float] {
        guard case .gray(let pixels, let width, let height) = image else { preconditionFailure("hog reads the gray image") }
        return HOG.features(pixels, width: width, height: height)
    }
}
