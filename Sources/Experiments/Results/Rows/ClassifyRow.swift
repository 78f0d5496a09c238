/// A row of a classify run's runs.csv: one split's outcomes.
public struct ClassifyRow: ResultRow, Equatable {
    /// The run: its key, seed and grid values.
    public var run = RunLabel()
    /// The split the row is about.
    public var split = Split.train
    /// Images in the split.
    public var n = 0
    /// States that ended on a memory of their own class.
    public var correct = 0
    /// States that ended on a memory of another class.
    public var errors = 0
    /// States that ended on a negated memory.
    public var inverted = 0
    /// States that ended on a fixed point that is no memory.
    public var spurious = 0
    /// Synchronous dynamics that revisited a state.
    public var cycles = 0
    /// States still changing after `dynamics.maxSweeps` sweeps.
    public var unconverged = 0
    /// correct / n.
    public var accuracy = 0.0
    /// spurious / n.
    public var spuriousRate = 0.0
    /// The share whose nearest memory (largest |overlap|) has the right class: the fallback prediction.
    public var nearestAccuracy = 0.0
    /// Baseline: the share of the split's most frequent class.
    public var chanceAccuracy = 0.0
    /// Baseline: the share whose nearest class prototype has the right class.
    public var prototypeAccuracy = 0.0
    /// Baseline: the share whose nearest training image has the right class (test split only).
    public var neighborAccuracy: Double?
    /// Sweeps per state, the last one (which changes nothing) included.
    public var meanSweeps = 0.0
    /// The smallest dissimilarity 1 − |overlap|/N between two chosen memories.
    public var selectionMinDissimilarity = 0.0

    /// An empty value, filled in field by field when a CSV line is read.
    public init() {}

    /// The row of a split from its tally (rates recorded at the precision of their columns).
    public init(run: RunLabel, split: Split, tally: Tally, selectionMinimum: Double, chance: Double) {
        self.run = run
        self.split = split
        n = tally.n
        correct = tally[.correct]
        errors = tally[.error]
        inverted = tally[.inverted]
        spurious = tally[.spurious]
        cycles = tally[.cycle]
        unconverged = tally[.unconverged]
        accuracy = Recorded.fixed(tally.rate(.correct))
        spuriousRate = Recorded.fixed(tally.rate(.spurious))
        nearestAccuracy = Recorded.fixed(tally.nearestRate)
        chanceAccuracy = Recorded.fixed(chance)
        prototypeAccuracy = Recorded.fixed(Double(tally.prototypeCorrect) / Double(max(1, tally.n)))
        if let neighbors = tally.neighborCorrect { neighborAccuracy = Recorded.fixed(Double(neighbors) / Double(max(1, tally.n))) }
        meanSweeps = Recorded.fixed(tally.meanSweeps)
        selectionMinDissimilarity = Recorded.fixed(selectionMinimum)
    }

    /// The file's columns, in order (runs files start with the run and one column per grid key).
    public static func columns(gridKeys: [String]) -> [Column<ClassifyRow>] {
        RunLabel.columns(gridKeys: gridKeys).map { $0.lifted(\.run) } + [
            .named("split", \.split), .int("n", \.n), .int("correct", \.correct), .int("errors", \.errors),
            .int("inverted", \.inverted), .int("spurious", \.spurious), .int("cycles", \.cycles), .int("unconverged", \.unconverged),
            .fixed("accuracy", \.accuracy), .fixed("spuriousRate", \.spuriousRate), .fixed("nearestAccuracy", \.nearestAccuracy),
            .fixed("chanceAccuracy", \.chanceAccuracy), .fixed("prototypeAccuracy", \.prototypeAccuracy),
            .optionalFixed("neighborAccuracy", \.neighborAccuracy),
            .fixed("meanSweeps", \.meanSweeps), .fixed("selectionMinDissimilarity", \.selectionMinDissimilarity)
        ]
    }
}
