import Hopfield

/// The basins task: each stored memory's basin of attraction, the largest fraction of flipped
/// bits from which it is still recalled, found by bisection.
extension BasinsTask: TaskDefinition {
    /// `basins`.
    public static let name = "basins"
    /// What the task does.
    public static let summary = "Each stored memory's basin of attraction, found by bisection over flipped bits."

    /// ±1 patterns: the bisection flips bits.
    public static func check(_ config: ExperimentConfig) throws(ConfigError) {
        let image = config.image, features = config.features
        if !config.usesRandomPatterns && (image.binarize == .none || (features.isActive && features.codes == .none)) {
            throw ConfigError(
                path: image.binarize == .none ? "image.binarize" : "features.codes",
                "the basins task flips bits of ±1 patterns: binarize them")
        }
    }

    /// basins.csv: a row per memory.
    public struct Detail: TaskDetail {
        /// A row per memory.
        public var basins: [BasinRow]
        /// basins.csv.
        public var files: [(name: String, text: String)] { [("basins.csv", BasinRow.csv(basins))] }
    }

    /// basins.csv at the batch's root: every run's memories, labelled with the run.
    public static func batchFiles(_ folder: ResultsFolder, _ batch: Batch) throws -> [(name: String, text: String)] {
        [("basins.csv", LabelledBasinRow.csv(try folder.basins(batch), gridKeys: batch.gridKeys))]
    }

    /// Starts (memories × trials × bisection steps) times N/64.
    public static func cost(_ config: ExperimentConfig, images: Int?) -> Int {
        let b = config.basins!
        return max(1, config.storedCount * b.trials * (b.steps + 1) * config.neurons / 64)
    }

    /// The run, on the dataset's patterns or on random ones.
    public static func run(_ spec: RunSpec, context: TaskContext) throws -> RunResult {
        try run(spec, data: context.input?.data, jobs: context.jobs, observer: context.observer)
    }

    /// One summary row per grid point (every seed's memories pooled).
    public static func summarize(_ rows: [BasinsRow]) -> [BasinsSummaryRow] { Summary.basins(rows) }

    /// Mean radius with its interval, zero radii and stable fraction, per grid point.
    public static func metrics(_ r: BasinsSummaryRow) -> (grid: [String], group: String, metrics: [String: String]) {
        func f(_ v: Double) -> String { Format.fixed(v, 4) }
        return (
            r.grid, "\(r.rule) P=\(r.patterns) N=\(r.neurons)",
            [
                "memories": String(r.memories), "meanRadius": f(r.meanRadius), "radiusLow95": f(r.radiusLow95),
                "radiusHigh95": f(r.radiusHigh95), "zeroFraction": f(r.zeroFraction), "stableFraction": f(r.meanStableFraction)
            ]
        )
    }

    /// Radius against the load.
    public static func plots(_ rows: [BasinsSummaryRow], gridKeys: [String]) -> [String] { BatchPlots.basins(rows, gridKeys: gridKeys) }

    /// One sentence per rule on how the mean radius falls with the load.
    public static func sentences(_ rows: [BasinsSummaryRow], gridKeys: [String], batch: Batch?) -> [String] {
        BasinsHeadline.sentences(rows, gridKeys: gridKeys)
    }

    /// How the radii are measured, then the sentences.
    public static func headline(_ rows: [BasinsSummaryRow], gridKeys: [String], batch: Batch?) -> String {
        "<p class=\"note\">Each memory's basin radius is the largest fraction of flipped bits from which it is still recalled (<code>basins.csv</code> in each run's folder: one row per memory), found by bisection over the number of flipped bits with <code>basins.trials</code> seeded starts per level; a level is inside when at least <code>basins.quorum</code> of its starts are recalled. Means pool every seed's memories; intervals are 95% normal intervals of the mean.</p>\n"
            + "<ul>\n" + HTML.items(sentences(rows, gridKeys: gridKeys, batch: batch)) + "\n</ul>\n"
    }
}
