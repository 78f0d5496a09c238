import Hopfield

/// Random unbiased patterns of N neurons, P over a list, several trials: how many stored patterns
/// are fixed points, and the overlap reached from each stored pattern, beside the theory.
enum CapacityTask {
    static let runHeader = ["rule", "neurons", "patterns", "load", "trials", "stableFraction", "meanOverlap", "exactRate",
                            "meanSweeps", "theoryOverlap", "criticalLoad", "mcEliecePatterns"]

    static func run(_ spec: RunSpec, gridKeys: [String], jobs: Int) throws -> RunOutput {
        let config = spec.config
        let section = config.capacity!
        let n = section.neurons
        let dynamics = config.dynamics.dynamics
        var detail = CSVTable(header: ["patterns", "load", "trial", "stable", "stableFraction", "meanOverlap", "minOverlap",
                                       "exact", "meanSweeps"])
        var tally = CSVTable(header: runColumns(gridKeys) + runHeader)
        var visuals = RunVisuals()
        for p in section.patterns {
            var stableTotal = 0, exactTotal = 0, sweepTotal = 0
            var overlapSum = 0.0
            for trial in 0..<section.trials {
                var rng = imageStream(spec.seed, "patterns", UInt64(p), UInt64(trial))
                let patterns = (0..<p).map { _ in Corruption.random(neurons: n, rng: &rng) }
                var training = StoredNetwork.Training()
                training.seed = RandomStreams.derive(spec.seed, RandomStreams.key("train"), UInt64(p), UInt64(trial))
                training.jobs = jobs
                let network = try StoredNetwork(rule: config.network.rule, patterns: patterns.map { .binary($0, BinaryPattern($0)) },
                                                tolerance: config.network.tolerance, training: training)
                struct Item: Sendable {
                    var stable: Bool
                    var overlap: Double
                    var exact: Bool
                    var sweeps: Int
                }
                let items = parallelMap(count: p, jobs: jobs) { mu -> Item in
                    let x = patterns[mu]
                    var stream = imageStream(spec.seed, "converge", UInt64(p), UInt64(trial), UInt64(mu))
                    let settled = network.settle(x.map(Double.init), dynamics: dynamics, rng: &stream)
                    var dot = 0.0
                    for i in 0..<n { dot += settled.state[i] * Double(x[i]) }
                    return Item(stable: network.isFixedPoint(x, tie: dynamics.tie), overlap: dot / Double(n),
                                exact: settled.match == .memory(mu), sweeps: settled.sweeps)
                }
                let stable = items.filter(\.stable).count, exact = items.filter(\.exact).count
                let overlaps = items.map(\.overlap)
                let sweeps = items.reduce(0) { $0 + $1.sweeps }
                detail.append([String(p), fixed(Double(p) / Double(n)), String(trial), String(stable), fixed(Double(stable) / Double(p)),
                               fixed(overlaps.reduce(0, +) / Double(p)), fixed(overlaps.min() ?? 0), String(exact),
                               fixed(Double(sweeps) / Double(p))])
                stableTotal += stable
                exactTotal += exact
                sweepTotal += sweeps
                overlapSum += overlaps.reduce(0, +)
            }
            let count = Double(p * section.trials)
            let alpha = Double(p) / Double(n)
            let theory = config.network.rule == .hebbian ? (Theory.retrievalOverlap(load: alpha).map(fixed) ?? "0.0000") : ""
            tally.append(runPrefix(spec) + [config.network.rule.name, String(n), String(p), fixed(alpha), String(section.trials),
                                            fixed(Double(stableTotal) / count), fixed(overlapSum / count), fixed(Double(exactTotal) / count),
                                            fixed(Double(sweepTotal) / count), theory, fixed(Theory.criticalLoad),
                                            fixed(Theory.mcElieceCapacity(neurons: n))])
        }
        visuals.size = 0
        var output = RunOutput(tally: tally, visuals: visuals)
        output.add("capacity.csv", detail.text)
        return output
    }
}
