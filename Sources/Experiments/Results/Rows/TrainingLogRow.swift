import Hopfield

/// A row of training.csv: one epoch of a trained rule.
public struct TrainingLogRow: ResultRow, Equatable {
    public var epoch = 0
    public var loss = 0.0
    public var stablePatterns = 0.0

    public init() {}

    /// The row of a logged epoch.
    public init(_ e: TrainingEpoch) {
        epoch = e.epoch
        loss = Recorded.fixed(e.loss, 6)
        stablePatterns = Recorded.fixed(e.stablePatterns, 4)
    }

    public static func columns(gridKeys: [String]) -> [Column<TrainingLogRow>] {
        [.int("epoch", \.epoch), .fixed("loss", \.loss, 6), .fixed("stablePatterns", \.stablePatterns, 4)]
    }
}
