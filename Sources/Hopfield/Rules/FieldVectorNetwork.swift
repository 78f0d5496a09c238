/// A pairwise network run from its vector of fields: the couplings as an exact fixed-point N×N
/// matrix Q = round(W·2^k) (Int64), the fields h = Q s kept in step with the state.
///
/// A field is then read in O(1) and a change of neuron i adds ±Q[i, ·] to the fields in O(N), so
/// an asynchronous sweep costs O(N + changes·N) instead of O(N·P) (or O(N²) for an explicit
/// matrix). Every sum is an exact integer: the fields depend only on the state, never on the
/// order of the updates or on the machine. The scale 2^k is the largest power of two for which
/// no row sum Σ_j |Q_ij| can reach 2^62, so the rounding of W to Q is below 2^−k−1 per coupling
/// (about 10⁻¹⁶ of the largest row sum, the size of Double rounding). Integer couplings (the
/// Hebbian rule) are kept as they are (k = 0), and every field is the same integer as before.
///
/// Used where it is cheaper than the rule's own form: the Storkey rule, the pseudo-inverse and the
/// Hebbian rule with many memories (see ``BinaryNetworkBox/init(rule:memories:jobs:)``). Memory: N²·8
/// bytes (4.9 MB at N = 784, 134 MB at N = 4096), shared by every thread.
public struct FieldVectorNetwork: BinaryNetwork {
    /// The stored patterns (for outcomes and overlaps).
    public let memories: Memories
    /// N, the length of each memory.
    public let neurons: Int
    /// Q, row-major N×N, symmetric.
    let couplings: [Int64]
    /// 2^−k: a field is Double(h_i)·2^−k.
    let scale: Double
    /// max_{i≠j} |W_ij| as Q gives it, plus room for the rounding of W to Q.
    public let couplingBound: Double
    /// Fields within this distance of zero are ties: 0 for integer couplings, else 10⁻⁹ of the
    /// largest row sum (as for the rule's own form).
    public let tieTolerance: Double
    /// N for integer couplings (the Hebbian rule's XᵀX), else 1 (see ``BinaryNetwork/fieldScale``).
    public let fieldScale: Double

    /// Q from a row-major N×N symmetric matrix W, used as given (the diagonal is the caller's).
    /// `integers`: W holds exact integers, kept unscaled.
    public init(memories: Memories, weights: [Double], integers: Bool = false) {
        let n = memories.neurons
        precondition(weights.count == n * n)
        self.memories = memories
        neurons = n
        var largestRow = 0.0
        for i in 0..<n {
            var sum = 0.0
            for j in 0..<n { sum += abs(weights[i * n + j]) }
            largestRow = max(largestRow, sum)
        }
        var k = 0
        if !integers && largestRow > 0 {
            // 2^k·largestRow < 2^60, so every row sum of Q (with the rounding, ≤ N/2) stays below 2^62.
            k = min(59 - Int(largestRow.exponent), 1000)
        }
        let factor = Double(sign: .plus, exponent: k, significand: 1)
        scale = Double(sign: .plus, exponent: -k, significand: 1)
        var q = [Int64](repeating: 0, count: n * n)
        var bound: Int64 = 0
        for i in 0..<n {
            for j in 0..<n {
                let v = Int64((weights[i * n + j] * factor).rounded())
                q[i * n + j] = v
                if i != j { bound = max(bound, abs(v)) }
            }
        }
        couplings = q
        couplingBound = Double(bound) * scale * (1 + 1e-12) + scale
        tieTolerance = integers ? 0 : 1e-9 * largestRow
        fieldScale = integers ? Double(n) : 1
    }

    /// Runs the dynamics from `initial` (see `BinaryNetwork`).
    public func converge(from initial: [Int8], dynamics: Dynamics, rng: inout Xoshiro256StarStar) -> Convergence {
        runDynamics(from: initial, dynamics: dynamics, rng: &rng)
    }

    /// The fields h = Q s (exact integers, in units of 2^−k).
    public final class Workspace {
        var fields: [Int64]
        init(_ fields: [Int64]) { self.fields = fields }
    }

    /// h = Q s from scratch: O(N²) integer additions.
    public func makeWorkspace(_ state: UnsafeBufferPointer<Int8>) -> Workspace {
        let n = neurons
        var h = [Int64](repeating: 0, count: n)
        couplings.withUnsafeBufferPointer { q in
            h.withUnsafeMutableBufferPointer { h in
                for j in 0..<n where state[j] != 0 {
                    Self.add(q.baseAddress! + j * n, to: h.baseAddress!, n, twice: false, negative: state[j] < 0)
                }
            }
        }
        return Workspace(h)
    }

    /// h += ±Q[j, ·] (or ±2·Q[j, ·]): one vectorised pass.
    @inline(__always)
    static func add(_ row: UnsafePointer<Int64>, to h: UnsafeMutablePointer<Int64>, _ n: Int, twice: Bool, negative: Bool) {
        switch (twice, negative) {
        case (false, false): for j in 0..<n { h[j] &+= row[j] }
        case (false, true): for j in 0..<n { h[j] &-= row[j] }
        case (true, false): for j in 0..<n { h[j] &+= row[j] &<< 1 }
        case (true, true): for j in 0..<n { h[j] &-= row[j] &<< 1 }
        }
    }

    /// h_i·2^−k.
    @inline(__always)
    public func field(_ i: Int, _ state: UnsafeBufferPointer<Int8>, _ workspace: Workspace) -> Double {
        Double(workspace.fields[i]) * scale
    }

    /// Every field from the kept vector: O(N).
    public func fields(_ state: UnsafeBufferPointer<Int8>, _ workspace: Workspace, into out: UnsafeMutableBufferPointer<Double>) {
        for i in 0..<neurons { out[i] = Double(workspace.fields[i]) * scale }
    }

    /// h += (new − old)·Q[i, ·] (Q is symmetric): O(N).
    @inline(__always)
    public func update(_ i: Int, from old: Int8, to new: Int8, _ state: UnsafeBufferPointer<Int8>, _ workspace: Workspace) {
        let delta = Int(new) - Int(old)
        let n = neurons
        couplings.withUnsafeBufferPointer { q in
            workspace.fields.withUnsafeMutableBufferPointer { h in
                Self.add(q.baseAddress! + i * n, to: h.baseAddress!, n, twice: abs(delta) == 2, negative: delta < 0)
            }
        }
    }

    /// E = −½ Σ_i s_i h_i·2^−k = −½ sᵀ W s for W as Q gives it: exact in integers, rounded once
    /// (for the Hebbian rule the same integer as its own formula; for the others it may differ from
    /// their own formulas in the last digits).
    public func energy(_ state: UnsafeBufferPointer<Int8>, _ workspace: Workspace) -> Double {
        var sum: Int64 = 0
        var overflow = false
        for i in 0..<neurons where state[i] != 0 {
            let term = state[i] > 0 ? workspace.fields[i] : -workspace.fields[i]
            let (next, o) = sum.addingReportingOverflow(term)
            sum = next
            overflow = overflow || o
        }
        if !overflow { return -0.5 * Double(sum) * scale }
        var wide = 0.0
        for i in 0..<neurons { wide += Double(state[i]) * Double(workspace.fields[i]) }
        return -0.5 * wide * scale
    }

    /// Row i of W as Q gives it (Q_ij·2^−k), for pictures.
    public func weightRow(_ i: Int) -> [Double] {
        (0..<neurons).map { Double(couplings[i * neurons + $0]) * scale }
    }
}
