/// The pseudo-inverse (projection) rule: W = Xᵀ (X Xᵀ)⁻¹ X, the orthogonal projection onto the
/// span of the stored patterns, so W x^μ = x^μ for every stored pattern.
///
/// The diagonal is set to zero by default (as for the other rules): a stored pattern is then
/// still a fixed point, because h_i = (1 − W_ii) x_i and 0 ≤ W_ii < 1 unless the patterns span
/// e_i; zeroing the diagonal removes the self-coupling that otherwise stabilises spurious states.
/// `.keep` keeps W_ii (every stored pattern is then a fixed point with h = x exactly).
/// Patterns linearly dependent on earlier ones are skipped when building the projection (the
/// projection is the same), so duplicates are harmless.
///
/// W is never built: with m = X s (exact integers) and a = (X Xᵀ)⁻¹ m, the field is
/// h_i = Σ_μ x_i^μ a_μ − d_i s_i (d_i = W_ii when the diagonal is zeroed), O(P) per neuron, and
/// a change of state updates m in O(P) and a in O(P²).
public struct ProjectionNetwork: BinaryNetwork {
    /// What becomes of the self-couplings W_ii = Σ_ab x_i^a (X Xᵀ)⁻¹_ab x_i^b (config key
    /// `diagonal`).
    public enum Diagonal: String, Sendable, CaseIterable, Codable {
        /// W_ii = 0, as for the other rules (the default): stored patterns stay fixed points and
        /// spurious states lose the self-coupling that stabilises them.
        case zero
        /// W_ii as the projection has it: W x^μ = x^μ exactly, and every state keeps some
        /// self-coupling, so more spurious states are stable.
        case keep
    }

    /// The stored patterns, all of them (including those skipped as dependent).
    public let memories: Memories
    /// N, the length of each memory.
    public let neurons: Int
    /// Whether the self-couplings are zeroed (``Diagonal/zero``, the default) or kept.
    public let diagonal: Diagonal
    /// Indices of the patterns used (linearly independent, in order).
    public let independent: [Int]
    /// The rank of X: the number of independent patterns.
    public let rank: Int
    /// x_i^μ by neuron over the independent patterns: byNeuron[i·rank + k].
    let byNeuron: [Double]
    /// (X Xᵀ)⁻¹ over the independent patterns, row-major rank×rank.
    let inverse: [Double]
    /// W_ii.
    let selfCoupling: [Double]
    /// max_i W_ii + 10⁻⁹: for a projection |W_ij| ≤ √(W_ii W_jj) ≤ max W_ii, with a margin for
    /// rounding.
    public let couplingBound: Double
    /// Fields within 10⁻⁹ of zero are ties: fields go through the Double inverse of X Xᵀ, so a
    /// field that is exactly 0 may come out as a rounding residue.
    public var tieTolerance: Double { 1e-9 }

    /// B = (X Xᵀ)⁻¹ X over the independent patterns, row-major rank×N: W = Xᵀ B.
    let solvedRows: [Double]

