#if canImport(Glibc)
    import Glibc
#endif

/// The continuous modern Hopfield network (Ramsauer et al. 2020, "Hopfield Networks is All You
/// Need"): states are real vectors, the update is s ← Xᵀ softmax(β X s), and the energy
/// E(s) = −lse(β, X s) + ½ sᵀs + β⁻¹ log P + ½ M² (lse(β, z) = β⁻¹ log Σ_μ e^(β z_μ), M the
/// largest pattern norm) never increases under the update and is bounded below.
///
/// β is the inverse temperature. X s is of order N for ±1 patterns, so β·N sets how sharp the
/// softmax is: at large β one update retrieves the closest pattern; at small β the state goes
/// to a metastable average of several patterns (notebook 001, exercise 6.16). The softmax subtracts
/// the largest exponent first, so it never overflows.
///
/// **Sparse softmax.** A weight e^(β(z_μ − z_max)) below e^(−``cutoff``) of the largest is
/// dropped, with the cut-off chosen so that P·e^(−cutoff) < 2⁻⁵³. Weights are summed from the
/// largest down (ties: lower index first), so the running sum is at least 1 when the dropped
/// weights would come, and each of them is below half a unit in the last place of that sum:
/// the normaliser Σ_μ e^(β(z_μ − z_max)), every kept weight and lse(β, z) are *exactly* the
/// double values the full sums in that order give. A state component Σ_μ p_μ x_i^μ can differ
/// from the uncut sum by at most P·e^(−cutoff) < 2⁻⁵³ in absolute value, which shows only in a
/// component that cancels to about zero; the cut-off is part of the definition, so results are
/// reproducible either way.
///
/// **Memory space.** With ±1 memories (``packed``), the first update's X s is one row of exact
/// integer overlaps (bit-packed kernels); after it the state is Σ_ν p_ν x^ν over the few kept
/// memories, so X s = Σ_ν p_ν (x^ν · x^μ) comes from Hamming distances between memories, and only
/// for the memories that can reach the cut-off: by the triangle inequality a memory μ whose
/// distance to the start differs from ν's by more than the cut-off allows is provably out. No
/// later update passes over N pixels of every memory.
public struct ModernNetwork: Sendable {
    /// The stored patterns X, P rows of N real values (made from the bytes, when asked, for a
    /// network built from ±1 ``Memories``: the memory-space path never needs them).
    public var memories: ContinuousMemories { continuous ?? ContinuousMemories(binary!) }
    /// The real-valued memories, for a network built from them.
    let continuous: ContinuousMemories?
    /// The ±1 memories, for a network built from them.
    let binary: Memories?
    /// P.
    public let count: Int
    /// N.
    public let neurons: Int
    /// β > 0, the inverse temperature of the softmax (see the type's notes on its scale).
    public let beta: Double
    /// The memories bit-packed when every entry is ±1 (the memory-space path), else nil.
    public let packed: PackedPatterns?
    /// ln(1/ε) for the sparse softmax: weights below ε times the largest are dropped,
    /// ε = 2⁻⁵⁴/P, so that the dropped mass P·ε is below half a unit in the last place of 1.
    public let cutoff: Double
    /// ½ M², M the largest memory norm (the energy's constant), computed once.
    let halfLargestNormSquared: Double
    /// The ±1 memories as bytes, P×N (an eighth of the Doubles' memory traffic), when packed.
    let signs: [Int8]
    /// The Gram matrix x^ν · x^μ of ±1 memories, P×P exact integers, when P ≤ ``gramLimit``:
    /// X s for s = Σ_ν p_ν x^ν is then Σ_ν p_ν G[ν, ·], for every memory at once.
    let gram: [Int32]?
    /// Up to 4096 memories the Gram matrix is kept (64 MB at most, P²/2 overlaps to compute).
    public static let gramLimit = 4096

    /// A network over the memories at inverse temperature β, which must be positive.
    public init(memories: ContinuousMemories, beta: Double) {
        self.init(memories: memories, beta: beta, gramLimit: Self.gramLimit)
    }

