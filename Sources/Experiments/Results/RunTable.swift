/// The rows of runs.csv for one batch, or of tally.csv for one run, typed by task.
public enum RunTable: Sendable, Equatable {
    /// Classify runs: a row per split.
    case classify([ClassifyRow])
    /// Recall runs: a row per corruption level.
    case recall([RecallRow])
    /// Capacity runs: a row per number of patterns.
    case capacity([CapacityRow])
    /// Basins runs: a row per run.
    case basins([BasinsRow])

    /// The rows of `task` read from CSV text.
    public static func read(csv text: String, task: ExperimentConfig.Task, gridKeys: [String], path: String) throws(ResultsFileError)
        -> RunTable
    {
        switch task {
        case .classify: return .classify(try ClassifyRow.rows(csv: text, gridKeys: gridKeys, path: path))
        case .recall: return .recall(try RecallRow.rows(csv: text, gridKeys: gridKeys, path: path))
        case .capacity: return .capacity(try CapacityRow.rows(csv: text, gridKeys: gridKeys, path: path))
        case .basins: return .basins(try BasinsRow.rows(csv: text, gridKeys: gridKeys, path: path))
        }
    }

    /// The rows as CSV text.
    public func csv(gridKeys: [String]) -> String {
        switch self {
        case .classify(let rows): return ClassifyRow.csv(rows, gridKeys: gridKeys)
        case .recall(let rows): return RecallRow.csv(rows, gridKeys: gridKeys)
        case .capacity(let rows): return CapacityRow.csv(rows, gridKeys: gridKeys)
        case .basins(let rows): return BasinsRow.csv(rows, gridKeys: gridKeys)
        }
    }

    /// Tables of one task joined in order (nil when empty or when tasks differ).
    public static func joined(_ tables: [RunTable]) -> RunTable? {
        guard let first = tables.first else { return nil }
        switch first {
        case .classify:
            return .classify(tables.flatMap { if case .classify(let r) = $0 { return r } else { return [] } })
        case .recall:
            return .recall(tables.flatMap { if case .recall(let r) = $0 { return r } else { return [] } })
        case .capacity:
            return .capacity(tables.flatMap { if case .capacity(let r) = $0 { return r } else { return [] } })
        case .basins:
            return .basins(tables.flatMap { if case .basins(let r) = $0 { return r } else { return [] } })
        }
    }

    /// The header and the written fields of every row, as the CSV has them.
    public func fields(gridKeys: [String]) -> (header: [String], rows: [[String]]) {
        switch self {
        case .classify(let rows): return Fields.of(rows, gridKeys: gridKeys)
        case .recall(let rows): return Fields.of(rows, gridKeys: gridKeys)
        case .capacity(let rows): return Fields.of(rows, gridKeys: gridKeys)
        case .basins(let rows): return Fields.of(rows, gridKeys: gridKeys)
        }
    }

    /// Runs that differ only by seed, grouped and summarised.
    public var summary: SummaryTable {
        switch self {
        case .classify(let rows): return .classify(Summary.classify(rows))
        case .recall(let rows): return .recall(Summary.recall(rows))
        case .capacity(let rows): return .capacity(Summary.capacity(rows))
        case .basins(let rows): return .basins(Summary.basins(rows))
        }
    }
}
