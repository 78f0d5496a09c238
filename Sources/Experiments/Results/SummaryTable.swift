/// The rows of summary.csv, typed by their task (``TaskDefinition/SummaryRow``).
public struct SummaryTable: Sendable, Equatable {
    let box: any TaskSummaryBox

    /// The summary rows of `task`.
    public init<T: TaskDefinition>(_ task: T.Type, _ rows: [T.SummaryRow]) { box = TaskSummary<T>(rows: rows) }

    /// The task the rows belong to.
    public var task: ExperimentConfig.Task { box.task }

    /// The rows, when they are `task`'s.
    public func rows<T: TaskDefinition>(of task: T.Type) -> [T.SummaryRow]? { (box as? TaskSummary<T>)?.rows }

    /// The rows as CSV text.
    public func csv(gridKeys: [String]) -> String { box.csv(gridKeys: gridKeys) }

    /// The header and the written fields of every row, as the CSV has them (for tables on a page
    /// or a terminal).
    public func fields(gridKeys: [String]) -> (header: [String], rows: [[String]]) { box.fields(gridKeys: gridKeys) }

    /// The header and fields of the columns marked ``Column/shown``, for the terminal.
    func shownFields(gridKeys: [String]) -> (header: [String], rows: [[String]]) { box.shownFields(gridKeys: gridKeys) }

    /// Per row, as `hopfield compare` lists it (``TaskDefinition/metrics(_:)``).
    func metrics() -> [(grid: [String], group: String, metrics: [String: String])] { box.metrics() }

    /// The report's plots (``TaskDefinition/plots(_:gridKeys:)``).
    func plots(gridKeys: [String]) -> [String] { box.plots(gridKeys: gridKeys) }

    /// The terminal's sentences (``TaskDefinition/sentences(_:gridKeys:batch:)``).
    func sentences(gridKeys: [String], batch: Batch?) -> [String] { box.sentences(gridKeys: gridKeys, batch: batch) }

    /// The report's headline (``TaskDefinition/headline(_:gridKeys:batch:)``).
    func headline(gridKeys: [String], batch: Batch?) -> String { box.headline(gridKeys: gridKeys, batch: batch) }

    /// The same task and rows.
    public static func == (a: SummaryTable, b: SummaryTable) -> Bool { a.box.isEqual(to: b.box) }
}

/// A task's summary rows behind ``SummaryTable``.
protocol TaskSummaryBox: Sendable {
    var task: ExperimentConfig.Task { get }
    func csv(gridKeys: [String]) -> String
    func fields(gridKeys: [String]) -> (header: [String], rows: [[String]])
    func shownFields(gridKeys: [String]) -> (header: [String], rows: [[String]])
    func metrics() -> [(grid: [String], group: String, metrics: [String: String])]
    func plots(gridKeys: [String]) -> [String]
    func sentences(gridKeys: [String], batch: Batch?) -> [String]
    func headline(gridKeys: [String], batch: Batch?) -> String
    func isEqual(to other: any TaskSummaryBox) -> Bool
}

struct TaskSummary<T: TaskDefinition>: TaskSummaryBox {
    var rows: [T.SummaryRow]

    var task: ExperimentConfig.Task { ExperimentConfig.Task(T.self) }
    func csv(gridKeys: [String]) -> String { T.SummaryRow.csv(rows, gridKeys: gridKeys) }
    func fields(gridKeys: [String]) -> (header: [String], rows: [[String]]) { Fields.of(rows, gridKeys: gridKeys) }
    func shownFields(gridKeys: [String]) -> (header: [String], rows: [[String]]) {
        let columns = T.SummaryRow.columns(gridKeys: gridKeys).filter(\.onTerminal)
        return (columns.map(\.name), rows.map { row in columns.map { $0.write(row) } })
    }
    func metrics() -> [(grid: [String], group: String, metrics: [String: String])] { rows.map(T.metrics) }
    func plots(gridKeys: [String]) -> [String] { T.plots(rows, gridKeys: gridKeys) }
    func sentences(gridKeys: [String], batch: Batch?) -> [String] { T.sentences(rows, gridKeys: gridKeys, batch: batch) }
    func headline(gridKeys: [String], batch: Batch?) -> String { T.headline(rows, gridKeys: gridKeys, batch: batch) }
    func isEqual(to other: any TaskSummaryBox) -> Bool { (other as? TaskSummary<T>)?.rows == rows }
}
