/// Which sweep-by-sweep records a run keeps in its ``History``. Empty by default: each record costs
/// an energy, P overlaps (O(N·P)) or a copy of the N-neuron state per sweep, paid only by runs that
/// plot or animate.
public struct HistoryOptions: OptionSet, Sendable, Hashable {
    /// The option bits: 1 energy, 2 overlaps, 4 states.
    public let rawValue: Int
    /// Options from their bits (the `OptionSet` requirement).
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Energy at the start and after every sweep.
    public static let energy = HistoryOptions(rawValue: 1)
    /// Overlaps with every memory at the start and after every sweep.
    public static let overlaps = HistoryOptions(rawValue: 2)
    /// The whole state at the start and after every sweep (for animations).
    public static let states = HistoryOptions(rawValue: 4)
    /// Every record: energy, overlaps and states.
    public static let all: HistoryOptions = [.energy, .overlaps, .states]
}
