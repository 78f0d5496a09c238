/// A network with an explicit symmetric N×N weight matrix (Double): the Storkey rule, and the
/// dense form of the other rules. Memory: N²·8 bytes (128 MB at N = 4096).
public struct MatrixNetwork: LocalFieldNetwork {
    /// The stored patterns (for outcomes and overlaps); the weights alone drive the dynamics.
    public let memories: Memories
    /// N, the length of each memory.
    public let neurons: Int
    /// Row-major N×N, symmetric.
    public let weights: [Double]
    /// max_{i≠j} |W_ij|, computed once from the weights.
    public let couplingBound: Double
    /// 10⁻⁹ times the largest row sum Σ_j |W_ij|. A field sums N Double products, whose rounding
    /// errors stay far below this, so a field that is exactly 0 is never taken for a decision.
    public let tieTolerance: Double

    /// Wraps a row-major N×N matrix (N² entries), used as given: symmetry and the diagonal are the
    /// caller's. Computes the coupling bound and the tie tolerance from it in O(N²).
    public init(memories: Memories, weights: [Double]) {
        let n = memories.neurons
        precondition(weights.count == n * n)
        self.memories = memories
        neurons = n
        self.weights = weights
        var bound = 0.0, rowSum = 0.0
        for i in 0..<n {
            var sum = 0.0
            for j in 0..<n {
                let w = abs(weights[i * n + j])
                sum += w
                if i != j { bound = max(bound, w) }
            }
            rowSum = max(rowSum, sum)
        }
        couplingBound = bound
        // Fields are sums of N terms: rounding errors are far below 1e-9 of the largest row sum.
        tieTolerance = 1e-9 * rowSum
    }

    /// The Storkey (1997) incremental rule, trained on the patterns in order, diagonal kept 0:
    /// W_ij += (1/N)(x_i x_j − x_i h_ji − h_ij x_j), h_ij = Σ_{k≠i,j} W_ik x_k. With W_ii = 0 this
    /// is W_ij += (1/N)(x_i x_j − x_i h_j − h_i x_j + 2 W_ij), h = W x. O(P·N²).
    public static func storkey(_ memories: Memories) -> MatrixNetwork {
        let n = memories.neurons
        var w = [Double](repeating: 0, count: n * n)
        let scale = 1.0 / Double(n)
        w.withUnsafeMutableBufferPointer { w in
            var h = [Double](repeating: 0, count: n)
            for mu in 0..<memories.count {
                let x = memories.pattern(mu).map(Double.init)
                for i in 0..<n {
                    var sum = 0.0
                    for k in 0..<n { sum += w[i * n + k] * x[k] }
                    h[i] = sum
                }
                for i in 0..<n {
                    for j in (i + 1)..<max(n, i + 1) {
                        let delta = scale * (x[i] * x[j] - x[i] * h[j] - h[i] * x[j] + 2 * w[i * n + j])
                        w[i * n + j] += delta
                        w[j * n + i] = w[i * n + j]
                    }
                }
            }
        }
        return MatrixNetwork(memories: memories, weights: w)
    }

    /// The Hebbian rule as an explicit integer-valued matrix (W = XᵀX, zero diagonal).
    public static func hebbian(_ memories: Memories) -> MatrixNetwork {
        let n = memories.neurons
        var w = [Double](repeating: 0, count: n * n)
        for mu in 0..<memories.count {
            let x = memories.pattern(mu)
            for i in 0..<n {
                for j in 0..<n where i != j { w[i * n + j] += Double(Int(x[i]) * Int(x[j])) }
            }
        }
        return MatrixNetwork(memories: memories, weights: w)
    }

    /// Runs the dynamics from `initial` (see `BinaryNetwork`).
    public func converge(from initial: [Int8], dynamics: Dynamics, rng: inout Xoshiro256StarStar) -> Convergence {
        runDynamics(from: initial, dynamics: dynamics, rng: &rng)
    }

    /// h_i = Σ_j W_ij s_j, row i dotted with the state in index order: O(N), no bias.
    @inline(__always)
    public func localField(_ i: Int, _ state: UnsafeBufferPointer<Int8>) -> Double {
        weights.withUnsafeBufferPointer { Linear.dot($0.baseAddress! + i * neurons, state) }
    }
}
