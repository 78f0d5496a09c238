import Hopfield

/// Notebook 001's exercise 6.13: random unbiased patterns of N neurons, P over a list, several
/// trials: how many stored patterns are fixed points, and the overlap reached from each stored
/// pattern, beside the theory.
enum CapacityTask: Sendable {
    static func run(_ spec: RunSpec, jobs: Int) throws -> RunResult {
        let config = spec.config
        let section = config.capacity!
        let n = section.neurons
        var rows: [CapacityRow] = []
        var trials: [CapacityTrialRow] = []
        for p in section.patterns {
            var pooled = Tally()
            for trial in 0..<section.trials {
                let tally = try measure(spec, patterns: p, trial: trial, jobs: jobs)
                trials.append(CapacityTrialRow(patterns: p, neurons: n, trial: trial, tally: tally))
                pooled = pooled + tally
            }
            // Above α_c the theory has no retrieval state: the column stays empty (the report says why).
            let theory = config.network.rule is HebbianRule ? CapacityTheory.retrievalOverlap(load: Double(p) / Double(n)) : nil
            rows.append(
                CapacityRow(
                    run: RunLabel(spec), rule: config.network.rule.name, neurons: n, patterns: p, trials: section.trials,
                    tally: pooled, theoryOverlap: theory))
        }
        return RunResult(spec: spec, table: RunTable(CapacityTask.self, rows), detail: CapacityTask.Detail(trials: trials))
    }

    /// One trial: P fresh random patterns stored; each one checked for stability and converged
    /// from itself.
    static func measure(_ spec: RunSpec, patterns p: Int, trial: Int, jobs: Int) throws -> Tally {
        let n = spec.config.capacity!.neurons
        let dynamics = spec.config.dynamics.dynamics
        var rng = RunStreams.item(spec.seed, "patterns", UInt64(p), UInt64(trial))
        let family = spec.config.patterns?.family ?? .independent(bias: 0)
        let patterns = family.draw(count: p, neurons: n, rng: &rng)
        if spec.config.network.rule is HebbianRule, HebbianCouplings.fits(neurons: n, patterns: p), HebbianCouplings.supports(dynamics) {
            return measureHebbian(spec, patterns: patterns, trial: trial, jobs: jobs)
        }
        let network = try StoredNetwork(
            rule: spec.config.network.rule, patterns: patterns.map { .binary($0, BinaryPattern($0)) },
            tolerance: spec.config.network.tolerance,
            training: RunStreams.trainingContext(spec, jobs: jobs, observer: nil, keys: [UInt64(p), UInt64(trial)]))
        let tallies = parallelMap(count: p, jobs: jobs) { mu -> Tally in
            let x = patterns[mu]
            var stream = RunStreams.item(spec.seed, "converge", UInt64(p), UInt64(trial), UInt64(mu))
            let settled = network.settle(.binary(x), dynamics: dynamics, rng: &stream)
            return probe(
                mu, match: settled.match, status: settled.status, sweeps: settled.sweeps,
                stable: network.isFixedPoint(x, tie: dynamics.tie), overlap: settled.state.dot(.binary(x)) / Double(n))
        }
        return Tally.sum(tallies)
    }

    /// ``measure(_:patterns:trial:jobs:)`` for the Hebbian rule with one neuron at a time, on the
    /// explicit coupling matrix with kept fields (``HebbianCouplings``): the same runs, draw for
    /// draw, at O(N) per change instead of O(N·P) per sweep.
    static func measureHebbian(_ spec: RunSpec, patterns: [[Int8]], trial: Int, jobs: Int) -> Tally {
        let n = spec.config.capacity!.neurons, p = patterns.count
        let memories = Memories(patterns)
        let runs = HebbianCouplings(memories: memories, jobs: jobs).convergeFromMemories(
            jobs: jobs, dynamics: spec.config.dynamics.dynamics
        ) { mu in
            RunStreams.item(spec.seed, "converge", UInt64(p), UInt64(trial), UInt64(mu))
        }
        return Tally.sum(
            runs.enumerated().map { mu, run -> Tally in
                let x = patterns[mu], state = run.convergence.state
                var dot = 0
                for i in 0..<n { dot += Int(state[i]) * Int(x[i]) }
                return probe(
                    mu, match: memories.locate(overlaps: memories.overlaps(with: state)).match, status: run.convergence.status,
                    sweeps: run.convergence.sweeps, stable: run.stable, overlap: Double(dot) / Double(n))
            })
    }

    /// One stored pattern's probe counted: where it ended (right only as pattern μ itself), its
    /// sweeps, whether μ was a fixed point, and the overlap m = x^μ·s/N it reached.
    static func probe(_ mu: Int, match: MemoryMatch, status: ConvergenceStatus, sweeps: Int, stable: Bool, overlap: Double) -> Tally {
        var tally = Tally()
        tally.add(Outcome(match: match, status: status) { $0 == mu }, sweeps: sweeps)
        if stable { tally.stable = 1 }
        tally.overlaps = [overlap]
        return tally
    }
}
