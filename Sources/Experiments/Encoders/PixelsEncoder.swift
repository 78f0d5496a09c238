import Imaging

/// No feature stage: the memory sees the image's pixels, binarized by `image.binarize` (or as
/// gray levels), as in the notebooks.
public struct PixelsEncoder: EncoderDefinition {
    /// `pixels`.
    public static let name = "pixels"
    /// What the memory sees.
    public static let summary = "the binarized image"

    /// The pixels.
    public init() {}

    /// None: the image pipeline binarizes the pixels itself.
    public var extractor: (any FeatureExtractor)? { nil }
}
