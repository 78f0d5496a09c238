/// A grayscale image with Float pixels on the 0...255 scale: the output of resizing, before
/// binarization.
public struct FloatImage: Sendable, Equatable {
    /// Pixels per row.
    public let width: Int
    /// Number of rows.
    public let height: Int
    /// width × height values on the 0...255 scale, fractional after resizing, row-major from the
    /// top left: pixel (x, y) is at y·width + x.
    public var pixels: [Float]

    /// An image from its pixels; `pixels.count` must be width × height.
    public init(width: Int, height: Int, pixels: [Float]) {
        precondition(
            width >= 0 && height >= 0 && pixels.count == width * height,
            "FloatImage: \(pixels.count) pixels for \(width)x\(height)")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The pixel in column x of row y, both from 0 at the top left.
    public subscript(x: Int, y: Int) -> Float { pixels[y * width + x] }
}
