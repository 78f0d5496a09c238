/// An 8-bit grayscale image, row-major, one byte per pixel (0 black, 255 white).
public struct GrayImage: Sendable, Equatable {
    /// Pixels per row.
    public let width: Int
    /// Number of rows.
    public let height: Int
    /// width × height bytes, row-major from the top left: pixel (x, y) is at y·width + x.
    public var pixels: [UInt8]

    /// An image from its pixels; `pixels.count` must be width × height.
    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(
            width >= 0 && height >= 0 && pixels.count == width * height,
            "GrayImage: \(pixels.count) pixels for \(width)x\(height)")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The pixel in column x of row y, both from 0 at the top left.
    public subscript(x: Int, y: Int) -> UInt8 { pixels[y * width + x] }
}
