import Hopfield

/// The classify task (notebook 000): memories from a training split, every image converged and
/// tallied as correct, error or spurious, beside the baselines on the same bits.
extension ClassifyTask: TaskDefinition {
    /// `classify`.
    public static let name = "classify"
    /// What the task does.
    public static let summary = "Store memories from a training split, converge every image, tally outcomes (notebook 000)."
    /// Per split.
    public static let predictionGroup: String? = "split"
    /// True: the test split's images.
    public static let hasTestAnswers = true
    /// True: memories from the training split, tallies per split.
    public static let splitsDataset = true

    /// Memories chosen from the images cover every class.
    public static func check(_ config: ExperimentConfig) throws(ConfigError) {
        let count = config.memories.count
        if config.selectsMemories, let classes = config.dataset?.classes, count < classes.count {
            throw ConfigError(
                path: "memories.count", "\(count) memories cannot cover the \(classes.count) classes (one per class at least)")
        }
    }

    /// predictions.csv: every training and test image.
    public struct Detail: TaskDetail {
        /// A line per image, written as each was classified.
        public var predictions: CSVLines<ClassifyPrediction>
        /// predictions.csv.
        public var files: [(name: String, text: String)] { [("predictions.csv", predictions.text)] }
    }

    /// Images times N/64.
    public static func cost(_ config: ExperimentConfig, images: Int?) -> Int { max(1, images ?? 1) * config.neurons / 64 }

    /// A Hopfield network's run, or the trained classifier's (dam), with the split's shared
    /// baselines.
    public static func run(_ spec: RunSpec, context: TaskContext) throws -> RunResult {
        guard let input = context.input, let split = input.split else {
            throw RunError("\(spec.key): a classify run needs its dataset and split")
        }
        let compute = { Baselines.compute(data: input.data, split: split, jobs: context.jobs) }
        let baselines = input.sharedKey.flatMap { key in context.baselines.map { $0.value(key, compute) } } ?? compute()
        if spec.config.network.rule.isClassifier {
            return try ClassifierTask.run(
                spec, data: input.data, split: split, baselines: baselines, jobs: context.jobs, observer: context.observer)
        }
        return try run(spec, data: input.data, split: split, baselines: baselines, jobs: context.jobs, observer: context.observer)
    }

    /// One summary row per grid point and split.
    public static func summarize(_ rows: [ClassifyRow]) -> [ClassifySummaryRow] { Summary.classify(rows) }

    /// Accuracy, spurious rate and their intervals, per split.
    public static func metrics(_ r: ClassifySummaryRow) -> (grid: [String], group: String, metrics: [String: String]) {
        func f(_ v: Double) -> String { Format.fixed(v, 4) }
        let accuracy = Proportion(r.correct, of: r.n)
        var m = [
            "n": String(r.n), "accuracy": f(r.meanAccuracy), "accuracyLow95": f(accuracy.low95), "accuracyHigh95": f(accuracy.high95),
            "nearestAccuracy": f(r.meanNearestAccuracy), "spuriousRate": f(r.meanSpuriousRate),
            "spuriousLow95": f(r.spuriousRate.low95), "spuriousHigh95": f(r.spuriousRate.high95)
        ]
        if let neighbor = r.meanNeighborAccuracy { m["neighborAccuracy"] = f(neighbor) }
        return (r.grid, r.split.rawValue, m)
    }

    /// The validation curve, then test accuracy against the baselines.
    public static func plots(_ rows: [ClassifySummaryRow], gridKeys: [String]) -> [String] {
        BatchPlots.validation(rows.filter { $0.split == .validation }, gridKeys: gridKeys)
            + BatchPlots.classify(rows.filter { $0.split == .test }, gridKeys: gridKeys)
    }

    /// One sentence per grid point on where its test accuracy stands against the baselines (the
    /// dam rule's rows, found through `batch`, leave out nearest-memory retrieval).
    public static func sentences(_ rows: [ClassifySummaryRow], gridKeys: [String], batch: Batch?) -> [String] {
        ClassifyHeadline.sentences(rows, gridKeys: gridKeys, batch: batch)
    }

    /// The sentences, after what the baselines are.
    public static func headline(_ rows: [ClassifySummaryRow], gridKeys: [String], batch: Batch?) -> String {
        let items = HTML.items(sentences(rows, gridKeys: gridKeys, batch: batch))
        return
            "<div class=\"note\"><p>Test accuracy (means over seeds) against the baselines on the same bits and split: chance (the majority class), nearest-memory retrieval, \(ClassifyHeadline.baselineWords(batch)).</p>\n<ul>\n\(items)\n</ul></div>\n"
    }
}
