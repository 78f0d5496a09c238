import Foundation
import Imaging

/// What an import wrote.
public struct ImportSummary: Sendable {
    /// The dataset folder written.
    public var output: String
    /// Images written.
    public var imported: Int
    /// Images per class folder, in sorted class order.
    public var perClass: [(String, Int)]
    /// Rows or records that were skipped, with the reason ("line 17: 783 fields, expected 785").
    public var skipped: [String]
}

/// Reads a file, inflating it when it starts with the gzip magic number.
func readMaybeGzip(_ path: String) throws -> [UInt8] {
    let bytes: [UInt8]
    do { bytes = try FileBytes.read(path) } catch { throw ImportError("\(path): \(error.reason)") }
    if Zlib.isGzip(bytes) {
        do { return try Zlib.inflate(bytes) } catch { throw ImportError("\(path): \(error.description)") }
    }
    return bytes
}
