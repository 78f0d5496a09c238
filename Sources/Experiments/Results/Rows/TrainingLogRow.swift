import Hopfield

/// A row of training.csv: one epoch of a trained rule.
public struct TrainingLogRow: ResultRow, Equatable {
    /// The epoch (1-based).
    public var epoch = 0
    /// The rule's training loss after this epoch.
    public var loss = 0.0
    /// The fraction of training patterns that are fixed points after this epoch.
    public var stablePatterns = 0.0

    /// An empty value, filled in field by field when a CSV line is read.
    public init() {}

    /// The row of a logged epoch.
    public init(_ e: TrainingEpoch) {
        epoch = e.epoch
        loss = Recorded.fixed(e.loss, 6)
        stablePatterns = Recorded.fixed(e.stablePatterns, 4)
    }

    /// The file's columns, in order (runs files start with the run and one column per grid key).
    public static func columns(gridKeys: [String]) -> [Column<TrainingLogRow>] {
        [.int("epoch", \.epoch), .fixed("loss", \.loss, 6), .fixed("stablePatterns", \.stablePatterns, 4)]
    }
}
