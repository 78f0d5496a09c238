/// A row of a basins batch's basins.csv (at the results folder's root): one memory of one run,
/// with the run's key, seed and grid values before the run's own basins.csv columns.
public struct LabelledBasinRow: ResultRow, Equatable {
    /// The run.
    public var run = RunLabel()
    /// The memory's row of the run's basins.csv.
    public var basin = BasinRow()

    /// An empty value, filled in field by field when a CSV line is read.
    public init() {}

    /// A run's memory row, labelled.
    public init(run: RunLabel, basin: BasinRow) {
        self.run = run
        self.basin = basin
    }

    /// The file's columns, in order.
    public static func columns(gridKeys: [String]) -> [Column<LabelledBasinRow>] {
        RunLabel.columns(gridKeys: gridKeys).map { $0.lifted(\.run) } + BasinRow.columns(gridKeys: []).map { $0.lifted(\.basin) }
    }
}
