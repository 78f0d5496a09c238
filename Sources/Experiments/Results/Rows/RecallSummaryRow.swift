/// A row of a recall batch's summary.csv: one grid point and level, every seed pooled.
public struct RecallSummaryRow: ResultRow, Equatable {
    /// The grid values shared by the pooled runs, in grid key order.
    public var grid: [String] = []
    /// The corruption kind ("flip", "mask", ...).
    public var kind = ""
    /// The corruption level as written in the config ("0.1"), or "" for kinds without levels.
    public var level = ""
    /// Runs pooled: one per seed.
    public var runs = 0
    /// Starts counted over every seed.
    public var n = 0
    /// Mean over seeds of exactRate.
    public var meanExactRate = 0.0
    /// Its standard deviation over seeds (nil with one seed).
    public var sdExactRate: Double?
    /// Mean overlap m/N of the final state with the target pattern.
    public var meanOverlap = 0.0
    /// Standard deviation over seeds of the mean overlap (nil with one seed).
    public var sdOverlap: Double?
    /// The mean over seeds of each run's 0.99-quantile of the per-pixel error.
    public var meanErrorQuantile99 = 0.0
    /// Starts that ended exactly on their target, every seed pooled.
    public var exact = 0
    /// exact / n over every seed, with its Wilson 95% interval.
    public var exactRate = Proportion()
    /// Starts that ended in a spurious state, every seed pooled.
    public var spurious = 0
    /// spurious / n over every seed, with its Wilson 95% interval.
    public var spuriousRate = Proportion()

    /// An empty value, filled in field by field when a CSV line is read.
    public init() {}

    /// The summary of runs that differ only by seed.
    public init(_ rows: [RecallRow]) {
        grid = rows[0].run.grid
        kind = rows[0].kind
        level = rows[0].level
        runs = rows.count
        n = rows.reduce(0) { $0 + $1.n }
        (meanExactRate, sdExactRate) = Summary.meanAndDeviation(rows.map(\.exactRate))
        (meanOverlap, sdOverlap) = Summary.meanAndDeviation(rows.map(\.meanOverlap))
        let quantiles = rows.map(\.errorQuantile99)
        meanErrorQuantile99 = Recorded.fixed(quantiles.reduce(0, +) / Double(max(quantiles.count, 1)))
        exact = rows.reduce(0) { $0 + $1.exact }
        exactRate = Proportion(exact, of: n)
        spurious = rows.reduce(0) { $0 + $1.spurious }
        spuriousRate = Proportion(spurious, of: n)
    }

    /// The file's columns, in order (runs files start with the run and one column per grid key).
    public static func columns(gridKeys: [String]) -> [Column<RecallSummaryRow>] {
        Summary.gridColumns(gridKeys, \.grid) + [
            .text("kind", \.kind).shown, .text("level", \.level).shown, .int("runs", \.runs).shown, .int("n", \.n).shown,
            .fixed("meanExactRate", \.meanExactRate).shown, .optionalFixed("sdExactRate", \.sdExactRate),
            .fixed("meanOverlap", \.meanOverlap).shown, .optionalFixed("sdOverlap", \.sdOverlap),
            .fixed("meanErrorQuantile99", \.meanErrorQuantile99).shown, .int("exact", \.exact)
        ] + Proportion.columns("exact", \.exactRate) + [.int("spurious", \.spurious)]
            + Proportion.columns("spurious", \.spuriousRate, shown: true)
    }
}
