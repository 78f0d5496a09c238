import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// One line of a training log: written to training.csv and shown while training.
public struct TrainingEpoch: Sendable, Equatable {
    public var epoch: Int
    /// The rule's loss: the fraction of (pattern, neuron) pairs below the margin for perceptron
    /// rules, the mean reconstruction error (fraction of wrong pixels) for RBMs.
    public var loss: Double
    /// The fraction of training patterns that are fixed points of the recall dynamics.
    public var stablePatterns: Double
}

/// Called after every epoch (from the training thread).
public typealias TrainingObserver = @Sendable (TrainingEpoch) -> Void

/// A Gaussian draw from two uniform draws (Box–Muller), for weight initialisation.
extension Xoshiro256StarStar {
    public mutating func gaussian() -> Double {
        let u1 = max(unit(), 0x1p-60), u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}

/// body(i) for i in 0..<count on up to `jobs` threads (interleaved slices).
func forEachInParallel(_ count: Int, jobs: Int, _ body: @Sendable (Int) -> Void) {
    let workers = max(1, min(jobs, count))
    if workers == 1 {
        for i in 0..<count { body(i) }
        return
    }
    DispatchQueue.concurrentPerform(iterations: workers) { w in
        var i = w
        while i < count {
            body(i)
            i += workers
        }
    }
}

/// A raw pointer that may cross threads: each thread writes only its own indices.
struct SendablePointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}

struct SendableConstPointer<T>: @unchecked Sendable {
    let pointer: UnsafePointer<T>
    init(_ pointer: UnsafePointer<T>) { self.pointer = pointer }
}
