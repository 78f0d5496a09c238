/// A row of a basins batch's summary.csv: one grid point, every seed's memories pooled.
@dynamicMemberLookup
public struct BasinsSummaryRow: ResultRow, Equatable {
    /// The grid values, rule, N, P, α and the runs pooled.
    public var group = LoadGroup()
    /// Memories pooled over the runs.
    public var memories = 0
    /// Mean radius over every pooled memory.
    public var meanRadius = 0.0
    /// Standard deviation of the pooled memories' radii (nil with one memory).
    public var sdRadius: Double?
    /// The 95% confidence interval of the mean radius, mean ∓ 1.96·sd/√memories (a normal
    /// approximation; memories of one run share their network, so it is a little narrow).
    public var radiusLow95 = 0.0
    /// Its upper end.
    public var radiusHigh95 = 0.0
    /// Share of the pooled memories with radius 0.
    public var zeroFraction = 0.0
    /// Mean over seeds of the share of memories that are fixed points.
    public var meanStableFraction = 0.0

    /// An empty value, filled in field by field when a CSV line is read.
    public init() {}

    /// The summary of runs that differ only by seed: pooled mean and deviation from each run's
    /// count, mean and deviation (as recorded in runs.csv).
    public init(_ rows: [BasinsRow]) {
        let first = rows[0]
        group = LoadGroup(
            grid: first.run.grid, rule: first.rule, neurons: first.neurons, patterns: first.patterns, load: first.load, runs: rows.count)
        memories = rows.map(\.memories).reduce(0, +)
        let n = Double(memories)
        let mean = rows.reduce(0) { $0 + Double($1.memories) * $1.meanRadius } / n
        meanRadius = Recorded.fixed(mean)
        if memories > 1 {
            let squares = rows.reduce(0.0) { sum, r in
                let within = Double(r.memories - 1) * (r.sdRadius ?? 0) * (r.sdRadius ?? 0)
                return sum + within + Double(r.memories) * (r.meanRadius - mean) * (r.meanRadius - mean)
            }
            let sd = (squares / (n - 1)).squareRoot()
            sdRadius = Recorded.fixed(sd)
            radiusLow95 = Recorded.fixed(max(0, mean - 1.959963984540054 * sd / n.squareRoot()))
            radiusHigh95 = Recorded.fixed(mean + 1.959963984540054 * sd / n.squareRoot())
        } else {
            radiusLow95 = meanRadius
            radiusHigh95 = meanRadius
        }
        zeroFraction = Recorded.fixed(Double(rows.map(\.zeroRadii).reduce(0, +)) / n)
        meanStableFraction = Recorded.fixed(rows.map(\.stableFraction).reduce(0, +) / Double(rows.count))
    }

    /// The group's fields as the row's own (`row.rule`).
    public subscript<Value>(dynamicMember path: KeyPath<LoadGroup, Value>) -> Value { group[keyPath: path] }

    /// The file's columns, in order.
    public static func columns(gridKeys: [String]) -> [Column<BasinsSummaryRow>] {
        LoadGroup.columns(gridKeys: gridKeys, \.group) + [
            .int("memories", \.memories).shown, .fixed("meanRadius", \.meanRadius).shown,
            .optionalFixed("sdRadius", \.sdRadius),
            .fixed("radiusLow95", \.radiusLow95).shown, .fixed("radiusHigh95", \.radiusHigh95).shown,
            .fixed("zeroFraction", \.zeroFraction).shown,
            .fixed("meanStableFraction", \.meanStableFraction).shown
        ]
    }
}
