import Hopfield

/// A task as one type (`task` in a config): its name, how it runs, the rows it writes to
/// runs.csv and summary.csv, and how the report, `hopfield compare` and the terminal present
/// them.
///
/// Every list of tasks (``Tasks/all``: `task`'s choices, the schema and README) and every place
/// that handles a task's results (``RunTable``, ``SummaryTable``, the report's plots and headline,
/// the comparison's metrics, the terminal's sentences) reads the definition, so adding a task is
/// one file with a type conforming to this protocol (its run, its row types) plus its entry in
/// ``Tasks/all``.
public protocol TaskDefinition: Sendable {
    /// A row of a run's tally.csv and of the batch's runs.csv.
    associatedtype Row: TaskRow
    /// A row of summary.csv: the runs that differ only by seed, grouped.
    associatedtype SummaryRow: ResultRow & Equatable

    /// The value of `task`.
    static var name: String { get }
    /// What the task does, in a sentence.
    static var summary: String { get }
    /// Whether the task writes memories.csv (the stored patterns); false for a task without a
    /// single set of memories.
    static var writesMemories: Bool { get }
    /// The predictions.csv column that groups a run's predictions for the report's attractor
    /// table ("split", "level"); nil for a task that writes no predictions.csv.
    static var predictionGroup: String? { get }
    /// Whether a run's predictions are answers on test images, which McNemar's test can pair
    /// across runs.
    static var hasTestAnswers: Bool { get }
    /// How the pictures of example starts are labelled.
    static var examples: ExampleLabels { get }
    /// Whether the task splits its dataset into training, validation and test images (the
    /// config's `split`); the others store memories from the whole dataset.
    static var splitsDataset: Bool { get }
    /// Whether the task draws its own random patterns (its section sets N and P), so that it
    /// reads no dataset, image, features, memories or patterns section.
    static var drawsRandomPatterns: Bool { get }
    /// `memories.count` when the config does not set it.
    static var defaultMemories: Int { get }

    /// The task's own checks of a whole config (the others are the sections' and the rule's),
    /// run before anything is written.
    static func check(_ config: ExperimentConfig) throws(ConfigError)

    /// A run's estimated relative cost, for ordering and progress: patterns to converge times
    /// N/64 (`images`: the dataset's usable images, when the run reads one).
    static func cost(_ config: ExperimentConfig, images: Int?) -> Int
    /// Computes one run.
    static func run(_ spec: RunSpec, context: TaskContext) throws -> RunResult
    /// The summary rows of runs.csv's rows.
    static func summarize(_ rows: [Row]) -> [SummaryRow]
    /// A summary row as `hopfield compare` lists it: its grid values, its group (split, level,
    /// load) and its metrics by name.
    static func metrics(_ row: SummaryRow) -> (grid: [String], group: String, metrics: [String: String])
    /// The report's plots (SVG) of the summary rows.
    static func plots(_ rows: [SummaryRow], gridKeys: [String]) -> [String]
    /// Plain sentences on the result for the terminal (none by default).
    static func sentences(_ rows: [SummaryRow], gridKeys: [String], batch: Batch?) -> [String]
    /// The report's headline (HTML; the sentences as a list by default).
    static func headline(_ rows: [SummaryRow], gridKeys: [String], batch: Batch?) -> String
    /// Files the batch's folder gets besides runs.csv and summary.csv, made from the runs'
    /// folders in `folder` (none by default).
    static func batchFiles(_ folder: ResultsFolder, _ batch: Batch) throws -> [(name: String, text: String)]
}

/// The labels of a run's example pictures (outcomes.png).
public struct ExampleLabels: Sendable {
    /// The report's caption.
    public var caption = "input → converged state → nearest memory, per outcome"
    /// The picture's heading.
    public var heading = "INPUT > CONVERGED > NEAREST MEMORY  (CLASS>CLASS REACHED; X? = NO MEMORY, NEAREST IS CLASS X)"
    /// What precedes each group's name ("L " for levels).
    public var groupPrefix = ""
}

