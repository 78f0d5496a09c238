import Hopfield
import Imaging

/// One row of `hopfield dataset inspect`.
public struct InspectionRow: Sendable {
    /// The file.
    public var file: Dataset.File
    /// The format found in its bytes (nil when refused).
    public var format: ImageFormat?
    /// The decoded width.
    public var width: Int?
    /// The decoded height.
    public var height: Int?
    /// Why the file is refused (nil when it decodes).
    public var error: ImageError?

    /// Whether the file decodes.
    public var ok: Bool { error == nil }
}
