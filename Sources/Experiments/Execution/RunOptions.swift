import Hopfield

/// How `hopfield run` behaves.
public struct RunOptions: Sendable {
    /// The results root; a batch writes into `<output>/<config name>/` and nowhere else.
    public var output = "Results"
    /// Threads. Results never depend on it.
    public var jobs = availableCores
    /// Skip runs that are already complete (a batch killed at any moment finishes with the same bytes).
    public var resume = false
    /// Replace existing results.
    public var force = false
    /// Only the runs in this shard (`--shard K/N`); nil: all.
    public var shard: Shard?
    /// Write report.html at the end.
    public var report = true
    /// Called after every training epoch with the run's key (from worker threads).
    public var training: (@Sendable (String, TrainingEpoch) -> Void)?
    /// Called after each run (from worker threads, serialised).
    public var progress: (@Sendable (Progress) -> Void)?

    public init() {}
}

/// A slice of a batch: shard `index` (1-based) of `count`.
public struct Shard: Sendable, Equatable {
    public var index: Int
    public var count: Int
    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }
}

/// How far a batch has got, after each run.
public struct Progress: Sendable {
    public var runsDone: Int
    public var runsTotal: Int
    /// Work done and in all, in the runs' estimated costs (images or patterns to converge).
    public var itemsDone: Int
    public var itemsTotal: Int
    /// Seconds since the batch started.
    public var elapsed: Double
    /// The key of the run that just finished.
    public var lastRun: String
}

/// A failure while running (not a config problem).
public struct RunError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
