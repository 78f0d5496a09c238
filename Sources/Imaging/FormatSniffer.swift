/// Identifies files by their magic bytes: the only way an ``ImageFormat`` is chosen (file names are
/// never consulted).
public enum FormatSniffer {
    /// How many leading bytes `sniff` looks at; reading this many is enough.
    public static let headerLength = 512

    /// Identifies a file by its magic bytes.
    public static func sniff(_ bytes: some Collection<UInt8>) -> SniffedKind {
        let head = Array(bytes.prefix(headerLength))
        if head.isEmpty { return .empty }
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + magic.count && Array(head[offset..<offset + magic.count]) == magic
        }
        func ascii(_ s: String) -> [UInt8] { Array(s.utf8) }

        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .supported(.png) }
        if starts([0xFF, 0xD8, 0xFF]) { return .supported(.jpeg) }
        if starts(ascii("GIF87a")) || starts(ascii("GIF89a")) { return .unsupported("GIF") }
        if starts(ascii("RIFF")) && starts(ascii("WEBP"), at: 8) { return .unsupported("WebP") }
        if starts(ascii("BM")) && head.count >= 14 { return .unsupported("BMP") }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) {
            return .unsupported("TIFF")
        }
        if starts(ascii("ftyp"), at: 4) && head.count >= 12 {
            let brand = String(decoding: head[8..<12], as: UTF8.self)
            switch brand {
            case "avif", "avis": return .unsupported("AVIF")
            case "heic", "heix", "hevc", "heim", "heis", "mif1", "msf1": return .unsupported("HEIF/HEIC")
            default: return .unsupported("ISO media (\(brand))")
            }
        }
        if starts([0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20]) || starts([0xFF, 0x4F, 0xFF, 0x51]) {
            return .unsupported("JPEG 2000")
        }
        if starts([0xFF, 0x0A]) || starts([0x00, 0x00, 0x00, 0x0C, 0x4A, 0x58, 0x4C, 0x20]) {
            return .unsupported("JPEG XL")
        }
        if starts(ascii("qoif")) { return .unsupported("QOI") }
        if starts(ascii("8BPS")) { return .unsupported("Photoshop PSD") }
        if starts([0x00, 0x00, 0x01, 0x00]) { return .unsupported("ICO") }
        if starts(ascii("%PDF")) { return .unsupported("PDF") }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return .unsupported("ZIP archive") }
        if starts([0x1F, 0x8B]) { return .unsupported("gzip archive") }
        if starts(ascii("P1")) || starts(ascii("P2")) || starts(ascii("P3")) || starts(ascii("P4"))
            || starts(ascii("P5")) || starts(ascii("P6"))
        {
            if head.count > 2, [0x0A, 0x0D, 0x20, 0x09].contains(head[2]) { return .unsupported("Netpbm") }
        }
        if looksLikeText(head) { return .text }
        return .unknown
    }

    /// Printable ASCII or valid UTF-8 with no control bytes other than tab, CR, LF, FF.
    static func looksLikeText(_ head: [UInt8]) -> Bool {
        var bytes = head[...]
        // A multi-byte UTF-8 sequence may be cut at the end of the header: ignore up to 3 bytes.
        while let last = bytes.last, last >= 0x80, bytes.count > head.count - 3 { bytes = bytes.dropLast() }
        for b in bytes where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C {
            return false
        }
        if bytes.contains(0x7F) { return false }
        return String(validating: bytes, as: UTF8.self) != nil
    }
}

/// What the first bytes of a file say it is.
public enum SniffedKind: Sendable, Equatable {
    /// A format we decode.
    case supported(ImageFormat)
    /// A recognised image or document format we do not decode (GIF, BMP, WebP, ...).
    case unsupported(String)
    /// Zero bytes.
    case empty
    /// Printable text (a CSV, a README, an HTML error page saved as .jpg).
    case text
    /// Bytes that match no known signature.
    case unknown
}