extension TaskDefinition {
    /// True.
    public static var writesMemories: Bool { true }
    /// None.
    public static var predictionGroup: String? { nil }
    /// False.
    public static var hasTestAnswers: Bool { false }
    /// Per outcome: input, converged state, nearest memory.
    public static var examples: ExampleLabels { ExampleLabels() }
    /// False.
    public static var splitsDataset: Bool { false }
    /// False.
    public static var drawsRandomPatterns: Bool { false }
    /// 8.
    public static var defaultMemories: Int { 8 }
    /// Nothing more.
    public static func check(_ config: ExperimentConfig) throws(ConfigError) {}
    /// None.
    public static func batchFiles(_ folder: ResultsFolder, _ batch: Batch) throws -> [(name: String, text: String)] { [] }
    /// None.
    public static func sentences(_ rows: [SummaryRow], gridKeys: [String], batch: Batch?) -> [String] { [] }
    /// The sentences as a list, or nothing.
    public static func headline(_ rows: [SummaryRow], gridKeys: [String], batch: Batch?) -> String {
        let items = sentences(rows, gridKeys: gridKeys, batch: batch)
        guard !items.isEmpty else { return "" }
        return "<ul>\n" + HTML.items(items) + "\n</ul>\n"
    }
}

/// A row of runs.csv: whose run it is, and whether its values are in range (checked when a
/// tally is read back).
public protocol TaskRow: ResultRow, Equatable {
    /// The run: its key, seed and grid values.
    var run: RunLabel { get }
    /// Why a value is out of its range, or nil.
    var outOfRange: String? { get }
}

/// What a task's run gets besides its spec.
public struct TaskContext: Sendable {
    /// The decoded dataset and split, for runs that read images.
    public var input: RunInput?
    /// Threads.
    public var jobs: Int
    /// Called after each training epoch (trained rules).
    public var observer: TrainingObserver?
    /// Classify baselines, computed once per split and shared by the runs.
    var baselines: OnceCache<SharedDataKey, Baselines>?

    /// A context with no shared caches.
    public init(input: RunInput?, jobs: Int, observer: TrainingObserver? = nil) {
        self.input = input
        self.jobs = jobs
        self.observer = observer
    }
}

/// A run's records besides its rows of runs.csv: the files they make.
public protocol TaskDetail: Sendable {
    /// The CSV files, by name (predictions.csv, recall.csv, ...).
    var files: [(name: String, text: String)] { get }
}

/// The list of tasks every other list reads.
public enum Tasks {
    /// Every task, in the order they are documented.
    public static let all: [ExperimentConfig.Task] = [.classify, .recall, .capacity, .basins]
}

extension ExperimentConfig {
    /// What a run does with its patterns: a ``TaskDefinition``, known by its name.
    public struct Task: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        /// The task's type.
        public let definition: any TaskDefinition.Type

        /// The task of `definition`.
        public init(_ definition: any TaskDefinition.Type) { self.definition = definition }

        /// The registered task named `rawValue`.
        public init?(rawValue: String) {
            guard let task = Tasks.all.first(where: { $0.rawValue == rawValue }) else { return nil }
            self = task
        }

        /// The name.
        public var rawValue: String { definition.name }
        /// The name.
        public var description: String { rawValue }
        /// Whether the task splits its dataset (see ``TaskDefinition/splitsDataset``).
        public var splitsDataset: Bool { definition.splitsDataset }
        /// Whether the task draws its own random patterns (see ``TaskDefinition/drawsRandomPatterns``).
        public var drawsRandomPatterns: Bool { definition.drawsRandomPatterns }
        /// `memories.count` when the config does not set it.
        public var defaultMemories: Int { definition.defaultMemories }
        /// The task's own checks of a whole config.
        func check(_ config: ExperimentConfig) throws(ConfigError) { try definition.check(config) }
        /// Every registered task.
        public static var allCases: [Task] { Tasks.all }

        /// Notebook 000: store memories from a training split, converge every image, tally outcomes.
        public static let classify = Task(ClassifyTask.self)
        /// Notebooks 001–003: corrupt stored patterns and measure retrieval.
        public static let recall = Task(RecallTask.self)
        /// Notebook 001, exercise 6.13: random patterns, P over a range, stability and overlap.
        public static let capacity = Task(CapacityTask.self)
        /// Each stored memory's basin of attraction: the largest fraction of flipped bits from
        /// which it is still recalled, found by bisection.
        public static let basins = Task(BasinsTask.self)

        /// The same name.
        public static func == (a: Task, b: Task) -> Bool { a.rawValue == b.rawValue }
        /// Hashes the name.
        public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    }
}
