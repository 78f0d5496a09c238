import Imaging

/// One image of a dataset as the network sees it.
public struct LoadedImage: Sendable {
    public var file: Dataset.File
    public var values: PatternValues
    public var format: ImageFormat
    public var sourceWidth: Int
    public var sourceHeight: Int
}