    /// The same, keeping the Gram matrix only up to `gramLimit` memories (tests use 0 to take the
    /// path of large memory sets). Memories whose entries are all ±1 take the memory-space path.
    init(memories: ContinuousMemories, beta: Double, gramLimit: Int) {
        let n = memories.neurons
        if memories.rows.allSatisfy({ $0 == 1 || $0 == -1 }) {
            self.init(
                binary: Memories((0..<memories.count).map { mu in memories.rows[(mu * n)..<((mu + 1) * n)].map { Int8($0) } }),
                beta: beta, gramLimit: gramLimit)
        } else {
            self.init(continuous: memories, beta: beta)
        }
    }

    /// A network over real-valued memories: X s by plain dot products.
    init(continuous memories: ContinuousMemories, beta: Double) {
        precondition(beta > 0, "β must be positive")
        let n = memories.neurons
        continuous = memories
        binary = nil
        count = memories.count
        neurons = n
        self.beta = beta
        cutoff = 54 * log(2.0) + log(Double(memories.count))
        var largest = 0.0
        for mu in 0..<memories.count {
            var norm = 0.0
            for i in 0..<n { norm += memories.rows[mu * n + i] * memories.rows[mu * n + i] }
            largest = max(largest, norm)
        }
        halfLargestNormSquared = 0.5 * largest
        packed = nil
        signs = []
        gram = nil
    }

    /// A network over ±1 memories at inverse temperature β: the memory-space path, with no real
    /// copy of the memories (54,000 memories of 784 pixels would be 338 MB of Doubles).
    public init(binary memories: Memories, beta: Double) {
        self.init(binary: memories, beta: beta, gramLimit: Self.gramLimit)
    }

    init(binary memories: Memories, beta: Double, gramLimit: Int) {
        precondition(beta > 0, "β must be positive")
        continuous = nil
        binary = memories
        count = memories.count
        neurons = memories.neurons
        self.beta = beta
        cutoff = 54 * log(2.0) + log(Double(memories.count))
        halfLargestNormSquared = 0.5 * Double(memories.neurons)
        let packed = memories.matrix
        self.packed = packed
        signs = memories.rows
        if packed.count <= gramLimit {
            let p = packed.count
            let rows = parallelMap(count: (p + 63) / 64, jobs: 2) { b in packed.overlaps((b * 64)..<min(p, (b + 1) * 64), with: packed) }
            gram = rows.flatMap { $0 }
        } else {
            gram = nil
        }
    }

    /// X s.
    public func similarities(_ state: [Double]) -> [Double] { memories.dots(state) }

    /// softmax(β z) over every memory (no cut-off), stable: the plain definition.
    public func softmax(_ z: [Double]) -> [Double] {
        let largest = z.max() ?? 0
        let e = z.map { exp(beta * ($0 - largest)) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }

    /// lse(β, z) = β⁻¹ log Σ e^(β z) over every memory (no cut-off), stable.
    public func logSumExp(_ z: [Double]) -> Double {
        let largest = z.max() ?? 0
        var total = 0.0
        for v in z { total += exp(beta * (v - largest)) }
        return largest + log(total) / beta
    }

    /// One update by the plain definition, Xᵀ softmax(β X s), every memory included.
    public func step(_ state: [Double]) -> [Double] {
        let memories = self.memories
        let p = softmax(similarities(state))
        let n = memories.neurons
        var out = [Double](repeating: 0, count: n)
        for mu in 0..<memories.count where p[mu] > 0 {
            let base = mu * n, weight = p[mu]
            for i in 0..<n { out[i] += weight * memories.rows[base + i] }
        }
        return out
    }

    /// E(s) = −lse(β, X s) + ½ sᵀs + β⁻¹ log P + ½ M², by the plain definition.
    public func energy(_ state: [Double]) -> Double {
        let half = 0.5 * state.reduce(0) { $0 + $1 * $1 }
        return -logSumExp(similarities(state)) + half + log(Double(count)) / beta + halfLargestNormSquared
    }

    /// Updates until no component moves by more than `tolerance` (converged) or `maxSteps`
    /// updates (unconverged). Each update is one "sweep" in the reports.
    public func converge(
        from initial: [Double], maxSteps: Int, tolerance: Double = 1e-9,
        history: HistoryOptions = []
    ) -> ContinuousConvergence {
        settle(from: initial, maxSteps: maxSteps, tolerance: tolerance, history: history).convergence
    }
}
