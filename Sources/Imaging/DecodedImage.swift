#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A decoded image and what the file said about itself.
public struct DecodedImage: Sendable {
    /// The BT.601 luma, 8 bits, at the decoded size (smaller than the header's after scaled JPEG
    /// decoding).
    public var image: GrayImage
    /// The format the magic bytes said, whatever the file's name.
    public var format: ImageFormat
    /// The size in the file's header (the decoded image is smaller after scaled decoding).
    public var sourceWidth: Int
    /// The height in the file's header (see ``sourceWidth``).
    public var sourceHeight: Int
    /// The JPEG IDCT reduction used (1, 2, 4 or 8); 1 for PNG.
    public var scaleDenominator: Int
    /// Bits per sample in the file (1, 2, 4, 8 or 16).
    public var bitDepth: Int
    /// Colour components in the file (1 gray, 3 colour, 4 CMYK).
    public var components: Int
    /// A progressive JPEG, or an Adam7-interlaced PNG.
    public var progressive: Bool
    /// The file had an alpha channel, which was dropped (never composited).
    public var hadAlpha: Bool
    /// A PNG palette image (expanded to its colours, then to luma).
    public var palette: Bool
    /// A CMYK or YCCK JPEG, converted through RGB (Adobe-inverted when its marker says so).
    public var cmyk: Bool
}
