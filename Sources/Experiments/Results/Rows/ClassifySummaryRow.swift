/// A row of a classify batch's summary.csv: one grid point and split, every seed pooled.
public struct ClassifySummaryRow: ResultRow, Equatable {
    /// The grid values, in grid key order.
    public var grid: [String] = []
    /// The split the row is about.
    public var split = Split.train
    /// Runs pooled (one per seed).
    public var runs = 0
    /// Images counted over every seed.
    public var n = 0
    /// Mean over seeds of the accuracy (correct / n).
    public var meanAccuracy = 0.0
    /// Standard deviation over seeds (nil with one seed).
    public var sdAccuracy: Double?
    /// Mean over seeds of the spurious rate.
    public var meanSpuriousRate = 0.0
    /// Its standard deviation over seeds (nil with one seed).
    public var sdSpuriousRate: Double?
    /// Mean over seeds of the nearest-memory accuracy.
    public var meanNearestAccuracy = 0.0
    /// Its standard deviation over seeds (nil with one seed).
    public var sdNearestAccuracy: Double?
    /// Mean over seeds of the chance baseline (the majority class's share).
    public var meanChanceAccuracy = 0.0
    /// Mean over seeds of the nearest-prototype baseline.
    public var meanPrototypeAccuracy = 0.0
    /// Mean over seeds of the 1-NN baseline (test split only).
    public var meanNeighborAccuracy: Double?
    /// Images that converged to a memory of their own class, every seed pooled.
    public var correct = 0
    /// Images that converged to a memory of another class, every seed pooled.
    public var errors = 0
    /// Images that ended on a negated memory, every seed pooled.
    public var inverted = 0
    /// Images that ended in a spurious state, every seed pooled.
    public var spurious = 0
    /// errors / n over every seed, with its Wilson 95% interval.
    public var errorRate = Proportion()
    /// spurious / n over every seed, with its Wilson 95% interval.
    public var spuriousRate = Proportion()

    /// An empty value, filled in field by field when a CSV line is read.
    public init() {}

    /// The summary of runs that differ only by seed.
    public init(_ rows: [ClassifyRow]) {
        grid = rows[0].run.grid
        split = rows[0].split
        runs = rows.count
        n = rows.reduce(0) { $0 + $1.n }
        (meanAccuracy, sdAccuracy) = Summary.meanAndDeviation(rows.map(\.accuracy))
        (meanSpuriousRate, sdSpuriousRate) = Summary.meanAndDeviation(rows.map(\.spuriousRate))
        (meanNearestAccuracy, sdNearestAccuracy) = Summary.meanAndDeviation(rows.map(\.nearestAccuracy))
        meanChanceAccuracy = Summary.meanAndDeviation(rows.map(\.chanceAccuracy)).0
        meanPrototypeAccuracy = Summary.meanAndDeviation(rows.map(\.prototypeAccuracy)).0
        let neighbors = rows.compactMap(\.neighborAccuracy)
        if neighbors.count == rows.count { meanNeighborAccuracy = Summary.meanAndDeviation(neighbors).0 }
        correct = rows.reduce(0) { $0 + $1.correct }
        errors = rows.reduce(0) { $0 + $1.errors }
        inverted = rows.reduce(0) { $0 + $1.inverted }
        spurious = rows.reduce(0) { $0 + $1.spurious }
        errorRate = Proportion(errors, of: n)
        spuriousRate = Proportion(spurious, of: n)
    }

    /// The file's columns, in order (runs files start with the run and one column per grid key).
    public static func columns(gridKeys: [String]) -> [Column<ClassifySummaryRow>] {
        Summary.gridColumns(gridKeys, \.grid) + [
            .named("split", \.split).shown, .int("runs", \.runs).shown, .int("n", \.n).shown,
            .fixed("meanAccuracy", \.meanAccuracy).shown, .optionalFixed("sdAccuracy", \.sdAccuracy),
            .fixed("meanSpuriousRate", \.meanSpuriousRate).shown, .optionalFixed("sdSpuriousRate", \.sdSpuriousRate),
            .fixed("meanNearestAccuracy", \.meanNearestAccuracy).shown, .optionalFixed("sdNearestAccuracy", \.sdNearestAccuracy),
            .fixed("meanChanceAccuracy", \.meanChanceAccuracy).shown, .fixed("meanPrototypeAccuracy", \.meanPrototypeAccuracy).shown,
            .optionalFixed("meanNeighborAccuracy", \.meanNeighborAccuracy).shown,
            .int("correct", \.correct), .int("errors", \.errors), .int("inverted", \.inverted).shown, .int("spurious", \.spurious)
        ] + Proportion.columns("error", \.errorRate, shown: true)
            + Proportion.columns("spurious", \.spuriousRate, shown: true)
    }
}
