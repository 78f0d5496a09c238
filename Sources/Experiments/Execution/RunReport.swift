/// What a finished `run` reports.
public struct RunReport: Sendable {
    /// The results folder.
    public var root: String
    /// Keys of the runs computed now.
    public var ran: [String]
    /// Keys of the runs found complete (`--resume`).
    public var skipped: [String]
    /// The batch's results when every run is complete (nil for an unfinished shard).
    public var results: BatchResults?
    /// The networks' warnings (each message once), then skipped files, one line each.
    public var warnings: [String]
}
