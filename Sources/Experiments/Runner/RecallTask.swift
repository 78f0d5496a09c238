import Hopfield
import Imaging

/// Stored patterns corrupted over a list of levels (or replaced by random, negative or mixture
/// starts), converged, and scored against the pattern they came from.
enum RecallTask {
    static let runHeader = ["kind", "level", "n", "exact", "exactRate", "meanOverlap", "startErrorQuantile99",
                            "errorQuantile99", "otherMemory", "inverted", "spurious", "cycles", "unconverged", "meanSweeps", "parameters"]

    /// A start for memory μ at a level: the corrupted pattern (real values; 0 = undecided).
    static func start(_ kind: ExperimentConfig.CorruptionKind, level: Double, config: ExperimentConfig.CorruptionSection,
                      memory mu: Int, patterns: [[Double]], size: Int, rng: inout Xoshiro256StarStar) -> [Double] {
        let x = patterns[mu]
        let n = x.count
        let value = Double(config.value)
        switch kind {
        case .flip:
            let k = Int((level * Double(n)).rounded(.toNearestOrAwayFromZero))
            var out = x
            for i in rng.distinctIndices(k, of: n) { out[i] = -out[i] }
            return out
        case .flipEach:
            return x.map { rng.unit() < level ? -$0 : $0 }
        case .bernoulli:
            return x.map { rng.unit() < level ? value : $0 }
        case .mask:
            var out = x
            let rows: Range<Int>, columns: Range<Int>
            if let rect = config.rect {
                rows = rect[0]..<rect[1]
                columns = rect[2]..<rect[3]
            } else {
                // A centred square covering the fraction `level` of the image.
                let side = Int((level.squareRoot() * Double(size)).rounded(.toNearestOrAwayFromZero))
                let start = (size - side) / 2
                rows = start..<(start + side)
                columns = start..<(start + side)
            }
            for r in rows { for c in columns { out[r * size + c] = value } }
            return out
        case .corner:
            // Keep the top-left square of side round(√(1 − level)·size).
            let side = Int(((1 - level).squareRoot() * Double(size)).rounded(.toNearestOrAwayFromZero))
            var out = x
            for r in 0..<size { for c in 0..<size where r >= side || c >= side { out[r * size + c] = value } }
            return out
        case .random:
            return (0..<n).map { _ in Double(rng.sign()) }
        case .negative:
            return x.map { -$0 }
        case .mixture:
            let p = patterns.count
            let a = patterns[mu], b = patterns[(mu + 1) % p], c = patterns[(mu + 2) % p]
            let sb = Double(rng.sign()), sc = Double(rng.sign())
            return (0..<n).map { i in
                let sum = a[i] + sb * b[i] + sc * c[i]
                return sum > 0 ? 1 : (sum < 0 ? -1 : 0)
            }
        }
    }

