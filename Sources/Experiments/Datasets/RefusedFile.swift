import Imaging

/// A file that could not be used, and why.
public struct RefusedFile: Sendable {
    /// The file.
    public var file: Dataset.File
    /// Why it could not be used.
    public var error: ImageError
}
