/// A row of a basins run's basins.csv: one stored memory and its basin radius.
public struct BasinRow: ResultRow, Equatable {
    /// The memory's index among the stored patterns.
    public var memory = 0
    /// Its class (dataset patterns), or `random`.
    public var className = ""
    /// The learning rule's name.
    public var rule = ""
    /// N.
    public var neurons = 0
    /// P, the stored patterns.
    public var patterns = 0
    /// α = P/N.
    public var load = 0.0
    /// The largest fraction of flipped bits found inside the basin (0 when even the memory
    /// itself is not recalled).
    public var radius = 0.0
    /// The smallest fraction found outside (the bisection's upper end; above 0.5 when every
    /// level tried was inside).
    public var upper = 0.0
    /// 1 when the memory is a fixed point of the dynamics, else 0 (always 0 for the modern
    /// network, which has no exact fixed-point test: its `radius` says whether it is recalled).
    public var stable = 0
    /// Starts converged for this memory over every level tried.
    public var starts = 0

    /// An empty value, filled in field by field when a CSV line is read.
    public init() {}

    /// The file's columns, in order.
    public static func columns(gridKeys: [String]) -> [Column<BasinRow>] {
        [
            .int("memory", \.memory), .text("class", \.className), .text("rule", \.rule), .int("neurons", \.neurons),
            .int("patterns", \.patterns),
            .fixed("load", \.load), .fixed("radius", \.radius, 6), .fixed("upper", \.upper, 6), .int("stable", \.stable),
            .int("starts", \.starts)
        ]
    }
}
