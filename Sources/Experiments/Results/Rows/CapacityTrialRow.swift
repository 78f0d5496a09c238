/// A row of capacity.csv: one number of patterns and one trial.
public struct CapacityTrialRow: ResultRow, Equatable {
    public var patterns = 0
    public var load = 0.0
    public var trial = 0
    public var stable = 0
    public var stableFraction = 0.0
    public var meanOverlap = 0.0
    /// The lowest overlap reached from a stored pattern.
    public var minOverlap = 0.0
    public var exact = 0
    public var meanSweeps = 0.0

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

    public static func columns(gridKeys: [String]) -> [Column<CapacityTrialRow>] {
        [.int("patterns", \.patterns), .fixed("load", \.load), .int("trial", \.trial), .int("stable", \.stable),
         .fixed("stableFraction", \.stableFraction), .fixed("meanOverlap", \.meanOverlap), .fixed("minOverlap", \.minOverlap),
         .int("exact", \.exact), .fixed("meanSweeps", \.meanSweeps)]
    }
}
