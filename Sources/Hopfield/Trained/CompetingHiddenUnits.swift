/// Krotov and Hopfield's (2019) "Unsupervised learning by competing hidden units": K hidden units
/// whose synapses learn features from unlabeled inputs with a local rule and global inhibition.
///
/// For each input v of a mini-batch the hidden currents are I_μ = ⟨W_μ, v⟩ (the Lebesgue-p
/// weighting sign(W)|W|^(p−1), with p = 2 the plain dot product). The unit with the largest
/// current moves towards v with strength 1 (Hebbian), the k-th largest away with strength −Δ
/// (anti-Hebbian); every other unit stays: g = 1, −Δ or 0. The step is
/// ΔW_μ = Σ_v g_μ(v) (v − I_μ(v) W_μ), normalised by its largest entry and scaled by
/// ε₀(1 − epoch/epochs), as in Krotov's notebook (`Unsupervised_learning_algorithm_MNIST`):
/// p = 2, k = 2, Δ = 0.4, ε₀ = 0.02, mini-batches of 100, weights from N(0, 1).
///
/// Deterministic: the inputs are shuffled from `seed`, currents are summed in index order, and
/// threads split hidden units (each unit's arithmetic is the same on any thread count).
public struct CompetingHiddenUnits: Sendable {
    /// The training settings (the notebook's, but fewer epochs: 200 over 60,000 digits there).
    public struct Options: Sendable, Equatable, Hashable {
        /// K, the hidden units (the features).
        public var hidden = 100
        /// Passes over the training inputs.
        public var epochs = 30
        /// ε₀, the largest step in the first epoch (the step falls linearly to 0).
        public var learningRate = 0.02
        /// Δ, the strength of the anti-Hebbian push on the k-th unit.
        public var delta = 0.4
        /// k: the rank of the unit pushed away.
        public var rank = 2
        /// Inputs per mini-batch.
        public var batchSize = 100

        /// The notebook's settings with 30 epochs and 100 hidden units.
        public init() {}
    }

    /// K × N synapses, row by row.
    public let synapses: [Double]
    /// K.
    public let hidden: Int
    /// N.
    public let inputs: Int

    /// Trains on `patterns` (each of N real values) without labels.
    public init(training patterns: [[Double]], options: Options, seed: UInt64, jobs: Int) {
        let n = patterns.first?.count ?? 0, k = options.hidden
        var rng = Xoshiro256StarStar(seed: seed)
        var w = (0..<k * n).map { _ in rng.gaussian() }
        var order = Array(patterns.indices)
        let batch = max(1, min(options.batchSize, patterns.count))
        for epoch in 0..<options.epochs {
            let eps = options.learningRate * (1 - Double(epoch) / Double(options.epochs))
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
            for start in stride(from: 0, through: order.count - batch, by: batch) {
                let members = Array(order[start..<start + batch])
                w = Self.step(w, members.map { patterns[$0] }, hidden: k, options: options, eps: eps, jobs: jobs)
            }
        }
        synapses = w
        hidden = k
        inputs = n
    }

    /// One mini-batch: every unit's current for every input, the ranking, the update.
    static func step(_ w: [Double], _ batch: [[Double]], hidden k: Int, options: Options, eps: Double, jobs: Int) -> [Double] {
        let n = batch[0].count
        // Currents I[μ][b], computed unit by unit (threads split units).
        let currents = parallelMap(count: k, jobs: jobs) { mu in
            batch.map { v in
                var s = 0.0
                for i in 0..<n { s += w[mu * n + i] * v[i] }
                return s
            }
        }
        // g[μ][b]: 1 for the winner, −Δ for the k-th ranked (ties to the lower index).
        var strengths = [[Double]](repeating: [Double](repeating: 0, count: batch.count), count: k)
        for b in batch.indices {
            let ranked = (0..<k).sorted { currents[$0][b] > currents[$1][b] || (currents[$0][b] == currents[$1][b] && $0 < $1) }
            strengths[ranked[0]][b] = 1
            if options.rank - 1 < k && options.rank > 1 { strengths[ranked[options.rank - 1]][b] = -options.delta }
        }
        let g = strengths
        let ds = parallelMap(count: k, jobs: jobs) { mu -> [Double] in
            var row = [Double](repeating: 0, count: n)
            var xx = 0.0
            for b in batch.indices where g[mu][b] != 0 {
                xx += g[mu][b] * currents[mu][b]
                for i in 0..<n { row[i] += g[mu][b] * batch[b][i] }
            }
            for i in 0..<n { row[i] -= xx * w[mu * n + i] }
            return row
        }
        let largest = max(ds.reduce(0.0) { m, row in row.reduce(m) { max($0, abs($1)) } }, 1e-30)
        var out = w
        for mu in 0..<k { for i in 0..<n { out[mu * n + i] += eps * ds[mu][i] / largest } }
        return out
    }

    /// The hidden units' currents for `v`, ⟨W_μ, v⟩: K features. (The paper's classifier
    /// rectifies them, max(0, I)ⁿ; kept signed here so that median codes see both sides.)
    public func features(_ v: [Double]) -> [Double] {
        (0..<hidden).map { mu in
            var s = 0.0
            for i in 0..<inputs { s += synapses[mu * inputs + i] * v[i] }
            return s
        }
    }
}
