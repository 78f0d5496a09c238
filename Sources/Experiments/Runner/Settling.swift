import Hopfield
import Imaging

/// A pattern as the runner handles it: ±1 (with its packed form) or real-valued.
public enum PatternVector: Sendable {
    case binary([Int8], BinaryPattern)
    case continuous([Double])

    public init(_ values: PatternValues) {
        switch values {
        case .binary(let v): self = .binary(v, BinaryPattern(v))
        case .continuous(let v): self = .continuous(v.map(Double.init))
        }
    }

    public var count: Int {
        switch self {
        case .binary(let v, _): return v.count
        case .continuous(let v): return v.count
        }
    }

    /// Values as Double (±1 for binary).
    public var doubles: [Double] {
        switch self {
        case .binary(let v, _): return v.map(Double.init)
        case .continuous(let v): return v
        }
    }

    /// 1 − |overlap|/N, or 1 − |cos| for real values.
    public func dissimilarity(to other: PatternVector) -> Double {
        switch (self, other) {
        case (.binary(_, let a), .binary(_, let b)):
            return 1 - Double(abs(a.overlap(with: b))) / Double(a.count)
        default:
            let x = doubles, y = other.doubles
            var dot = 0.0, nx = 0.0, ny = 0.0
            for i in 0..<x.count {
                dot += x[i] * y[i]
                nx += x[i] * x[i]
                ny += y[i] * y[i]
            }
            guard nx > 0, ny > 0 else { return 1 }
            return 1 - abs(dot) / (nx * ny).squareRoot()
        }
    }
}

/// What a converged state is. Raw values are the names written in CSV files.
public enum Outcome: String, Sendable, CaseIterable {
    /// Equal to a memory of the image's own class.
    case correct
    /// Equal to a memory of another class.
    case error
    /// Equal to a negated memory (a known attractor; the notebook counted it as spurious).
    case inverted
    /// A fixed point that is no memory and no negated memory.
    case spurious
    /// Synchronous updates revisited a state.
    case cycle
    /// Still changing after dynamics.maxSweeps sweeps.
    case unconverged
}

/// The stored patterns with their network, binary or continuous.
public struct StoredNetwork: Sendable {
    public enum Kind: Sendable {
        case binary(BinaryNetworkBox)
        case continuous(ModernNetwork, tolerance: Double)
    }

    public let kind: Kind
    public let neurons: Int
    /// ±1 memories (binary networks, and modern networks storing binary patterns).
    public let memories: [[Int8]]?
    public let continuousMemories: ContinuousMemories

    public init(rule: LearningRule, patterns: [PatternVector], tolerance: Double) {
        neurons = patterns[0].count
        continuousMemories = ContinuousMemories(patterns.map(\.doubles))
        var binary: [[Int8]]? = []
        for p in patterns {
            if case .binary(let v, _) = p { binary?.append(v) } else { binary = nil }
        }
        memories = binary
        switch rule {
        case .modern(let beta):
            kind = .continuous(ModernNetwork(memories: continuousMemories, beta: beta), tolerance: tolerance)
        default:
            kind = .binary(BinaryNetworkBox(rule: rule, memories: Memories(binary!)))
        }
    }

    /// One settled state and what it is.
    public struct Settled: Sendable {
        public var state: [Double]
        public var status: ConvergenceStatus
        public var sweeps: Int
        public var energyStart: Double
        public var energyEnd: Double
        public var match: MemoryMatch
        /// The memory with the largest |overlap| (|cos| for real values) and that overlap / N.
        public var nearest: Int
        public var nearestOverlap: Double
        public var history: History?
        public var continuousHistory: ContinuousHistory?
    }

    /// Converges from `start` (±1 or 0 entries for binary networks; real values for modern ones).
    public func settle(_ start: [Double], dynamics: Dynamics, rng: inout Xoshiro256StarStar) -> Settled {
        switch kind {
        case .binary(let network):
            let initial = start.map { Int8($0 > 0 ? 1 : ($0 < 0 ? -1 : 0)) }
            let result = network.converge(from: initial, dynamics: dynamics, rng: &rng)
            let packed = BinaryPattern(result.state)
            let memories = network.memories
            let nearest = memories.nearest(packed)
            return Settled(state: result.state.map(Double.init), status: result.status, sweeps: result.sweeps,
                           energyStart: result.energyStart, energyEnd: result.energyEnd, match: memories.match(packed),
                           nearest: nearest.index, nearestOverlap: Double(nearest.overlap) / Double(neurons),
                           history: dynamics.history.isEmpty ? nil : result.history, continuousHistory: nil)
        case .continuous(let network, let tolerance):
            let result = network.converge(from: start, maxSteps: dynamics.maxSweeps, history: dynamics.history)
            let nearest = continuousMemories.nearest(result.state)
            return Settled(state: result.state, status: result.status, sweeps: result.steps,
                           energyStart: result.energyStart, energyEnd: result.energyEnd,
                           match: continuousMemories.match(result.state, tolerance: tolerance),
                           nearest: nearest.index, nearestOverlap: nearest.cosine, history: nil,
                           continuousHistory: dynamics.history.isEmpty ? nil : result.history)
        }
    }

    /// Whether a stored pattern is a fixed point (binary networks).
    public func isFixedPoint(_ pattern: [Int8], tie: TieRule) -> Bool {
        if case .binary(let network) = kind { return network.isFixedPoint(pattern, tie: tie) }
        return false
    }
}

/// Energies in CSV files: integers exactly, other values in shortest round-trip form.
func energyText(_ e: Double) -> String { Format.exact(e) }
