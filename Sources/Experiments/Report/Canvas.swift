import Imaging

/// An RGB picture built pixel by pixel: pattern tiles scaled by whole numbers (no smoothing),
/// text in the 5×7 font, filled rectangles.
struct Canvas {
    let width: Int
    let height: Int
    var pixels: [UInt8]

    typealias Color = (UInt8, UInt8, UInt8)
    static let white: Color = (255, 255, 255)
    static let black: Color = (0, 0, 0)
    static let gray: Color = (128, 128, 128)
    /// Neuron colours: −1 dark navy, +1 light, 0 (undecided) orange, as notebook 000's pygame
    /// animation (−1 sky blue, +1 navy) but with more contrast in print.
    static let plus: Color = (245, 245, 240)
    static let minus: Color = (20, 33, 61)
    static let undecided: Color = (230, 159, 0)

    init(width: Int, height: Int, background: Color = Canvas.white) {
        self.width = max(width, 1)
        self.height = max(height, 1)
        pixels = [UInt8](repeating: 0, count: self.width * self.height * 3)
        fill(x: 0, y: 0, w: self.width, h: self.height, background)
    }

    mutating func set(_ x: Int, _ y: Int, _ c: Color) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let o = (y * width + x) * 3
        pixels[o] = c.0
        pixels[o + 1] = c.1
        pixels[o + 2] = c.2
    }

    mutating func fill(x: Int, y: Int, w: Int, h: Int, _ c: Color) {
        let x0 = max(x, 0), x1 = min(x + w, width), y0 = max(y, 0), y1 = min(y + h, height)
        guard x0 < x1, y0 < y1 else { return }
        for yy in y0..<y1 {
            for xx in x0..<x1 { set(xx, yy, c) }
        }
    }

    /// The colour of one neuron value: binary ±1 (and 0) in neuron colours, other values as gray.
    static func color(_ v: Double) -> Color {
        if v == 1 { return plus }
        if v == -1 { return minus }
        if v == 0 { return undecided }
        let g = UInt8(max(0, min(255, ((v + 1) / 2 * 255).rounded())))
        return (g, g, g)
    }

    /// Draws a side×side pattern, each neuron a scale×scale block.
    mutating func pattern(_ values: [Double], side: Int, x: Int, y: Int, scale: Int) {
        for r in 0..<side {
            for c in 0..<side where r * side + c < values.count {
                fill(x: x + c * scale, y: y + r * scale, w: scale, h: scale, Canvas.color(values[r * side + c]))
            }
        }
    }

    /// Text in the 5×7 font, `size` pixels per font pixel; returns the width drawn.
    @discardableResult
    mutating func text(_ s: String, x: Int, y: Int, size: Int = 1, _ c: Color = Canvas.black) -> Int {
        var cx = x
        for ch in s {
            let g = PixelFont.glyph(ch)
            for (r, row) in g.enumerated() {
                for (k, bit) in row.enumerated() where bit == "#" { fill(x: cx + k * size, y: y + r * size, w: size, h: size, c) }
            }
            cx += (PixelFont.width + 1) * size
        }
        return cx - x
    }

    static func textWidth(_ s: String, size: Int = 1) -> Int { s.count * (PixelFont.width + 1) * size }

    func png() -> [UInt8] {
        (try? PNGEncoder.encode(pixels: pixels, width: width, height: height, channels: 3)) ?? []
    }
}