    /// Builds the projection: the Gram matrix X Xᵀ in exact integers, its Cholesky factorisation
    /// keeping the linearly independent patterns, the inverse, B = (X Xᵀ)⁻¹ X (rows shared out
    /// over `jobs` threads, each entry summed in pattern order) and the diagonal
    /// W_ii = Σ_a x_i^a B_ai. O(N·P² + P³); no N×N matrix.
    public init(memories: Memories, diagonal: Diagonal = .zero, jobs: Int = 1) {
        self.memories = memories
        neurons = memories.neurons
        self.diagonal = diagonal
        let (kept, inverse) = Linear.independentGramInverse(
            rows: memories.rows, count: memories.count,
            neurons: memories.neurons)
        independent = kept
        rank = kept.count
        self.inverse = inverse
        let n = memories.neurons, q = kept.count
        var table = [Double](repeating: 0, count: n * q)
        for (k, mu) in kept.enumerated() {
            for i in 0..<n { table[i * q + k] = Double(memories.rows[mu * n + i]) }
        }
        byNeuron = table
        let rows = memories.rows
        let solved = parallelMap(count: q, jobs: jobs) { a -> [Double] in
            var row = [Double](repeating: 0, count: n)
            rows.withUnsafeBufferPointer { x in
                for c in 0..<q {
                    let v = inverse[a * q + c], pattern = x.baseAddress! + kept[c] * n
                    for j in 0..<n { row[j] += v * Double(pattern[j]) }
                }
            }
            return row
        }
        solvedRows = solved.flatMap { $0 }
        var d = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var sum = 0.0
            for a in 0..<q { sum += table[i * q + a] * solved[a][i] }
            d[i] = sum
        }
        selfCoupling = d
        // |W_if| ≤ √(W_ii W_ff) ≤ max W_ii for a projection.
        couplingBound = (d.max() ?? 0) + 1e-9
    }

    /// W_ii at or above this is "about 1": e_i (nearly) lies in the span of the patterns.
    public static let unitSelfCoupling = 0.99

    /// What the rule cannot promise for these patterns, in words (empty when every stored
    /// pattern is a fixed point with a clear margin): patterns that are linear combinations of
    /// others (rank < P), and, with the zero diagonal, neurons whose W_ii is about 1, where a
    /// stored pattern's field (1 − W_ii) x_i is about 0, so the tie rule decides.
    public var limitations: [String] {
        var out: [String] = []
        let p = memories.count
        if rank < p {
            out.append(
                "pseudoinverse: the \(p) patterns have rank \(rank) (\(p - rank) are linear combinations of the others); "
                    + "the projection is onto a \(rank)-dimensional span")
        }
        let unit = selfCoupling.filter { $0 >= Self.unitSelfCoupling }.count
        if diagonal == .zero && unit > 0 {
            out.append(
                "pseudoinverse: \(unit) of \(neurons) neurons have W_ii ≈ 1 (the patterns span their unit vectors); with the "
                    + "zero diagonal a stored pattern's field there is (1 − W_ii) x_i ≈ 0, so stored patterns need not be fixed "
                    + "points (network.diagonal: keep makes them so)")
        }
        return out
    }

    /// Runs the dynamics from `initial` (see `BinaryNetwork`).
    public func converge(from initial: [Int8], dynamics: Dynamics, rng: inout Xoshiro256StarStar) -> Convergence {
        runDynamics(from: initial, dynamics: dynamics, rng: &rng)
    }

    /// The exact overlaps m = X s over the independent patterns and the solved a = (X Xᵀ)⁻¹ m.
    public final class Workspace {
        var overlaps: [Int]
        var solved: [Double]
        init(rank: Int) {
            overlaps = [Int](repeating: 0, count: rank)
            solved = [Double](repeating: 0, count: rank)
        }
    }

    /// a = (X Xᵀ)⁻¹ m, recomputed from the exact overlaps (so it depends only on the state).
    func solve(_ ws: Workspace) {
        let q = rank
        for a in 0..<q {
            var sum = 0.0
            for b in 0..<q { sum += inverse[a * q + b] * Double(ws.overlaps[b]) }
            ws.solved[a] = sum
        }
    }

    /// Computes m = X s from scratch (O(N·P)) and a from it.
    public func makeWorkspace(_ state: UnsafeBufferPointer<Int8>) -> Workspace {
        let ws = Workspace(rank: rank)
        let n = neurons
        for (k, mu) in independent.enumerated() {
            var m = 0
            for i in 0..<n { m += Int(memories.rows[mu * n + i]) * Int(state[i]) }
            ws.overlaps[k] = m
        }
        solve(ws)
        return ws
    }

    /// h_i = Σ_μ x_i^μ a_μ, minus W_ii s_i when the diagonal is zeroed: O(P).
    @inline(__always)
    public func field(_ i: Int, _ state: UnsafeBufferPointer<Int8>, _ workspace: Workspace) -> Double {
        var sum = 0.0
        let base = i * rank
        for k in 0..<rank { sum += byNeuron[base + k] * workspace.solved[k] }
        if diagonal == .zero { sum -= selfCoupling[i] * Double(state[i]) }
        return sum
    }

    /// m += (new − old)·x_i in O(P), then a = (X Xᵀ)⁻¹ m again in O(P²), from the exact m, so a
    /// depends only on the state.
    public func update(_ i: Int, from old: Int8, to new: Int8, _ state: UnsafeBufferPointer<Int8>, _ workspace: Workspace) {
        let delta = Int(new) - Int(old)
        let base = i * rank
        for k in 0..<rank { workspace.overlaps[k] += delta * Int(byNeuron[base + k]) }
        solve(workspace)
    }

    /// E = −½ sᵀWs = −½ (mᵀ a − Σ_i d_i s_i²) with the diagonal zeroed.
    public func energy(_ state: UnsafeBufferPointer<Int8>, _ workspace: Workspace) -> Double {
        var quadratic = 0.0
        for k in 0..<rank { quadratic += Double(workspace.overlaps[k]) * workspace.solved[k] }
        if diagonal == .zero {
            for i in 0..<neurons where state[i] != 0 { quadratic -= selfCoupling[i] }
        }
        return -0.5 * quadratic
    }
}
