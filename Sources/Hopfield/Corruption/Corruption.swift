/// Seeded ways of damaging a pattern or making a starting state, as the notebooks did.
/// States hold −1, +1, and 0 for "unknown" (a masked pixel the dynamics will decide).
public enum Corruption {
    /// Flips exactly k = round(f·N) distinct neurons (rounding half away from zero).
    public static func flipExactly(_ pattern: [Int8], fraction: Double, rng: inout Xoshiro256StarStar) -> [Int8] {
        precondition(fraction >= 0 && fraction <= 1)
        let k = Int((fraction * Double(pattern.count)).rounded(.toNearestOrAwayFromZero))
        return flip(pattern, count: k, rng: &rng)
    }

    /// Flips exactly `count` distinct neurons.
    public static func flip(_ pattern: [Int8], count: Int, rng: inout Xoshiro256StarStar) -> [Int8] {
        var out = pattern
        for i in rng.distinctIndices(count, of: pattern.count) { out[i] = -out[i] }
        return out
    }

    /// Flips each neuron independently with probability p.
    public static func flipEach(_ pattern: [Int8], probability p: Double, rng: inout Xoshiro256StarStar) -> [Int8] {
        pattern.map { rng.unit() < p ? -$0 : $0 }
    }

    /// The BrainPy notebook's "Bernoulli noise": each neuron set to `value` with probability p
    /// (a neuron already at `value` is unchanged, so fewer than p·N change).
    public static func setEach(_ pattern: [Int8], probability p: Double, value: Int8, rng: inout Xoshiro256StarStar) -> [Int8] {
        pattern.map { rng.unit() < p ? value : $0 }
    }

    /// Sets rows r0..<r1 and columns c0..<c1 of a width-wide image to `value` (the BrainPy
    /// notebook's mask: rows 7..<20, columns 8..<25 of a 28×28 digit, value +1).
    public static func rectangle(_ pattern: [Int8], width: Int, rows: Range<Int>, columns: Range<Int>, value: Int8) -> [Int8] {
        var out = pattern
        let height = pattern.count / width
        for r in rows.clamped(to: 0..<height) {
            for c in columns.clamped(to: 0..<width) { out[r * width + c] = value }
        }
        return out
    }

    /// Keeps only the top-left side×side corner; every other neuron becomes `value` (notebook 001's
    /// "75% masked" recall: side = size/2, value 0).
    public static func keepCorner(_ pattern: [Int8], width: Int, side: Int, value: Int8) -> [Int8] {
        var out = pattern
        let height = pattern.count / width
        for r in 0..<height {
            for c in 0..<width where r >= side || c >= side { out[r * width + c] = value }
        }
        return out
    }

    /// A uniformly random ±1 pattern.
    public static func random(neurons: Int, rng: inout Xoshiro256StarStar) -> [Int8] {
        (0..<neurons).map { _ in rng.sign() }
    }

    /// −x.
    public static func negate(_ pattern: [Int8]) -> [Int8] { pattern.map { -$0 } }

    /// sgn(Σ_k ±x^k) over an odd number of patterns (notebook 001, exercise 6.12: sgn(x¹ ± x² ± x³)).
    /// Never zero for an odd count of ±1 patterns.
    public static func mixture(_ patterns: [[Int8]], signs: [Int8]) -> [Int8] {
        precondition(patterns.count == signs.count && patterns.count % 2 == 1, "an odd number of patterns")
        let n = patterns[0].count
        return (0..<n).map { i in
            var sum = 0
            for (k, p) in patterns.enumerated() { sum += Int(signs[k]) * Int(p[i]) }
            return sum > 0 ? 1 : -1
        }
    }

    // MARK: Continuous patterns (modern networks)

    /// Negates exactly round(f·N) distinct components.
    public static func flipExactly(_ pattern: [Double], fraction: Double, rng: inout Xoshiro256StarStar) -> [Double] {
        let k = Int((fraction * Double(pattern.count)).rounded(.toNearestOrAwayFromZero))
        var out = pattern
        for i in rng.distinctIndices(k, of: pattern.count) { out[i] = -out[i] }
        return out
    }
}