    static func run(_ spec: RunSpec, data: LoadedDataset, gridKeys: [String], jobs: Int, observer: TrainingObserver? = nil) throws -> RunOutput {
        let config = spec.config
        let corruption = config.corruption!
        let images = data.images
        let classes = data.dataset.classes
        let candidates = images.map { MemorySelection.Candidate(label: $0.file.label, pattern: PatternVector($0.values)) }
        // (prepare has checked that every class quota fits the usable images.)
        let quotas = MemorySelection.quotas(count: config.memories.count, classes: classes.count)
        let chosen = MemorySelection.choose(candidates, quotas: quotas, method: config.memories.select, seed: spec.seed, jobs: jobs)
        let patterns = chosen.map { candidates[$0].pattern }
        let values = patterns.map(\.doubles)
        let network = try StoredNetwork(rule: config.network.rule, patterns: patterns, tolerance: config.network.tolerance,
                                        training: trainingContext(spec, jobs: jobs, observer: observer))
        let levels: [Double?] = corruption.kind.usesLevels ? corruption.levels.map { $0 } : [nil]
        let p = patterns.count
        // Items: level × trial × memory.
        var itemList: [(level: Int, trial: Int, memory: Int)] = []
        for l in levels.indices { for t in 0..<corruption.trials { for mu in 0..<p { itemList.append((l, t, mu)) } } }
        let items = itemList
        let dynamics = config.dynamics.dynamics
        let size = config.image.size
        struct Item: Sendable {
            var start: [Double]
            var settled: StoredNetwork.Settled
        }
        let results = parallelMap(count: items.count, jobs: jobs) { k -> Item in
            let item = items[k]
            var noise = imageStream(spec.seed, "corrupt", UInt64(item.level), UInt64(item.trial), UInt64(item.memory))
            let start = RecallTask.start(corruption.kind, level: levels[item.level] ?? 0, config: corruption, memory: item.memory,
                                         patterns: values, size: size, rng: &noise)
            var rng = imageStream(spec.seed, "converge", UInt64(item.level), UInt64(item.trial), UInt64(item.memory))
            var d = dynamics
            if item.trial == 0 && item.memory == 0 { d.history = [.energy, .states] }
            return Item(start: start, settled: network.settle(start, dynamics: d, rng: &rng))
        }

        var recall = CSVTable(header: ["level", "trial", "n", "exact", "exactRate", "meanOverlap", "startErrorQuantile99",
                                       "errorQuantile99", "otherMemory", "inverted", "spurious", "cycles", "unconverged", "meanSweeps"])
        var predictions = CSVTable(header: ["level", "trial", "memory", "class", "outcome", "matchedMemory", "startOverlap",
                                            "overlap", "nearestMemory", "sweeps", "energyStart", "energyEnd"])
        var tally = CSVTable(header: runColumns(gridKeys) + runHeader)
        var visuals = RunVisuals()
        visuals.size = size
        visuals.network = network
        visuals.memories = values
        visuals.memoryLabels = chosen.map { classes[candidates[$0].label] }
        let n = Double(network.neurons)
        func overlap(_ a: [Double], _ b: [Double]) -> Double {
            var dot = 0.0
            for i in 0..<a.count { dot += a[i] * b[i] }
            return dot / n
        }
        for (l, level) in levels.enumerated() {
            let levelText = level.map { Format.exact($0) } ?? ""
            var levelRows: [[String]] = []
            var pooled = (n: 0, exact: 0, other: 0, inverted: 0, spurious: 0, cycles: 0, unconverged: 0, sweeps: 0)
            var overlaps: [Double] = [], startErrors: [Double] = [], errors: [Double] = []
            for t in 0..<corruption.trials {
                var row = (n: 0, exact: 0, other: 0, inverted: 0, spurious: 0, cycles: 0, unconverged: 0, sweeps: 0)
                var trialOverlaps: [Double] = [], trialStartErrors: [Double] = [], trialErrors: [Double] = []
                for (k, item) in items.enumerated() where item.level == l && item.trial == t {
                    let r = results[k].settled, x = values[item.memory]
                    // Random starts have no target: any stored memory counts as a retrieval.
                    let target: MemoryMatch = corruption.kind == .negative ? .inverted(item.memory) : .memory(item.memory)
                    var outcome: String
                    var matched = ""
                    switch r.match {
                    case target where r.status == .converged:
                        outcome = "exact"
                        row.exact += 1
                        if case .memory(let mu) = r.match { matched = String(mu) }
                        if case .inverted(let mu) = r.match { matched = String(mu) }
                    case .memory(let mu) where corruption.kind == .random && r.status == .converged:
                        outcome = "exact"
                        row.exact += 1
                        matched = String(mu)
                    case .memory(let mu):
                        outcome = "otherMemory"
                        row.other += 1
                        matched = String(mu)
                    case .inverted(let mu):
                        outcome = "inverted"
                        row.inverted += 1
                        matched = String(mu)
                    case .none:
                        outcome = "spurious"
                        row.spurious += 1
                    }
                    if r.status == .cycle { outcome = "cycle"; row.cycles += 1 }
                    if r.status == .unconverged { outcome = "unconverged"; row.unconverged += 1 }
                    row.n += 1
                    row.sweeps += r.sweeps
                    let targetValues = corruption.kind == .negative ? x.map { -$0 } : x
                    let o = overlap(r.state, targetValues)
                    trialOverlaps.append(o)
                    for i in 0..<x.count {
                        trialStartErrors.append(abs(results[k].start[i] - targetValues[i]))
                        trialErrors.append(abs(r.state[i] - targetValues[i]))
                    }
                    predictions.append([levelText, String(t), String(item.memory), visuals.memoryLabels[item.memory], outcome, matched,
                                        fixed(overlap(results[k].start, targetValues)), fixed(o), String(r.nearest),
                                        String(r.sweeps), energyText(r.energyStart), energyText(r.energyEnd)])
                    if item.trial == 0 && visuals.examples.filter({ $0.outcome == levelText }).count < 4 {
                        visuals.examples.append((levelText, results[k].start, r.state, x))
                    }
                    if item.trial == 0 && item.memory == 0 {
                        if let e = r.history?.energies ?? r.continuousHistory?.energies { visuals.energyCurves.append(e) }
                        if l == levels.count / 2 || levels.count == 1 {
                            visuals.trajectory = r.history?.states.map { $0.map(Double.init) } ?? r.continuousHistory?.states ?? []
                            visuals.trajectoryEnergies = r.history?.energies ?? r.continuousHistory?.energies ?? []
                        }
                    }
                }
                let (meanOverlap, _) = Theory.meanAndDeviation(trialOverlaps)
                recall.append([levelText, String(t), String(row.n), String(row.exact), fixed(Double(row.exact) / Double(row.n)),
                               fixed(meanOverlap), fixed(Theory.quantile(trialStartErrors, 0.99)), fixed(Theory.quantile(trialErrors, 0.99)),
                               String(row.other), String(row.inverted), String(row.spurious), String(row.cycles), String(row.unconverged),
                               fixed(Double(row.sweeps) / Double(row.n))])
                pooled.n += row.n; pooled.exact += row.exact; pooled.other += row.other; pooled.inverted += row.inverted
                pooled.spurious += row.spurious; pooled.cycles += row.cycles; pooled.unconverged += row.unconverged
                pooled.sweeps += row.sweeps
                overlaps += trialOverlaps; startErrors += trialStartErrors; errors += trialErrors
            }
            let (meanOverlap, _) = Theory.meanAndDeviation(overlaps)
            levelRows.append(runPrefix(spec) + [corruption.kind.rawValue, levelText, String(pooled.n), String(pooled.exact),
                                                fixed(Double(pooled.exact) / Double(pooled.n)), fixed(meanOverlap),
                                                fixed(Theory.quantile(startErrors, 0.99)), fixed(Theory.quantile(errors, 0.99)),
                                                String(pooled.other), String(pooled.inverted), String(pooled.spurious),
                                                String(pooled.cycles), String(pooled.unconverged),
                                                fixed(Double(pooled.sweeps) / Double(pooled.n)), String(network.parameterCount)])
            for row in levelRows { tally.append(row) }
        }
        var output = RunOutput(tally: tally, visuals: visuals)
        output.addNetwork(network)
        output.add("recall.csv", recall.text)
        output.add("predictions.csv", predictions.text)
        output.add("memories.csv", MemorySelection.table(images: chosen.map { images[$0] }, closest: MemorySelection.closest(chosen, candidates)).text)
        if config.outputs.states {
            addStates(&output, memories: patterns, inputs: results.map { .continuous($0.start) }, states: results.map(\.settled.state),
                      continuous: config.network.rule.isContinuous)
        }
        return output
    }
}
