import Hopfield

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
