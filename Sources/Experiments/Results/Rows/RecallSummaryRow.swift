/// A row of a recall batch's summary.csv: one grid point and level, every seed pooled.
public struct RecallSummaryRow: ResultRow, Equatable {
    public var grid: [String] = []
    public var kind = ""
    public var level = ""
    public var runs = 0
    public var n = 0
    public var meanExactRate = 0.0
    public var sdExactRate: Double?
    public var meanOverlap = 0.0
    public var sdOverlap: Double?
    /// The mean over seeds of each run's 0.99-quantile of the per-pixel error.
    public var meanErrorQuantile99 = 0.0
    public var exact = 0
    /// exact / n over every seed, with its Wilson 95% interval.
    public var exactRate = Proportion()
    public var spurious = 0
    public var spuriousRate = Proportion()

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

    public static func columns(gridKeys: [String]) -> [Column<RecallSummaryRow>] {
        Summary.gridColumns(gridKeys, \.grid) + [
            .text("kind", \.kind), .text("level", \.level), .int("runs", \.runs), .int("n", \.n),
            .fixed("meanExactRate", \.meanExactRate), .optionalFixed("sdExactRate", \.sdExactRate),
            .fixed("meanOverlap", \.meanOverlap), .optionalFixed("sdOverlap", \.sdOverlap),
            .fixed("meanErrorQuantile99", \.meanErrorQuantile99), .int("exact", \.exact),
        ] + Proportion.columns("exact", \.exactRate) + [.int("spurious", \.spurious)] + Proportion.columns("spurious", \.spuriousRate)
    }
}
