/// Random ±1 patterns as a data source: independent draws with a bias, or a correlated family
/// (children of one random parent, each bit flipped with a fixed probability).
///
/// Every pattern is drawn in order from one stream, so the first P patterns of a family of
/// P' > P are the family of P (a sweep over P stores nested sets), and the draws depend only on
/// the stream's seed.
public enum PatternFamily: Sendable, Equatable, Hashable {
    /// Each bit +1 with probability (1 + bias)/2, independently; the mean activity is `bias`.
    case independent(bias: Double)
    /// A random parent (each bit +1 with probability (1 + bias)/2), then each pattern the parent
    /// with each bit flipped with probability `flip`: two children overlap by (1 − 2·flip)² on
    /// average.
    case correlated(bias: Double, flip: Double)

    /// `count` patterns of `neurons` bits from `rng`. Unbiased independent patterns are
    /// ``Corruption/random(neurons:rng:)`` draw for draw (one sign bit per neuron).
    public func draw(count: Int, neurons: Int, rng: inout Xoshiro256StarStar) -> [[Int8]] {
        switch self {
        case .independent(let bias):
            return (0..<count).map { _ in Self.biased(neurons: neurons, bias: bias, rng: &rng) }
        case .correlated(let bias, let flip):
            let parent = Self.biased(neurons: neurons, bias: bias, rng: &rng)
            return (0..<count).map { _ in Corruption.flipEach(parent, probability: flip, rng: &rng) }
        }
    }

    /// One pattern whose bits are +1 with probability (1 + bias)/2 (bias 0: one sign bit each).
    static func biased(neurons: Int, bias: Double, rng: inout Xoshiro256StarStar) -> [Int8] {
        if bias == 0 { return Corruption.random(neurons: neurons, rng: &rng) }
        let p = (1 + bias) / 2
        return (0..<neurons).map { _ in rng.unit() < p ? 1 : -1 }
    }
}
