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
public struct ModernNetwork: Sendable {
    /// The stored patterns X, P rows of N real values.
    public let memories: ContinuousMemories
    /// β > 0, the inverse temperature of the softmax (see the type's notes on its scale).
    public let beta: Double

    /// A network over the memories at inverse temperature β, which must be positive.
    public init(memories: ContinuousMemories, beta: Double) {
        precondition(beta > 0, "β must be positive")
        self.memories = memories
        self.beta = beta
    }

    /// X s.
    public func similarities(_ state: [Double]) -> [Double] {
        let n = memories.neurons
        return (0..<memories.count).map { mu in
            var sum = 0.0
            let base = mu * n
            for i in 0..<n { sum += memories.rows[base + i] * state[i] }
            return sum
        }
    }

    /// softmax(β z), stable.
    public func softmax(_ z: [Double]) -> [Double] {
        let largest = z.max() ?? 0
        let e = z.map { exp(beta * ($0 - largest)) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }

    /// lse(β, z) = β⁻¹ log Σ e^(β z), stable.
    public func logSumExp(_ z: [Double]) -> Double {
        let largest = z.max() ?? 0
        var total = 0.0
        for v in z { total += exp(beta * (v - largest)) }
        return largest + log(total) / beta
    }

    /// One update: Xᵀ softmax(β X s).
    public func step(_ state: [Double]) -> [Double] {
        let p = softmax(similarities(state))
        let n = memories.neurons
        var out = [Double](repeating: 0, count: n)
        for mu in 0..<memories.count where p[mu] > 0 {
            let base = mu * n, weight = p[mu]
            for i in 0..<n { out[i] += weight * memories.rows[base + i] }
        }
        return out
    }

    /// E(s) = −lse(β, X s) + ½ sᵀs + β⁻¹ log P + ½ M².
    public func energy(_ state: [Double]) -> Double {
        let n = memories.neurons
        var largestNorm = 0.0
        for mu in 0..<memories.count {
            var norm = 0.0
            for i in 0..<n { norm += memories.rows[mu * n + i] * memories.rows[mu * n + i] }
            largestNorm = max(largestNorm, norm)
        }
        let half = 0.5 * state.reduce(0) { $0 + $1 * $1 }
        return -logSumExp(similarities(state)) + half + log(Double(memories.count)) / beta + 0.5 * largestNorm
    }

    /// Updates until no component moves by more than `tolerance` (converged) or `maxSteps`
    /// updates (unconverged). Each update is one "sweep" in the reports.
    public func converge(from initial: [Double], maxSteps: Int, tolerance: Double = 1e-9,
                         history: HistoryOptions = []) -> ContinuousConvergence {
        precondition(initial.count == memories.neurons)
        var state = initial
        var record = ContinuousHistory()
        let start = energy(state)
        if history.contains(.energy) { record.energies.append(start) }
        if history.contains(.states) { record.states.append(state) }
        var steps = 0
        var status = ConvergenceStatus.unconverged
        while steps < maxSteps {
            steps += 1
            let next = step(state)
            var moved = 0.0
            for i in 0..<state.count { moved = max(moved, abs(next[i] - state[i])) }
            state = next
            if history.contains(.energy) { record.energies.append(energy(state)) }
            if history.contains(.states) { record.states.append(state) }
            if moved <= tolerance {
                status = .converged
                break
            }
        }
        return ContinuousConvergence(state: state, status: status, steps: steps, energyStart: start,
                                     energyEnd: energy(state), history: record)
    }
}
