import Features
import Imaging

/// Sobel gradients of the resized gray image (TensorFlow's `sobel_edges`, reflected borders), as
/// three maps: magnitude m, m·cos 2θ and m·sin 2θ (an unsigned orientation weighted by the
/// edge's strength): 3·size² features. Notebook 000's commented-out idea.
public struct EdgesEncoder: EncoderDefinition, FeatureExtractor {
    /// `edges`.
    public static let name = "edges"
    /// What the encoder computes.
    public static let summary = "Sobel magnitude and orientation, 3·size² values"

    /// The encoder.
    public init() {}

    /// Itself.
    public var extractor: (any FeatureExtractor)? { self }

    /// 3·size².
    public func dimension(size: Int) -> Int { SobelEdges.dimension(width: size, height: size) }

    /// The three maps of the gray image.
    public func features(of image: EncoderImage) -> [Float] {
        guard case .gray(let pixels, let width, let height) = image else { preconditionFailure("edges read the gray image") }
        return SobelEdges.features(pixels, width: width, height: height)
    }
}
