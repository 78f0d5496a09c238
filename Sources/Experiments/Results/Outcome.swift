import Hopfield

/// Where a converged state ended, for every task. Raw values are the names classify CSVs use;
/// recall CSVs call `correct` "exact" and `error` "otherMemory" (``recallName``).
public enum Outcome: String, Sendable, CaseIterable {
    /// The memory it should reach: a memory of the image's own class (classify), the pattern the
    /// start was made from (recall, capacity).
    case correct
    /// Another stored memory: of another class (classify), not the start's own (recall).
    case error
    /// A negated memory: a known attractor (the notebooks counted it as spurious).
    case inverted
    /// A fixed point that is no memory and no negated memory.
    case spurious
    /// Synchronous updates revisited a state.
    case cycle
    /// Still changing after `dynamics.maxSweeps` sweeps.
    case unconverged

    /// The outcome's name in recall files: "exact" and "otherMemory" for correct and error.
    public var recallName: String {
        switch self {
        case .correct: return "exact"
        case .error: return "otherMemory"
        default: return rawValue
        }
    }

    /// The outcome of a state that `match`es a memory or not, after dynamics that ended with
    /// `status`: a cycle or an unconverged run is that, whatever state it stopped at; otherwise
    /// a memory is correct when `isCorrect` says so.
    public init(match: MemoryMatch, status: ConvergenceStatus, isCorrect: (Int) -> Bool) {
        switch status {
        case .cycle: self = .cycle
        case .unconverged: self = .unconverged
        case .converged:
            switch match {
            case .memory(let mu): self = isCorrect(mu) ? .correct : .error
            case .inverted: self = .inverted
            case .none: self = .spurious
            }
        }
    }
}
