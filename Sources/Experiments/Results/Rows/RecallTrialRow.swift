/// A row of recall.csv: one level and one trial.
@dynamicMemberLookup
public struct RecallTrialRow: ResultRow, Equatable {
    /// The corruption level as written in the config ("0.1"), or "" for kinds without levels.
    public var level = ""
    /// The trial (0-based): repetitions with fresh random draws.
    public var trial = 0
    /// The outcomes and measures of this level's and trial's starts (one per memory).
    public var counts = RecallCounts()

    /// An empty value, filled in field by field when a CSV line is read.
    public init() {}

    /// The row of one level and trial.
    public init(level: String, trial: Int, tally: Tally) {
        self.level = level
        self.trial = trial
        counts = RecallCounts(tally)
    }

    /// The counts' fields as the row's own (`row.exactRate`).
    public subscript<Value>(dynamicMember path: KeyPath<RecallCounts, Value>) -> Value { counts[keyPath: path] }

    /// The file's columns, in order.
    public static func columns(gridKeys: [String]) -> [Column<RecallTrialRow>] {
        [.text("level", \.level), .int("trial", \.trial)] + RecallCounts.columns(\.counts)
    }
}
