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
    /// Where decoded patterns are kept between runs (``PatternCache``); nil: no cache.
    public var cache: PatternCache? = PatternCache(folder: PatternCache.defaultFolder)
    /// Write report.html at the end.
    public var report = true
    /// Called after every training epoch with the run's key (from worker threads).
    public var training: (@Sendable (String, TrainingEpoch) -> Void)?
    /// Called after each run (from worker threads, serialised).
    public var progress: (@Sendable (Progress) -> Void)?

    /// An empty value, filled in field by field (as when a CSV line is read).
    public init() {}
}
