/// The few columns of summary.csv shown on the terminal after a run.
public enum TerminalSummary {
    /// Classify batches: one sentence per grid point on where its test accuracy stands against
    /// the baselines (as the report's headline); basins batches: one per rule on how the mean
    /// radius falls with the load; nothing for the other tasks.
    /// The dam rule's rows (found through `batch`) leave out nearest-memory retrieval.
    public static func headline(_ summary: SummaryTable, gridKeys: [String], batch: Batch? = nil) -> [String] {
        summary.sentences(gridKeys: gridKeys, batch: batch)
    }

    /// The header and rows to print: the summary's columns marked ``Column/shown`` (the grid
    /// and group columns, then the task's main measures), in file order.
    public static func fields(_ summary: SummaryTable, gridKeys: [String]) -> (header: [String], rows: [[String]]) {
        summary.shownFields(gridKeys: gridKeys)
    }
}
