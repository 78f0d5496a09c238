/// How a convergence ended.
public enum ConvergenceStatus: String, Sendable, Codable {
    /// A sweep changed nothing: the state is a fixed point.
    case converged
    /// Synchronous updates revisited an earlier state (period in `cyclePeriod`).
    case cycle
    /// `maxSweeps` sweeps and still changing.
    case unconverged
}

/// The result of running a binary network from one initial state.
public struct Convergence: Sendable {
    /// The final state, N values of ±1. A 0 can remain only in a neuron never visited, which
    /// happens when an ``UpdateMode/asyncRandom`` run stops at `maxSweeps`.
    public var state: [Int8]
    /// Why the run stopped: a fixed point, a cycle, or `maxSweeps` reached.
    public var status: ConvergenceStatus
    /// Sweeps performed, including the last one (which, for `converged`, changed nothing).
    public var sweeps: Int
    /// Neuron updates that changed the state, over all sweeps.
    public var flips: Int
    /// For a synchronous cycle, the number of steps between two visits of the repeated state (2 for
    /// the classical two-cycle). Nil otherwise, and nil for the layered networks (RBMs), which
    /// detect a repeated state without its period.
    public var cyclePeriod: Int?
    /// E of the initial state, in the network's own units (exact integers for the Hebbian rule,
    /// which drops the notebooks' 1/P or 1/N): compare energies only within one network.
    public var energyStart: Double
    /// E of the final state. With symmetric couplings and one neuron updated at a time, every
    /// change lowers E or leaves it, so it is at most `energyStart`; synchronous updates and the
    /// asymmetric perceptron couplings carry no such guarantee.
    public var energyEnd: Double
    /// The records asked for in ``Dynamics/history``; empty arrays otherwise.
    public var history: History
}
