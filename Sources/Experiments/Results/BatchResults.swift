import Hopfield

/// A batch's results as typed values: what the roll-ups, the report and the terminal table are
/// made from. Built in memory while a batch runs (reading back only the runs completed by an
/// earlier process), or read from a folder by ``ResultsFolder/read()``.
public struct BatchResults: Sendable {
    /// What one run left.
    public struct RunRecord: Sendable {
        /// The run.
        public var spec: RunSpec
        /// Its manifest.
        public var manifest: RunManifest
        /// Its training log (trained rules only).
        public var trainingLog: [TrainingLogRow]?
    }

    /// The batch the results belong to.
    public var batch: Batch
    /// The results folder.
    public var root: String
    /// Every run's record, in batch order.
    public private(set) var records: [RunRecord] = []
    private var tables: [RunTable] = []

    /// Empty results of a batch written under `root`; runs are added in batch order.
    public init(batch: Batch, root: String) {
        self.batch = batch
        self.root = root
    }

    /// Adds the next run of the batch, in batch order.
    public mutating func add(run: RunSpec, table: RunTable, manifest: RunManifest, trainingLog: [TrainingLogRow]?) {
        records.append(RunRecord(spec: run, manifest: manifest, trainingLog: trainingLog))
        tables.append(table)
    }

    /// runs.csv: every run's rows in batch order.
    public var runs: RunTable {
        RunTable.joined(tables) ?? RunTable.empty(batch.runs.first?.config.task ?? .classify)
    }

    /// summary.csv.
    public var summary: SummaryTable { runs.summary }
}
