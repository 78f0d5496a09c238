import Foundation

/// Textbook predictions printed beside measured capacities.
public enum CapacityTheory {
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
}
