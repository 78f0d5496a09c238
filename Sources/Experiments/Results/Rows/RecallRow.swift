/// A row of a recall run's runs.csv: one corruption level, every trial pooled.
@dynamicMemberLookup
public struct RecallRow: ResultRow, Equatable {
    /// The run: its key, seed and grid values.
    public var run = RunLabel()
    /// The corruption kind ("flip", "mask", ...).
    public var kind = ""
    /// The level as written in the config ("0.1"), or "" for kinds without levels.
    public var level = ""
    /// The outcomes and measures of the level's starts, every trial pooled.
    public var counts = RecallCounts()
    /// The network's parameter count.
    public var parameters = 0

    /// An empty value, filled in field by field when a CSV line is read.
    public init() {}

    /// The row of one level.
    public init(run: RunLabel, kind: String, level: String, tally: Tally, parameters: Int) {
        self.run = run
        self.kind = kind
        self.level = level
        counts = RecallCounts(tally)
        self.parameters = parameters
    }

    /// The counts' fields as the row's own (`row.exactRate`).
    public subscript<Value>(dynamicMember path: KeyPath<RecallCounts, Value>) -> Value { counts[keyPath: path] }

    /// The file's columns, in order (runs files start with the run and one column per grid key).
    public static func columns(gridKeys: [String]) -> [Column<RecallRow>] {
        RunLabel.columns(gridKeys: gridKeys).map { $0.lifted(\.run) } + [.text("kind", \.kind), .text("level", \.level)]
            + RecallCounts.columns(\.counts) + [.int("parameters", \.parameters)]
    }
}
