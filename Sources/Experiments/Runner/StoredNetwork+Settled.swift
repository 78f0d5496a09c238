import Hopfield

extension StoredNetwork {
    /// One settled state and what it is.
    public struct Settled: Sendable {
        /// The final state (±1 values for binary networks).
        public var state: [Double]
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
    }

    /// Converges from `start` (±1 or 0 entries for binary networks; real values for modern ones).
    public func settle(_ start: [Double], dynamics: Dynamics, rng: inout Xoshiro256StarStar) -> Settled {
        switch kind {
        case .binary(let network):
            let initial = start.map { Int8($0 > 0 ? 1 : ($0 < 0 ? -1 : 0)) }
            return binarySettled(network.converge(from: initial, dynamics: dynamics, rng: &rng), dynamics: dynamics)
        case .rbm(let network):
            return binarySettled(network.converge(from: start, maxSweeps: dynamics.maxSweeps, rng: &rng, history: dynamics.history),
                                 dynamics: dynamics)
        case .hebbianRBM(let network):
            return binarySettled(network.converge(from: start, maxSweeps: dynamics.maxSweeps, history: dynamics.history),
                                 dynamics: dynamics)
        case .continuous(let network, let tolerance):
            let settled = network.settle(from: start, maxSteps: dynamics.maxSweeps, history: dynamics.history, matchTolerance: tolerance)
            let result = settled.convergence
            return Settled(state: result.state, status: result.status, sweeps: result.steps,
                           energyStart: result.energyStart, energyEnd: result.energyEnd, match: settled.match,
                           nearest: settled.nearest, nearestOverlap: settled.cosine,
                           energies: dynamics.history.isEmpty ? nil : result.history.energies, states: result.history.states)
        }
    }

    func binarySettled(_ result: Convergence, dynamics: Dynamics) -> Settled {
        let located = binaryMemories!.locate(BinaryPattern(result.state))
        return Settled(state: result.state.map(Double.init), status: result.status, sweeps: result.sweeps,
                       energyStart: result.energyStart, energyEnd: result.energyEnd, match: located.match,
                       nearest: located.nearest, nearestOverlap: Double(located.overlap) / Double(neurons),
                       energies: dynamics.history.isEmpty ? nil : result.history.energies,
                       states: result.history.states.map { $0.map(Double.init) })
    }
}
