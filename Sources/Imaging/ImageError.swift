/// Why an image file could not be used. Always carries the file's path so a message read in a
/// log of thousands of files says which one.
public struct ImageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, by kind; the strings carry the details (the operating system's or the
    /// decoder's message, or the format's name).
    public enum Cause: Sendable, Equatable {
        /// The file system refused (permissions, a folder, ...): the system's message.
        case unreadable(String)
        /// Zero bytes.
        case empty
        /// A text file, not an image.
        case text
        /// No known magic bytes.
        case unknownFormat
        /// GIF, BMP, WebP, ...: recognised but not decoded; the format's name.
        case unsupportedFormat(String)
        /// The header claims more pixels than the limit (``DecodeOptions/maxPixels``).
        case tooLarge(String)
        /// The decoder refused the bytes (truncated, bad CRC, ...): the format and the decoder's
        /// message.
        case corrupt(ImageFormat, String)
        /// A valid PNG or JPEG of a kind the decoder does not handle (an unusual JPEG colour
        /// space, an unexpected PNG layout): the format and the decoder's message.
        case unsupportedVariant(ImageFormat, String)
    }

    /// The file's path, as given.
    public let path: String
    /// Why the file could not be used.
    public let cause: Cause

    /// An error for the file at `path`.
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

    /// "path: reason", for logs.
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
