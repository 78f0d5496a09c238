/// The rows of summary.csv, typed by task.
public enum SummaryTable: Sendable, Equatable {
    /// A row per grid point and split.
    case classify([ClassifySummaryRow])
    /// A row per grid point and level.
    case recall([RecallSummaryRow])
    /// A row per grid point and number of patterns.
    case capacity([CapacitySummaryRow])
    /// A row per grid point (every seed's memories pooled).
    case basins([BasinsSummaryRow])

    /// The rows as CSV text.
    public func csv(gridKeys: [String]) -> String {
        switch self {
        case .classify(let rows): return ClassifySummaryRow.csv(rows, gridKeys: gridKeys)
        case .recall(let rows): return RecallSummaryRow.csv(rows, gridKeys: gridKeys)
        case .capacity(let rows): return CapacitySummaryRow.csv(rows, gridKeys: gridKeys)
        case .basins(let rows): return BasinsSummaryRow.csv(rows, gridKeys: gridKeys)
        }
    }

    /// The header and the written fields of every row, as the CSV has them (for tables on a page
    /// or a terminal).
    public func fields(gridKeys: [String]) -> (header: [String], rows: [[String]]) {
        switch self {
        case .classify(let rows): return Fields.of(rows, gridKeys: gridKeys)
        case .recall(let rows): return Fields.of(rows, gridKeys: gridKeys)
        case .capacity(let rows): return Fields.of(rows, gridKeys: gridKeys)
        case .basins(let rows): return Fields.of(rows, gridKeys: gridKeys)
        }
    }
}
