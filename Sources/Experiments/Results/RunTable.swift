/// The rows of runs.csv for one batch, or of tally.csv for one run, typed by their task
/// (``TaskDefinition/Row``).
public struct RunTable: Sendable, Equatable {
    let box: any TaskRowsBox

    /// The rows of `task`.
    public init<T: TaskDefinition>(_ task: T.Type, _ rows: [T.Row]) { box = TaskRows<T>(rows: rows) }

    /// The task the rows belong to.
    public var task: ExperimentConfig.Task { box.task }

    /// The rows, when they are `task`'s.
    public func rows<T: TaskDefinition>(of task: T.Type) -> [T.Row]? { (box as? TaskRows<T>)?.rows }

    /// Whether there are no rows.
    public var isEmpty: Bool { box.count == 0 }

    /// The rows of `task` read from CSV text.
    public static func read(csv text: String, task: ExperimentConfig.Task, gridKeys: [String], path: String) throws(ResultsFileError)
        -> RunTable
    {
        func read<T: TaskDefinition>(_ t: T.Type) throws(ResultsFileError) -> RunTable {
            RunTable(t, try T.Row.rows(csv: text, gridKeys: gridKeys, path: path))
        }
        return try read(task.definition)
    }

    /// No rows of `task`.
    static func empty(_ task: ExperimentConfig.Task) -> RunTable {
        func empty<T: TaskDefinition>(_ t: T.Type) -> RunTable { RunTable(t, []) }
        return empty(task.definition)
    }

    /// The rows as CSV text.
    public func csv(gridKeys: [String]) -> String { box.csv(gridKeys: gridKeys) }

    /// Tables of one task joined in order (nil when empty or when tasks differ).
    public static func joined(_ tables: [RunTable]) -> RunTable? {
        guard var joined = tables.first?.box else { return nil }
        for table in tables.dropFirst() {
            guard let next = joined.appending(table.box) else { return nil }
            joined = next
        }
        return RunTable(box: joined)
    }

    /// The header and the written fields of every row, as the CSV has them.
    public func fields(gridKeys: [String]) -> (header: [String], rows: [[String]]) { box.fields(gridKeys: gridKeys) }

    /// Runs that differ only by seed, grouped and summarised.
    public var summary: SummaryTable { box.summary }

    /// Each row's run and range problem.
    var labels: [(label: RunLabel, problem: String?)] { box.labels }

    /// The same task and rows.
    public static func == (a: RunTable, b: RunTable) -> Bool { a.box.isEqual(to: b.box) }

    init(box: any TaskRowsBox) { self.box = box }
}

/// A task's rows of runs.csv behind ``RunTable``.
protocol TaskRowsBox: Sendable {
    var task: ExperimentConfig.Task { get }
    var count: Int { get }
    func csv(gridKeys: [String]) -> String
    func fields(gridKeys: [String]) -> (header: [String], rows: [[String]])
    var summary: SummaryTable { get }
    var labels: [(label: RunLabel, problem: String?)] { get }
    func appending(_ other: any TaskRowsBox) -> (any TaskRowsBox)?
    func isEqual(to other: any TaskRowsBox) -> Bool
}

struct TaskRows<T: TaskDefinition>: TaskRowsBox {
    var rows: [T.Row]

    var task: ExperimentConfig.Task { ExperimentConfig.Task(T.self) }
    var count: Int { rows.count }
    func csv(gridKeys: [String]) -> String { T.Row.csv(rows, gridKeys: gridKeys) }
    func fields(gridKeys: [String]) -> (header: [String], rows: [[String]]) { Fields.of(rows, gridKeys: gridKeys) }
    var summary: SummaryTable { SummaryTable(T.self, T.summarize(rows)) }
    var labels: [(label: RunLabel, problem: String?)] { rows.map { ($0.run, $0.outOfRange) } }

    func appending(_ other: any TaskRowsBox) -> (any TaskRowsBox)? {
        guard let other = other as? TaskRows<T> else { return nil }
        return TaskRows(rows: rows + other.rows)
    }

    func isEqual(to other: any TaskRowsBox) -> Bool { (other as? TaskRows<T>)?.rows == rows }
}
