/// Sweep-by-sweep records; entry 0 is the initial state, entry k the state after sweep k.
public struct History: Sendable {
    /// E at the start and after every sweep, in the network's own units; filled with
    /// ``HistoryOptions/energy``.
    public var energies: [Double] = []
    /// m_μ = Σ_i x_i^μ s_i with every memory (P numbers per entry, an undecided 0 counting 0);
    /// filled with ``HistoryOptions/overlaps``.
    public var overlaps: [[Int]] = []
    /// The whole state, N values of −1, 0 or +1 per entry; filled with ``HistoryOptions/states``.
    public var states: [[Int8]] = []
}
