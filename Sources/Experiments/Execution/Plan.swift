/// A batch checked against its data and ready to run: everything `prepare` loaded and decided.
public struct Plan: Sendable {
    /// The batch.
    public var batch: Batch
    /// `<output>/<batch folder>`.
    public var root: String
    /// Each run's input (nil for capacity runs), in batch order.
    public var inputs: [RunInput?]
    /// Dataset fingerprints by dataset key (path, classes, limit).
    public var fingerprints: [DatasetKey: String]
    /// Estimated relative cost of each run (images or patterns to converge).
    public var costs: [Int]
    /// Runs of this shard, in batch order.
    public var selected: [Int]
    /// One line per dataset: files, patterns from the cache, patterns decoded.
    public var datasets: [String] = []
    /// The classify baselines, computed once per split and shared by the runs.
    public var baselines = OnceCache<SharedDataKey, Baselines>()
    /// The runs' data with their feature codes, fitted once per split and shared by the runs.
    public var codedData = OnceCache<SharedDataKey, LoadedDataset>()
}
