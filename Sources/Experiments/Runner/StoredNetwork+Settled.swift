import Hopfield

extension StoredNetwork {
    /// One settled state and what it is.
    public struct Settled: Sendable {
        /// The final state (±1 bytes, 0 for a neuron never decided, for binary networks; real
        /// values for modern ones).
        public var state: NetworkState
        /// How the dynamics ended.
        public var status: ConvergenceStatus
        /// Sweeps, the last one included.
        public var sweeps: Int
        /// The energy of the start.
        public var energyStart: Double
        /// The energy of the final state.
        public var energyEnd: Double
        /// Whether the final state is a memory or a negated memory.
        public var match: MemoryMatch
        /// The memory with the largest |overlap| (|cos| for real values) and that overlap / N.
        public var nearest: Int
        /// That memory's overlap m/N (|cos| for real states).
        public var nearestOverlap: Double
        /// The energy at the start and after every sweep, when the dynamics recorded it.
        public var energies: [Double]?
        /// The state at the start and after every sweep, when the dynamics recorded it.
        public var states: [[Double]] = []
        /// What a converged ±1 state is among the memories (nil for real-valued states and for
        /// dynamics that did not converge).
        public var attractor: Attractor?
    }

    /// Converges from `start`: ±1 or 0 bytes for binary networks (real values are taken by their
    /// sign), real values for modern ones (bytes become ±1.0). The RBMs' mean-field recall works
    /// on real values, so they get the bytes as Doubles.
    public func settle(_ start: NetworkState, dynamics: Dynamics, rng: inout Xoshiro256StarStar, startOverlaps: [Int32]? = nil)
        -> Settled
    {
        switch kind {
        case .binary(let network):
            return binarySettled(network.converge(from: start.signs, dynamics: dynamics, rng: &rng), dynamics: dynamics)
        case .rbm(let network):
            return binarySettled(
                network.converge(from: start.doubles, maxSweeps: dynamics.maxSweeps, rng: &rng, history: dynamics.history),
                dynamics: dynamics)
        case .hebbianRBM(let network):
            return binarySettled(
                network.converge(from: start.doubles, maxSweeps: dynamics.maxSweeps, history: dynamics.history),
                dynamics: dynamics)
        case .continuous(let network, let tolerance):
            let settled = network.settle(
                from: start.doubles, maxSteps: dynamics.maxSweeps, history: dynamics.history, matchTolerance: tolerance,
                startOverlaps: startOverlaps)
            return Settled(continuous: settled, history: dynamics.history)
        }
    }

    /// A state may keep undecided (0) neurons: asynchronous-random dynamics stopped by
    /// `maxSweeps` before every masked neuron was drawn. Such a state equals no memory (an
    /// unconverged spurious state); its nearest memory is taken on the decided neurons.
    func binarySettled(_ result: Convergence, dynamics: Dynamics) -> Settled {
        // One row of overlaps locates the state and, when it converged, names its attractor.
        let memories = binaryMemories!
        let overlaps = memories.overlaps(with: result.state)
        let located = memories.locate(overlaps: overlaps)
        var settled = Settled(
            state: .binary(result.state), status: result.status, sweeps: result.sweeps,
            energyStart: result.energyStart / energyDivisor, energyEnd: result.energyEnd / energyDivisor, match: located.match,
            nearest: located.nearest, nearestOverlap: Double(located.overlap) / Double(neurons),
            energies: dynamics.history.isEmpty ? nil : result.history.energies.map { $0 / energyDivisor },
            states: result.history.states.map { $0.map(Double.init) })
        if result.status == .converged { settled.attractor = Attractor(state: result.state, memories: memories, overlaps: overlaps) }
        return settled
    }

    /// Converges `count` starts, item k from `start(k)` with `dynamics(k)` and the stream
    /// `stream(k)`, on `jobs` threads; the same results as ``settle(_:dynamics:rng:startOverlaps:)`` item by
    /// item. Final states are kept only where `keepState(k)` says so (60,000 states of N doubles
    /// are 376 MB at N = 784); the others are empty. Modern networks over ±1 memories get the
    /// first overlaps of ±1 starts in blocks of 32 from the batched kernel, so the memories pass
    /// through the cache once per block.
    public func settleAll(
        count: Int, jobs: Int, start: @Sendable (Int) -> NetworkState, dynamics: @Sendable (Int) -> Dynamics,
        stream: @Sendable (Int) -> Xoshiro256StarStar, keepState: @Sendable (Int) -> Bool
    ) -> [Settled] {
        let block = 32
        let blocks = parallelMap(count: (count + block - 1) / block, jobs: jobs) { b -> [Settled] in
            let range = (b * block)..<min(count, (b + 1) * block)
            let starts = range.map(start)
            var results = firstOverlaps(starts).enumerated().map { offset, z -> Settled in
                let k = range.lowerBound + offset
                var rng = stream(k)
                return settle(starts[offset], dynamics: dynamics(k), rng: &rng, startOverlaps: z)
            }
            for (offset, k) in range.enumerated() where !keepState(k) { results[offset].state = .empty }
            return results
        }
        return blocks.flatMap { $0 }
    }

    /// For a modern network over ±1 memories: the exact overlaps of each ±1 start with every
    /// memory, from one kernel call for the block; nil for other starts and networks.
    func firstOverlaps(_ starts: [NetworkState]) -> [[Int32]?] {
        guard case .continuous(let network, _) = kind, let packed = network.packed else { return starts.map { _ in nil } }
        let decided = starts.map(\.decided)
        let binary = starts.indices.filter { decided[$0] != nil }
        let rows = PackedPatterns(rows: binary.map { decided[$0]! }, neurons: neurons)
        let z = rows.overlaps(0..<binary.count, with: packed)
        var out = [[Int32]?](repeating: nil, count: starts.count)
        for (row, k) in binary.enumerated() { out[k] = Array(z[(row * packed.count)..<((row + 1) * packed.count)]) }
        return out
    }
}

extension StoredNetwork.Settled {
    /// A modern network's run as the runner reports it.
    init(continuous settled: ModernSettled, history: HistoryOptions) {
        let result = settled.convergence
        self.init(
            state: .continuous(result.state), status: result.status, sweeps: result.steps, energyStart: result.energyStart,
            energyEnd: result.energyEnd, match: settled.match, nearest: settled.nearest, nearestOverlap: settled.cosine,
            energies: history.isEmpty ? nil : result.history.energies, states: result.history.states)
    }
}

extension StoredNetwork {
    /// A modern network's vote for each class: softmax(β X s) summed over the memories of each
    /// class (`labels[μ]` is memory μ's class). Made once per run (it holds X as Doubles).
    struct ClassVoter: Sendable {
        let network: ModernNetwork
        let memories: ContinuousMemories
        let labels: [Int]
        let classes: Int

        /// The votes at `state`, one per class, summing to 1.
        func votes(_ state: NetworkState) -> [Double] {
            var votes = [Double](repeating: 0, count: classes)
            for (mu, w) in network.softmax(memories.dots(state.doubles)).enumerated() { votes[labels[mu]] += w }
            return votes
        }
    }

    /// The class voter of a modern network; nil for the other rules.
    func classVoter(labels: [Int], classes: Int) -> ClassVoter? {
        guard case .continuous(let network, _) = kind else { return nil }
        return ClassVoter(network: network, memories: network.memories, labels: labels, classes: classes)
    }
}
