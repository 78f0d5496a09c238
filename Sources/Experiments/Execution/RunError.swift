import Hopfield

/// A failure while running (not a config problem).
public struct RunError: Error, CustomStringConvertible, Sendable {
    /// What failed.
    public let description: String
    /// A failure with its message.
    public init(_ description: String) { self.description = description }
}
