/// A network of ±1 neurons with symmetric couplings, as the dynamics engine sees it.
///
/// States are Int8 buffers of −1, +1, and 0 for an undecided neuron (a masked pixel); a neuron
/// visited by the dynamics always becomes ±1. The "field" of a neuron is the quantity whose sign
/// decides its next value: Σ_j W_ij s_j for pairwise rules, the energy difference between its two
/// values for dense associative memories.
public protocol BinaryNetwork: Sendable {
    /// Per-convergence scratch (overlaps and the like), kept consistent with the state by
    /// `update`.
    associatedtype Workspace: AnyObject

    /// N, the number of neurons: every state buffer the network is given has this length.
    var neurons: Int { get }
    /// The stored patterns (for outcome tests and overlap histories).
    var memories: Memories { get }
    /// An upper bound on how much a change of one neuron's state by 1 can move another neuron's
    /// field (max |W_if|). The engine skips neurons whose field is provably too far from zero to
    /// change within a sweep. `.infinity` turns that off.
    var couplingBound: Double { get }
    /// Fields within this distance of zero are ties (0 for the exact integer rules).
    var tieTolerance: Double { get }
    /// The unit of a field for Glauber dynamics (``Dynamics/temperature``): h/fieldScale is
    /// compared with T. N for the Hebbian rule's integer fields (T on the scale of W = XᵀX/N);
    /// 1 (the default) for rules whose couplings are already normalised (Storkey, pseudo-inverse).
    var fieldScale: Double { get }

    /// A workspace computed from scratch for `state` (once per convergence, and again after each
    /// synchronous step, which changes many neurons at once).
    func makeWorkspace(_ state: UnsafeBufferPointer<Int8>) -> Workspace
    /// The field of neuron i for the current state. Must depend only on the state (not on the
    /// history of updates), so every path to a state gives the same field.
    func field(_ i: Int, _ state: UnsafeBufferPointer<Int8>, _ workspace: Workspace) -> Double
    /// The fields of all neurons, equal to `field(i, …)` for each i (the default computes
    /// exactly that; a network may provide a faster equivalent).
    func fields(_ state: UnsafeBufferPointer<Int8>, _ workspace: Workspace, into out: UnsafeMutableBufferPointer<Double>)
    /// Neuron i has changed from `old` to `new` (the state already holds `new`).
    func update(_ i: Int, from old: Int8, to new: Int8, _ state: UnsafeBufferPointer<Int8>, _ workspace: Workspace)
    /// The energy of the current state.
    func energy(_ state: UnsafeBufferPointer<Int8>, _ workspace: Workspace) -> Double

    /// One asynchronous sweep: visits `order[0..<N]` in turn, first shuffling position p into
    /// place with `p + rng.bounded(N − p)` when `shuffle` is set (forward Fisher–Yates, fused
    /// with the visits). Returns the number of changes. The default uses `field` and `update`;
    /// a network may provide a faster equivalent.
    func sweep(
        _ state: UnsafeMutablePointer<Int8>, order: UnsafeMutablePointer<Int32>, shuffle: Bool,
        rng: inout Xoshiro256StarStar, tie: TieRule, workspace: Workspace
    ) -> Int
}

extension BinaryNetwork {
    /// The default: fields are used as they are.
    public var fieldScale: Double { 1 }

    /// The default: `field(i, …)` for each i in index order.
    public func fields(_ state: UnsafeBufferPointer<Int8>, _ workspace: Workspace, into out: UnsafeMutableBufferPointer<Double>) {
        for i in 0..<neurons { out[i] = field(i, state, workspace) }
    }

    /// The default: the generic sweep, one `field` and (on a change) one `update` per visit, with
    /// the same shuffle steps and draws as every specialised sweep.
    public func sweep(
        _ state: UnsafeMutablePointer<Int8>, order: UnsafeMutablePointer<Int32>, shuffle: Bool,
        rng: inout Xoshiro256StarStar, tie: TieRule, workspace: Workspace
    ) -> Int {
        genericSweep(state, order: order, shuffle: shuffle, rng: &rng, tie: tie, workspace: workspace)
    }

    @inline(__always)
    func genericSweep(
        _ state: UnsafeMutablePointer<Int8>, order: UnsafeMutablePointer<Int32>, shuffle: Bool,
        rng: inout Xoshiro256StarStar, tie: TieRule, workspace: Workspace
    ) -> Int {
        let n = neurons, tolerance = tieTolerance
        var generator = rng
        var changes = 0
        let view = UnsafeBufferPointer(start: state, count: n)
        for p in 0..<n {
            if shuffle && p < n &- 1 { SweepOrder.step(order, p, count: n, &generator) }
            let i = Int(order[p])
            let old = state[i]
            let new = decide(field(i, view, workspace), current: old, tie: tie, tolerance: tolerance)
            if new != old {
                state[i] = new
                update(i, from: old, to: new, view, workspace)
                changes &+= 1
            }
        }
        rng = generator
        return changes
    }
}

extension BinaryNetwork {
    /// Runs the dynamics from `initial` (values −1, 0, +1; length N). `rng` is the image's own
    /// stream: the asynchronous orders are drawn from it.
    ///
    /// Each network type in this module declares its own `converge`, which calls this with the
    /// concrete type so the engine is specialised (a generic call from another module would go
    /// through witness tables on every field).
    @inline(__always)
    func runDynamics(from initial: [Int8], dynamics: Dynamics, rng: inout Xoshiro256StarStar) -> Convergence {
        precondition(initial.count == neurons, "state of \(initial.count) neurons for a network of \(neurons)")
        return DynamicsEngine(network: self, initial: initial, dynamics: dynamics).run(rng: &rng)
    }

    /// The energy of a state.
    public func energy(of state: [Int8]) -> Double {
        state.withUnsafeBufferPointer { s in energy(s, makeWorkspace(s)) }
    }

    /// All fields of a state.
    public func fields(of state: [Int8]) -> [Double] {
        state.withUnsafeBufferPointer { s in
            let ws = makeWorkspace(s)
            return [Double](unsafeUninitializedCapacity: neurons) { out, count in
                fields(s, ws, into: out)
                count = neurons
            }
        }
    }

    /// Whether every neuron already has the value its field gives (a fixed point).
    public func isFixedPoint(_ state: [Int8], tie: TieRule = .plus) -> Bool {
        let h = fields(of: state)
        for i in 0..<neurons where decide(h[i], current: state[i], tie: tie, tolerance: tieTolerance) != state[i] {
            return false
        }
        return true
    }
}

/// Σ_i s_i² for states of −1, 0, +1: the number of decided neurons (vectorised).
@inline(__always)
func activeNeurons(_ state: UnsafeBufferPointer<Int8>) -> Int {
    var count = 0
    for s in state { count &+= Int(s & 1) }
    return count
}
