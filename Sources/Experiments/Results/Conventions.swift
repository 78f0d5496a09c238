import Hopfield
import Imaging

/// Every convention a run used, in words, for its manifest: how images became patterns, how
/// the weights were built, the update order, ties, equality, random streams.
public enum Conventions {
    /// The conventions of a resolved config, in a fixed order.
    public static func of(_ c: ExperimentConfig) -> [(String, JSONValue)] {
        var conventions: [(String, String)] = []
        if !c.usesRandomPatterns {
            conventions += [
                (
                    "grayscale",
                    "ITU-R BT.601 luma 0.299 R + 0.587 G + 0.114 B (16-bit fixed point, as libjpeg and Pillow); JPEG colour gives libjpeg's Y channel; alpha dropped; EXIF orientation ignored"
                ),
                ("jpegIDCT", c.image.idct == .fast ? "libjpeg JDCT_IFAST (TensorFlow's default)" : "libjpeg JDCT_ISLOW"),
                (
                    "resize",
                    c.image.resize == .bilinear
                        ? "bilinear, half-pixel centres, no antialiasing (tf.image.resize)"
                        : "area (box average), JPEG decoded with the scaled IDCT at the smallest 1/2, 1/4, 1/8 not below the target"
                ),
                ("binarize", binarization(c.image.binarize))
            ]
        }
        let rule = c.network.rule
        conventions += [
            ("weights", rule.weightsConvention),
            ("updateOrder", rule.updateConvention(c.dynamics.mode)),
            (
                "tieRule",
                rule.isContinuous ? "not applicable" : rule.usesUpdateOrder ? "field 0 → \(c.dynamics.tie.rawValue)" : "field 0 → plus"
            ),
            (
                "outcomeEquality",
                rule.isContinuous
                    ? "every component within \(Format.exact(c.network.tolerance)) of a memory (or of a negated memory)"
                    : "bit-for-bit equal to a memory (or to a negated memory)"
            ),
            ("randomStreams", "xoshiro256** seeded through SplitMix64 from (seed, purpose, item keys); items never depend on scheduling")
        ]
        var values = conventions.map { ($0.0, JSONValue.string($0.1)) }
        // maxSweeps is a number, after the tie rule.
        values.insert(("maxSweeps", .int(c.dynamics.maxSweeps)), at: values.count - 2)
        // Only where they apply, so the conventions of other runs are as they were.
        if c.dynamics.temperature > 0 {
            values.append(
                (
                    "temperature",
                    .string(
                        "Glauber dynamics at T = \(Format.exact(c.dynamics.temperature)): a visited neuron becomes +1 with probability 1/(1 + exp(−2h/T)), h divided by N for the Hebbian rule's integer fields; drawn from the start's own stream"
                    )
                ))
        }
        if let p = c.patterns {
            values.append(
                (
                    "patterns",
                    .string(
                        p.source == .random
                            ? "random: each bit +1 with probability (1 + bias)/2, bias \(Format.exact(p.bias)), drawn in order from the run's stream \"patterns\""
                            : "correlated: one random parent (bias \(Format.exact(p.bias))), each pattern the parent with each bit flipped with probability \(Format.exact(p.flip)), drawn in order from the run's stream \"patterns\""
                    )
                ))
        }
        return values
    }

    static func binarization(_ b: Binarization) -> String {
        switch b {
        case .midgray: return "midgray: +1 where x/255 − 0.5001 > 0 (Float32, on the resized image), else −1 (notebook 000)"
        case .mean: return "mean: +1 above the image's mean"
        case .median: return "median: +1 above the image's median"
        case .otsu: return "otsu: +1 above Otsu's threshold"
        case .threshold(let t): return "threshold: +1 above gray level \(t)"
        case .none: return "none: gray scaled to [−1, 1] (x/127.5 − 1)"
        }
    }

    static func order(_ mode: UpdateMode) -> String {
        switch mode {
        case .async: return "async: every neuron once per sweep, forward Fisher–Yates order redrawn each sweep from the image's stream"
        case .asyncRandom: return "async-random: N picks with replacement per sweep; stops at a fixed point"
        case .sequential: return "sequential: neurons 0…N−1 each sweep"
        case .sync: return "sync: all neurons at once; revisited states reported as cycles"
        }
    }
}
