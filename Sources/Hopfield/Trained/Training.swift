#if canImport(Glibc)
    import Glibc
#endif

/// One line of a training log: written to training.csv and shown while training.
public struct TrainingEpoch: Sendable, Equatable {
    /// The epoch's number, from 1.
    public var epoch: Int
    /// The rule's loss: the fraction of (pattern, neuron) pairs below the margin for perceptron
    /// rules, the mean reconstruction error (fraction of wrong pixels) for RBMs.
    public var loss: Double
    /// The fraction of training patterns that are fixed points of the recall dynamics; for a
    /// classifier (``measure`` `.accuracy`), the fraction of training images classified right.
    public var stablePatterns: Double
    /// What ``stablePatterns`` counts.
    public var measure: Measure = .stability

    /// What an epoch's fraction counts.
    public enum Measure: Sendable, Equatable {
        /// Training patterns that are fixed points.
        case stability
        /// Training images classified right in the epoch.
        case accuracy
    }

    /// An epoch's figures.
    public init(epoch: Int, loss: Double, stablePatterns: Double, measure: Measure = .stability) {
        self.epoch = epoch
        self.loss = loss
        self.stablePatterns = stablePatterns
        self.measure = measure
    }
}

extension TrainingEpoch {
    /// "training diverged (loss NaN at epoch 1)" for the first epoch of `log` whose loss is not
    /// finite, or nil. A diverged model's parameters are not numbers: its predictions (often
    /// one class for every image, chance accuracy) are no result, so the run fails with this.
    public static func diverged(_ log: [TrainingEpoch]) -> String? {
        guard let bad = log.first(where: { !$0.loss.isFinite }) else { return nil }
        return "training diverged (loss \(bad.loss.isNaN ? "NaN" : bad.loss > 0 ? "+inf" : "-inf") at epoch \(bad.epoch))"
    }
}

/// Called after every epoch (from the training thread).
public typealias TrainingObserver = @Sendable (TrainingEpoch) -> Void

extension Xoshiro256StarStar {
    /// A Gaussian draw from two uniform draws (Box–Muller), for weight initialisation:
    /// √(−2 log u₁)·cos(2π u₂), mean 0 and variance 1. u₁ is kept at or above 2⁻⁶⁰ so the
    /// logarithm stays finite; each call consumes exactly two draws.
    public mutating func gaussian() -> Double {
        let u1 = max(unit(), 0x1p-60), u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
