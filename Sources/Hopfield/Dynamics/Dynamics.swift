import Foundation

/// How a network is run from an initial state.
public struct Dynamics: Sendable, Equatable, Hashable {
    /// The order in which neurons are updated; ``UpdateMode/async`` (a fresh random order each
    /// sweep) by default, notebook 000's intent.
    public var mode: UpdateMode
    /// What a zero field gives; ``TieRule/plus`` by default, notebook 000's
    /// `if activation < 0: -1 else: 1`.
    public var tie: TieRule
    /// The most sweeps before giving up with outcome "unconverged". A sweep is one pass (N
    /// updates, or one synchronous step). 100 is far above what Hebbian networks need (a few
    /// sweeps) and bounds the cost of a run.
    public var maxSweeps: Int
    /// What to record sweep by sweep.
    public var history: HistoryOptions
    /// T of Glauber dynamics: 0 (the default) is the deterministic sign rule. Above 0 a visited
    /// neuron becomes +1 with probability 1/(1 + exp(−2h/T)), h its field divided by the network's
    /// ``BinaryNetwork/fieldScale`` (N for the Hebbian rule, so T is on the scale of W = XᵀX/N,
    /// where the retrieval states melt near T = 1), drawn from the image's own stream; a run then
    /// stops at the first sweep that changes nothing, or after `maxSweeps` (unconverged).
    public var temperature: Double

    /// Whether the dynamics are stochastic (Glauber, T > 0).
    public var isStochastic: Bool { temperature > 0 }

    /// A run's settings. The defaults are notebook 000's: random-order asynchronous updates,
    /// ties to +1, at most 100 sweeps with no history, and zero temperature. `maxSweeps` must be at least 1.
    public init(
        mode: UpdateMode = .async, tie: TieRule = .plus, maxSweeps: Int = 100,
        history: HistoryOptions = [], temperature: Double = 0
    ) {
        precondition(maxSweeps >= 1)
        precondition(temperature >= 0 && temperature.isFinite)
        self.temperature = temperature
        self.mode = mode
        self.tie = tie
        self.maxSweeps = maxSweeps
        self.history = history
    }
}

/// Decides a neuron's new value from its field.
@inline(__always)
func decide(_ field: Double, current: Int8, tie: TieRule, tolerance: Double) -> Int8 {
    if field > tolerance { return 1 }
    if field < -tolerance { return -1 }
    switch tie {
    case .plus: return 1
    case .minus: return -1
    case .keep: return current == 0 ? 1 : current
    }
}

/// Glauber's rule: +1 with probability 1/(1 + exp(−2h/T)), from one uniform draw.
@inline(__always)
func glauber(_ field: Double, temperature: Double, rng: inout Xoshiro256StarStar) -> Int8 {
    let probability = 1 / (1 + exp(-2 * field / temperature))
    return rng.unit() < probability ? 1 : -1
}
