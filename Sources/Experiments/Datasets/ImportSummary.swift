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

/// Reads a file, inflating it when it starts with the gzip magic number. Unless the file is
/// gzip, `accept` judges its first 512 bytes (nil, or why the file is not of the kind expected)
/// before the rest is read; after inflating, it judges the inflated bytes' start.
func readMaybeGzip(_ path: String, accept: ([UInt8]) -> String?) throws -> [UInt8] {
    let bytes: [UInt8]
    do {
        bytes = try FileBytes.read(path, limit: 1 << 33, headLength: 512) { head, _ in Zlib.isGzip(head) ? nil : accept(head) }
    } catch { throw ImportError("\(path): \(error.reason)") }
    guard Zlib.isGzip(bytes) else { return bytes }
    let inflated: [UInt8]
    do { inflated = try Zlib.inflate(bytes) } catch { throw ImportError("\(path): \(error.description)") }
    if let reason = accept(Array(inflated.prefix(512))) { throw ImportError("\(path): \(reason)") }
    return inflated
}
