/// The outcomes of a set of converged states and what was measured on them: one type for
/// classify, recall and capacity, added up with `+` (per run, per level, per trial, pooled).
///
/// Counts are exact. The samples (overlaps, per-neuron errors) are kept in the order they were
/// added, so means and quantiles are computed from them in one fixed order.
public struct Tally: Sendable, Equatable {
    /// States per outcome, in `Outcome.allCases` order.
    public private(set) var counts = [Int](repeating: 0, count: Outcome.allCases.count)
    /// Sweeps over all states (each state's last sweep, which changes nothing, included).
    public var sweeps = 0
    /// States whose nearest memory (largest |overlap|) has the right class (classify).
    public var nearestCorrect = 0
    /// Images whose nearest class prototype has their class (classify baselines).
    public var prototypeCorrect = 0
    /// Images whose nearest training image has their class (classify baselines; nil where not
    /// measured).
    public var neighborCorrect: Int?
    /// Stored patterns that are fixed points of the dynamics (capacity).
    public var stable = 0
    /// Each state's overlap m/N with its target pattern (recall, capacity).
    public var overlaps: [Double] = []
    /// |start − target| per neuron of every state (recall).
    public var startErrors: [Double] = []
    /// |state − target| per neuron of every state (recall).
    public var errors: [Double] = []

    /// An empty tally.
    public init() {}

    /// The number of states.
    public var n: Int { counts.reduce(0, +) }

    /// The count of one outcome.
    public subscript(outcome: Outcome) -> Int {
        get { counts[Outcome.allCases.firstIndex(of: outcome)!] }
        set { counts[Outcome.allCases.firstIndex(of: outcome)!] = newValue }
    }

    /// Counts one state.
    public mutating func add(_ outcome: Outcome, sweeps: Int) {
        self[outcome] += 1
        self.sweeps += sweeps
    }

    /// Two tallies pooled: counts added, samples concatenated (left first).
    public static func + (a: Tally, b: Tally) -> Tally {
        var sum = a
        for k in sum.counts.indices { sum.counts[k] += b.counts[k] }
        sum.sweeps += b.sweeps
        sum.nearestCorrect += b.nearestCorrect
        sum.prototypeCorrect += b.prototypeCorrect
        if let c = b.neighborCorrect { sum.neighborCorrect = (sum.neighborCorrect ?? 0) + c }
        sum.stable += b.stable
        sum.overlaps += b.overlaps
        sum.startErrors += b.startErrors
        sum.errors += b.errors
        return sum
    }

    /// Pools tallies in order.
    public static func sum(_ tallies: [Tally]) -> Tally { tallies.reduce(Tally(), +) }

    /// count / n (NaN for an empty tally).
    public func rate(_ outcome: Outcome) -> Double { Double(self[outcome]) / Double(n) }
    /// Sweeps per state.
    public var meanSweeps: Double { Double(sweeps) / Double(n) }
    /// Nearest-memory accuracy: nearestCorrect / n.
    public var nearestRate: Double { Double(nearestCorrect) / Double(n) }
    /// The mean of `overlaps`, summed in order.
    public var meanOverlap: Double { Statistics.meanAndDeviation(overlaps).0 }
}
