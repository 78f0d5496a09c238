/// The few columns of summary.csv shown on the terminal after a run.
public enum TerminalSummary {
    /// Columns shown, after the grid and group columns, when the task has them.
    static let wanted = ["runs", "n", "meanAccuracy", "meanSpuriousRate", "meanNearestAccuracy", "errorRate", "spuriousRate",
                         "meanExactRate", "meanOverlap", "meanErrorQuantile99", "meanStableFraction", "theoryOverlap"]

    /// The header and rows to print: the group columns (everything before `runs`), then `wanted`.
    public static func fields(_ summary: SummaryTable, gridKeys: [String]) -> (header: [String], rows: [[String]]) {
        let all = summary.fields(gridKeys: gridKeys)
        let statsStart = all.header.firstIndex(of: "runs") ?? all.header.count
        let columns = Array(all.header.indices.prefix(statsStart)) + wanted.compactMap { all.header.firstIndex(of: $0) }
        return (columns.map { all.header[$0] }, all.rows.map { row in columns.map { row[$0] } })
    }
}
