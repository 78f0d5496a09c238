/// A malformed results file.
public struct ResultsFileError: Error, Sendable, CustomStringConvertible {
    /// The file.
    public let path: String
    /// What is wrong with it.
    public let reason: String
    public var description: String { "\(path): \(reason)" }
}
