/// Runs a `BinaryNetwork` from one state. Generic, so each network's field code is specialised
/// and inlined into the sweep loops; buffers are allocated once per convergence.
///
/// Two shortcuts leave every result unchanged:
/// - After a sweep that changed few neurons, all fields are computed in one vectorised pass
///   first. If no neuron disagrees with its field, the state is a fixed point: the next sweep
///   would change nothing, so it is counted without drawing its order (nothing is drawn from the
///   image's stream after convergence).
/// - During a sweep that follows such a pass, a neuron whose field at the start of the sweep
///   agrees with its value by more than 2·B·k (B the coupling bound, k the changes made so far in
///   this sweep) cannot have changed sides, and its field is not recomputed.
final class DynamicsEngine<Network: BinaryNetwork> {
    let network: Network
    let dynamics: Dynamics
    let n: Int
    let state: UnsafeMutablePointer<Int8>
    let fields: UnsafeMutablePointer<Double>
    let order: UnsafeMutablePointer<Int32>

    init(network: Network, initial: [Int8], dynamics: Dynamics) {
        self.network = network
        self.dynamics = dynamics
        let n = network.neurons
        self.n = n
        let state = UnsafeMutablePointer<Int8>.allocate(capacity: n)
        initial.withUnsafeBufferPointer { state.initialize(from: $0.baseAddress!, count: n) }
        self.state = state
        fields = .allocate(capacity: n)
        order = .allocate(capacity: n)
        for i in 0..<n { order[i] = Int32(truncatingIfNeeded: i) }
    }

    deinit {
        state.deallocate()
        fields.deallocate()
        order.deallocate()
    }

    var stateView: UnsafeBufferPointer<Int8> { UnsafeBufferPointer(start: state, count: n) }
    var stateArray: [Int8] { Array(stateView) }

    func run(rng: inout Xoshiro256StarStar) -> Convergence {
        var history = History()
        var workspace = network.makeWorkspace(stateView)
        let energyStart = network.energy(stateView, workspace)
        record(&history, workspace)
        var sweeps = 0, flips = 0
        var status = ConvergenceStatus.unconverged
        var cyclePeriod: Int?
        var seen: [BinaryPattern: Int] = [:]
        // The previous sweep's changes; "few" (below N/fieldPassDivisor) makes the next sweep
        // compute all fields first.
        var previousChanges = n
        let fieldPassDivisor = 32

        while sweeps < dynamics.maxSweeps {
            sweeps += 1
            var changes = 0
            var missedOnly = false  // async-random: unstable neurons remain but none was picked
            switch dynamics.mode {
            case _ where dynamics.isStochastic:
                changes = glauberSweep(rng: &rng, workspace: &workspace)
            case .async, .sequential:
                var haveFields = false
                if previousChanges < max(n / fieldPassDivisor, 1) {
                    if unstableCount(workspace) == 0 { break }
                    haveFields = true
                }
                if !haveFields {
                    changes = network.sweep(
                        state, order: order, shuffle: dynamics.mode == .async, rng: &rng,
                        tie: dynamics.tie, workspace: workspace)
                } else {
                    if dynamics.mode == .async { SweepOrder.shuffle(order, count: n, rng: &rng) }
                    changes = orderedSweep(workspace: workspace, startFields: haveFields)
                }
            case .asyncRandom:
                // Stops at a fixed point: a sweep of random picks that happens to change nothing
                // while some neuron is unstable does not count as convergence.
                if unstableCount(workspace) > 0 {
                    changes = randomSweep(rng: &rng, workspace: workspace)
                    if changes == 0 { missedOnly = true }
                }
            case .sync:
                changes = syncStep(workspace: &workspace)
                if changes > 0 {
                    let packed = BinaryPattern(stateView)
                    if let earlier = seen[packed] {
                        cyclePeriod = sweeps - earlier
                        status = .cycle
                    } else {
                        seen[packed] = sweeps
                    }
                }
            }
            flips += changes
            previousChanges = changes
            record(&history, workspace)
            if status == .cycle { break }
            if changes == 0 && !missedOnly {
                status = .converged
                break
            }
        }
        let energyEnd = network.energy(stateView, workspace)
        return Convergence(
            state: stateArray, status: status, sweeps: sweeps, flips: flips, cyclePeriod: cyclePeriod,
            energyStart: energyStart, energyEnd: energyEnd, history: history)
    }

