import Hopfield
import Imaging

/// One row of `hopfield dataset inspect`.
public struct InspectionRow: Sendable {
    public var file: Dataset.File
    public var format: ImageFormat?
    public var width: Int?
    public var height: Int?
    public var error: ImageError?

    public var ok: Bool { error == nil }
}
