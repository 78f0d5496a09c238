/// A batch checked against its data and ready to run: everything `prepare` loaded and decided.
public struct Plan: Sendable {
    public var batch: Batch
    /// `<output>/<batch folder>`.
    public var root: String
    /// Each run's input (nil for capacity runs), in batch order.
    public var inputs: [RunInput?]
    /// Dataset fingerprints by dataset key (path, classes, limit).
    public var fingerprints: [String: String]
    /// Estimated relative cost of each run (images or patterns to converge).
    public var costs: [Int]
    /// Runs of this shard, in batch order.
    public var selected: [Int]
}

/// What one classify or recall run reads: its decoded dataset and, for classify, its split.
public struct RunInput: Sendable {
    public var data: LoadedDataset
    /// The training and test images (classify only).
    public var split: Splitter.Result?
}

/// What a finished `run` reports.
public struct RunReport: Sendable {
    public var root: String
    /// Keys of the runs computed now.
    public var ran: [String]
    /// Keys of the runs found complete (`--resume`).
    public var skipped: [String]
    /// The batch's results when every run is complete (nil for an unfinished shard).
    public var results: BatchResults?
    /// Skipped files, one line each.
    public var warnings: [String]
}
