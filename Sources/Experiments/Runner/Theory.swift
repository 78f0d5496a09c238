import Foundation

/// Textbook predictions printed beside measured capacities.
public enum Theory {
    /// Amit, Gutfreund and Sompolinsky (1987): the storage capacity of the Hebbian network at
    /// zero temperature, α_c ≈ 0.138.
    public static let criticalLoad = 0.138

    /// The retrieval overlap m(α) of the AGS replica-symmetric theory at T = 0: the largest root
    /// y of y·(√(2α) + (2/√π)·e^(−y²)) = erf(y), m = erf(y). Nil above α_c (no retrieval state).
    public static func retrievalOverlap(load alpha: Double) -> Double? {
        if alpha <= 0 { return 1 }
        let c = (2 * alpha).squareRoot()
        func f(_ y: Double) -> Double { erf(y) - y * (c + 2 / Double.pi.squareRoot() * exp(-y * y)) }
        // f > 0 between the trivial root 0 and the retrieval root; scan down from large y.
        var hi = 10.0
        guard f(hi) < 0 else { return nil }
        var lo = hi
        while lo > 1e-6 {
            lo = hi - 0.01
            if f(lo) > 0 { break }
            hi = lo
        }
        if lo <= 1e-6 { return nil }
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            if f(mid) > 0 { lo = mid } else { hi = mid }
        }
        return erf(0.5 * (lo + hi))
    }

    /// McEliece, Posner, Rodemich and Venkatesh (1987): patterns retrievable exactly with high
    /// probability, N / (2 ln N).
    public static func mcElieceCapacity(neurons n: Int) -> Double {
        Double(n) / (2 * log(Double(n)))
    }

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
}
