/// The few columns of summary.csv shown on the terminal after a run.
public enum TerminalSummary {
    /// Columns shown, after the grid and group columns, when the task has them.
    static let wanted = [
        "runs", "n", "meanAccuracy", "meanSpuriousRate", "meanNearestAccuracy", "meanChanceAccuracy", "meanPrototypeAccuracy",
        "meanNeighborAccuracy", "errorRate", "spuriousRate", "inverted",
        "meanExactRate", "meanOverlap", "meanErrorQuantile99", "meanStableFraction", "theoryOverlap",
        "memories", "meanRadius", "radiusLow95", "radiusHigh95", "zeroFraction"
    ]

    /// Classify batches: one sentence per grid point on where its test accuracy stands against
    /// the baselines (as the report's headline); basins batches: one per rule on how the mean
    /// radius falls with the load; nothing for the other tasks.
    /// The dam rule's rows (found through `batch`) leave out nearest-memory retrieval.
    public static func headline(_ summary: SummaryTable, gridKeys: [String], batch: Batch? = nil) -> [String] {
        summary.sentences(gridKeys: gridKeys, batch: batch)
    }

    /// The header and rows to print: the group columns (everything before `runs`), then `wanted`.
    public static func fields(_ summary: SummaryTable, gridKeys: [String]) -> (header: [String], rows: [[String]]) {
        let all = summary.fields(gridKeys: gridKeys)
        let statsStart = all.header.firstIndex(of: "runs") ?? all.header.count
        let columns = Array(all.header.indices.prefix(statsStart)) + wanted.compactMap { all.header.firstIndex(of: $0) }
        return (columns.map { all.header[$0] }, all.rows.map { row in columns.map { row[$0] } })
    }
}
