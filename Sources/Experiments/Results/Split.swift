/// The part of a dataset an image, a row or a prediction belongs to: the images memories are
/// chosen and trained from, the images held out of training to choose a grid point
/// (`split.validation`), and the images reported.
public enum Split: String, Sendable, Hashable, CaseIterable {
    /// The training split.
    case train
    /// Training images held out to choose a grid point (`split.select`).
    case validation
    /// The test split.
    case test
}
