/// P stored real-valued patterns (grayscale in [−1, 1], or ±1 as Double) for the modern network.
public struct ContinuousMemories: Sendable {
    /// P, the number of patterns.
    public let count: Int
    /// N, the length of every pattern.
    public let neurons: Int
    /// Row-major P×N.
    public let rows: [Double]

    /// From P ≥ 1 real patterns of the same length N > 0.
    public init(_ patterns: [[Double]]) {
        (count, neurons, rows) = Memories.rowMajor(patterns)
    }

    /// The ±1 memories as Doubles, to run the modern network on binary patterns.
    public init(_ memories: Memories) {
        count = memories.count
        neurons = memories.neurons
        rows = memories.rows.map(Double.init)
    }

    /// Pattern μ (0-based) as N Doubles: a copy of its row.
    public func pattern(_ mu: Int) -> [Double] { Array(rows[(mu * neurons)..<((mu + 1) * neurons)]) }

    /// X s: each pattern's dot product with `state`, summed in index order.
    public func dots(_ state: [Double]) -> [Double] {
        (0..<count).map { mu in
            var sum = 0.0
            let base = mu * neurons
            for i in 0..<neurons { sum += rows[base + i] * state[i] }
            return sum
        }
    }

    /// The largest |s_i − x_i^μ| over i.
    public func maxDistance(_ state: [Double], to mu: Int) -> Double {
        var worst = 0.0
        let base = mu * neurons
        for i in 0..<neurons { worst = max(worst, abs(state[i] - rows[base + i])) }
        return worst
    }

    /// A stored pattern (or its negation) within `tolerance` in every component, or none.
    public func match(_ state: [Double], tolerance: Double) -> MemoryMatch {
        for mu in 0..<count where maxDistance(state, to: mu) <= tolerance { return .memory(mu) }
        for mu in 0..<count {
            let base = mu * neurons
            var worst = 0.0
            for i in 0..<neurons { worst = max(worst, abs(state[i] + rows[base + i])) }
            if worst <= tolerance { return .inverted(mu) }
        }
        return .none
    }

    /// The pattern with the largest |cosine similarity| to the state, and that cosine.
    public func nearest(_ state: [Double]) -> (index: Int, cosine: Double) {
        let stateNorm = state.reduce(0) { $0 + $1 * $1 }.squareRoot()
        var best = 0, bestCosine = 0.0
        for mu in 0..<count {
            let base = mu * neurons
            var dot = 0.0, norm = 0.0
            for i in 0..<neurons {
                dot += rows[base + i] * state[i]
                norm += rows[base + i] * rows[base + i]
            }
            let cosine = (stateNorm > 0 && norm > 0) ? dot / (stateNorm * norm.squareRoot()) : 0
            if mu == 0 || abs(cosine) > abs(bestCosine) {
                best = mu
                bestCosine = cosine
            }
        }
        return (best, bestCosine)
    }
}
