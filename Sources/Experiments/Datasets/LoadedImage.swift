import Imaging

/// One image of a dataset as the network sees it.
public struct LoadedImage: Sendable {
    /// The file it came from.
    public var file: Dataset.File
    /// The pattern: ±1 values, or gray levels in [−1, 1].
    public var values: PatternValues
    /// The format its bytes had.
    public var format: ImageFormat
    /// The image's width before resizing.
    public var sourceWidth: Int
    /// The image's height before resizing.
    public var sourceHeight: Int
}
