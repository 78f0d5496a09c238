/// How an image is brought to size × size. The aspect ratio is not kept (the notebook's loader
/// stretched too); a photo of any shape becomes a square pattern.
public enum ResizeMethod: String, Sendable, CaseIterable, Codable {
    /// Bilinear interpolation with half-pixel centres and no antialiasing: TensorFlow's
    /// `tf.image.resize(method="bilinear")`, which the seed notebook's Keras loader used. Kept to
    /// reproduce that experiment; it aliases badly when shrinking a photo a lot, because each
    /// output pixel looks at only the 4 nearest source pixels.
    case bilinear
    /// Box average: each output pixel is the mean of the source area it covers (fractional
    /// pixels weighted by the covered fraction). The better default for photos. JPEGs are first
    /// decoded with libjpeg-turbo's scaled IDCT (1/2, 1/4, 1/8) to the smallest size not below
    /// the target.
    case area
}

public enum Resizer {
    public static func resize(_ image: GrayImage, width: Int, height: Int, method: ResizeMethod) -> FloatImage {
        precondition(width > 0 && height > 0 && image.width > 0 && image.height > 0)
        switch method {
        case .bilinear: return bilinear(image, width: width, height: height)
        case .area: return area(image, width: width, height: height)
        }
    }

    /// TensorFlow's ResizeBilinear with `half_pixel_centers=True`, in Float32 as TensorFlow
    /// computes it: source coordinate (x + 0.5)·scale − 0.5, lower index clamped at 0, upper
    /// index ceil(·) clamped at size − 1, weight = coordinate − floor(coordinate).
    static func bilinear(_ image: GrayImage, width: Int, height: Int) -> FloatImage {
        struct Tap { var lower: Int; var upper: Int; var lerp: Float }
        func taps(outSize: Int, inSize: Int) -> [Tap] {
            let scale = Float(inSize) / Float(outSize)
            return (0..<outSize).map { i in
                let coordinate = (Float(i) + 0.5) * scale - 0.5
                let floorValue = coordinate.rounded(.down)
                return Tap(lower: max(Int(floorValue), 0),
                           upper: min(Int(coordinate.rounded(.up)), inSize - 1),
                           lerp: coordinate - floorValue)
            }
        }
        let xs = taps(outSize: width, inSize: image.width)
        let ys = taps(outSize: height, inSize: image.height)
        var out = [Float](repeating: 0, count: width * height)
        image.pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                let w = image.width
                for (y, ty) in ys.enumerated() {
                    let top = ty.lower * w, bottom = ty.upper * w
                    for (x, tx) in xs.enumerated() {
                        let topLeft = Float(src[top + tx.lower]), topRight = Float(src[top + tx.upper])
                        let bottomLeft = Float(src[bottom + tx.lower]), bottomRight = Float(src[bottom + tx.upper])
                        let topValue = topLeft + (topRight - topLeft) * tx.lerp
                        let bottomValue = bottomLeft + (bottomRight - bottomLeft) * tx.lerp
                        dst[y * width + x] = topValue + (bottomValue - topValue) * ty.lerp
                    }
                }
            }
        }
        return FloatImage(width: width, height: height, pixels: out)
    }

    /// One output pixel's footprint along one axis: source indices and the covered fractions.
    struct Footprint { var first: Int; var weights: [Float] }

    /// Output pixel i covers [i·in/out, (i+1)·in/out) in source pixels; each source pixel
    /// contributes the length of its overlap, and the weights are divided by their sum.
    /// Computed in exact integer units of 1/out, so no rounding decides which pixels count.
    static func footprints(outSize: Int, inSize: Int) -> [Footprint] {
        (0..<outSize).map { i in
            // Interval in units of 1/outSize source pixels: [i·in, (i+1)·in).
            let start = i * inSize, end = (i + 1) * inSize
            let first = start / outSize, last = (end - 1) / outSize
            var weights: [Float] = []
            for s in first...last {
                let lo = max(start, s * outSize), hi = min(end, (s + 1) * outSize)
                weights.append(Float(hi - lo) / Float(inSize))
            }
            return Footprint(first: first, weights: weights)
        }
    }

    static func area(_ image: GrayImage, width: Int, height: Int) -> FloatImage {
        let xs = footprints(outSize: width, inSize: image.width)
        let ys = footprints(outSize: height, inSize: image.height)
        // Horizontal pass into a width × image.height buffer, then the vertical pass.
        var rows = [Float](repeating: 0, count: width * image.height)
        var out = [Float](repeating: 0, count: width * height)
        image.pixels.withUnsafeBufferPointer { src in
            rows.withUnsafeMutableBufferPointer { mid in
                for y in 0..<image.height {
                    let row = y * image.width
                    for (x, f) in xs.enumerated() {
                        var sum: Float = 0
                        for (k, weight) in f.weights.enumerated() { sum += Float(src[row + f.first + k]) * weight }
                        mid[y * width + x] = sum
                    }
                }
            }
        }
        rows.withUnsafeBufferPointer { mid in
            out.withUnsafeMutableBufferPointer { dst in
                for (y, f) in ys.enumerated() {
                    for x in 0..<width {
                        var sum: Float = 0
                        for (k, weight) in f.weights.enumerated() { sum += mid[(f.first + k) * width + x] * weight }
                        dst[y * width + x] = sum
                    }
                }
            }
        }
        return FloatImage(width: width, height: height, pixels: out)
    }
}
