/// How an image is brought to size × size. The aspect ratio is not kept (the notebook's loader
/// stretched too); a photo of any shape becomes a square pattern.
public enum ResizeMethod: String, Sendable, CaseIterable, Codable {
    /// Bilinear interpolation with half-pixel centres and no antialiasing: TensorFlow's
    /// `tf.image.resize(method="bilinear")`, which notebook 000's Keras loader used. Kept to
    /// reproduce that experiment; it aliases badly when shrinking a photo a lot, because each
    /// output pixel looks at only the 4 nearest source pixels.
    case bilinear
    /// Box average: each output pixel is the mean of the source area it covers (fractional
    /// pixels weighted by the covered fraction). The better default for photos. JPEGs are first
    /// decoded with libjpeg-turbo's scaled IDCT (1/2, 1/4, 1/8) to the smallest size not below
    /// the target.
    case area
}

/// Brings a ``GrayImage`` to a given size by one of the ``ResizeMethod``s.
public enum Resizer {
    /// The image at width × height on the 0...255 Float scale; all sizes must be positive, and the
    /// aspect ratio is not kept.
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
                return Tap(
                    lower: max(Int(floorValue), 0),
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

    /// The footprints of all output pixels along one axis, flattened: output pixel i reads
    /// source pixels first[i] ..< first[i] + count[i] with weights[offset[i] ..< offset[i] + count[i]].
    struct Footprints {
        var first: [Int32] = []
        var count: [Int32] = []
        var offset: [Int32] = []
        var weights: [Float] = []
    }

    /// Output pixel i covers [i·in/out, (i+1)·in/out) in source pixels; each source pixel
    /// contributes the length of its overlap divided by the footprint's length (in/out).
    /// Overlaps are computed in exact integer units of 1/out, so no rounding decides which
    /// pixels count, and the weights of each output pixel sum to 1.
    static func footprints(outSize: Int, inSize: Int) -> Footprints {
        var f = Footprints()
        f.first.reserveCapacity(outSize)
        f.count.reserveCapacity(outSize)
        f.offset.reserveCapacity(outSize)
        f.weights.reserveCapacity(outSize * (inSize / outSize + 2))
        for i in 0..<outSize {
            let start = i * inSize, end = (i + 1) * inSize
            let first = start / outSize, last = (end - 1) / outSize
            f.first.append(Int32(first))
            f.count.append(Int32(last - first + 1))
            f.offset.append(Int32(f.weights.count))
            for s in first...last {
                let lo = max(start, s * outSize), hi = min(end, (s + 1) * outSize)
                f.weights.append(Float(hi - lo) / Float(inSize))
            }
        }
        return f
    }

    /// Vertical pass first (whole rows at a time, which vectorizes), then the horizontal pass on
    /// the `height` reduced rows only.
    static func area(_ image: GrayImage, width: Int, height: Int) -> FloatImage {
        let xs = footprints(outSize: width, inSize: image.width)
        let ys = footprints(outSize: height, inSize: image.height)
        let srcWidth = image.width
        let columns = [Float](unsafeUninitializedCapacity: srcWidth * height) { mid, initialized in
            image.pixels.withUnsafeBufferPointer { src in
                for y in 0..<height {
                    let out = mid.baseAddress! + y * srcWidth
                    let first = Int(ys.first[y]), count = Int(ys.count[y]), offset = Int(ys.offset[y])
                    let w0 = ys.weights[offset]
                    let row0 = src.baseAddress! + first * srcWidth
                    for x in 0..<srcWidth { out[x] = Float(row0[x]) * w0 }
                    for k in 1..<max(count, 1) {
                        let weight = ys.weights[offset + k]
                        let row = src.baseAddress! + (first + k) * srcWidth
                        for x in 0..<srcWidth { out[x] += Float(row[x]) * weight }
                    }
                }
            }
            initialized = srcWidth * height
        }
        let out = [Float](unsafeUninitializedCapacity: width * height) { dst, initialized in
            columns.withUnsafeBufferPointer { mid in
                xs.first.withUnsafeBufferPointer { first in
                    xs.count.withUnsafeBufferPointer { count in
                        xs.offset.withUnsafeBufferPointer { offset in
                            xs.weights.withUnsafeBufferPointer { weights in
                                for y in 0..<height {
                                    let row = mid.baseAddress! + y * srcWidth
                                    let out = dst.baseAddress! + y * width
                                    for x in 0..<width {
                                        let s = row + Int(first[x]), w = weights.baseAddress! + Int(offset[x])
                                        var sum: Float = 0
                                        for k in 0..<Int(count[x]) { sum += s[k] * w[k] }
                                        out[x] = sum
                                    }
                                }
                            }
                        }
                    }
                }
            }
            initialized = width * height
        }
        return FloatImage(width: width, height: height, pixels: out)
    }
}
