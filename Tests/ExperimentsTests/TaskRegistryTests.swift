import Testing

@testable import Experiments

/// A task that lives in this file only: its rows flow through the results tables, the
/// comparison, the plots and the headlines without any edit elsewhere, which is what adding a
/// task to `Tasks.all` relies on.
enum CountingTask: TaskDefinition {
    static let name = "counting"
    static let summary = "Counts (a test task)."

    struct Row: TaskRow {
        var run = RunLabel()
        var count = 0
        var outOfRange: String? { count < 0 ? "count = \(count) is negative" : nil }
        static func columns(gridKeys: [String]) -> [Column<Row>] {
            RunLabel.columns(gridKeys: gridKeys).map { $0.lifted(\.run) } + [.int("count", \.count)]
        }
    }

    struct Total: ResultRow, Equatable {
        var runs = 0
        var total = 0
        static func columns(gridKeys: [String]) -> [Column<Total>] { [.int("runs", \.runs), .int("total", \.total)] }
    }

    static func cost(_ config: ExperimentConfig, images: Int?) -> Int { 1 }
    static func run(_ spec: RunSpec, context: TaskContext) throws -> RunResult {
        struct Nothing: TaskDetail { var files: [(name: String, text: String)] { [] } }
        return RunResult(spec: spec, table: RunTable(Self.self, [Row(run: RunLabel(spec), count: 3)]), detail: Nothing())
    }
    static func summarize(_ rows: [Row]) -> [Total] { [Total(runs: rows.count, total: rows.reduce(0) { $0 + $1.count })] }
    static func metrics(_ row: Total) -> (grid: [String], group: String, metrics: [String: String]) {
        ([], "all", ["total": String(row.total)])
    }
    static func plots(_ rows: [Total], gridKeys: [String]) -> [String] { rows.map { "<svg>\($0.total)</svg>" } }
    static func sentences(_ rows: [Total], gridKeys: [String], batch: Batch?) -> [String] { rows.map { "\($0.total) counted" } }
}

@Suite struct TaskRegistryTests {
    /// `task`'s choices are the registry's names, each name finds its task, and an unknown name
    /// is refused with the choices.
    @Test func tasksAreTheRegistry() {
        guard case .choice(let names) = ExperimentConfig.keys["task"].kind else {
            Issue.record("task is not a choice")
            return
        }
        #expect(names == Tasks.all.map(\.rawValue))
        for task in Tasks.all { #expect(ExperimentConfig.Task(rawValue: task.rawValue) == task) }
        #expect(ExperimentConfig.Task(rawValue: "counting") == nil)
        #expect(configError("{\"name\": \"t\", \"task\": \"count\"}") == "task: \"count\" is not one of classify, recall, capacity, basins")
        #expect(
            configError("{\"name\": \"t\", \"dataset\": {\"path\": \"D\"}, \"grid\": {\"task\": [\"classify\", \"recall\"]}}")
                == "grid[\"task\"]: task cannot be swept: a batch's runs.csv and summary.csv hold one task's columns (one config per task)")
    }

    /// A task's rows are written, read back and checked, joined and summarised through its own
    /// definition; tables of two tasks never join or compare equal.
    @Test func aTaskDefinedElsewhereFlowsThroughTheTables() throws {
        let task = ExperimentConfig.Task(CountingTask.self)
        let rows = [CountingTask.Row(run: RunLabel(), count: 2), CountingTask.Row(run: RunLabel(), count: 5)]
        let table = RunTable(CountingTask.self, rows)
        let text = table.csv(gridKeys: [])
        #expect(text == "run,seed,count\n,0,2\n,0,5\n")
        let back = try RunTable.read(csv: text, task: task, gridKeys: [], path: "tally.csv")
        #expect(back == table && back.rows(of: CountingTask.self) == rows && back.task == task)
        #expect(RunTable.joined([table, back])?.rows(of: CountingTask.self)?.count == 4)

        let summary = table.summary
        #expect(summary.rows(of: CountingTask.self) == [CountingTask.Total(runs: 2, total: 7)])
        #expect(summary.csv(gridKeys: []) == "runs,total\n2,7\n")
        #expect(summary.metrics().map(\.metrics) == [["total": "7"]])
        #expect(summary.plots(gridKeys: []) == ["<svg>7</svg>"])
        #expect(summary.headline(gridKeys: [], batch: nil) == "<ul>\n<li>7 counted</li>\n</ul>\n")

        let other = RunTable(ClassifyTask.self, [])
        #expect(RunTable.joined([table, other]) == nil)
        #expect(table != other && table.rows(of: ClassifyTask.self) == nil)
        let negative = try RunTable.read(csv: "run,seed,count\n,0,-1\n", task: task, gridKeys: [], path: "tally.csv")
        #expect(negative.labels.map(\.problem) == ["count = -1 is negative"])
    }
}
