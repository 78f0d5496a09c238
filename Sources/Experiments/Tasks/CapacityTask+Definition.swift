import Hopfield

/// The capacity task (notebook 001, exercise 6.13): random patterns, P over a range, how many
/// stay stable and how well they are recalled, beside the theory.
extension CapacityTask: TaskDefinition {
    /// `capacity`.
    public static let name = "capacity"
    /// What the task does.
    public static let summary = "Random patterns, P over a range: stability and overlap (notebook 001, exercise 6.13)."
    /// False: each P stores its own random patterns.
    public static let writesMemories = false
    /// True: N and P come from the capacity section.
    public static let drawsRandomPatterns = true

    /// A binary rule: stability is a fixed point of ±1 states.
    public static func check(_ config: ExperimentConfig) throws(ConfigError) {
        if config.network.rule.isContinuous {
            throw ConfigError(path: "network.rule", "the capacity task measures binary networks (every rule but modern and conv)")
        }
    }

    /// capacity.csv: a row per number of patterns and trial.
    public struct Detail: TaskDetail {
        /// A row per P and trial.
        public var trials: [CapacityTrialRow]
        /// capacity.csv.
        public var files: [(name: String, text: String)] { [("capacity.csv", CapacityTrialRow.csv(trials))] }
    }

    /// Σ P² over the loads, times trials and N/1024.
    public static func cost(_ config: ExperimentConfig, images: Int?) -> Int {
        let c = config.capacity!
        return c.patterns.reduce(0) { $0 + $1 * $1 } * c.trials * c.neurons / 1024
    }

    /// The run (it reads no dataset).
    public static func run(_ spec: RunSpec, context: TaskContext) throws -> RunResult { try run(spec, jobs: context.jobs) }

    /// One summary row per grid point and number of patterns.
    public static func summarize(_ rows: [CapacityRow]) -> [CapacitySummaryRow] { Summary.capacity(rows) }

    /// Stable fraction, mean overlap, exact rate and the theory's overlap, per load.
    public static func metrics(_ r: CapacitySummaryRow) -> (grid: [String], group: String, metrics: [String: String]) {
        func f(_ v: Double) -> String { Format.fixed(v, 4) }
        var m = ["stableFraction": f(r.meanStableFraction), "meanOverlap": f(r.meanOverlap), "exactRate": f(r.meanExactRate)]
        if let theory = r.theoryOverlap { m["theoryOverlap"] = f(theory) }
        return (r.grid, "\(r.rule) P=\(r.patterns) N=\(r.neurons)", m)
    }

    /// Stability and overlap against the load.
    public static func plots(_ rows: [CapacitySummaryRow], gridKeys: [String]) -> [String] {
        BatchPlots.capacity(rows, gridKeys: gridKeys)
    }

    /// What the Hebbian rows' theory column is, when there are Hebbian rows.
    public static func headline(_ rows: [CapacitySummaryRow], gridKeys: [String], batch: Batch?) -> String {
        guard rows.contains(where: { $0.rule == HebbianRule.name }) else { return "" }
        return
            "<p class=\"note\">The Hebbian rows' <code>theoryOverlap</code> is the retrieval overlap of Amit, Gutfreund and Sompolinsky's theory at the row's load; it is empty above the critical load α<sub>c</sub> ≈ 0.138, where the theory has no retrieval state (not a prediction of zero overlap).</p>\n"
    }
}
