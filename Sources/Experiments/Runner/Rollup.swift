/// runs.csv and summary.csv, rebuilt from the runs' own rows (each run folder's tally.csv), so
/// a resumed or merged batch gives the same bytes as one run straight through.
public enum Rollup {
    /// Concatenates the runs' tables (same header) in batch order.
    public static func runsTable(_ tallies: [[[String]]]) -> CSVTable? {
        guard let header = tallies.first?.first else { return nil }
        var table = CSVTable(header: header)
        for rows in tallies { for row in rows.dropFirst() where row.count == header.count { table.append(row) } }
        return table
    }

    /// Groups runs that differ only by seed and summarises each group.
    public static func summary(_ runs: CSVTable, task: ExperimentConfig.Task, gridKeys: [String]) -> CSVTable {
        let header = runs.header
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        let groupColumns: [String]
        switch task {
        case .classify: groupColumns = gridKeys + ["split"]
        case .recall: groupColumns = gridKeys + ["kind", "level"]
        case .capacity: groupColumns = gridKeys + ["rule", "neurons", "patterns"]
        }
        let groups = groupedInOrder(runs.rows) { row in groupColumns.map { row[column($0)] } }
        func numbers(_ rows: [[String]], _ name: String) -> [Double] { rows.compactMap { Double($0[column(name)]) } }
        func integers(_ rows: [[String]], _ name: String) -> Int { rows.reduce(0) { $0 + (Int($1[column(name)]) ?? 0) } }
        func meanSD(_ values: [Double]) -> [String] {
            let (mean, sd) = Theory.meanAndDeviation(values)
            return [Format.fixed(mean, 4), sd.map { Format.fixed($0, 4) } ?? ""]
        }
        func rate(_ k: Int, _ n: Int) -> [String] {
            let (low, high) = Theory.wilson(successes: k, trials: n)
            return [Format.fixed(n > 0 ? Double(k) / Double(n) : .nan, 4), Format.fixed(low, 4), Format.fixed(high, 4)]
        }
        var table: CSVTable
        switch task {
        case .classify:
            table = CSVTable(header: groupColumns + ["runs", "n", "meanAccuracy", "sdAccuracy", "meanSpuriousRate", "sdSpuriousRate",
                                                    "meanNearestAccuracy", "sdNearestAccuracy", "correct", "errors", "inverted", "spurious",
                                                    "errorRate", "errorLow95", "errorHigh95", "spuriousRate", "spuriousLow95", "spuriousHigh95"])
            for (key, rows) in groups {
                let n = integers(rows, "n"), errors = integers(rows, "errors"), spurious = integers(rows, "spurious")
                table.append(key + [String(rows.count), String(n)] + meanSD(numbers(rows, "accuracy")) + meanSD(numbers(rows, "spuriousRate"))
                             + meanSD(numbers(rows, "nearestAccuracy"))
                             + [String(integers(rows, "correct")), String(errors), String(integers(rows, "inverted")), String(spurious)]
                             + rate(errors, n) + rate(spurious, n))
            }
        case .recall:
            table = CSVTable(header: groupColumns + ["runs", "n", "meanExactRate", "sdExactRate", "meanOverlap", "sdOverlap",
                                                    "meanErrorQuantile99", "exact", "exactRate", "exactLow95", "exactHigh95",
                                                    "spurious", "spuriousRate", "spuriousLow95", "spuriousHigh95"])
            for (key, rows) in groups {
                let n = integers(rows, "n"), exact = integers(rows, "exact"), spurious = integers(rows, "spurious")
                let quantiles = numbers(rows, "errorQuantile99")
                table.append(key + [String(rows.count), String(n)] + meanSD(numbers(rows, "exactRate")) + meanSD(numbers(rows, "meanOverlap"))
                             + [Format.fixed(quantiles.reduce(0, +) / Double(max(quantiles.count, 1)), 4), String(exact)]
                             + rate(exact, n) + [String(spurious)] + rate(spurious, n))
            }
        case .capacity:
            table = CSVTable(header: groupColumns + ["load", "runs", "meanStableFraction", "sdStableFraction", "meanOverlap", "sdOverlap",
                                                    "meanExactRate", "theoryOverlap", "criticalLoad", "mcEliecePatterns"])
            for (key, rows) in groups {
                let first = rows[0]
                table.append(key + [first[column("load")], String(rows.count)] + meanSD(numbers(rows, "stableFraction"))
                             + meanSD(numbers(rows, "meanOverlap")) + [Format.fixed(numbers(rows, "exactRate").reduce(0, +) / Double(rows.count), 4),
                                                                       first[column("theoryOverlap")], first[column("criticalLoad")],
                                                                       first[column("mcEliecePatterns")]])
            }
        }
        return table
    }
}
