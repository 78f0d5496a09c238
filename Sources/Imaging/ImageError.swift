/// Why an image file could not be used. Always carries the file's path so a message read in a
/// log of thousands of files says which one.
public struct ImageError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Cause: Sendable, Equatable {
        case unreadable(String)           // the file system refused (permissions, a folder, ...)
        case empty                        // zero bytes
        case text                         // a text file, not an image
        case unknownFormat                // no known magic bytes
        case unsupportedFormat(String)    // GIF, BMP, WebP, ...: recognised but not decoded
        case tooLarge(String)             // the header claims more pixels than the limit
        case corrupt(ImageFormat, String) // the decoder refused the bytes (truncated, bad CRC, ...)
        case unsupportedVariant(ImageFormat, String)
    }

    public let path: String
    public let cause: Cause

    public init(path: String, cause: Cause) {
        self.path = path
        self.cause = cause
    }

    /// The cause alone, for tables that already show the path in another column.
    public var reason: String {
        switch cause {
        case .unreadable(let why): return "cannot read the file: \(why)"
        case .empty: return "empty file (0 bytes)"
        case .text: return "a text file, not an image"
        case .unknownFormat: return "not a PNG or JPEG (unrecognised bytes)"
        case .unsupportedFormat(let name): return "\(name) is not supported (only PNG and JPEG are)"
        case .tooLarge(let why): return "too large: \(why)"
        case .corrupt(let format, let why): return "corrupt \(format.rawValue.uppercased()): \(why)"
        case .unsupportedVariant(let format, let why): return "unsupported \(format.rawValue.uppercased()): \(why)"
        }
    }

    public var description: String { "\(path): \(reason)" }

    /// A short stable tag for CSV columns and counts ("corrupt", "too-large", ...).
    public var kind: String {
        switch cause {
        case .unreadable: return "unreadable"
        case .empty: return "empty"
        case .text: return "text"
        case .unknownFormat: return "unknown-format"
        case .unsupportedFormat: return "unsupported-format"
        case .tooLarge: return "too-large"
        case .corrupt: return "corrupt"
        case .unsupportedVariant: return "unsupported-variant"
        }
    }
}
