import Hopfield

/// Notebooks 001–003's experiment: stored patterns corrupted over a list of levels (or
/// replaced by random, negative or mixture starts), converged, and scored against the pattern
/// they came from.
enum RecallTask: Sendable {
    /// One start: its level, its trial and the memory it comes from.
    struct Item: Sendable {
        var level: Int
        var trial: Int
        var memory: Int
    }

    /// A start and where it converged.
    struct Settled: Sendable {
        var start: NetworkState
        var settled: StoredNetwork.Settled
    }

    /// `data` nil: the run stores random `patterns`.
    static func run(_ spec: RunSpec, data: LoadedDataset?, jobs: Int, observer: TrainingObserver? = nil) throws -> RunResult {
        let config = spec.config
        let corruption = config.corruption!
        let memories = try RunMemories.all(spec, data: data, jobs: jobs, observer: observer)
        let levels: [Double?] = corruption.kind.usesLevels ? corruption.levels.map { $0 } : [nil]
        var items: [Item] = []
        for l in levels.indices {
            for t in 0..<corruption.trials { for mu in memories.patterns.indices { items.append(Item(level: l, trial: t, memory: mu)) } }
        }
        let results = converge(spec, items: items, levels: levels, memories: memories, jobs: jobs)
        var visuals = memories.visuals(data, side: config.pictureSide, pictures: config.outputs.pictures)
        var rows: [RecallRow] = [], trials: [RecallTrialRow] = [], predictions = CSVLines<RecallPrediction>()
        for (l, level) in levels.enumerated() {
            let levelText = level.map { Format.exact($0) } ?? ""
            var pooled = Tally()
            for t in 0..<corruption.trials {
                var tally = Tally()
                for (k, item) in items.enumerated() where item.level == l && item.trial == t {
                    let prediction = score(
                        item, results[k], levelText: levelText, kind: corruption.kind, memories: memories,
                        labels: visuals.memoryLabels, into: &tally)
                    predictions.append(prediction)
                    if t == 0 {
                        collect(
                            &visuals, item, results[k], levelText: levelText, isTrajectoryLevel: l == levels.count / 2 || levels.count == 1,
                            target: NetworkState(memories.patterns[item.memory]))
                    }
                }
                trials.append(RecallTrialRow(level: levelText, trial: t, tally: tally))
                pooled = pooled + tally
            }
            rows.append(
                RecallRow(
                    run: RunLabel(spec), kind: corruption.kind.rawValue, level: levelText, tally: pooled,
                    parameters: memories.network.parameterCount))
        }
        var result = RunResult(
            spec: spec, table: RunTable(RecallTask.self, rows), detail: RecallTask.Detail(trials: trials, predictions: predictions))
        result.memories = memories.entries(data)
        result.network = memories.network.record
        result.visuals = visuals
        if config.outputs.states {
            result.states = StateArrays(
                memories: memories.patterns.map(NetworkState.init), inputs: results.map(\.start),
                states: results.map(\.settled.state), continuous: config.network.rule.isContinuous)
        }
        return result
    }

    /// Every start made with its own noise stream and converged with its own dynamics stream.
    /// Memory 0's first trial records its energies (and states) sweep by sweep.
    static func converge(_ spec: RunSpec, items: [Item], levels: [Double?], memories: RunMemories, jobs: Int) -> [Settled] {
        let corruption = spec.config.corruption!
        let patterns = RecallStart.Patterns(memories.patterns)
        let dynamics = spec.config.dynamics.dynamics
        let size = spec.config.image.size
        return parallelMap(count: items.count, jobs: jobs) { k -> Settled in
            let item = items[k]
            var noise = RunStreams.item(spec.seed, "corrupt", UInt64(item.level), UInt64(item.trial), UInt64(item.memory))
            let start = patterns.start(
                corruption.kind, level: levels[item.level] ?? 0, value: corruption.value, rect: corruption.rect, memory: item.memory,
                size: size, rng: &noise)
            var rng = RunStreams.item(spec.seed, "converge", UInt64(item.level), UInt64(item.trial), UInt64(item.memory))
            var d = dynamics
            if item.trial == 0 && item.memory == 0 { d.history = [.energy, .states] }
            return Settled(start: start, settled: memories.network.settle(start, dynamics: d, rng: &rng))
        }
    }

    /// The outcome of one start against its target: the pattern it came from (random starts:
    /// any memory), tallied with its overlap and per-neuron errors. A negative start is scored
    /// against the memory too: staying at −x^μ is `inverted` with start overlap −1, not an exact
    /// recall of a start that never moved.
    static func score(
        _ item: Item, _ r: Settled, levelText: String, kind: ExperimentConfig.CorruptionKind, memories: RunMemories,
        labels: [String], into tally: inout Tally
    ) -> RecallPrediction {
        let target = NetworkState(memories.patterns[item.memory])
        let s = r.settled
        let outcome = Outcome(match: s.match, status: s.status) { kind == .random || $0 == item.memory }
        tally.add(outcome, sweeps: s.sweeps)
        let overlap = s.state.dot(target) / Double(target.count)
        tally.overlaps.append(overlap)
        for i in 0..<target.count {
            tally.startErrors.append(abs(r.start[i] - target[i]))
            tally.errors.append(abs(s.state[i] - target[i]))
        }
        var p = RecallPrediction()
        p.level = levelText
        p.trial = item.trial
        p.memory = item.memory
        p.className = labels[item.memory]
        p.outcome = outcome
        switch s.match {
        case .memory(let mu), .inverted(let mu): p.matchedMemory = mu
        case .none: p.matchedMemory = nil
        }
        p.startOverlap = r.start.dot(target) / Double(target.count)
        p.overlap = overlap
        p.nearestMemory = s.nearest
        p.sweeps = s.sweeps
        p.energyStart = s.energyStart
        p.energyEnd = s.energyEnd
        p.attractor = AttractorFields(s.attractor)
        return p
    }

    /// Pictures' material from a first trial: 4 examples per level, memory 0's energy curve at
    /// every level, its trajectory at the middle level.
    static func collect(
        _ visuals: inout RunVisuals, _ item: Item, _ r: Settled, levelText: String, isTrajectoryLevel: Bool, target: NetworkState
    ) {
        if visuals.examples.filter({ $0.group == levelText }).count < 4 {
            visuals.examples.append(
                .init(group: levelText, input: r.start.doubles, state: r.settled.state.doubles, nearest: target.doubles))
        }
        guard item.memory == 0 else { return }
        if let energies = r.settled.energies {
            visuals.energyCurves.append((levelText.isEmpty ? "memory 0" : "memory 0, level \(levelText)", energies))
        }
        if isTrajectoryLevel {
            visuals.trajectory = r.settled.states
            visuals.trajectoryEnergies = r.settled.energies ?? []
        }
    }
}
