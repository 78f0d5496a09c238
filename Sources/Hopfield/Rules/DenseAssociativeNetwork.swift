#if canImport(Glibc)
    import Glibc
#endif

/// Dense associative memory (Krotov and Hopfield 2016; Demircigil et al. 2017): binary neurons
/// with energy E = −Σ_μ F(x^μ · s). A neuron takes the value of lower energy; its "field" is the
/// energy difference Δ_i = E(s_i = −1) − E(s_i = +1), computed from the overlaps in O(P).
///
/// Scaling: with N = 4096, F(m) = m³ or e^m overflows or loses the differences. For the
/// polynomial, F is applied to m/N ∈ [−1, 1] (energies are N⁻ⁿ times Krotov's; a positive factor
/// changes no decision). For the exponential, each decision is computed as
/// Σ_μ e^(a⁺_μ − M) − Σ_μ e^(a⁻_μ − M), M the largest exponent involved (the same sign as the
/// unscaled difference), and the energy is reported as −log Σ_μ e^(m_μ) (−lse, a monotone
/// transform of −Σ e^(m_μ) that never overflows).
public struct DenseAssociativeNetwork: BinaryNetwork {
    /// F, the interaction function of E = −Σ_μ F(m_μ). Higher powers store more: capacity grows as
    /// N^(n−1) for F(x) = xⁿ (Krotov and Hopfield 2016) and exponentially in N for F(x) = eˣ
    /// (Demircigil et al. 2017).
    public enum Interaction: Sendable, Equatable, Hashable {
        /// F(x) = xⁿ (n ≥ 2; n = 2 is the classical Hopfield energy).
        case polynomial(Int)
        /// F(x) = max(x, 0)ⁿ.
        case rectified(Int)
        /// F(x) = eˣ.
        case exponential
    }

    /// The stored patterns x^μ.
    public let memories: Memories
    /// N, the length of each memory.
    public let neurons: Int
    /// F, fixed at construction.
    public let interaction: Interaction
    /// x_i^μ by neuron: byNeuron[i·P + μ].
    let byNeuron: [Int8]
    let patterns: Int
    /// e^(−k) for k = 0…745 (exp(Double(−k)), so the same Doubles; beyond, e^(−k) is 0 in Double,
    /// and the last entry is that 0).
    let exponentials: [Double]
    /// Decisions are not linear in other neurons' states: no pruning bound.
    public var couplingBound: Double { .infinity }
    /// Fields within 10⁻¹² of zero are ties: a field is a Double sum of P differences of F values,
    /// so a field that is exactly 0 can come out as a rounding residue.
    public var tieTolerance: Double { 1e-12 }

    /// A network over the memories with interaction F; stores the patterns by neuron for O(P)
    /// fields.
    public init(memories: Memories, interaction: Interaction) {
        self.memories = memories
        neurons = memories.neurons
        patterns = memories.count
        self.interaction = interaction
        var table = [Int8](repeating: 0, count: memories.neurons * memories.count)
        for mu in 0..<memories.count {
            for i in 0..<memories.neurons { table[i * memories.count + mu] = memories.rows[mu * memories.neurons + i] }
        }
        byNeuron = table
        exponentials = (0...746).map { $0 == 746 ? 0 : exp(Double(-$0)) }
    }

    /// Runs the dynamics from `initial` (see `BinaryNetwork`).
    public func converge(from initial: [Int8], dynamics: Dynamics, rng: inout Xoshiro256StarStar) -> Convergence {
        runDynamics(from: initial, dynamics: dynamics, rng: &rng)
    }

    /// The overlaps m_μ of the current state as exact integers, kept in step by `update` in O(P)
    /// per change; for the exponential also w_μ = e^(m_μ − L) with L = max_ν m_ν + 2 (from the
    /// table, so exact functions of the state) and S = Σ_μ w_μ in index order.
    public final class Workspace {
        var overlaps: [Int]
        var weights: [Double] = []
        var total = 0.0
        init(_ overlaps: [Int]) { self.overlaps = overlaps }
    }

    /// Computes the overlaps m_μ = Σ_j x_j^μ s_j from scratch (bit-packed kernels, O(N·P/64)).
    public func makeWorkspace(_ state: UnsafeBufferPointer<Int8>) -> Workspace {
        let workspace = Workspace(memories.overlaps(with: Array(state)))
        if case .exponential = interaction { reweigh(workspace) }
        return workspace
    }

