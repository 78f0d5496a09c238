/// A row of a capacity batch's summary.csv: one grid point and number of patterns, every seed pooled.
public struct CapacitySummaryRow: ResultRow, Equatable {
    /// The grid values shared by the pooled runs, in grid key order.
    public var grid: [String] = []
    /// The learning rule's name.
    public var rule = ""
    /// N, the neurons of each pattern.
    public var neurons = 0
    /// P, the stored random patterns.
    public var patterns = 0
    /// α = P/N.
    public var load = 0.0
    /// Runs pooled: one per seed.
    public var runs = 0
    /// Mean over seeds of the fraction of stored patterns that are fixed points.
    public var meanStableFraction = 0.0
    /// Its standard deviation over seeds (nil with one seed).
    public var sdStableFraction: Double?
    /// Mean overlap m/N of the final state with the target pattern.
    public var meanOverlap = 0.0
    /// Standard deviation over seeds of the mean overlap (nil with one seed).
    public var sdOverlap: Double?
    /// Mean over seeds of the share of states that ended exactly on their target.
    public var meanExactRate = 0.0
    /// The AGS prediction of the retrieval overlap (Hebbian rule only).
    public var theoryOverlap: Double?
    /// α_c ≈ 0.138 (Amit, Gutfreund and Sompolinsky 1987; Hebbian rule only, nil for the others).
    public var criticalLoad: Double?
    /// N / (2 ln N): patterns retrievable exactly with high probability (McEliece et al. 1987;
    /// Hebbian rule only, nil for the others).
    public var mcEliecePatterns: Double?

    /// An empty value, filled in field by field when a CSV line is read.
    public init() {}

    /// The summary of runs that differ only by seed.
    public init(_ rows: [CapacityRow]) {
        let first = rows[0]
        grid = first.run.grid
        rule = first.rule
        neurons = first.neurons
        patterns = first.patterns
        load = first.load
        runs = rows.count
        (meanStableFraction, sdStableFraction) = Summary.meanAndDeviation(rows.map(\.stableFraction))
        (meanOverlap, sdOverlap) = Summary.meanAndDeviation(rows.map(\.meanOverlap))
        meanExactRate = Recorded.fixed(rows.map(\.exactRate).reduce(0, +) / Double(rows.count))
        theoryOverlap = first.theoryOverlap
        criticalLoad = first.criticalLoad
        mcEliecePatterns = first.mcEliecePatterns
    }

    /// The file's columns, in order (runs files start with the run and one column per grid key).
    public static func columns(gridKeys: [String]) -> [Column<CapacitySummaryRow>] {
        Summary.gridColumns(gridKeys, \.grid) + [
            .text("rule", \.rule).shown, .int("neurons", \.neurons).shown, .int("patterns", \.patterns).shown, .fixed("load", \.load).shown,
            .int("runs", \.runs).shown, .fixed("meanStableFraction", \.meanStableFraction).shown,
            .optionalFixed("sdStableFraction", \.sdStableFraction),
            .fixed("meanOverlap", \.meanOverlap).shown, .optionalFixed("sdOverlap", \.sdOverlap),
            .fixed("meanExactRate", \.meanExactRate).shown,
            .optionalFixed("theoryOverlap", \.theoryOverlap).shown, .optionalFixed("criticalLoad", \.criticalLoad),
            .optionalFixed("mcEliecePatterns", \.mcEliecePatterns)
        ]
    }
}
