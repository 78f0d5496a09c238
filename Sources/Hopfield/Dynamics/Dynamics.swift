

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

    /// A run's settings. The defaults are notebook 000's: random-order asynchronous updates,
    /// ties to +1, and at most 100 sweeps with no history. `maxSweeps` must be at least 1.
    public init(mode: UpdateMode = .async, tie: TieRule = .plus, maxSweeps: Int = 100,
                history: HistoryOptions = []) {
        precondition(maxSweeps >= 1)
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
