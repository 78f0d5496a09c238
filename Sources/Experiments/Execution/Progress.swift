import Hopfield

/// How far a batch has got, after each run.
public struct Progress: Sendable {
    /// Runs finished so far.
    public var runsDone: Int
    /// Runs to do in all.
    public var runsTotal: Int
    /// Work done and in all, in the runs' estimated costs (images or patterns to converge).
    public var itemsDone: Int
    /// The estimated work of every run.
    public var itemsTotal: Int
    /// Seconds since the batch started.
    public var elapsed: Double
    /// The key of the run that just finished.
    public var lastRun: String
}
