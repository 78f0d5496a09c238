import Imaging

/// A file that could not be used, and why.
public struct RefusedFile: Sendable {
    public var file: Dataset.File
    public var error: ImageError
}
