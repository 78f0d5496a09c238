import Foundation

/// The statistics of the roll-ups: means, deviations, quantiles, binomial intervals, each in one
/// fixed order of summation so the same values always give the same bytes.
public enum Statistics {
    /// Wilson score interval for a proportion (95% by default): (low, high).
    public static func wilson(successes: Int, trials: Int, z: Double = 1.959963984540054) -> (Double, Double) {
        guard trials > 0 else { return (0, 1) }
        let n = Double(trials), p = Double(successes) / n
        let denominator = 1 + z * z / n
        let center = (p + z * z / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / denominator
        return (max(0, center - half), min(1, center + half))
    }

    /// The q-quantile with linear interpolation between order statistics (NumPy's default).
    public static func quantile(_ values: [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let h = Double(sorted.count - 1) * q
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }

    /// Mean and sample standard deviation (nil with fewer than two values).
    public static func meanAndDeviation(_ values: [Double]) -> (Double, Double?) {
        guard !values.isEmpty else { return (.nan, nil) }
        let mean = values.reduce(0, +) / Double(values.count)
        guard values.count > 1 else { return (mean, nil) }
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        return (mean, variance.squareRoot())
    }

    /// McNemar's exact test of two classifiers on the same items: `b` items only the first gets
    /// right, `c` only the second. Under equal accuracy the b + c discordant items split as
    /// Binomial(b + c, ½); the two-sided p-value is min(1, 2·P(X ≤ min(b, c))) (1 when there is
    /// no discordant item). Each term C(n, i)/2ⁿ comes from log-factorials summed in order, so
    /// it neither overflows nor depends on the machine.
    public static func mcnemar(_ b: Int, _ c: Int) -> Double {
        let n = b + c, k = min(b, c)
        guard n > 0 else { return 1 }
        var logFactorial = [0.0]
        for i in 1...n { logFactorial.append(logFactorial[i - 1] + log(Double(i))) }
        let logHalf = Double(n) * log(0.5)
        var tail = 0.0
        for i in 0...k { tail += exp(logFactorial[n] - logFactorial[i] - logFactorial[n - i] + logHalf) }
        return min(1, 2 * tail)
    }
}
