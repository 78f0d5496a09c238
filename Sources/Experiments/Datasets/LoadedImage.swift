import Hopfield
import Imaging

/// One image of a dataset as the network sees it.
public struct LoadedImage: Sendable {
    /// The file it came from.
    public var file: Dataset.File
    /// The pattern: ±1 values, or gray levels in [−1, 1] (or features).
    public var values: PatternValues {
        didSet { packed = Self.pack(values) }
    }
    /// The ±1 pattern bit-packed, once per image per batch (nil for real values): every run's
    /// memory selection, overlaps and baselines use it.
    public private(set) var packed: BinaryPattern?
    /// The format its bytes had.
    public var format: ImageFormat
    /// The image's width before resizing.
    public var sourceWidth: Int
    /// The image's height before resizing.
    public var sourceHeight: Int

    /// An image of `file` with its pattern (packed here, when it is ±1).
    public init(file: Dataset.File, values: PatternValues, format: ImageFormat, sourceWidth: Int, sourceHeight: Int) {
        self.file = file
        self.values = values
        packed = Self.pack(values)
        self.format = format
        self.sourceWidth = sourceWidth
        self.sourceHeight = sourceHeight
    }

    /// The pattern as the runner handles it, with the packed form made at load.
    public var pattern: PatternVector {
        if case .binary(let v) = values, let packed { return .binary(v, packed) }
        return PatternVector(values)
    }

    static func pack(_ values: PatternValues) -> BinaryPattern? {
        if case .binary(let v) = values { return BinaryPattern(v) }
        return nil
    }
}
