import Hopfield

/// A run's memories: chosen among candidate images (balanced over classes), stored in a network
/// by the run's rule. Classify chooses among the training split, recall among every image.
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
        let candidates = indices.map { MemorySelection.Candidate(label: data.images[$0].file.label, pattern: PatternVector(data.images[$0].values)) }
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
        let stored = chosenPatterns.indices.map { MemorySelection.Candidate(label: candidates[chosen[$0]].label, pattern: chosenPatterns[$0]) }
        closest = MemorySelection.closest(Array(stored.indices), stored, jobs: jobs)
        network = try StoredNetwork(rule: config.network.rule, patterns: patterns, tolerance: config.network.tolerance,
                                    training: RunStreams.trainingContext(spec, jobs: jobs, observer: observer))
    }

    /// The smallest dissimilarity between two memories (1 with a single memory).
    var minimumDissimilarity: Double { closest.compactMap { $0?.dissimilarity }.min() ?? 1 }

    /// memories.csv's rows.
    func entries(_ data: LoadedDataset) -> [MemoryEntry] {
        images.enumerated().map { mu, index in
            let file = data.images[index].file
            return MemoryEntry(memory: mu, path: file.relativePath, className: file.className, label: file.label, closest: closest[mu])
        }
    }

    /// The memories' class names.
    func labels(_ data: LoadedDataset) -> [String] { images.map { data.dataset.classes[data.images[$0].file.label] } }

    /// The pictures' material common to both tasks: memories, labels, weights.
    func visuals(_ data: LoadedDataset, side: Int, pictures: Bool) -> RunVisuals {
        var visuals = RunVisuals()
        visuals.size = side
        let shown = patterns.count <= RunVisuals.shownLimit ? Array(patterns.indices)
            : (0..<RunVisuals.shownLimit).map { $0 * patterns.count / RunVisuals.shownLimit }
        visuals.memories = shown.map { patterns[$0].doubles }
        visuals.memoryIndices = shown
        visuals.memoryTotal = patterns.count
        visuals.memoryLabels = labels(data)
        if pictures && side > 0 { visuals.weights = network.weightsView(side: side) }
        return visuals
    }
}
