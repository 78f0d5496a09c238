/// Sobel gradients as TensorFlow's `tf.image.sobel_edges` computes them, turned into three maps
/// that describe edges without the sign of their direction.
///
/// TensorFlow pads the image by one pixel with mode REFLECT (the mirror image without repeating
/// the edge pixel: column −1 is column 1, column width is column width − 2; NumPy's
/// `np.pad(mode="reflect")`) and cross-correlates (no kernel flip) with
///
///     dy: [[-1, -2, -1],     dx: [[-1, 0, 1],
///          [ 0,  0,  0],          [-2, 0, 2],
///          [ 1,  2,  1]]          [-1, 0, 1]]
///
/// so dy is positive where the image gets brighter downwards and dx where it gets brighter to the
/// right. The image must be at least 2×2, as TensorFlow requires for REFLECT padding.
///
/// The features, in this order, each a width × height map row-major from the top left:
/// - the magnitude m = √(dx² + dy²);
/// - m·cos 2θ = (dx² − dy²)/m;
/// - m·sin 2θ = 2·dx·dy/m,
///
/// where θ = atan2(dy, dx), and both orientation maps are 0 where m = 0. Doubling the angle makes
/// θ and θ + 180° (a dark-to-bright edge and the bright-to-dark edge along the same line) the
/// same point, so the pair (m cos 2θ, m sin 2θ) is an unsigned orientation field weighted by
/// edge strength that, unlike θ itself, varies continuously and averages sensibly.
///
/// Everything is computed in Double and rounded to Float once per value (TensorFlow convolves a
/// float32 image in float32; the two agree to Float rounding).
public enum SobelEdges {
    /// 3·width·height: three maps of the image's size.
    public static func dimension(width: Int, height: Int) -> Int { 3 * width * height }

    /// The three maps (magnitude, m·cos 2θ, m·sin 2θ) of a width × height grayscale image given
    /// row-major on the 0...255 scale, concatenated: ``dimension(width:height:)`` values.
    public static func features(_ pixels: [Float], width: Int, height: Int) -> [Float] {
        let plane = width * height
        return [Float](unsafeUninitializedCapacity: 3 * plane) { out, initialized in
            forEachGradient(pixels, width: width, height: height) { index, dx, dy in
                let squared = dx * dx + dy * dy
                let magnitude = squared.squareRoot()
                out[index] = Float(magnitude)
                out[plane + index] = magnitude > 0 ? Float((dx * dx - dy * dy) / magnitude) : 0
                out[2 * plane + index] = magnitude > 0 ? Float(2 * dx * dy / magnitude) : 0
            }
            initialized = 3 * plane
        }
    }

    /// TensorFlow's two maps as they come out of `tf.image.sobel_edges` (its last axis holds
    /// [dy, dx]), each width × height row-major.
    public static func gradients(_ pixels: [Float], width: Int, height: Int) -> (dy: [Float], dx: [Float]) {
        var dyMap = [Float](repeating: 0, count: width * height)
        var dxMap = dyMap
        dyMap.withUnsafeMutableBufferPointer { dyOut in
            dxMap.withUnsafeMutableBufferPointer { dxOut in
                forEachGradient(pixels, width: width, height: height) { index, dx, dy in
                    dyOut[index] = Float(dy)
                    dxOut[index] = Float(dx)
                }
            }
        }
        return (dyMap, dxMap)
    }

    /// Calls `body(y·width + x, dx, dy)` for every pixel in row-major order, with the REFLECT
    /// padded neighbours: row −1 is row 1, row height is row height − 2, and likewise for columns.
    @inline(__always)
    static func forEachGradient(
        _ pixels: [Float], width: Int, height: Int,
        _ body: (Int, Double, Double) -> Void
    ) {
        precondition(
            width >= 2 && height >= 2 && pixels.count == width * height,
            "SobelEdges: \(pixels.count) pixels for \(width)x\(height) (at least 2x2)")
        pixels.withUnsafeBufferPointer { image in
            let base = image.baseAddress!
            for y in 0..<height {
                let above = base + (y == 0 ? 1 : y - 1) * width
                let row = base + y * width
                let below = base + (y == height - 1 ? height - 2 : y + 1) * width
                for x in 0..<width {
                    let left = x == 0 ? 1 : x - 1, right = x == width - 1 ? width - 2 : x + 1
                    // Each row's or column's weighted sum first, in the kernels' order.
                    let dy =
                        (Double(below[left]) + 2 * Double(below[x]) + Double(below[right]))
                        - (Double(above[left]) + 2 * Double(above[x]) + Double(above[right]))
                    let dx =
                        (Double(above[right]) + 2 * Double(row[right]) + Double(below[right]))
                        - (Double(above[left]) + 2 * Double(row[left]) + Double(below[left]))
                    body(y * width + x, dx, dy)
                }
            }
        }
    }
}
