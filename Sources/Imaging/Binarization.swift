/// How a resized grayscale image (values on the 0...255 scale) becomes a ±1 pattern.
/// In every rule a pixel exactly at the threshold becomes −1 ("> threshold" is +1).
public enum Binarization: Sendable, Equatable, Hashable {
    /// Notebook 000's rule, +1 above mid-gray: +1 where x/255 − 0.5001 > 0, computed in Float32
    /// on the resized image as Keras' `Rescaling(1/255, offset=-0.5001)` followed by `sign` did
    /// (so a pixel of 127.53 or more is +1). The notebook's `sign` gave 0 for a pixel exactly at
    /// the threshold, which is not a valid neuron state; here it is −1. Configs may still call
    /// it by its first name, `seed` (``aliases``).
    case midgray
    /// +1 above the image's own mean.
    case mean
    /// +1 above the image's own median (about half the pixels on, whatever the exposure).
    case median
    /// +1 above Otsu's threshold (the level that maximises the between-class variance of the
    /// image's 256-bin histogram of rounded values).
    case otsu
    /// +1 above a fixed gray level on the 0...255 scale.
    case threshold(Float)
    /// No binarization: gray scaled linearly to [−1, 1] (x/127.5 − 1), for modern networks.
    case none

    /// The name used in configs and on the command line.
    public var name: String {
        switch self {
        case .midgray: return "midgray"
        case .mean: return "mean"
        case .median: return "median"
        case .otsu: return "otsu"
        case .threshold: return "threshold"
        case .none: return "none"
        }
    }

    /// Every name that ``name`` returns, one per case in declaration order: for help texts and
    /// config validation.
    public static let names = ["midgray", "mean", "median", "otsu", "threshold", "none"]

    /// Older names still accepted: `seed` was `midgray`'s name when "seed" also meant the
    /// notebooks and the random seed.
    public static let aliases = ["seed": "midgray"]

    /// True for every rule except `none`.
    public var isBinary: Bool { self != .none }

    /// The ±1 pattern of an image. Not for `.none` (use `continuous`).
    public func binarize(_ image: FloatImage) -> [Int8] {
        let pixels = image.pixels
        switch self {
        case .midgray:
            let scale = Float(1.0 / 255.0), offset = Float(-0.5001)
            return pixels.map { $0 * scale + offset > 0 ? 1 : -1 }
        case .mean:
            // Summed in Double in a fixed order: the same on every machine.
            let mean = pixels.reduce(0.0) { $0 + Double($1) } / Double(max(pixels.count, 1))
            return pixels.map { Double($0) > mean ? 1 : -1 }
        case .median:
            let median = Binarization.median(of: pixels)
            return pixels.map { $0 > median ? 1 : -1 }
        case .otsu:
            let level = Binarization.otsuLevel(of: pixels)
            return pixels.map { Binarization.level($0) > level ? 1 : -1 }
        case .threshold(let t):
            return pixels.map { $0 > t ? 1 : -1 }
        case .none:
            preconditionFailure("Binarization.none has no ±1 pattern; use continuous(_:)")
        }
    }

    /// Gray scaled to [−1, 1]: the pattern of `.none`.
    public static func continuous(_ image: FloatImage) -> [Float] {
        image.pixels.map { $0 / 127.5 - 1 }
    }

    /// The median, the mean of the two middle values for an even count.
    static func median(of values: [Float]) -> Float {
        if values.isEmpty { return 0 }
        let sorted = values.sorted()
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    /// A value's histogram bin: rounded to the nearest gray level, clamped to 0...255.
    static func level(_ value: Float) -> Int { Int(min(max(value, 0), 255).rounded()) }

    /// Otsu (1979): the level t that maximises w0·w1·(μ0 − μ1)² for the classes ≤ t and > t.
    /// Ties go to the smallest t. A constant image gives its own level (everything −1).
    public static func otsuLevel(of values: [Float]) -> Int {
        var histogram = [Int](repeating: 0, count: 256)
        for v in values { histogram[level(v)] += 1 }
        let total = values.count
        var sumAll = 0.0
        for (g, count) in histogram.enumerated() { sumAll += Double(g * count) }
        var best = -1.0, bestLevel = 0
        var weightBelow = 0, sumBelow = 0.0
        for t in 0..<256 {
            weightBelow += histogram[t]
            sumBelow += Double(t * histogram[t])
            let weightAbove = total - weightBelow
            if weightBelow == 0 || weightAbove == 0 { continue }
            let meanBelow = sumBelow / Double(weightBelow)
            let meanAbove = (sumAll - sumBelow) / Double(weightAbove)
            let between = Double(weightBelow) * Double(weightAbove) * (meanBelow - meanAbove) * (meanBelow - meanAbove)
            if between > best {
                best = between
                bestLevel = t
            }
        }
        if best < 0 { return values.first.map(level) ?? 0 }
        return bestLevel
    }
}

extension Binarization {
    /// Parses a config or command-line name; `threshold` needs its level.
    public init?(name: String, threshold: Float? = nil) {
        switch name {
        case "midgray", "seed": self = .midgray
        case "mean": self = .mean
        case "median": self = .median
        case "otsu": self = .otsu
        case "none": self = .none
        case "threshold":
            guard let threshold else { return nil }
            self = .threshold(threshold)
        default: return nil
        }
    }
}
