import Hopfield

/// A run's memories: chosen among candidate images (balanced over classes), stored in a network
/// by the run's rule. Classify chooses among the training split, recall among every image; with
/// a `patterns` section they are random patterns drawn from the run's seed instead.
struct RunMemories {
    /// The chosen images, as indices into the loaded images.
    let images: [Int]
    let patterns: [PatternVector]
    /// For each memory, its closest other memory and their dissimilarity.
    let closest: [(memory: Int, dissimilarity: Double)?]
    let network: StoredNetwork

    /// Chooses `spec`'s memories among `candidates` (indices into `data.images`) and stores them.
    init(_ spec: RunSpec, data: LoadedDataset, candidates indices: [Int], jobs: Int, observer: TrainingObserver?) throws {
        let config = spec.config
        let candidates = indices.map {
            MemorySelection.Candidate(label: data.images[$0].file.label, pattern: data.images[$0].pattern)
        }
        // (prepare has checked that every class quota fits the candidates.)
        var chosen: [Int]
        var chosenPatterns: [PatternVector]
        let quotas = MemorySelection.quotas(count: config.memories.count, classes: data.dataset.classes.count)
        if config.memories.all {
            chosen = Array(candidates.indices)
            chosenPatterns = candidates.map(\.pattern)
        } else if config.memories.select == .means {
            let means = ClusterSelection.choose(candidates, quotas: quotas, means: true, seed: spec.seed, jobs: jobs)
            chosen = means.map(\.candidate)
            chosenPatterns = means.map(\.pattern)
        } else {
            chosen = MemorySelection.choose(candidates, quotas: quotas, method: config.memories.select, seed: spec.seed, jobs: jobs)
            chosenPatterns = chosen.map { candidates[$0].pattern }
        }
        images = chosen.map { indices[$0] }
        patterns = chosenPatterns
        // The closest-memory figures are between the stored patterns (cluster means included).
        let stored = chosenPatterns.indices.map {
            MemorySelection.Candidate(label: candidates[chosen[$0]].label, pattern: chosenPatterns[$0])
        }
        closest = MemorySelection.closest(Array(stored.indices), stored, jobs: jobs)
        network = try StoredNetwork(
            rule: config.network.rule, patterns: patterns, tolerance: config.network.tolerance,
            training: RunStreams.trainingContext(spec, jobs: jobs, observer: observer))
    }

    /// `section`'s random patterns, drawn in order from the run's stream "patterns" (so the first
    /// P of a larger P' are the same patterns), every one stored.
    init(_ spec: RunSpec, random section: ExperimentConfig.PatternsSection, jobs: Int, observer: TrainingObserver?) throws {
        var rng = RunStreams.item(spec.seed, "patterns")
        let drawn = section.family.draw(count: section.count, neurons: section.neurons, rng: &rng)
        images = []
        patterns = drawn.map { .binary($0, BinaryPattern($0)) }
        let stored = patterns.map { MemorySelection.Candidate(label: 0, pattern: $0) }
        closest = MemorySelection.closest(Array(stored.indices), stored, jobs: jobs)
        network = try StoredNetwork(
            rule: spec.config.network.rule, patterns: patterns, tolerance: spec.config.network.tolerance,
            training: RunStreams.trainingContext(spec, jobs: jobs, observer: observer))
    }

    /// The memories of a run: chosen among every image of `data`, or random patterns without it.
    static func all(_ spec: RunSpec, data: LoadedDataset?, jobs: Int, observer: TrainingObserver?) throws -> RunMemories {
        guard let data else { return try RunMemories(spec, random: spec.config.patterns!, jobs: jobs, observer: observer) }
        return try RunMemories(spec, data: data, candidates: Array(data.images.indices), jobs: jobs, observer: observer)
    }

    /// The smallest dissimilarity between two memories (1 with a single memory).
    var minimumDissimilarity: Double { closest.compactMap { $0?.dissimilarity }.min() ?? 1 }

    /// memories.csv's rows (random patterns: no path, class `random`).
    func entries(_ data: LoadedDataset?) -> [MemoryEntry] {
        guard let data else {
            return patterns.indices.map { MemoryEntry(memory: $0, path: "", className: "random", label: 0, closest: closest[$0]) }
        }
        return images.enumerated().map { mu, index in
            let file = data.images[index].file
            return MemoryEntry(memory: mu, path: file.relativePath, className: file.className, label: file.label, closest: closest[mu])
        }
    }

    /// The memories' class names (`random` for random patterns).
    func labels(_ data: LoadedDataset?) -> [String] {
        guard let data else { return patterns.map { _ in "random" } }
        return images.map { data.dataset.classes[data.images[$0].file.label] }
    }

    /// The pictures' material common to both tasks: memories, labels, weights.
    func visuals(_ data: LoadedDataset?, side: Int, pictures: Bool) -> RunVisuals {
        var visuals = RunVisuals()
        visuals.size = side
        let shown =
            patterns.count <= RunVisuals.shownLimit
            ? Array(patterns.indices)
            : (0..<RunVisuals.shownLimit).map { $0 * patterns.count / RunVisuals.shownLimit }
        visuals.memories = shown.map { patterns[$0].doubles }
        visuals.memoryIndices = shown
        visuals.memoryTotal = patterns.count
        visuals.memoryLabels = labels(data)
        if pictures && side > 0 { visuals.weights = network.weightsView(side: side) }
        return visuals
    }
}
