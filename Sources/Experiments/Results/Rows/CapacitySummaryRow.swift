/// A row of a capacity batch's summary.csv: one grid point and number of patterns, every seed pooled.
@dynamicMemberLookup
public struct CapacitySummaryRow: ResultRow, Equatable {
    /// The grid values, rule, N, P, α and the runs pooled.
    public var group = LoadGroup()
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
        group = LoadGroup(
            grid: first.run.grid, rule: first.rule, neurons: first.neurons, patterns: first.patterns, load: first.load, runs: rows.count)
        (meanStableFraction, sdStableFraction) = Summary.meanAndDeviation(rows.map(\.stableFraction))
        (meanOverlap, sdOverlap) = Summary.meanAndDeviation(rows.map(\.meanOverlap))
        meanExactRate = Recorded.fixed(rows.map(\.exactRate).reduce(0, +) / Double(rows.count))
        theoryOverlap = first.theoryOverlap
        criticalLoad = first.criticalLoad
        mcEliecePatterns = first.mcEliecePatterns
    }

    /// The group's fields as the row's own (`row.rule`).
    public subscript<Value>(dynamicMember path: KeyPath<LoadGroup, Value>) -> Value { group[keyPath: path] }

    /// The file's columns, in order (runs files start with the run and one column per grid key).
    public static func columns(gridKeys: [String]) -> [Column<CapacitySummaryRow>] {
        LoadGroup.columns(gridKeys: gridKeys, \.group) + [
            .fixed("meanStableFraction", \.meanStableFraction).shown,
            .optionalFixed("sdStableFraction", \.sdStableFraction),
            .fixed("meanOverlap", \.meanOverlap).shown, .optionalFixed("sdOverlap", \.sdOverlap),
            .fixed("meanExactRate", \.meanExactRate).shown,
            .optionalFixed("theoryOverlap", \.theoryOverlap).shown, .optionalFixed("criticalLoad", \.criticalLoad),
            .optionalFixed("mcEliecePatterns", \.mcEliecePatterns)
        ]
    }
}
