import Hopfield

/// The recall task (notebooks 001–003): stored patterns corrupted level by level, and how often
/// the network brings them back.
extension RecallTask: TaskDefinition {
    /// `recall`.
    public static let name = "recall"
    /// What the task does.
    public static let summary = "Corrupt stored patterns and measure retrieval (notebooks 001–003)."
    /// Per corruption level.
    public static let predictionGroup: String? = "level"
    /// Per level: start, state, memory.
    public static let examples = ExampleLabels(
        caption: "start → state → memory, per level", heading: "LEVEL: START > STATE > MEMORY", groupPrefix: "L ")

    /// 2: a pair of patterns to corrupt and recall.
    public static let defaultMemories = 2

    /// recall.csv (a row per level and trial) and predictions.csv (every start).
    public struct Detail: TaskDetail {
        /// A row per level and trial.
        public var trials: [RecallTrialRow]
        /// A line per start, written as each was scored.
        public var predictions: CSVLines<RecallPrediction>
        /// recall.csv and predictions.csv.
        public var files: [(name: String, text: String)] {
            [("recall.csv", RecallTrialRow.csv(trials)), ("predictions.csv", predictions.text)]
        }
    }

    /// Starts (memories × levels × trials) times N/64.
    public static func cost(_ config: ExperimentConfig, images: Int?) -> Int {
        max(1, config.storedCount * max(1, config.corruption?.levels.count ?? 1) * (config.corruption?.trials ?? 1))
            * config.neurons / 64
    }

    /// The run, on the dataset's patterns or on random ones.
    public static func run(_ spec: RunSpec, context: TaskContext) throws -> RunResult {
        try run(spec, data: context.input?.data, jobs: context.jobs, observer: context.observer)
    }

    /// One summary row per grid point and level.
    public static func summarize(_ rows: [RecallRow]) -> [RecallSummaryRow] { Summary.recall(rows) }

    /// Exact-recall rate, mean overlap, spurious rate and their intervals, per level.
    public static func metrics(_ r: RecallSummaryRow) -> (grid: [String], group: String, metrics: [String: String]) {
        func f(_ v: Double) -> String { Format.fixed(v, 4) }
        return (
            r.grid, r.kind + (r.level.isEmpty ? "" : " " + r.level),
            [
                "n": String(r.n), "exactRate": f(r.meanExactRate), "exactLow95": f(r.exactRate.low95), "exactHigh95": f(r.exactRate.high95),
                "meanOverlap": f(r.meanOverlap), "spuriousRate": f(r.spuriousRate.rate), "spuriousLow95": f(r.spuriousRate.low95),
                "spuriousHigh95": f(r.spuriousRate.high95)
            ]
        )
    }

    /// Retrieval against the corruption level.
    public static func plots(_ rows: [RecallSummaryRow], gridKeys: [String]) -> [String] { BatchPlots.recall(rows, gridKeys: gridKeys) }
}