    /// w_μ = e^(m_μ − L), L = max m + 2 (every exponent m_μ ± 2 − L ≤ 0), and S: O(P).
    func reweigh(_ workspace: Workspace) {
        let m = workspace.overlaps
        let shift = (m.max() ?? 0) + 2
        let last = exponentials.count - 1
        workspace.weights = m.map { exponentials[min(shift - $0, last)] }
        var total = 0.0
        for w in workspace.weights { total += w }
        workspace.total = total
    }

    @inline(__always)
    func power(_ x: Double, _ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<n { result *= x }
        return result
    }

    @inline(__always)
    func polynomial(_ m: Int) -> Double {
        let x = Double(m) / Double(neurons)
        switch interaction {
        case .polynomial(let n): return power(x, n)
        case .rectified(let n): return x > 0 ? power(x, n) : 0
        case .exponential: return 0
        }
    }

    /// Coefficients (α, β) of the exponential field for s_i = +1, −1 and 0 (see `field`).
    static let plusCoefficients = ((2 - exp(-2.0) - exp(2.0)) / 2, (exp(2.0) - exp(-2.0)) / 2)
    static let minusCoefficients = (-(2 - exp(-2.0) - exp(2.0)) / 2, (exp(2.0) - exp(-2.0)) / 2)
    static let zeroCoefficients = (0.0, exp(1.0) - exp(-1.0))

    /// Δ_i = Σ_μ F(m_μ⁺) − F(m_μ⁻), with m_μ⁺ and m_μ⁻ the overlaps with s_i set to +1 and to −1:
    /// positive when +1 has the lower energy. O(P). For the exponential, Δ_i·e^(−L): with
    /// w_μ = e^(m_μ − L) and x = x_i^μ = ±1, each term w_μ (e^(x(1 − s)) − e^(−x(1 + s))) is
    /// α_s + β_s·x times w_μ (s = +1: α = (2 − e⁻² − e²)/2, β = (e² − e⁻²)/2; s = −1: −α, β;
    /// s = 0: 0, e − e⁻¹), so Δ_i e^(−L) = α S + β Σ_μ x_i^μ w_μ, one eight-lane dot product in a
    /// fixed order (`FloatDot.dot`); every term is at most 1 and none overflows.
    public func field(_ i: Int, _ state: UnsafeBufferPointer<Int8>, _ workspace: Workspace) -> Double {
        let s = Int(state[i])
        let base = i * patterns
        let m = workspace.overlaps
        if case .exponential = interaction {
            // Σ_μ w_μ (e^(x(1 − s)) − e^(−x(1 + s))) = α_s S + β_s Σ_μ x_i^μ w_μ (x = ±1).
            let u = workspace.weights.withUnsafeBufferPointer { w in
                byNeuron.withUnsafeBufferPointer { x in ModernNetwork.dot(x.baseAddress! + base, w.baseAddress!, patterns) }
            }
            let (alpha, beta) = s > 0 ? Self.plusCoefficients : s < 0 ? Self.minusCoefficients : Self.zeroCoefficients
            return alpha * workspace.total + beta * u
        }
        var sum = 0.0
        for mu in 0..<patterns {
            let x = Int(byNeuron[base + mu])
            sum += polynomial(m[mu] + x * (1 - s)) - polynomial(m[mu] - x * (1 + s))
        }
        return sum
    }

    /// m_μ += (new − old)·x_i^μ for every μ, and for the exponential w and S again: O(P).
    public func update(_ i: Int, from old: Int8, to new: Int8, _ state: UnsafeBufferPointer<Int8>, _ workspace: Workspace) {
        let delta = Int(new) - Int(old)
        let base = i * patterns
        for mu in 0..<patterns { workspace.overlaps[mu] += delta * Int(byNeuron[base + mu]) }
        if case .exponential = interaction { reweigh(workspace) }
    }

    /// E = −Σ_μ F(m_μ/N) for the polynomials; −log Σ_μ e^(m_μ) for the exponential (see the scaling
    /// notes on the type).
    public func energy(_ state: UnsafeBufferPointer<Int8>, _ workspace: Workspace) -> Double {
        let m = workspace.overlaps
        if case .exponential = interaction {
            let largest = m.max() ?? 0
            var sum = 0.0
            for v in m { sum += exp(Double(v - largest)) }
            return -(Double(largest) + log(sum))
        }
        var sum = 0.0
        for v in m { sum += polynomial(v) }
        return -sum
    }
}
