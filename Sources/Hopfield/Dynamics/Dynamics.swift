/// The order in which neurons are updated.
public enum UpdateMode: String, Sendable, CaseIterable, Codable {
    /// Every neuron once per sweep, in a fresh random order each sweep (the seed notebook's
    /// intent). An order array starts as 0, 1, …, N−1; each sweep shuffles it in place with a
    /// forward Fisher–Yates pass (for position p = 0…N−2: swap p with p + bounded(N − p), the
    /// draws from the image's own xoshiro256** stream, see `Xoshiro256StarStar.bounded`), and
    /// the neurons are visited in the resulting order. Each sweep's order is a uniformly random
    /// permutation, independent of the previous one.
    case async
    /// N neurons picked uniformly with replacement per sweep (BrainPy's `async_recover`): some
    /// neurons are visited twice, some not at all.
    case asyncRandom = "async-random"
    /// Every neuron once per sweep in index order 0, 1, …, N−1.
    case sequential
    /// All neurons at once from the same state (can fall into 2-cycles: detected).
    case sync
}

/// What a neuron does when its field is exactly zero (within the network's tie tolerance).
public enum TieRule: String, Sendable, CaseIterable, Codable {
    /// Become +1: the seed notebook's `if activation < 0: -1 else: 1`.
    case plus
    /// Keep the current value (an undecided 0 becomes +1).
    case keep
    /// Become −1.
    case minus
}

/// How a network is run from an initial state.
public struct Dynamics: Sendable, Equatable, Hashable {
    /// The order in which neurons are updated; ``UpdateMode/async`` (a fresh random order each
    /// sweep) by default, the seed notebook's intent.
    public var mode: UpdateMode
    /// What a zero field gives; ``TieRule/plus`` by default, the seed notebook's
    /// `if activation < 0: -1 else: 1`.
    public var tie: TieRule
    /// The most sweeps before giving up with outcome "unconverged". A sweep is one pass (N
    /// updates, or one synchronous step). 100 is far above what Hebbian networks need (a few
    /// sweeps) and bounds the cost of a run.
    public var maxSweeps: Int
    /// What to record sweep by sweep.
    public var history: HistoryOptions

    /// A run's settings. The defaults are the seed notebook's: random-order asynchronous updates,
    /// ties to +1, and at most 100 sweeps with no history. `maxSweeps` must be at least 1.
    public init(mode: UpdateMode = .async, tie: TieRule = .plus, maxSweeps: Int = 100,
                history: HistoryOptions = []) {
        precondition(maxSweeps >= 1)
        self.mode = mode
        self.tie = tie
        self.maxSweeps = maxSweeps
        self.history = history
    }
}

/// Which sweep-by-sweep records a run keeps in its ``History``. Empty by default: each record costs
/// an energy, P overlaps (O(N·P)) or a copy of the N-neuron state per sweep, paid only by runs that
/// plot or animate.
public struct HistoryOptions: OptionSet, Sendable, Hashable {
    /// The option bits: 1 energy, 2 overlaps, 4 states.
    public let rawValue: Int
    /// Options from their bits (the `OptionSet` requirement).
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Energy at the start and after every sweep.
    public static let energy = HistoryOptions(rawValue: 1)
    /// Overlaps with every memory at the start and after every sweep.
    public static let overlaps = HistoryOptions(rawValue: 2)
    /// The whole state at the start and after every sweep (for animations).
    public static let states = HistoryOptions(rawValue: 4)
    /// Every record: energy, overlaps and states.
    public static let all: HistoryOptions = [.energy, .overlaps, .states]
}

/// How a convergence ended.
public enum ConvergenceStatus: String, Sendable, Codable {
    /// A sweep changed nothing: the state is a fixed point.
    case converged
    /// Synchronous updates revisited an earlier state (period in `cyclePeriod`).
    case cycle
    /// `maxSweeps` sweeps and still changing.
    case unconverged
}

