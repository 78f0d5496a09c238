import Hopfield

/// The slow, obvious implementation the fast engine is tested against: an explicit dense
/// [[Double]] weight matrix, fields as plain sums over all neurons at every visit, energy as the
/// double sum, the dynamics written as the definitions say.
struct ReferenceNetwork {
    let weights: [[Double]]
    let n: Int
    /// Fields closer to zero than this are ties (0 for integer rules).
    let tolerance: Double

    init(weights: [[Double]], tolerance: Double = 0) {
        self.weights = weights
        n = weights.count
        self.tolerance = tolerance
    }

    static func hebbian(_ patterns: [[Int8]]) -> ReferenceNetwork {
        let n = patterns[0].count
        var w = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for x in patterns {
            for i in 0..<n {
                for j in 0..<n where i != j { w[i][j] += Double(x[i]) * Double(x[j]) }
            }
        }
        return ReferenceNetwork(weights: w)
    }

    /// Storkey 1997 as written: W_ij += (1/N)(x_i x_j − x_i h_ji − h_ij x_j), h_ij = Σ_{k≠i,j} W_ik x_k.
    static func storkey(_ patterns: [[Int8]]) -> ReferenceNetwork {
        let n = patterns[0].count
        var w = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for p in patterns {
            let x = p.map(Double.init)
            var next = w
            for i in 0..<n {
                for j in 0..<n where i != j {
                    var hij = 0.0, hji = 0.0
                    for k in 0..<n where k != i && k != j {
                        hij += w[i][k] * x[k]
                        hji += w[j][k] * x[k]
                    }
                    next[i][j] = w[i][j] + (x[i] * x[j] - x[i] * hji - hij * x[j]) / Double(n)
                }
            }
            w = next
        }
        return ReferenceNetwork(weights: w, tolerance: 1e-7)
    }

    /// W = Xᵀ (X Xᵀ)⁻¹ X with Gauss–Jordan inversion; diagonal zeroed unless `keepDiagonal`.
    static func pseudoinverse(_ patterns: [[Int8]], keepDiagonal: Bool = false) -> ReferenceNetwork {
        let p = patterns.count, n = patterns[0].count
        var c = [[Double]](repeating: [Double](repeating: 0, count: 2 * p), count: p)
        for a in 0..<p {
            for b in 0..<p {
                var dot = 0.0
                for i in 0..<n { dot += Double(patterns[a][i]) * Double(patterns[b][i]) }
                c[a][b] = dot
            }
            c[a][p + a] = 1
        }
        for col in 0..<p {
            let pivotRow = (col..<p).max { abs(c[$0][col]) < abs(c[$1][col]) }!
            c.swapAt(col, pivotRow)
            let pivot = c[col][col]
            for k in 0..<(2 * p) { c[col][k] /= pivot }
            for r in 0..<p where r != col {
                let f = c[r][col]
                for k in 0..<(2 * p) { c[r][k] -= f * c[col][k] }
            }
        }
        var w = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0..<n where keepDiagonal || i != j {
                var sum = 0.0
                for a in 0..<p {
                    for b in 0..<p { sum += Double(patterns[a][i]) * c[a][p + b] * Double(patterns[b][j]) }
                }
                w[i][j] = sum
            }
        }
        return ReferenceNetwork(weights: w, tolerance: 1e-7)
    }

    func field(_ i: Int, _ s: [Int8]) -> Double {
        var h = 0.0
        for j in 0..<n { h += weights[i][j] * Double(s[j]) }
        return h
    }

    func energy(_ s: [Int8]) -> Double {
        var e = 0.0
        for i in 0..<n {
            for j in 0..<n { e += weights[i][j] * Double(s[i]) * Double(s[j]) }
        }
        return -0.5 * e
    }

    func decide(_ h: Double, _ current: Int8, _ tie: TieRule) -> Int8 {
        if h > tolerance { return 1 }
        if h < -tolerance { return -1 }
        switch tie {
        case .plus: return 1
        case .minus: return -1
        case .keep: return current == 0 ? 1 : current
        }
    }

    func isFixedPoint(_ s: [Int8], _ tie: TieRule) -> Bool {
        (0..<n).allSatisfy { decide(field($0, s), s[$0], tie) == s[$0] }
    }

    struct Result {
        var state: [Int8]
        var sweeps: Int
        var status: ConvergenceStatus
        var energies: [Double]
    }

    /// The dynamics by definition: each sweep draws its order (async: forward Fisher–Yates on the
    /// previous order with rng.bounded), visits every neuron with a freshly summed field.
    func converge(_ initial: [Int8], _ dynamics: Dynamics, _ rng: inout Xoshiro256StarStar) -> Result {
        var s = initial
        var order = Array(0..<n)
        var sweeps = 0
        var energies = [energy(s)]
        var seen: [[Int8]: Int] = [:]
        while sweeps < dynamics.maxSweeps {
            sweeps += 1
            var changes = 0
            switch dynamics.mode {
            case .async, .sequential:
                if dynamics.mode == .async {
                    for p in 0..<(n - 1) { order.swapAt(p, p + Int(rng.bounded(UInt64(n - p)))) }
                }
                for i in order {
                    let new = decide(field(i, s), s[i], dynamics.tie)
                    if new != s[i] {
                        s[i] = new
                        changes += 1
                    }
                }
            case .asyncRandom:
                // Stops at a fixed point, not at a sweep whose random picks missed the unstable neurons.
                if isFixedPoint(s, dynamics.tie) { break }
                changes = -1
                for _ in 0..<n {
                    let i = rng.index(below: n)
                    let new = decide(field(i, s), s[i], dynamics.tie)
                    if new != s[i] {
                        s[i] = new
                        changes = max(changes, 0) + 1
                    }
                }
            case .sync:
                let next = (0..<n).map { decide(field($0, s), s[$0], dynamics.tie) }
                changes = zip(next, s).filter { $0 != $1 }.count
                s = next
                if changes > 0 {
                    if seen[s] != nil {
                        energies.append(energy(s))
                        return Result(state: s, sweeps: sweeps, status: .cycle, energies: energies)
                    }
                    seen[s] = sweeps
                }
            }
            energies.append(energy(s))
            if changes == 0 { return Result(state: s, sweeps: sweeps, status: .converged, energies: energies) }
        }
        return Result(state: s, sweeps: sweeps, status: .unconverged, energies: energies)
    }
}

/// Random ±1 patterns from a seeded stream.
func randomPatterns(_ count: Int, neurons: Int, seed: UInt64) -> [[Int8]] {
    var rng = Xoshiro256StarStar(seed: seed)
    return (0..<count).map { _ in Corruption.random(neurons: neurons, rng: &rng) }
}
