import Foundation
import Imaging

/// Why an import failed as a whole (a missing file, a wrong magic number). Bad rows of a CSV
/// are not failures: they are skipped and listed in `ImportSummary.skipped`.
public struct ImportError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, naming the file.
    public let description: String
    /// An error with its message.
    public init(_ description: String) { self.description = description }
}
