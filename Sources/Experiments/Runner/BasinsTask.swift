import Hopfield

/// Each stored memory's basin of attraction (issue 22): the largest fraction of flipped bits from
/// which it is still recalled, found by bisection over the number of flipped bits.
///
/// A level of k flipped bits is tried from `basins.trials` starts, start t flipping k distinct
/// bits drawn from the stream (seed, "corrupt", μ, k, t) and converging with the stream (seed,
/// "converge", μ, k, t): the same level of the same memory always gets the same starts, whatever
/// the path of the bisection, the grid point or the thread count.
enum BasinsTask: Sendable {
    /// One memory's search: its radius and where the bisection stopped.
    struct Basin: Sendable {
        var inside = 0
        var outside = 0
        var starts = 0
    }

    /// `data` nil: the run stores random `patterns`.
    static func run(_ spec: RunSpec, data: LoadedDataset?, jobs: Int, observer: TrainingObserver? = nil) throws -> RunResult {
        let config = spec.config
        let memories = try RunMemories.all(spec, data: data, jobs: jobs, observer: observer)
        let patterns: [[Int8]] = memories.patterns.map {
            if case .binary(let v, _) = $0 { return v } else { return $0.doubles.map { $0 > 0 ? 1 : -1 } }
        }
        let basins = parallelMap(count: patterns.count, jobs: jobs) { mu in
            search(spec, memory: mu, patterns: patterns, network: memories.network)
        }
        let n = config.neurons, p = patterns.count
        let labels = memories.labels(data)
        let rows = basins.enumerated().map { mu, basin -> BasinRow in
            var row = BasinRow()
            row.memory = mu
            row.className = labels[mu]
            row.rule = config.network.rule.name
            row.neurons = n
            row.patterns = p
            row.load = Recorded.fixed(Double(p) / Double(n))
            row.radius = Recorded.fixed(Double(basin.inside) / Double(n), 6)
            row.upper = Recorded.fixed(Double(basin.outside) / Double(n), 6)
            row.stable = memories.network.isFixedPoint(patterns[mu], tie: config.dynamics.tie) ? 1 : 0
            row.starts = basin.starts
            return row
        }
        var result = RunResult(
            spec: spec,
            table: RunTable(BasinsTask.self, [BasinsRow(run: RunLabel(spec), criterion: criterionText(config.basins!), basins: rows)]),
            detail: BasinsTask.Detail(basins: rows))
        result.memories = memories.entries(data)
        result.network = memories.network.record
        result.visuals = memories.visuals(data, side: config.pictureSide, pictures: config.outputs.pictures)
        if config.outputs.states {
            var arrays = StateArrays(memories: memories.patterns.map(NetworkState.init), inputs: [], states: [], continuous: false)
            arrays.onlyMemories = true
            result.states = arrays
        }
        return result
    }

    /// The criterion as runs.csv writes it: `exact` or `overlap>=m`.
    static func criterionText(_ b: ExperimentConfig.BasinsSection) -> String {
        b.criterion == .exact ? "exact" : "overlap>=" + Format.exact(b.overlap)
    }

    /// Bisection over k flipped bits in 0…⌊N/2⌋ + 1 for memory μ: 0 flips is tried first (a
    /// memory not recalled from itself has radius 0), then `steps` halvings, fewer once the
    /// interval is one bit.
    static func search(_ spec: RunSpec, memory mu: Int, patterns: [[Int8]], network: StoredNetwork) -> Basin {
        let section = spec.config.basins!
        let n = patterns[mu].count
        var basin = Basin(inside: 0, outside: n / 2 + 1, starts: 0)
        func inside(_ k: Int) -> Bool {
            basin.starts += section.trials
            return recalled(spec, memory: mu, flips: k, pattern: patterns[mu], network: network) >= section.quorum * Double(section.trials)
                - 1e-9
        }
        guard inside(0) else { return Basin(inside: 0, outside: 0, starts: basin.starts) }
        for _ in 0..<section.steps where basin.outside - basin.inside > 1 {
            let middle = (basin.inside + basin.outside) / 2
            if inside(middle) { basin.inside = middle } else { basin.outside = middle }
        }
        return basin
    }

    /// How many of a level's starts are recalled: each flips `flips` distinct bits of the memory
    /// and converges; recalled means equal to the memory (`exact`) or overlap m ≥ `basins.overlap`.
    static func recalled(_ spec: RunSpec, memory mu: Int, flips: Int, pattern: [Int8], network: StoredNetwork) -> Double {
        let section = spec.config.basins!
        let dynamics = spec.config.dynamics.dynamics
        var count = 0
        for t in 0..<section.trials {
            var noise = RunStreams.item(spec.seed, "corrupt", UInt64(mu), UInt64(flips), UInt64(t))
            let start = Corruption.flip(pattern, count: flips, rng: &noise)
            var rng = RunStreams.item(spec.seed, "converge", UInt64(mu), UInt64(flips), UInt64(t))
            let settled = network.settle(.binary(start), dynamics: dynamics, rng: &rng)
            switch section.criterion {
            case .exact:
                if settled.match == .memory(mu) { count += 1 }
            case .overlap:
                if settled.state.dot(.binary(pattern)) / Double(pattern.count) >= section.overlap - 1e-12 { count += 1 }
            }
        }
        return Double(count)
    }
}
