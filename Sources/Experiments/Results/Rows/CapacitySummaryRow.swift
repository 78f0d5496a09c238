/// A row of a capacity batch's summary.csv: one grid point and number of patterns, every seed pooled.
public struct CapacitySummaryRow: ResultRow, Equatable {
    public var grid: [String] = []
    public var rule = ""
    public var neurons = 0
    public var patterns = 0
    public var load = 0.0
    public var runs = 0
    public var meanStableFraction = 0.0
    public var sdStableFraction: Double?
    public var meanOverlap = 0.0
    public var sdOverlap: Double?
    public var meanExactRate = 0.0
    public var theoryOverlap: Double?
    public var criticalLoad = 0.0
    public var mcEliecePatterns = 0.0

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

    public static func columns(gridKeys: [String]) -> [Column<CapacitySummaryRow>] {
        Summary.gridColumns(gridKeys, \.grid) + [
            .text("rule", \.rule), .int("neurons", \.neurons), .int("patterns", \.patterns), .fixed("load", \.load),
            .int("runs", \.runs), .fixed("meanStableFraction", \.meanStableFraction), .optionalFixed("sdStableFraction", \.sdStableFraction),
            .fixed("meanOverlap", \.meanOverlap), .optionalFixed("sdOverlap", \.sdOverlap), .fixed("meanExactRate", \.meanExactRate),
            .optionalFixed("theoryOverlap", \.theoryOverlap), .fixed("criticalLoad", \.criticalLoad),
            .fixed("mcEliecePatterns", \.mcEliecePatterns),
        ]
    }
}
