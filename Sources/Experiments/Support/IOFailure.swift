/// A file-system operation that failed, with the path and the system's reason.
public struct IOFailure: Error, CustomStringConvertible, Sendable {
    /// The path.
    public let path: String
    /// The system's reason.
    public let reason: String
    /// A failure at `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "\(path): \(reason)" }
}