    /// One history entry for the current state (nothing when no history is asked for).
    func record(_ history: inout History, _ workspace: Network.Workspace) {
        let options = dynamics.history
        if options.isEmpty { return }
        if options.contains(.energy) { history.energies.append(network.energy(stateView, workspace)) }
        if options.contains(.overlaps) { history.overlaps.append(network.memories.overlaps(with: stateArray)) }
        if options.contains(.states) { history.states.append(stateArray) }
    }

    // MARK: - Sweeps

    func computeFields(_ workspace: Network.Workspace) {
        network.fields(stateView, workspace, into: UnsafeMutableBufferPointer(start: fields, count: n))
    }

    /// Computes all fields and counts the neurons whose field disagrees with their value.
    func unstableCount(_ workspace: Network.Workspace) -> Int {
        computeFields(workspace)
        let tie = dynamics.tie, tolerance = network.tieTolerance
        var unstable = 0
        for i in 0..<n where decide(fields[i], current: state[i], tie: tie, tolerance: tolerance) != state[i] {
            unstable &+= 1
        }
        return unstable
    }

    /// Visits every neuron in `order` (async: just shuffled; sequential: 0..<N). With
    /// `startFields`, `fields` holds the fields at the start of the sweep, used to skip neurons
    /// that provably keep their value.
    func orderedSweep(workspace: Network.Workspace, startFields: Bool) -> Int {
        let tie = dynamics.tie, tolerance = network.tieTolerance
        let step = 2 * network.couplingBound
        let canSkip = startFields && step.isFinite
        var changes = 0
        var slack = tolerance  // 2·B·changes + tolerance
        let view = stateView
        for k in 0..<n {
            let i = Int(order[k])
            let old = state[i]
            if canSkip && old != 0 && Double(old) * fields[i] > slack { continue }
            let new = decide(network.field(i, view, workspace), current: old, tie: tie, tolerance: tolerance)
            if new != old {
                state[i] = new
                network.update(i, from: old, to: new, view, workspace)
                changes &+= 1
                slack += step
            }
        }
        return changes
    }

    /// N picks with replacement.
    func randomSweep(rng: inout Xoshiro256StarStar, workspace: Network.Workspace) -> Int {
        let tie = dynamics.tie, tolerance = network.tieTolerance
        var changes = 0
        let view = stateView
        for _ in 0..<n {
            let i = rng.index(below: n)
            let old = state[i]
            let new = decide(network.field(i, view, workspace), current: old, tie: tie, tolerance: tolerance)
            if new != old {
                state[i] = new
                network.update(i, from: old, to: new, view, workspace)
                changes &+= 1
            }
        }
        return changes
    }

    /// One sweep of Glauber dynamics (T > 0): each neuron set by ``glauber(_:temperature:rng:)``
    /// from its field over the network's ``BinaryNetwork/fieldScale``, visited as the mode says
    /// (async: a fresh shuffled order; sequential: index order; async-random: N picks with
    /// replacement; sync: every neuron from the same fields). The draws come from the image's stream.
    /// Never inlined: kept out of `run`, the deterministic dynamics' hot loop.
    @inline(never)
    func glauberSweep(rng: inout Xoshiro256StarStar, workspace: inout Network.Workspace) -> Int {
        let t = dynamics.temperature * network.fieldScale
        var changes = 0
        if dynamics.mode == .sync {
            computeFields(workspace)
            for i in 0..<n {
                let new = glauber(fields[i], temperature: t, rng: &rng)
                if new != state[i] {
                    state[i] = new
                    changes &+= 1
                }
            }
            if changes > 0 { workspace = network.makeWorkspace(stateView) }
            return changes
        }
        if dynamics.mode == .async { SweepOrder.shuffle(order, count: n, rng: &rng) }
        let view = stateView
        for k in 0..<n {
            let i = dynamics.mode == .asyncRandom ? rng.index(below: n) : Int(order[k])
            let old = state[i]
            let new = glauber(network.field(i, view, workspace), temperature: t, rng: &rng)
            if new != old {
                state[i] = new
                network.update(i, from: old, to: new, view, workspace)
                changes &+= 1
            }
        }
        return changes
    }

    /// One synchronous step: every neuron from the same fields.
    func syncStep(workspace: inout Network.Workspace) -> Int {
        computeFields(workspace)
        let tie = dynamics.tie, tolerance = network.tieTolerance
        var changes = 0
        for i in 0..<n {
            let new = decide(fields[i], current: state[i], tie: tie, tolerance: tolerance)
            if new != state[i] {
                state[i] = new
                changes &+= 1
            }
        }
        if changes > 0 { workspace = network.makeWorkspace(stateView) }
        return changes
    }
}
