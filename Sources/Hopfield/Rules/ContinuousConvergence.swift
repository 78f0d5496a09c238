import Glibc

/// Step-by-step records of a modern-network run; entry 0 is the initial state, entry k the state
/// after step k.
public struct ContinuousHistory: Sendable {
    /// E at the start and after every step; filled with ``HistoryOptions/energy``.
    public var energies: [Double] = []
    /// The whole real state at the start and after every step; filled with
    /// ``HistoryOptions/states`` (overlaps are not recorded for this network).
    public var states: [[Double]] = []
}

/// The result of running the modern network.
public struct ContinuousConvergence: Sendable {
    /// The final state, N real values: after at least one step, a convex combination Σ_μ p_μ x^μ of
    /// the patterns.
    public var state: [Double]
    /// `converged` when the last step moved no component by more than the tolerance, otherwise
    /// `unconverged` (`maxSteps` reached); never `cycle`.
    public var status: ConvergenceStatus
    /// Updates performed, including the last one (which, for `converged`, moved less than the
    /// tolerance).
    public var steps: Int
    /// E of the initial state.
    public var energyStart: Double
    /// E of the final state, never above `energyStart`.
    public var energyEnd: Double
    /// The records asked for; empty arrays otherwise.
    public var history: ContinuousHistory
}
