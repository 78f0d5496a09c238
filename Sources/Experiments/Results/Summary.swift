/// summary.csv: runs that differ only by seed, grouped and summarised.
///
/// The summary is a function of runs.csv as written (its rates at 4 decimals), so a batch run
/// straight through, resumed or merged from shards gives the same bytes.
public enum Summary {
    /// Groups rows by `key` in the order their first row appears.
    public static func groups<Row, Key: Hashable>(_ rows: [Row], by key: (Row) -> Key) -> [[Row]] {
        var order: [Key] = []
        var groups: [Key: [Row]] = [:]
        for row in rows {
            let k = key(row)
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(row)
        }
        return order.map { groups[$0]! }
    }

    /// One summary row per grid point and split.
    public static func classify(_ rows: [ClassifyRow]) -> [ClassifySummaryRow] {
        groups(rows) { [$0.run.grid, [$0.split.rawValue]] }.map(ClassifySummaryRow.init)
    }

    /// One summary row per grid point and level.
    public static func recall(_ rows: [RecallRow]) -> [RecallSummaryRow] {
        groups(rows) { [$0.run.grid, [$0.kind, $0.level]] }.map(RecallSummaryRow.init)
    }

    /// One summary row per grid point and number of patterns.
    public static func capacity(_ rows: [CapacityRow]) -> [CapacitySummaryRow] {
        groups(rows) { [$0.run.grid, [$0.rule, String($0.neurons), String($0.patterns)]] }.map(CapacitySummaryRow.init)
    }

    /// One summary row per grid point (rule, N and P included, for grids over other keys).
    public static func basins(_ rows: [BasinsRow]) -> [BasinsSummaryRow] {
        groups(rows) { [$0.run.grid, [$0.rule, String($0.neurons), String($0.patterns)]] }.map(BasinsSummaryRow.init)
    }

    /// Mean and sample standard deviation, recorded at 4 decimals.
    static func meanAndDeviation(_ values: [Double]) -> (Double, Double?) {
        let (mean, sd) = Statistics.meanAndDeviation(values)
        return (Recorded.fixed(mean), sd.map { Recorded.fixed($0) })
    }

    /// One column per grid key, for rows that keep their grid values at `path`.
    static func gridColumns<Row>(_ gridKeys: [String], _ path: WritableKeyPath<Row, [String]>) -> [Column<Row>] {
        gridKeys.indices.map { i in
            Column<Row>(
                gridKeys[i], write: { $0[keyPath: path][i] },
                read: { row, field in
                    if row[keyPath: path].count <= i { row[keyPath: path] += Array(repeating: "", count: i + 1 - row[keyPath: path].count) }
                    row[keyPath: path][i] = field
                    return true
                }
            ).shown
        }
    }
}