/// Sweep-by-sweep records; entry 0 is the initial state, entry k the state after sweep k.
public struct History: Sendable {
    /// E at the start and after every sweep, in the network's own units; filled with
    /// ``HistoryOptions/energy``.
    public var energies: [Double] = []
    /// m_μ = Σ_i x_i^μ s_i with every memory (P numbers per entry, an undecided 0 counting 0);
    /// filled with ``HistoryOptions/overlaps``.
    public var overlaps: [[Int]] = []
    /// The whole state, N values of −1, 0 or +1 per entry; filled with ``HistoryOptions/states``.
    public var states: [[Int8]] = []
}

/// The result of running a binary network from one initial state.
public struct Convergence: Sendable {
    /// The final state, N values of ±1. A 0 can remain only in a neuron never visited, which
    /// happens when an ``UpdateMode/asyncRandom`` run stops at `maxSweeps`.
    public var state: [Int8]
    /// Why the run stopped: a fixed point, a cycle, or `maxSweeps` reached.
    public var status: ConvergenceStatus
    /// Sweeps performed, including the last one (which, for `converged`, changed nothing).
    public var sweeps: Int
    /// Neuron updates that changed the state, over all sweeps.
    public var flips: Int
    /// For a synchronous cycle, the number of steps between two visits of the repeated state (2 for
    /// the classical two-cycle). Nil otherwise, and nil for the layered networks (RBMs), which
    /// detect a repeated state without its period.
    public var cyclePeriod: Int?
    /// E of the initial state, in the network's own units (exact integers for the Hebbian rule,
    /// which drops the notebooks' 1/P or 1/N): compare energies only within one network.
    public var energyStart: Double
    /// E of the final state. With symmetric couplings and one neuron updated at a time, every
    /// change lowers E or leaves it, so it is at most `energyStart`; synchronous updates and the
    /// asymmetric perceptron couplings carry no such guarantee.
    public var energyEnd: Double
    /// The records asked for in ``Dynamics/history``; empty arrays otherwise.
    public var history: History
}

/// Decides a neuron's new value from its field.
@inline(__always)
func decide(_ field: Double, current: Int8, tie: TieRule, tolerance: Double) -> Int8 {
    if field > tolerance { return 1 }
    if field < -tolerance { return -1 }
    switch tie {
    case .plus: return 1
    case .minus: return -1
    case .keep: return current == 0 ? 1 : current
    }
}

/// The order of an asynchronous sweep (see `UpdateMode.async`).
public enum SweepOrder {
    /// Shuffles `order` in place for the next sweep: forward Fisher–Yates with `bounded`.
    @inline(__always)
    public static func shuffle(_ order: UnsafeMutablePointer<Int32>, count: Int, rng: inout Xoshiro256StarStar) {
        // A local copy keeps the generator in registers (inout state is reloaded through memory).
        var generator = rng
        var p = 0
        while p < count &- 1 {
            step(order, p, count: count, &generator)
            p &+= 1
        }
        rng = generator
    }

    /// One step of the forward Fisher–Yates shuffle: swaps position p with a uniform pick from
    /// p..<count. The sweeps that fuse the shuffle with their visits call this too, so every
    /// path draws the same orders.
    @inline(__always)
    public static func step(_ order: UnsafeMutablePointer<Int32>, _ p: Int, count: Int, _ generator: inout Xoshiro256StarStar) {
        let j = p &+ Int(generator.bounded(UInt64(truncatingIfNeeded: count &- p)))
        let t = order[j]
        order[j] = order[p]
        order[p] = t
    }

    /// The plain definition, for tests: the orders of `sweeps` successive sweeps.
    public static func orders(neurons: Int, sweeps: Int, rng: inout Xoshiro256StarStar) -> [[Int]] {
        var order = (0..<neurons).map { Int32($0) }
        var result: [[Int]] = []
        for _ in 0..<sweeps {
            order.withUnsafeMutableBufferPointer { shuffle($0.baseAddress!, count: neurons, rng: &rng) }
            result.append(order.map(Int.init))
        }
        return result
    }
}
