/// A row of a classify run's runs.csv: one split's outcomes.
public struct ClassifyRow: ResultRow, Equatable {
    public var run = RunLabel()
    /// "train" or "test".
    public var split = ""
    public var n = 0
    public var correct = 0
    public var errors = 0
    public var inverted = 0
    public var spurious = 0
    public var cycles = 0
    public var unconverged = 0
    /// correct / n.
    public var accuracy = 0.0
    public var spuriousRate = 0.0
    /// The share whose nearest memory (largest |overlap|) has the right class: the fallback prediction.
    public var nearestAccuracy = 0.0
    public var meanSweeps = 0.0
    /// The smallest dissimilarity 1 − |overlap|/N between two chosen memories.
    public var selectionMinDissimilarity = 0.0

    public init() {}

    /// The row of a split from its tally (rates recorded at the precision of their columns).
    public init(run: RunLabel, split: String, tally: Tally, selectionMinimum: Double) {
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
        meanSweeps = Recorded.fixed(tally.meanSweeps)
        selectionMinDissimilarity = Recorded.fixed(selectionMinimum)
    }

    public static func columns(gridKeys: [String]) -> [Column<ClassifyRow>] {
        RunLabel.columns(gridKeys: gridKeys).map { $0.lifted(\.run) } + [
            .text("split", \.split), .int("n", \.n), .int("correct", \.correct), .int("errors", \.errors),
            .int("inverted", \.inverted), .int("spurious", \.spurious), .int("cycles", \.cycles), .int("unconverged", \.unconverged),
            .fixed("accuracy", \.accuracy), .fixed("spuriousRate", \.spuriousRate), .fixed("nearestAccuracy", \.nearestAccuracy),
            .fixed("meanSweeps", \.meanSweeps), .fixed("selectionMinDissimilarity", \.selectionMinDissimilarity),
        ]
    }
}
