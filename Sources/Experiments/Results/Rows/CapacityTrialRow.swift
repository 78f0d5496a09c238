/// A row of capacity.csv: one number of patterns and one trial.
public struct CapacityTrialRow: ResultRow, Equatable {
    /// P, the stored random patterns.
    public var patterns = 0
    /// α = P/N.
    public var load = 0.0
    /// The trial (0-based): repetitions with fresh random draws.
    public var trial = 0
    /// Stored patterns that are fixed points.
    public var stable = 0
    /// stable / P.
    public var stableFraction = 0.0
    /// Mean overlap m/N reached from each stored pattern.
    public var meanOverlap = 0.0
    /// The lowest overlap reached from a stored pattern.
    public var minOverlap = 0.0
    /// Stored patterns whose dynamics end exactly on themselves.
    public var exact = 0
    /// Sweeps per state, the last one (which changes nothing) included.
    public var meanSweeps = 0.0

    /// An empty value, filled in field by field when a CSV line is read.
    public init() {}

    /// The row of one trial.
    public init(patterns: Int, neurons: Int, trial: Int, tally: Tally) {
        self.patterns = patterns
        load = Recorded.fixed(Double(patterns) / Double(neurons))
        self.trial = trial
        stable = tally.stable
        stableFraction = Recorded.fixed(Double(tally.stable) / Double(tally.n))
        meanOverlap = Recorded.fixed(tally.meanOverlap)
        minOverlap = Recorded.fixed(tally.overlaps.min() ?? 0)
        exact = tally[.correct]
        meanSweeps = Recorded.fixed(tally.meanSweeps)
    }

    /// The file's columns, in order (runs files start with the run and one column per grid key).
    public static func columns(gridKeys: [String]) -> [Column<CapacityTrialRow>] {
        [
            .int("patterns", \.patterns), .fixed("load", \.load), .int("trial", \.trial), .int("stable", \.stable),
            .fixed("stableFraction", \.stableFraction), .fixed("meanOverlap", \.meanOverlap), .fixed("minOverlap", \.minOverlap),
            .int("exact", \.exact), .fixed("meanSweeps", \.meanSweeps)
        ]
    }
}
