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
    public var mode: UpdateMode
    public var tie: TieRule
    /// The most sweeps before giving up with outcome "unconverged". A sweep is one pass (N
    /// updates, or one synchronous step). 100 is far above what Hebbian networks need (a few
    /// sweeps) and bounds the cost of a run.
    public var maxSweeps: Int
    /// What to record sweep by sweep.
    public var history: HistoryOptions

    public init(mode: UpdateMode = .async, tie: TieRule = .plus, maxSweeps: Int = 100,
                history: HistoryOptions = []) {
        precondition(maxSweeps >= 1)
        self.mode = mode
        self.tie = tie
        self.maxSweeps = maxSweeps
        self.history = history
    }
}

public struct HistoryOptions: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Energy at the start and after every sweep.
    public static let energy = HistoryOptions(rawValue: 1)
    /// Overlaps with every memory at the start and after every sweep.
    public static let overlaps = HistoryOptions(rawValue: 2)
    /// The whole state at the start and after every sweep (for animations).
    public static let states = HistoryOptions(rawValue: 4)
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
    public var energies: [Double] = []
    public var overlaps: [[Int]] = []
    public var states: [[Int8]] = []
}

/// The result of running a binary network from one initial state.
public struct Convergence: Sendable {
    public var state: [Int8]
    public var status: ConvergenceStatus
    /// Sweeps performed, including the last one (which, for `converged`, changed nothing).
    public var sweeps: Int
    /// Neuron updates that changed the state, over all sweeps.
    public var flips: Int
    public var cyclePeriod: Int?
    public var energyStart: Double
    public var energyEnd: Double
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
