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
    ///
    /// Per pattern, h_i = Σ_k W_ki x_k is accumulated over k in order (a vector pass per k), then
    /// each row is updated on its own (rows shared out over `jobs` threads), every entry W_ij
    /// with i < j and its mirror W_ji computed by the same expression: the bits do not depend on
    /// the threads, the vector width or the machine.
    public static func storkey(_ memories: Memories, jobs: Int = 1) -> MatrixNetwork {
        let n = memories.neurons
        let weights = StorkeyMatrix(n)
        let scale = 1.0 / Double(n)
        var h = [Double](repeating: 0, count: n)
        for mu in 0..<memories.count {
            let x = memories.pattern(mu).map(Double.init)
            let w = weights.pointer
            h.withUnsafeMutableBufferPointer { h in
                for i in 0..<n { h[i] = 0 }
                for k in 0..<n {
                    let xk = x[k], row = w + k * n
                    for i in 0..<n { h[i] += row[i] * xk }
                }
            }
            let field = h
            parallelForEach(count: n, jobs: jobs) { i in
                let row = weights.pointer + i * n
                // (i, j), j > i: as the pair (i, j); j < i: as the pair (j, i), its mirror.
                for j in 0..<i {
                    row[j] += scale * (x[j] * x[i] - x[j] * field[i] - field[j] * x[i] + 2 * row[j])
                }
                for j in (i + 1)..<max(n, i + 1) {
                    row[j] += scale * (x[i] * x[j] - x[i] * field[j] - field[i] * x[j] + 2 * row[j])
                }
            }
        }
        return MatrixNetwork(memories: memories, weights: weights.take())
    }

    /// The Hebbian rule as an explicit integer-valued matrix (W = XᵀX, zero diagonal): W_ij is
    /// the overlap of columns i and j of X, from the bit-packed kernels (exact integers).
    public static func hebbian(_ memories: Memories) -> MatrixNetwork {
        let n = memories.neurons, p = memories.count
        guard p > 0 else { return MatrixNetwork(memories: memories, weights: [Double](repeating: 0, count: n * n)) }
        let packed = PackedPatterns(columnsOf: memories)
        var w = packed.overlaps(0..<n, with: packed).map(Double.init)
        for i in 0..<n { w[i * n + i] = 0 }
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

/// The N×N matrix the Storkey rule trains, shared by the threads that update its rows (each
/// thread writes only its own rows).
final class StorkeyMatrix: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Double>
    let count: Int

    init(_ n: Int) {
        count = n * n
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: 0, count: count)
    }

    deinit { pointer.deallocate() }

    /// The entries as an array.
    func take() -> [Double] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
}
